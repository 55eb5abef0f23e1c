"""Text import: samples O, P, R and S, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import floor_remarks, quotes, speakers

# --------------------------------------------------------------------------
# Sample O
# --------------------------------------------------------------------------


def test_a_paragraph_on_one_long_line_ends_an_unclosed_quotation_in_a_wrapped_release():
    text = (
        "MEDIA RELEASE The Hon Jo Example MP Minister for Rivers\n\n"
        "RIVER TOWNS SWITCH OFF FOR CLEAN WATER DAY\n\n"
        "Rivers Minister Jo Example today confirmed that every river agency has registered to "
        "take part in Clean Water Day this Sunday.\n\n"
        "“Clean Water Day is a chance to show what the river towns can do together when they "
        "share one simple goal for a single day of the year.\n\n"
        "“I will be at the festival on the wharf, which is run by more than five hundred "
        "volunteers who have given up their weekends to help us look after the river.\n\n"
        "Ms Example said more information on what the agencies are doing to save water in "
        "homes and businesses is available on the department's website.\n\n"
        "Media inquiries: Sam Roe, 0400 000 000\n\n"
        "The agencies taking part are listed below:\n\n"
        "• Example River Authority • Upper Valley Water Board and the\n"
        "council depots • Lower Valley Water Board and the regional\n"
        "pumping stations • Northern Example Rivers Council and its\n"
        "field offices • Example Catchment Trust and the town\n"
        "weirs\n"
    )
    release = parse_release_text(text)
    [quote] = release.quotes
    assert quote.speaker.name == "Jo Example"
    assert quote.text.endswith("help us look after the river.")
    assert "more information" not in quote.text


def test_said_and_the_name_on_a_line_ending_in_a_colon_introduce_the_quotation_below():
    text = (
        "Title: Senators Back Ferry Safety Act\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Sen. Jo Example and Sen. Ana Roe today introduced the Ferry Safety Act.\n"
        "“Every family deserves a safe ferry,” said Sen. Example.\n"
        "“This bill fixes the docks and trains the crews.”\n"
        "Said Sen. Roe:\n"
        "“We need bold investments in our ferries, and this bill makes them.”\n"
    )
    # "“…,” said Sen. Example." on one line, "“…”" on the next: two paragraphs, two quotations
    assert [q[0] for q in quotes(parse_release_text(text))] == [
        "Jo Example",
        "Jo Example",
        "Ana Roe",
    ]


@pytest.mark.parametrize(
    "report", ["expressed disappointment with", "said she was disappointed by"]
)
def test_a_sentence_reporting_the_persons_view_gives_the_quotation_opening_the_next(report):
    text = (
        "Title: Committee Blocks Ferry Amendment\n"
        "Date: 2015\n\n"
        "Content:\n"
        "The committee today blocked an amendment by Reps. Jo Example and Ana Roe to the ferry "
        "bill.\n"
        f"Rep. Roe {report} the vote and the bill as it stands. "
        '"I am disappointed the committee did not adopt our amendment. The river towns '
        'deserve better."\n'
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Ana Roe",
            "I am disappointed the committee did not adopt our amendment. "
            "The river towns deserve better.",
        )
    ]


def test_a_quotation_signed_on_the_line_below_by_a_titled_name_is_theirs():
    text = (
        "Title: Senator Example Asks Agency to Clarify Ferry Grants\n"
        "Date: Friday, April 03, 2020\n\n"
        "Content:\n"
        "U.S. Senator Jo Example sent a letter to Ferry Administrator Ana Roe asking for new "
        "guidance on ferry grants.\n"
        "The law is clear: operators with under 500 staff are eligible for the grants.\n"
        "“Ferry operators may continue to suffer hardship, and it is unacceptable that the "
        "guidance leaves their relief uncertain.”\n"
        "Senator Example\n"
        "The letter also cites the agency’s own guidance from last year.\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "Ferry operators may continue to suffer hardship, and it is unacceptable that the "
            "guidance leaves their relief uncertain.",
        )
    ]


def test_a_surname_takes_the_fullest_form_of_the_name_even_with_the_long_first_name():
    text = (
        "Title: Senator Example Asks Treasury to Clarify Ferry Grants\n"
        "Date: Friday, April 03, 2020\n\n"
        "Content:\n"
        "U.S. Senator Jo Example sent a letter to Treasury Secretary Steve Roe about ferry "
        "grants.\n"
        "Secretary Roe said, “It does include ferry operators. They are covered.”\n"
        "Full text of the letter is below.\n"
        "The Honorable Steven T. Roe\n"
        "Secretary\n"
        "Department of the Treasury\n"
        "Dear Secretary Roe:\n"
        "I write about the ferry grants.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Steven T. Roe", "It does include ferry operators. They are covered.")
    ]
    assert [s.name for s in release.speakers] == ["Steven T. Roe"]


def test_a_surname_and_colon_below_the_issuers_statement_line_is_the_issuers_quote():
    text = (
        "Title: Example Backs Ferry Funding Bill\n"
        "Date: 2013\n\n"
        "Content:\n"
        "Today, Senator Jo Example (R-UT) released the following statement in favor of "
        "Congressman Sam Roe's bill to fund the ferries:\n"
        'Example: "Congressman Roe has introduced a bill today that would keep the ferries '
        'running for another year. The House should pass it."\n'
    )
    release = parse_release_text(text)
    assert not any("without quotation marks" in note for note in release.unplaced)
    assert quotes(release) == [
        (
            "Jo Example",
            "Congressman Roe has introduced a bill today that would keep the ferries running for "
            "another year. The House should pass it.",
        )
    ]


def test_the_day_between_the_issuer_and_issued_the_following_statement_keeps_the_issuer():
    text = (
        "Title: Example Statement on Ferry Fare Relief\n"
        "Date: 2022\n\n"
        "Content:\n"
        "Sen. Jo Example (I-Vt.) on Wednesday issued the following statement after President "
        "Roe announced a plan for ferry fare relief:\n"
        "“The president’s decision today to cut ferry fares is an important step forward for "
        "the river towns. This is a big deal.\n"
        "“But we have got to do more. Every family should be able to cross the river "
        "without going into debt.”\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Jo Example"]


def test_the_lawmakers_stating_a_joint_statement_credit_no_one():
    text = (
        "Title: Example and Roe Demand Ban on Spy Ferries\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Conference Chairwoman Jo Example and Committee Chairman Sam Roe released the following "
        "joint statement demanding a ban on foreign-built ferries.\n"
        "“The new report makes clear that these ferries present a real security risk and must "
        "be banned,” the lawmakers stated.\n"
        "“We must ban these ferries and build our own.”\n"
    )
    release = parse_release_text(text)
    assert release.quotes == []
    assert release.speakers == []
    assert any("not credited to one person" in note for note in release.unplaced)


# --------------------------------------------------------------------------
# Samples R and S
# --------------------------------------------------------------------------

MENU_AT_FOOT = """\
 Media Centre  Ferry Service to Link Island Towns

 3 March 2007

 The Minister for Rivers, Jo Example, today opened a ferry service linking the island towns \
to the mainland.

 Speaking at the wharf, Ms Example said the service would carry 400 passengers a day.

 “The ferry will cut the trip to the mainland hospital from two hours to forty minutes,” \
she said.

 “It will also bring visitors to the island markets all year round.”

 MEDIA CONTACT: Sam Roe 0400 000 000

 Home

 Media Centre

 Contact Details

 Jo Example MP  Minister for Rivers
"""


def test_a_label_in_the_web_pages_menu_at_the_foot_leaves_the_body_alone():
    release = parse_release_text(MENU_AT_FOOT.replace(" Media Centre  Ferry", " Ferry", 1))
    assert [q[0] for q in quotes(release)] == ["Jo Example", "Jo Example"]
    assert release.lead.startswith("The Minister for Rivers, Jo Example, today opened")


def test_a_section_label_two_spaces_before_the_headline_is_not_part_of_it():
    assert parse_release_text(MENU_AT_FOOT).title == "Ferry Service to Link Island Towns"


def test_said_of_a_place_keeps_the_attribution():
    text = floor_remarks(
        "Ana Roe, the sister of our late colleague Sam Roe, who now runs the Ferry Board, said "
        "of Example Bay, “there is no safe crossing anywhere on the bay this winter.”"
    )
    assert quotes(parse_release_text(text)) == [
        ("Ana Roe", "there is no safe crossing anywhere on the bay this winter.")
    ]


def test_himself_and_has_between_the_name_and_said_keep_the_attribution():
    text = floor_remarks(
        "President Roe himself has said, “the ferries must be made safe before the winter, "
        "and the money is there to do it.”"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Roe"]


def test_a_surname_after_an_office_of_a_department_is_a_name():
    text = floor_remarks(
        "Secretary of Transport Roe said, “the ferries are not safe enough, and they will not "
        "be until the docks are rebuilt.”"
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Roe"]
    assert speakers(release) == [("Roe", "Secretary of Transport")]


def test_when_before_he_said_keeps_the_pronoun():
    text = floor_remarks(
        "Ferry Administrator Ana Roe said, “the docks are failing and we have told the agency so.” "
        "In April she said, “there has been progress, but it is not enough to keep the "
        "ferries running.”"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Ana Roe", "Ana Roe"]


def test_a_sentence_ending_on_said_after_a_closed_quotation_introduces_the_next_one():
    text = floor_remarks(
        "Ferry Administrator Ana Roe said, “the docks are failing and we have told the agency "
        "so.” In March, Transport Secretary Sam Lee said, “the money for the docks is on its "
        "way, but it is late.”"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Ana Roe", "Sam Lee"]


def test_a_stop_typed_for_the_comma_before_dc_keeps_the_dateline():
    text = (
        "Title: Example Named to Ferry Board\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Washington. D.C. -In case you missed it, the Ferry Board named Congresswoman Jo Example "
        "to its advisory council this week.\n"
    )
    release = parse_release_text(text)
    assert (release.dateline_city, release.dateline_country) == ("Washington", "D.C.")
    assert release.lead.startswith("In case you missed it")


def test_a_place_glued_to_the_dash_before_the_lead_is_the_dateline():
    text = (
        "Title: Members Urge Action on Ferry Fares\n"
        "Date: February 25, 2016\n\n"
        "Content:\n"
        "Washington— Today, several Members of Congress released a report on ferry fares and "
        "a letter urging the agency to act.\n"
        "“Ferry fares have doubled in five years,” said Rep. Jo Example (WI-02).\n"
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Washington"
    assert release.lead.startswith("Today, several Members")


@pytest.mark.parametrize("opening", ["Jo Example—who chairs the board—said", "Update— The board"])
def test_a_name_or_word_before_a_dash_is_no_dateline(opening):
    release = parse_release_text(f"{opening} will meet on Friday to hear from the ferry crews.\n")
    assert release.dateline_city == ""


def test_a_party_and_state_tag_cut_before_its_bracket_closes_keeps_the_name():
    text = (
        "Title: Members Urge Action on Ferry Fares\n"
        "Date: 2016\n\n"
        "Content:\n"
        "Several Members of Congress today released a report on ferry fares.\n"
        "“Ferry fares have doubled in five years. You could not make this up.” saidRep. Jo "
        "Example (VT-. “The agency should act before the summer season.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "Ferry fares have doubled in five years. You could not make this up. The agency "
            "should act before the summer season.",
        )
    ]


def test_a_name_after_us_and_a_title_is_the_issuer_not_the_organisation_in_the_role():
    text = (
        "Title: Example Statement on Ferry Ruling\n"
        "Date: June 6, 2014\n\n"
        "Content:\n"
        "WASHINGTON, D.C.—U.S. Rep. Jo Example (WI-02), a co-chair of the Ferry Safety Caucus, "
        "today issued the following statement on the court's ferry ruling:\"The court took "
        "another step toward safe ferries for every river town. Today's ruling brings us one "
        'step closer."\n'
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Jo Example"]
    assert [s.name for s in release.speakers] == ["Jo Example"]


def test_a_name_and_role_on_the_line_below_a_bare_said_is_the_attribution():
    text = (
        "Title: Example Introduces Ferry Safety Act\n"
        "Date: March 14, 2024\n\n"
        "Content:\n"
        "Senator Jo Example today introduced the Ferry Safety Act.\n"
        "“\n"
        "The act will get safer ferries onto the river faster\n"
        ",”\n"
        "said Ana Roe, CEO of Ferry Action\n"
        ".\n"
        '"\n'
        "Modern ferries are ready today to carry the river towns safely all year round\n"
        "”\n"
        "said\n"
        "Sam Lee, VP of Operations, Example Ferries\n"
        ".\n"
    )
    assert [q[0] for q in quotes(parse_release_text(text))] == ["Ana Roe", "Sam Lee"]


def test_a_three_word_name_after_and_ending_a_list_completes_its_last_two_words():
    text = (
        "Title: Senators Introduce Ferry Safety Act\n"
        "Date: March 14, 2024\n\n"
        "Content:\n"
        "Senator Jo Example (R-UT) along with Senators Sam Lee (D-NM), Ana Roe (R-ID), and "
        "Maria Santos Vidal (D-NV) introduced the Ferry Safety Act.\n"
        "“The river towns have waited long enough for safe ferries,” said Santos Vidal.\n"
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Maria Santos Vidal"]
