"""The failures of sample AS (seed 61), a development sample drawn beside the held-out AR,
as small excerpts with the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_two_closed_parts_in_one_paragraph_with_nothing_between_are_one_statement():
    text = (
        "Time to come clean on the ferry deal\n\nSenator Jo Example said the Government must "
        "explain the deal.\n\n"
        '"The lack of information is causing anxiety in the towns," Senator Example said.\n\n'
        "“He should also say what happens to the towns left out.”  “Some towns have no other "
        "crossing, and the Government has offered them no hope.”\n"
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example", "Jo Example"]
    assert found[1][1].endswith("offered them no hope.")


def test_a_single_mark_opening_a_statement_that_goes_on_in_double_marks():
    text = (
        "True cost of the ferry plan revealed\n\n“The Government said the plan was affordable. "
        "Today we learn it knew all along the costs were higher,” said Senator Jo Example.\n\n"
        "‘Today’s news also shows how little the Charter of Budget Honesty means.\n\n"
        "“The Government hid the cost of the ferries across three departments.\n\n"
        "“Money for ferries is a priority one issue for the towns,” said Senator Example.\n"
    )
    found = quotes(parse_release_text(text))
    assert len(found) == 2
    assert found[1][1].startswith("Today’s news")
    assert found[1][1].endswith("a priority one issue for the towns")
    assert not parse_release_text(text).unplaced


def test_a_letterhead_run_into_one_line_with_the_release_its_date_before_the_headline():
    text = harvested(
        "Parliament celebrates Ferry Week 2013",
        " Media release   The Hon Al Roe MP Minister for Rivers Senator the Hon Jo Example "
        "Minister for Towns Senator the Hon Sam Poe Parliamentary Secretary for Ferries"
        "                                19 June 2013  Parliament celebrates Ferry Week 2013  "
        "The river towns joined Parliamentarians at Ferry Week celebrations today.  “Ferries "
        "are the heart of the towns,” Mr Roe said  “This year’s theme is an opportunity to "
        "thank the crews,” Senator Example said.\n\n"
        " “Our towns are our greatest asset and the crews keep them together,” Senator  Poe "
        "said\n",
    )
    release = parse_release_text(text)
    assert release.title == "Parliament celebrates Ferry Week 2013"
    assert [name for name, _ in quotes(release)] == ["Al Roe", "Jo Example", "Sam Poe"]


def test_a_scans_stop_inside_an_office_and_a_bullet_before_the_date_of_the_sign_off():
    text = harvested(
        "Last ferry smugglers deported",
        " From the Minister for Rivers and Towns.\n\n 28/82\n\n LAST FERRY SMUGGLERS DEPORTED\n\n"
        " All 146 people who arrived by boat in Darwin have now been deported.\n\n"
        ' "This successful exercise will serve as a warning to anyone thinking of trying it", '
        ' the Minister for Rivers and.Towns Affairs, Mr Jo  Example, said today. "Let them '
        'take note that the same action will be taken against anyone. "\n\n'
        " Investigations had begun as soon as the boat arrived.\n\n"
        " Canberra â\u0080¢17 April 1982 *·\n\n"
        " Media Contacts: Mr Al Roe, Department of Rivers, (062) 582217\n",
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    found = quotes(release)
    assert [name for name, _ in found] == ["Jo Example"]
    assert found[0][1].endswith("against anyone.")
    assert speakers(release)[0] == ("Jo Example", "Minister for Rivers and Towns Affairs")


def test_the_same_release_pasted_without_its_catalogue_record():
    # (found trying "New release from text" as an editor would: no front matter to go by)
    text = (
        "Media release   The Hon Al Roe MP Minister for Rivers Senator the Hon Jo Example "
        "Minister for Towns                     19 June 2013  Parliament celebrates Ferry Week "
        "2013  The river towns joined Parliamentarians at Ferry Week celebrations at Parliament "
        "House today.  “Ferries are the heart of the towns,” Mr Roe said  “This year’s theme is "
        "an opportunity to thank the crews,” Senator Example said.\n"
    )
    release = parse_release_text(text)
    assert release.title == "Parliament celebrates Ferry Week 2013"
    assert release.lead.startswith("The river towns joined Parliamentarians")
    assert [name for name, _ in quotes(release)] == ["Al Roe", "Jo Example"]


# A review of the rules above found these misfires on ordinary releases, and one slow input.

_ROE = "Senator calls for ferry review\n\nSenator Jo Roe today called for a review.\n\n"


@pytest.mark.parametrize(
    "term",
    [
        "Senator Roe said ‘enough is enough’ and the towns deserved answers.",
        "‘Ferry Link’ was meant to open in 2012 but the service is still not running.",
    ],
)
def test_a_term_in_single_marks_does_not_carry_into_the_next_quotation(term):
    text = _ROE + (
        f"{term}\n\n“The Government has hidden the true cost of these ferries,” Senator Roe "
        "said.\n\n“We will keep asking until we get the truth.”\n"
    )
    assert [t for _, t in quotes(parse_release_text(text))] == [
        "The Government has hidden the true cost of these ferries",
        "We will keep asking until we get the truth.",
    ]


@pytest.mark.parametrize(
    "after",
    [
        "“The Ferry Act” passed the Senate in 2012 with the support of all parties.",
        "“Crossing the River” is available free from the Senator’s office.",
    ],
)
def test_a_title_in_marks_after_a_quotation_is_not_joined_to_it(after):
    text = _ROE + (
        "“This is a great day for the crews,” Senator Roe said. “We will fight for every "
        f"town.”  {after}\n"
    )
    found = [t for _, t in quotes(parse_release_text(text))]
    assert found[0] == "This is a great day for the crews. We will fight for every town."


def test_a_question_and_its_answer_side_by_side_are_not_one_quotation():
    text = _ROE + (
        "Senator Roe asked the Secretary of the Department, Mr Al Poe: “Who signed the "
        "contract?”  “The department did.”\n"
    )
    assert "Who signed the contract? The department did." not in [
        t for _, t in quotes(parse_release_text(text))
    ]


def test_a_lead_with_a_date_in_it_is_not_cut_after_the_date():
    text = harvested(
        "Ferry Week celebrations",
        " Parliament opens its doors for the crews\n\n Mr Roe will launch at a ceremony in "
        "Sydney on 17 June 2013 Ferry Week celebrations across the country, with events in "
        "every capital city.\n\n “Ferry Week is a chance to thank the crews,” Mr Roe said.\n",
    )
    release = parse_release_text(text)
    assert release.lead.startswith(
        "Mr Roe will launch at a ceremony in Sydney on 17 June 2013 Ferry"
    )


def test_a_lead_naming_the_issuer_broken_over_lines_is_no_letterhead():
    text = harvested(
        "New ferries for the river towns",
        " $20 million ferry boost\n\n The Hon Jo Example MP, Minister for Rivers, today "
        "announced $20 million in new funding for the\n river towns.\n\n New ferries for the "
        "river towns\n\n Four new ferries will be built in Echuca.\n",
    )
    release = parse_release_text(text)
    assert release.title == "$20 million ferry boost"
    assert release.lead.startswith("The Hon Jo Example MP, Minister for Rivers, today announced")


def test_a_sentence_ending_in_for_glued_to_the_next_is_still_two():
    text = (
        "Ferry Safety Act passes\n\nWASHINGTON, D.C. – The Senate today passed the Ferry Safety "
        "Act, the bill river communities have long asked for.Senator Jo Roe (D-Md.) introduced "
        'the bill in March.\n\n"This is the crossing the towns have waited for.The ferries will '
        'finally be safe," said Senator Roe.\n'
    )
    release = parse_release_text(text)
    assert "waited for The ferries" not in quotes(release)[0][1]
    assert "long asked for Senator" not in release.lead


def test_a_list_of_events_with_bullets_gives_no_place_of_issue():
    text = (
        "Ferry Week events\n\nThe Minister for Rivers, Jo Roe, announced the Ferry Week events."
        "\n\nThe official events will be held in three cities:\n\n• Sydney 16 June 2013\n\n"
        "• Melbourne 18 June 2013\n\n• Perth 20 June 2013\n\nMedia contact: Sam Lee 02 6277 7860\n"
    )
    assert parse_release_text(text).dateline_city == ""


def test_a_long_release_after_its_letterhead_and_date_keeps_its_body():
    body = "  ".join(f"The towns held event number {n} of Ferry Week today." for n in range(60))
    text = harvested(
        "Parliament celebrates Ferry Week 2013",
        " Media release   The Hon Al Roe MP Minister for Rivers            19 June 2013  "
        f"Parliament celebrates Ferry Week 2013  {body}  “Ferries are the heart of the towns,” "
        "Mr Roe said.\n",
    )
    release = parse_release_text(text)
    assert release.title == "Parliament celebrates Ferry Week 2013"
    assert [name for name, _ in quotes(release)] == ["Al Roe"]


def test_a_catalogue_title_repeated_along_one_long_line_is_read_once():
    text = harvested("A B C", "x " + "A B C " * 20000)
    assert parse_release_text(text).title  # 5.7 s before at this size, 44 s after AS's rule
