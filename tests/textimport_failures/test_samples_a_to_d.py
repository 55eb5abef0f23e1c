"""Text import: samples A to D, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes

# --------------------------------------------------------------------------
# Forms met in the held-out sample (excerpts in the same shape, own words)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "city", "country"),
    [
        ("WASHINGTON, DC (May 2, 2019)–", "Washington", "DC"),
        ("Washington, D.C.--", "Washington", "D.C."),
        ("Washington, D.C.-", "Washington", "D.C."),
    ],
)
def test_datelines_with_a_date_in_brackets_or_a_glued_dash(opening, city, country):
    release = parse_release_text(opening + "Chairwoman Pat Example filed the bill today.")
    assert (release.dateline_city, release.dateline_country) == (city, country)
    assert release.paragraphs[0] == "Chairwoman Pat Example filed the bill today."


def test_statement_announced_in_the_paragraph_above():
    text = (
        "Title: Example statement on the ports\n\nContent:\n"
        "WASHINGTON – Rep. Pat Example (XX-01) today released the following statement on "
        "the reopening of the ports.\n"
        "“The ports are open again and the crews deserve our thanks.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Pat Example", "The ports are open again and the crews deserve our thanks.")
    ]


def test_statement_paragraphs_glued_with_straight_quotes():
    # One mark glued between two sentences ('town."The') closes the one and opens the next.
    text = (
        'Rep. Pat Example released the following statement on the vote."The first part is '
        'good news for every town."The second part is better news still."'
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Pat Example", "The first part is good news for every town."),
        ("Pat Example", "The second part is better news still."),
    ]


def test_byline_names_the_author_of_the_quoted_piece():
    text = (
        "Read the full op-ed below.\n\nBy Rep. Pat Example\n\n"
        "“Our rivers are older than our towns, and they deserve care.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Pat Example", "Our rivers are older than our towns, and they deserve care.")
    ]


def test_attribution_line_broken_after_the_opening_mark():
    text = (
        "Sam Example\n, President of the Example Taxpayers Union said of the bill, “\n"
        "We support every plan that makes the rules simpler for everyone.\n”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Sam Example", "We support every plan that makes the rules simpler for everyone.")
    ]


def test_name_before_a_long_role_is_the_speaker():
    text = (
        "“Markets work when they are open,” Jo Example, a third-generation farmer and the "
        "Executive Director of the Organization for Open Markets, said.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_a_sentence_about_what_someone_said_is_no_attribution():
    text = (
        "Rep. Pat Example released the following statement on the report.\n\n"
        '"The claim that ‘all is well!" is wrong and contradicts what Counsel Jan Sample said '
        'earlier today. We must act now."\n'
    )
    release = parse_release_text(text)
    assert "Jan Sample" not in [s.name for s in release.speakers]


def test_quoted_testimony_after_said_at_or_quote():
    text = (
        "In 2017, Justice Example said at his confirmation hearing: “The ruling is settled "
        "law and has been reaffirmed.” Let me quote Justice Sample at her hearing: “It is an "
        "important precedent of this court.”"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Example", "Sample"]


def test_initialism_glued_to_the_word_before_is_not_a_sentence_end():
    release = parse_release_text(
        "The bill was introduced in the Senate byU.S. Senators Jo Example."
    )
    assert release.paragraphs == [
        "The bill was introduced in the Senate byU.S. Senators Jo Example."
    ]


def test_the_occasion_of_a_quote_is_its_context():
    text = (
        "The forum was opened by the Trade Minister Pat Example, who said:\n\n"
        "“Trade opens doors that walls keep shut.”\n"
    )
    release = parse_release_text(text)
    assert [(q.speaker.name, q.context) for q in release.quotes] == [
        ("Pat Example", "opening the forum")
    ]


def test_heading_line_names_the_speaker_of_the_quote_below():
    text = (
        "Read what supporters said below:\n"
        "Example Farmers Union – President and CEO Jo Example\n"
        "“\nThis bill gives small farms a fair chance at last.\n”\n"
        "Example Growers\n"
        "“\nWe welcome any plan that lowers costs for growers.\n”\n"
    )
    release = parse_release_text("Title: Supporters speak\n\nContent:\n" + text)
    assert quotes(release) == [("Jo Example", "This bill gives small farms a fair chance at last.")]
    assert any("We welcome any plan" in note for note in release.unplaced)


def test_dateline_broken_before_a_hyphen():
    release = parse_release_text(
        "WASHINGTON\n- Sens. Jo Example and Sam Sample filed a bill today."
    )
    assert release.dateline_city == "Washington"
    assert release.paragraphs[0].startswith("Sens. Jo Example and Sam Sample")


def test_repeated_lead_in_ending_on_a_comma_is_no_footer():
    parts = [
        f"Of the bill,\nSen. {name} said, “\nThe {what} part works.\n”\n"
        for name, what in [("Jo Example", "first"), ("Sam Sample", "second"), ("Al Other", "third")]
    ]
    release = parse_release_text("Title: Three views\n\nContent:\n" + "".join(parts))
    assert [name for name, _ in quotes(release)] == ["Jo Example", "Sam Sample", "Al Other"]
    assert "Of the bill," not in release.dropped


# --------------------------------------------------------------------------
# Samples B and C: speakers and quotes
# --------------------------------------------------------------------------


def test_attribution_broken_after_its_verb():
    text = (
        "“The first part of the plan is ready,”\nsaid Sen. Example.\n"
        "“It starts in the spring.”\n"
        "“Our schools have waited long enough,”\nsaid\nSen. Sample.\n"
        "“This plan gives them the means.”\n"
    )
    release = parse_release_text("Title: Two senators\n\nContent:\n" + text)
    assert quotes(release) == [
        ("Example", "The first part of the plan is ready. It starts in the spring."),
        ("Sample", "Our schools have waited long enough. This plan gives them the means."),
    ]


def test_heading_line_ending_on_a_company_abbreviation():
    text = (
        "Dr. Jo Example, Chief Medical Officer – Example Labs, Inc.\n"
        "“\nPatients deserve medicines they can afford and trust.\n”\n"
    )
    release = parse_release_text("Title: Support for the bill\n\nContent:\n" + text)
    assert quotes(release) == [
        ("Jo Example", "Patients deserve medicines they can afford and trust.")
    ]


def test_statement_after_a_lead_about_one_member_is_theirs():
    text = (
        "Washington, D.C. - Today, Congresswoman Jo Example voted for the Harbour Safety Act "
        "which she cosponsored.\n\n"
        "“Our harbours need this law and I was proud to vote for it today.”\n"
    )
    release = parse_release_text("Title: Example votes for harbour safety\n\nContent:\n" + text)
    assert quotes(release) == [
        ("Jo Example", "Our harbours need this law and I was proud to vote for it today.")
    ]


def test_below_statement_names_its_speaker():
    text = (
        "Washington, D.C. - Congresswoman Jo Example released the below statement following "
        "reports on the port.\n\n"
        '"The port must be opened again and its workers paid without delay."\n'
    )
    release = parse_release_text("Title: Example statement on the port\n\nContent:\n" + text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_letter_quoted_around_they_write_is_the_first_senders():
    text = (
        "WASHINGTON - Today, Senators Example (R-UT), Sample (R-SC), and Other (R-TX) "
        "released a letter they sent to the Secretary.\n"
        '"Rules that silence members of the service, " they write, "could harm morale '
        'across the forces."\n'
    )
    release = parse_release_text("Title: Senators write to the Secretary\n\nContent:\n" + text)
    assert quotes(release) == [
        (
            "Example",
            "Rules that silence members of the service, could harm morale across the forces.",
        ),
    ]


def test_stray_mark_before_a_profile_that_quotes_its_subject():
    text = (
        "Prof. Jo Example\n"
        "“\nProf. Jo Example, an expert with many papers on the subject, has advised "
        "regulators for years. According to Prof. Example, “approval should follow "
        "the evidence, not the paperwork; switching tests add nothing.\n"
    )
    release = parse_release_text("Title: Experts on the bill\n\nContent:\n" + text)
    assert quotes(release) == [
        (
            "Jo Example",
            "approval should follow the evidence, not the paperwork; switching tests add nothing.",
        )
    ]
    assert any("opened but not closed" in note for note in release.unplaced)


def test_op_ed_quoted_whole_over_unmarked_paragraphs():
    text = (
        "By Rep. Jo Example\n\n"
        "“Our valley is where the old battles were fought.\n\n"
        "I grew up walking those fields and have worked to keep them.\n\n"
        "My bill keeps the fields open for the next generation.”\n\n"
        "Click here to read the op-ed.\n"
    )
    release = parse_release_text(
        "Title: Example op-ed on the old battlefields\n\nContent:\n" + text
    )
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert quotes(release)[0][1].endswith("keeps the fields open for the next generation.")
    assert not any("opened but not closed" in note for note in release.unplaced)


# --------------------------------------------------------------------------
# Sample D (seed 21), used for development
# --------------------------------------------------------------------------


def test_place_in_the_feeds_date_field_is_the_dateline():
    text = (
        "Title: Congresswoman Example Files a Resolution\n"
        "Date: Washington, February 1, 2024\n"
        "Tags: Congress\n\n"
        "Content:\n"
        "Today, Congresswoman Jo Example filed a resolution on the budget.\n"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Washington", "")


def test_place_and_state_in_the_feeds_date_field():
    text = "Title: A Contest\nDate: Washington, DC, August 10, 2021\n\nContent:\nThe winner.\n"
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Washington", "DC")


def test_a_date_field_with_only_a_weekday_and_date_gives_no_dateline():
    text = "Title: A Bill\nDate: Thursday, August 01, 2024\n\nContent:\nToday a bill was filed.\n"
    assert parse_release_text(text).dateline_city == ""


def test_embedded_post_is_its_authors_quote():
    text = (
        "Senator Jo Example criticised the spending plan.\n"
        "Nothing to protect jobs now? Sounds like a boondoggle\n"
        "https://t.co/AbCdEf123\n"
        "— Jo Example (@ExampleJo)\n"
        "May 10, 2020\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "Nothing to protect jobs now? Sounds like a boondoggle")
    ]
    assert "May 10, 2020" not in release.paragraphs
    assert "https://t.co/AbCdEf123" in release.dropped


def test_letter_spaced_typescript_is_read_as_words():
    text = (
        "RIVER TOWNS GET A NEW BRIDGE\n\n"
        "T h e  M i n i s t e r  f o r  R o a d s ,  M r .  E x a m p l e ,  s a i d\n"
        "t o d a y  t h a t  w o r k  w o u l d  b e g i n  i n  M a y .\n"
    )
    release = parse_release_text(text)
    assert release.paragraphs[0] == (
        "The Minister for Roads, Mr. Example, said today that work would begin in May."
    )


def test_ordinary_text_with_double_spaces_is_left_alone():
    text = "TITLE OF THE RELEASE\n\nThe plan  was  approved by a vote of 9 to 2 in  the council.\n"
    release = parse_release_text(text)
    assert release.paragraphs[0] == "The plan was approved by a vote of 9 to 2 in the council."


def test_embargo_notice_over_several_lines_is_not_the_title():
    text = (
        "EMBARGO EMBARGO\n"
        "NOT FOR PUBLICATION OR BROADCAST\n"
        "BEFORE 7.30 P.M. ON MONDAY 4th\n"
        "APRIL.\n"
        "PRESS STATEMENT BY THE MINISTER FOR HOUSING (THE HON. J.K. EXAMPLE, M.P.)\n"
        "MORE HOMES FOR NEW SETTLERS\n"
        "The Minister for Housing, Mr. Example, said today that 400 homes would be built.\n"
    )
    release = parse_release_text(text)
    assert release.title == "MORE HOMES FOR NEW SETTLERS"
    assert "EMBARGO EMBARGO" in release.dropped
    assert "APRIL." in release.dropped


def test_office_alone_above_the_headline_is_letterhead():
    text = (
        "PRIME MINISTER\n"
        "AID FOR FLOOD VICTIMS\n"
        "The Prime Minister announced today a grant of $1 million for flood relief.\n"
    )
    assert parse_release_text(text).title == "AID FOR FLOOD VICTIMS"


def test_where_the_words_were_said_is_not_part_of_the_name():
    text = (
        "Members asked the agency to act.\n\n"
        '"We must act now," said Rep. Jo Example in a statement. "It is time."\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Jo Example", "We must act now. It is time.")]
