"""What a review of the rules for samples AG to AI found they must not do, and the failures
of sample AJ (seed 52), held out and measured once, as small excerpts with the same
structure."""

import pytest

from articles.textimport import body_paragraphs, parse_release_text
from tests.textimport_failures import harvested, quotes, speakers

# --------------------------------------------------------------------------
# What a review of the rules of samples AG to AI found they must not do
# --------------------------------------------------------------------------

_HEAD = (
    "Minister backs plan\n\nCANBERRA, 3 May 2024\n\nThe Minister for Rivers, Jane Roe, and "
    "the Opposition spokesman, Tom Vale, today spoke about the ferries.\n\n"
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ms Roe said that “the old ferry was no longer fit for purpose.” Locals agreed. “Today "
        "I am proud to launch the new one.”",
        "“This is a great day,” Ms Roe said, adding that the boat would cost $20 million. "
        "“Every town deserves a good ferry.”",
        "“We will build this ferry,” Ms Roe said during the 2019 election campaign. “Today I "
        "am proud to launch it.”",
        "“This is a great day,” Ms Roe said. “Every town deserves a good ferry,” Mr Vale "
        "countered.",
    ],
)
def test_two_statements_with_more_than_an_attribution_between_stay_two(paragraph):
    assert len(parse_release_text(_HEAD + paragraph + "\n").quotes) == 2


@pytest.mark.parametrize(
    "heading", ["Quotes attributable to Tom Vale", "Industry reaction", "Boatmen respond", "Unions"]
)
def test_a_heading_naming_others_or_above_the_first_quotation_blocks_the_sole_speaker(heading):
    text = (
        "Ferry support extended\n\nCANBERRA, 3 May 2024\n\nRivers Minister Jane Roe today "
        "announced ferry support would be extended.\n\nMs Roe said the towns had done it "
        f"tough.\n\n{heading}\n\n“We welcome this decision and thank the Government.”\n"
    )
    assert parse_release_text(text).quotes == []


def test_a_statement_by_a_person_does_not_credit_them_with_words_they_quote():
    text = (
        "Statement by Senator Jo Example\n\nCANBERRA, 3 May 2024\n\nLast night the Treasurer "
        "claimed in Parliament:\n\n“The ferries are back in surplus.”\n\nThat claim does not "
        "survive scrutiny.\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert any("back in surplus" in note for note in release.unplaced)


@pytest.mark.parametrize(
    "lead",
    [
        "In March, Senator Jo Smith sent a letter to the Minister.",
        "Senator Jo Smith, Chair of the Senate Committee, sent a letter to the Minister.",
        "Minister for Trade and Tourism Jo Smith sent a letter to the Minister.",
    ],
)
def test_a_letter_one_person_sent_whatever_stands_around_the_name(lead):
    text = (
        f"{_HEAD}{lead}\n\n“The towns deserve answers about the new timetable,” the letter reads.\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Smith"]


def test_a_letter_led_with_colleagues_is_no_one_persons():
    text = (
        f"{_HEAD}Sen. Jo Smith (R-UT) today led a letter with 24 of his Senate colleagues to "
        "the agency.\n\n“The towns deserve answers about the new timetable,” the letter reads.\n"
    )
    assert parse_release_text(text).quotes == []


def test_a_single_quotation_inside_the_quotation_is_no_slipped_closing_mark():
    text = (
        f"{_HEAD}“One passenger wrote to me, ‘You saved my life,’ said the card she showed me, "
        "and that is why we do this,” Ms Roe said.\n"
    )
    [quote] = parse_release_text(text).quotes
    assert quote.text.endswith("and that is why we do this")


def test_headlines_and_sentences_that_resemble_a_menu_or_a_printed_page_are_kept():
    release = parse_release_text(
        "HOME AFFAIRS MINISTER CONTACTS FAMILIES OF DETAINEES\n\nCANBERRA, 3 May 2024 - The "
        "Minister spoke today.\n\nShadow Treasurer Tom Vale said the figures set out on\n"
        "page 14 of 200 in Budget Paper No. 1 show the deficit is far larger\nthan the "
        "Treasurer admitted.\n"
    )
    assert release.title == "HOME AFFAIRS MINISTER CONTACTS FAMILIES OF DETAINEES"
    assert "page 14 of 200 in Budget Paper No. 1" in release.paragraphs[-1]


def test_a_name_below_a_ministers_line_is_no_place():
    text = (
        "MINISTER FOR RIVERS\nJANE ROWE\nMEDIA RELEASE\n\nNew ferry for Townsville\n\n"
        "The Minister announced a new ferry.\n"
    )
    assert parse_release_text(text).dateline_city == ""


# --------------------------------------------------------------------------
# Sample AJ (seed 52), held out and measured once
# --------------------------------------------------------------------------


def test_initials_completed_from_the_creators_short_first_name_or_misspelt_surname():
    bob = (
        '---\ntitle: "Ferry loans"\ndate: "1979-07-25"\ncreators:\n  - "Roe, Bob"\n---\n\n'
        " NEWS RELEASE BY THE ACTING MINISTER FOR RIVERS, THE HON. R.J. ROE, Q.C., M.P.\n\n"
        " FERRY LOANS\n\n The Acting Minister for Rivers, the Hon. R.J. Roe said today that "
        "ferry loans would go on.\n\n"
        ' "The loan, which is interest-free, is for up to two years," Mr Roe said.\n'
    )
    assert [s.name for s in parse_release_text(bob).speakers] == ["Bob Roe"]
    misspelt = (
        '---\ntitle: "Ferry team"\ndate: "1978-01-06"\ncreators:\n  - "Mackellar, Michael"\n'
        "---\n\n FERRY TEAM\n\n The Minister for Rivers, the Hon. M.J.R. MacKeliar, said "
        'today the team would go on.\n\n "The ferry team has selected 1100 passengers," '
        "Mr MacKellar said.\n"
    )
    assert [s.name.casefold() for s in parse_release_text(misspelt).speakers] == [
        "michael mackellar"
    ]


def test_the_place_before_the_contact_lines_and_the_librarys_stamp_at_the_foot():
    text = harvested(
        "More aid for ferry refugees",
        " MORE AID FOR FERRY REFUGEES\n\n The Minister for Rivers, Senator Jo Example, "
        "announced today a further $600,000 for the ferry towns.\n\n"
        " Assistance is provided through the Ferry Board.\n\n"
        " CANBERRA For further information contact Ferry Board Public Affairs: Al Roe (06) 276 "
        "4967 or A.H (06) 241 6248\n\n"
        " Ann Lee (06) 276 4966 or A.H (06) 247 8920 f COMMONWEALTH PARLIAMENTARY LIBRARY MICAH\n",
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert release.paragraphs[-1] == "Assistance is provided through the Ferry Board."


def test_a_long_clause_in_marks_credited_after_it_is_a_quotation():
    text = harvested(
        "Ferry campaign will continue",
        " The members of the Rivers Subcommittee are “really concerned about the health of "
        "children living on the ferries for months” Mr Roe said in Parliament last week.\n",
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Roe"]


def test_a_catalogued_headline_with_its_stop_set_off_by_a_space():
    text = harvested(
        "Ferry family reunion",
        " MINISTER FOR RIVERS\n\n FERRY FAMILY REUNION .\n\n Families demonstrating outside "
        "Parliament today have been concerned about the safety of relatives.\n",
    )
    assert parse_release_text(text).title == "FERRY FAMILY REUNION"


def test_quotations_with_their_source_below_in_capitals():
    text = harvested(
        "Government divided on ferry resettlement",
        " JO EXAMPLE MP\n\n SHADOW MINISTER FOR RIVERS\n\n"
        " GOVERNMENT DIVIDED ON FERRY RESETTLEMENT\n\n"
        " Transport Minister Julie Vale and Rivers Minister Peter Lowe have contradicted each "
        "other on the ferry swap.\n\n"
        " “Well we wouldn’t take anyone until we had assurances about the ferries.”\n\n"
        " PETER LOWE, BOLT REPORT, 21 FEBRUARY 2017\n\n"
        ' "That\'s not the way I would characterise it."\n\n'
        " JULIE VALE, PRESS CONFERENCE, 22 FEBRUARY 2017\n",
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Peter Lowe", "Julie Vale"]
    assert not any("BOLT REPORT" in p for p in body_paragraphs(release))  # with its quote
    assert dict(speakers(release))["Peter Lowe"] == "Rivers Minister"
    assert release.dateline_city == ""


def test_a_letterhead_name_and_mp_or_a_short_first_name_completes_the_surname():
    for letterhead in ("JO EXAMPLE MP", "SENATOR JO EXAMPLE"):
        text = (
            f"{letterhead}\nSHADOW MINISTER FOR RIVERS\n\nGOVERNMENT DIVIDED ON FERRIES\n\n"
            "The Government is divided on the ferries.\n\n"
            "“The Government is in chaos on the ferries,” Ms Example said.\n"
        )
        assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Example"], letterhead


# --------------------------------------------------------------------------
# What a second review, of the rules of AJ, found they must not do
# --------------------------------------------------------------------------


def test_a_place_signing_off_below_a_quotation_is_the_dateline_not_its_speaker():
    text = (
        "Ferry link for the coast\n\nTransport Minister Mark Vale said the ferry link would "
        "open in May.\n\n“We have listened to the towns and we are delivering.”\n\n"
        "GOLD COAST, Queensland, 21 February 2017\n"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Gold Coast", "Queensland")
    assert [q[0] for q in quotes(release)] == ["Mark Vale"]


def test_a_newspapers_words_with_their_source_below_are_no_ones():
    text = (
        "Ferry plan a shambles\n\nThe Opposition says the ferry plan has failed.\n\n"
        "“The Government's handling of the ferries has been a shambles from start to "
        "finish.”\n\nTHE RIVER TIMES, EDITORIAL, 3 MARCH 2017\n"
    )
    release = parse_release_text(text)
    assert release.quotes == [] and release.dateline_city == ""


def test_a_source_below_a_quotation_spelt_as_the_text_spells_the_name():
    text = (
        "Valley short-changed\n\nPremier Mark McVale has demanded a fairer share.\n\n"
        "“The valley has been short-changed for more than a decade.”\n\n"
        "MARK MCVALE, ABC RADIO PERTH, 21 FEBRUARY 2017\n"
    )
    assert speakers(parse_release_text(text)) == [("Mark McVale", "Premier")]


@pytest.mark.parametrize(
    "last",
    [
        "ALL MEDIA ENQUIRIES: Jo Example 0400 000 000",
        "RELEASE ENDS. For further information contact Jo Example 0400 000 000",
        "AAP For media enquiries contact the newsdesk",
    ],
)
def test_words_in_capitals_before_the_contact_lines_that_name_no_place(last):
    text = f"Ferry news\n\nThe Minister announced new ferries for the towns today.\n\n{last}\n"
    assert parse_release_text(text).dateline_city == ""


def test_initials_are_not_completed_from_another_person_the_body_names():
    text = (
        "Ferry research funded\n\nRivers Minister Jason Clare and Senator Bob Carr today "
        "announced funding for ferry research.\n\n"
        "“This funding will keep our best researchers here,” said Professor J. Clarke, "
        "Vice-Chancellor of the University of the Valley.\n\n"
        "“The evidence on ferry safety is now overwhelming,” said Professor R. Carr of the "
        "Ferry Institute.\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["J. Clarke", "R. Carr"]


def test_another_sources_words_quoted_inside_reported_speech_stay_a_fragment():
    text = (
        "Ferry update\n\nThe Opposition Leader has claimed the plan is “the biggest con job "
        "ever perpetrated on the families of the river towns”, Mr Vale said.\n"
    )
    assert parse_release_text(text).quotes == []


def test_a_library_heading_and_a_sentence_in_capitals_are_no_stamp():
    release = parse_release_text(
        "Arts budget\n\nThe Government will fund the national collections.\n\n"
        "National Library of Australia\n\nThe Library will receive $42 million.\n"
    )
    assert "National Library of Australia" in release.paragraphs
    release = parse_release_text(
        "Record visitors\n\nMore than a million people visited.\nThe research centre at the\n"
        "COMMONWEALTH PARLIAMENTARY LIBRARY\nwill also open on weekends.\n"
    )
    assert any("PARLIAMENTARY LIBRARY will also open" in p for p in release.paragraphs)


def test_two_quotations_each_with_its_own_attribution_stay_two():
    text = (
        "Ferry volunteers\n\nSenator Al Lee spoke today.\n\n“We are ready,” Mr Lee said. "
        "“We have trained 400 new volunteers,” Mr Lee said.\n"
    )
    assert len(parse_release_text(text).quotes) == 2


def test_the_issuer_without_a_role_in_the_body_holds_the_letterheads_office():
    text = (
        "JO EXAMPLE MP\nSHADOW MINISTER FOR RIVERS AND FERRIES FEDERAL MEMBER FOR BLAIR\n\n"
        "GOVERNMENT DIVIDED ON FERRIES\n\nThe Government is divided on the ferries.\n\n"
        "“The Government is in chaos on the ferries,” Ms Example said.\n"
    )
    assert speakers(parse_release_text(text)) == [
        ("Jo Example", "Shadow Minister for Rivers and Ferries")
    ]
