"""The failures of sample AM (seed 55), held out and measured once, as small excerpts with
the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_words_of_a_link_on_lines_of_their_own_go_on_with_the_sentence():
    text = (
        "Title: Senator Jo Example’s Statement on the Ferry Decision\nDate: June 24, 2022\n\n"
        "Content:\nWashington, D.C.\n– Sen. Jo Example (R-UT) issued the following statement "
        "after the Court’s release of its decision\nRiver Towns\nv.\nFerry Board\n.\n“\n"
        "The long wait of the river towns has ended.\n“\nWe can take heart that the Court has "
        "recognised the towns’ right to a ferry.\n”\nFor the full text of the decision, click\n"
        "HERE\n.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "The long wait of the river towns has ended.\n\nWe can take heart that the Court has "
            "recognised the towns’ right to a ferry.",
        )
    ]
    assert "decision River Towns v. Ferry Board." in release.lead


def test_an_ordinals_letters_on_a_line_of_their_own_stay_with_the_number():
    text = (
        "Title: Sen. Example Announces Committee Assignments for the 117th Congress\n"
        "Date: March 2, 2021\n\nContent:\nWASHINGTON – U.S. Sen. Jo Example (R-Utah) today "
        "announced his committee assignments for the 117\nth\nCongress.\n“I am proud to once "
        "again serve the people of Utah on these committees.\n“The work of the Ferry "
        "Committee has never been more important.”\n"
    )
    release = parse_release_text(text)
    assert release.lead.endswith("for the 117th Congress.")
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_an_interview_transcribed_below_is_the_words_of_the_person_interviewed():
    text = harvested(
        "Jo Example responds to Al Roe on Radio Eastport",
        " Jo Example responds to Al Roe on Radio Eastport \n\n"
        " Senator Jo Example, leader of the Ferry Party, spoke this morning to Radio Eastport, "
        "responding to Al Roe's call that the party had not done enough for the islands.\n\n"
        " Some of the interview is transcribed below. Follow the link at the bottom for the full "
        "audio.\n\n"
        ' "Mr Roe is speaking more as a former president of the Shipping Party.\n\n'
        ' "The Ferry Party has always argued for a better service for the islands."\n',
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_a_scans_marks_read_as_a_degree_sign_and_a_nought_are_marks():
    text = (
        "FERRY ACCESS IMPROVED\n\nThe Minister for Rivers, Stewart Example, today announced six "
        "new ferry offices.\n\n"
        '"The offices will help new arrivals find their way," Mr Example said.\n\n'
        "°An important feature of the offices will be the access they give to other "
        "services.0\n\n"
        "Hr Example added that the offices would complement other programs.\n\n"
        '"The offices will serve a wide cross-section of the community."\n'
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Stewart Example"] * 3
    assert quotes(release)[1][1].startswith("An important feature of the offices")


def test_hr_stays_where_the_text_says_no_mr_of_that_name():
    text = (
        "Ferry talks\n\nBERLIN, 3 May 2017\n\nHr Schmidt of the ferry board met the Minister, "
        "Jo Example, today.\n\n“We have agreed on a timetable,” Ms Example said.\n"
    )
    assert "Hr Schmidt" in parse_release_text(text).lead


@pytest.mark.parametrize(
    "line, title",
    [
        (
            "Joint Statement by Prime Ministers Roe and Example: February 2013  SAT 09 FEBRUARY "
            "2013",
            "Joint Statement by Prime Ministers Roe and Example: February 2013",
        ),
    ],
)
def test_a_headline_goes_on_after_its_colon_with_the_month(line, title):
    text = (
        '---\ntitle: "Joint Statement by Prime Ministers Roe and Example: Queenstown, New '
        'Zealand: 9 February 2013"\ndate: "2013-02-09"\ncreators:\n  - "Example, Jo"\n'
        '  - "Roe, Al"\nsource: "PRIME MINISTER"\n---\n\n'
        f" {line} \n\n Prime Minister Jo Example, New Zealand Prime Minister Al Roe \n\n"
        " Queenstown, NZ \n\n Prime Ministers Al Roe and Jo Example met in Queenstown on 9 "
        "February 2013 for the annual leaders' meeting.\n"
    )
    release = parse_release_text(text)
    assert release.title == title
    assert (release.dateline_city, release.dateline_country) == ("Queenstown", "NZ")


def test_a_name_and_initial_on_a_line_of_its_own_is_no_place():
    text = (
        "Ferry plan\n\nExample, Jo\n\nThe Minister for Rivers today announced a new ferry "
        "service.\n"
    )
    assert parse_release_text(text).dateline_city == ""


# --------------------------------------------------------------------------
# What a review of the rules added for AM found they must not do
# --------------------------------------------------------------------------

_FEED = "Title: Roe Introduces Ferry Safety Act\nDate: May 2, 2024\n\nContent:\n"
_LEAD = "WASHINGTON – Sen. Jo Roe (D-Ore.) today introduced the Ferry Safety Act.\n"


@pytest.mark.parametrize(
    "lines, kept",
    [
        ("The bill is endorsed by:\nFerry Guild\nRiver Alliance\nBoat Union\n", "River Alliance"),
        (
            "You can read the bill here\nKey provisions\nThe bill requires life jackets.\n",
            "Key provisions",
        ),
        (
            "More information is at roe.senate.gov\nBackground\nIn 2023 three ferries sank.\n",
            "Background",
        ),
        ("Press Contact\nAl Doe\n202-555-0100\n", "Al Doe"),
    ],
)
def test_headings_list_items_and_contact_lines_are_paragraphs_of_their_own(lines, kept):
    text = _FEED + _LEAD + "“Every family deserves a safe crossing,” said Roe.\n" + lines
    assert kept in parse_release_text(text).paragraphs


def test_a_name_below_an_attribution_without_a_stop_is_the_next_speakers():
    text = (
        _FEED + "WASHINGTON – Sen. Jo Roe (D-Ore.) today introduced the Ferry Safety Act with "
        "Sen. Al Doe (R-Ind.).\n“Every family deserves a safe crossing,” said Roe\nSen. Doe\n"
        "“This bill will save lives on our rivers.”\n"
    )
    assert quotes(parse_release_text(text))[0][0] == "Jo Roe"


@pytest.mark.parametrize(
    "lead, below",
    [
        (
            "Senator Jo Roe interviewed ferry captain Al Doe on her podcast this week.",
            "Some of the interview is transcribed below.",
        ),
        (
            "Senator Jo Roe today welcomed the speech by the Treasurer, Al Doe, at the summit.",
            "His remarks are set out below.",
        ),
    ],
)
def test_words_transcribed_below_are_not_the_interviewers(lead, below):
    text = harvested(
        "Ferry interview",
        f" FERRY INTERVIEW \n\n {lead}\n\n {below}\n\n"
        ' "The ferries are older than I am and they need replacing."\n',
    )
    assert "Jo Roe" not in [name for name, _ in quotes(parse_release_text(text))]


@pytest.mark.parametrize("line", ["Al Doe, CEO", "Jo Roe, AM", "Mark Smith, ACT"])
def test_a_person_with_letters_after_the_name_is_no_place(line):
    text = (
        f"FERRY FUNDING\n\nMedia contact: Al Doe\n\n{line}\n\nThe Government today announced "
        "new funding for river ferries in Tasmania.\n\n“This is good news,” Mr Doe said.\n"
    )
    assert parse_release_text(text).dateline_city == ""


def test_the_place_signing_off_is_the_one_above_the_date_not_the_signatory():
    text = harvested(
        "Ferry services",
        " FERRY SERVICES \n\n The Minister for Rivers today announced new ferry services.\n\n"
        ' "This is good news," the Minister said.\n\n Jo Roe\n Minister for Rivers\n Canberra\n'
        " 3 May 1975\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_month_opening_the_lead_after_a_headlines_colon_stays_in_the_lead():
    text = harvested(
        "Ferry services statement: Hobart",
        " Ferry services statement: May 2013 figures show record use of the river ferries.\n\n"
        " The Minister for Rivers, Jo Roe, said the figures were welcome.\n",
    )
    assert "May 2013" not in parse_release_text(text).title


@pytest.mark.parametrize(
    "paragraph",
    ["°C temperatures fell below zero, the Bureau said.0", "The 24 Hr Support line is free."],
)
def test_temperatures_and_hours_are_left_alone(paragraph):
    text = (
        f"WEATHER\n\nHOBART, 3 May 2024\n\nMr Support of the Bureau spoke today.\n\n{paragraph}\n"
    )
    release = parse_release_text(text)
    assert paragraph.replace(".0", "") in " ".join(release.paragraphs)
    assert release.quotes == []
