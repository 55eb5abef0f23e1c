"""The failures of sample AS (seed 61), a development sample drawn beside the held-out AR,
as small excerpts with the same structure."""

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
