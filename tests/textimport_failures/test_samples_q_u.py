"""Text import: samples Q and U, as small excerpts with the same structure (own words)."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import floor_remarks, quotes, speakers

# --------------------------------------------------------------------------
# Sample Q
# --------------------------------------------------------------------------

BUDGET_BANNER = """\
BUDGET 2010-11 SENATOR THE HON JO EXAMPLE Minister for Rivers Leader of the Government in \
the Senate

______________________________________________

Tuesday, 11 May 2010

FERRY SERVICES - MORE BOATS FOR THE ISLAND TOWNS

The Government has committed $40 million in 2010-11 to new ferry services.

“The island towns will have a ferry every hour,” Senator Example said.
"""


def test_a_banner_in_capitals_before_the_issuers_name_is_letterhead():
    release = parse_release_text(BUDGET_BANNER)
    assert release.title == "FERRY SERVICES - MORE BOATS FOR THE ISLAND TOWNS"


def test_an_offices_reference_after_the_date_leaves_the_date_line_out_of_the_title():
    text = BUDGET_BANNER.replace("BUDGET 2010-11 ", "").replace("May 2010", "May 2010 41/2010")
    release = parse_release_text(text)
    assert release.title == "FERRY SERVICES - MORE BOATS FOR THE ISLAND TOWNS"


def test_a_headline_in_capitals_with_a_dash_is_no_dateline():
    release = parse_release_text(BUDGET_BANNER.replace("BUDGET 2010-11 ", ""))
    assert release.title == "FERRY SERVICES - MORE BOATS FOR THE ISLAND TOWNS"
    assert release.dateline_city == ""
    assert release.lead.startswith("The Government has committed")


def test_a_letterhead_run_into_one_line_two_spaces_apart_gives_the_headline():
    text = (
        "Senator the Hon Jo Example  Shadow Minister for Rivers   I   Senator for Tasmania  "
        "Media Release   FERRY CUTS LEAVE ISLAND TOWNS STRANDED  The Opposition has called for "
        "the ferry service to the island towns to be restored.  Senator Jo Example said the "
        "towns had waited a year.  “The towns have no other way "
        "to reach the hospital,” Senator Example said.  1/04/2010 Media contact: Sam Roe\n"
    )
    release = parse_release_text(text)
    assert release.title == "FERRY CUTS LEAVE ISLAND TOWNS STRANDED"
    assert [q[0] for q in quotes(release)] == ["Jo Example"]


def test_the_verb_broken_over_two_lines_after_the_closing_mark_keeps_the_attribution():
    text = (
        "Title: Senators Example, Roe Introduce Ferry Safety Act\n"
        "Date: May 25, 2021\n\n"
        "Content:\n"
        "Today Senators Jo Example (R-Mo.) and Ana Roe (D-N.Y.) introduced the Ferry Safety "
        "Act.\n"
        "“The river towns have waited long enough for safe ferries,” s\n"
        "aid Senator Ana Roe, Chair of the Rivers Subcommittee. “I am proud to lead this bill.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Ana Roe",
            "The river towns have waited long enough for safe ferries. I am proud to lead this "
            "bill.",
        )
    ]


@pytest.mark.parametrize("said", ["You wrote recently,", "You said last year,"])
def test_you_opening_the_sentence_in_a_letter_quotes_the_addressee(said):
    text = (
        "Title: Example Backs the Plan to Bring the Ferries Home\n\nContent:\n"
        "Today Senator Jo Example sent a letter to Acting Secretary of Rivers Kim Other.\n\n"
        "The Honorable Kim Other\n\nActing Secretary of Rivers\n\n"
        "Dear Acting Secretary Other,\n\n"
        "I write to support the plan to bring the ferries home before the winter.\n\n"
        f"{said} “Every ferry must come home.” The time has come to act.\n\n"
        "Sincerely,\n\nJo Example\n"
    )
    assert quotes(parse_release_text(text)) == [("Kim Other", "Every ferry must come home.")]


def test_words_quoted_as_the_object_of_a_verb_not_of_speech_are_a_fragment():
    text = floor_remarks(
        "According to Newsbloom, the CEO of Example Ferries called the bill “a big step in "
        "the right direction for our company” and was “pleased” with it."
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert speakers(release) == []


def test_a_constituent_named_by_first_name_and_town_is_the_speaker():
    text = (
        "Title: Over 500 Vermonters Join Example for Ferry Town Hall\n"
        "Date: December 1, 2020\n\n"
        "Content:\n"
        "BURLINGTON, Vt., Dec. 1 – Sen. Jo Example held a town hall on ferry fares.\n"
        "Several riders on the call spoke about the fares. Ana from Grand Isle, VT said, “I take "
        "the ferry to work every day and the fare has doubled. I cannot keep paying it.”\n"
        "Residents from Alburgh, VT said, “We want the winter timetable back.”\n"
    )
    release = parse_release_text(text)
    assert [q[0] for q in quotes(release)] == ["Ana"]


def test_continued_to_after_a_hearings_title_in_marks_is_no_attribution():
    text = (
        "Title: ICYMI: Example Questions Ferry Chiefs on Fares\n"
        "Date: 2023\n\n"
        "Content:\n"
        "Washington, D.C. - Following her first round of questions in today’s hearing on "
        "“Keeping River Towns Connected and Safe,” Congresswoman Example continued to question "
        "the heads of three ferry companies about the fares.\n"
        "Watch her line of questioning here.\n"
        "Congresswoman Example:Mr. Roe, will the winter fares go up? Yes or no?\n"
        "Mr. Roe:That depends on the price of fuel.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert speakers(release) == []


# --------------------------------------------------------------------------
# Sample U
# --------------------------------------------------------------------------


def test_a_statement_issued_by_a_list_of_titled_names_is_a_joint_one():
    text = (
        "Title: Council Leadership Statement on the Ferry Bill\n"
        "Date: 2024\n\n"
        "Content:\n"
        "WASHINGTON, D.C.— Caucus Chairwoman Example, Speaker Sample, Majority Leader Roe, and "
        "Majority Whip Other issued the following statement regarding the ferry bill:\n\n"
        "“The ferry bill fails every town on the river and we will vote against it.\n\n"
        "“It is dead on arrival in the House.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert speakers(release) == []
    assert any("joint statement" in note for note in release.unplaced)


def test_turns_under_the_surnames_alone_of_two_people_named_in_full_are_theirs():
    # No titled turn at all: "Example:“…”" and "Roe:“…”", both named in full above.
    text = (
        "Title: ICYMI: Example Leads Roundtable on Ferry Safety\n"
        "Date: 2024\n\n"
        "Content:\n"
        "Washington, D.C. – Congresswoman Jo Example held a roundtable with Sam Roe, President "
        "of the Ferry Crews Union.\n\n"
        "Questioning with Sam Roe:\n\n"
        "Example:“How many crossings were cancelled this winter?”\n\n"
        "Roe:“More than three hundred, and most of them for want of crews.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "How many crossings were cancelled this winter?"),
        ("Sam Roe", "More than three hundred, and most of them for want of crews."),
    ]


@pytest.mark.parametrize("verb", ["leads", "lead", "joins"])
def test_highlights_under_topic_headings_after_a_lead_in_the_present_tense(verb):
    text = (
        "Title: ICYMI: Example Leads Roundtable on Ferry Safety\n"
        "Date: 2024\n\n"
        "Content:\n"
        f"Washington, D.C. – Caucus Chairwoman Jo Example {verb} fellow members in a roundtable "
        "on ferry safety, which featured Sam Roe, President of the Ferry Crews Union.\n\n"
        "View highlights from the roundtable below.\n\n"
        "On Ferry Safety:\n\n"
        "“Good morning. Every crossing this winter ran short of crews.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "Good morning. Every crossing this winter ran short of crews.")
    ]


def test_a_surname_in_the_body_is_completed_from_the_catalogues_creators():
    text = (
        "---\n"
        'title: "Party launches river policy."\n'
        'date: "2001-10-24"\n'
        "creators:\n"
        '  - "Example, Jo"\n'
        '  - "Example Party"\n'
        "---\n\n"
        " 24 October 2001\n\n"
        " Party Launches River Policy\n\n"
        " The Party today launched its river policy.\n\n"
        " “This is the best river policy any party has put forward,” Senator Example said in "
        "Hobart today.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "This is the best river policy any party has put forward")
    ]


def test_responded_by_doing_something_before_a_colon_names_the_subject():
    text = (
        "Ferry Minister Shrugs Off Winter Cancellations\n\n"
        "Crews have asked for a winter roster for three years.\n\n"
        "Sam Example responded by shrugging his shoulders, and promising a review: “The ferries "
        "run well enough. A review will tell us more.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Sam Example", "The ferries run well enough. A review will tell us more.")
    ]


def test_a_headline_garbled_by_the_scan_is_the_catalogues_title():
    # The headline's words in order, specks of the logo between them, a digit stuck to a word
    # and a word broken in two, the date and the lead run on after it.
    text = (
        "---\n"
        'title: "River towns need a fairer ferry budget."\n'
        'date: "2012-03-19"\n'
        "creators:\n"
        '  - "Example Ferry Users Association"\n'
        "---\n\n"
        " River towns\n\n"
        " need a xqxq fairer ferry budgetZ ferryusers 4budge t 19 March 2012 Towns along the "
        "river need a fairer share of the ferry budget, the Example Ferry Users Association "
        "said today.\n\n"
        " The association speaks for riders in twelve towns.\n"
    )
    release = parse_release_text(text)
    assert release.title == "River towns need a fairer ferry budget"
    assert release.paragraphs[0].startswith("Towns along the river need")


def test_the_role_before_and_ending_a_list_of_guests_is_not_the_last_guests():
    text = (
        "Congresswoman Jo Example held a roundtable which featured Ana Roe, Founder of the "
        "Example Ferry Trust & CEO of Example Boats, and Sam Other, President of the Ferry "
        "Crews Union, to discuss the winter timetable.\n\n"
        "Questioning with Sam Other:\n\n"
        "Example:“How many crossings were cancelled?”\n\n"
        "Other:“More than three hundred.”\n"
    )
    release = parse_release_text(text)
    assert ("Sam Other", "More than three hundred.") in quotes(release)
    assert "CEO of Example Boats" not in dict(speakers(release))["Sam Other"]
