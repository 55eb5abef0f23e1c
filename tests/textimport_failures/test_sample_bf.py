"""The failures of sample BF (seed 74), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_turn_under_the_surname_the_remarks_title_names():
    text = (
        "Title: PREPARED REMARKS: Roe Objects to Resolution Aimed at Harming Ferry Workers\n"
        "Date: September 14, 2022\nSubtitle: Roe: “What we should be doing is telling the "
        "ferry owners: treat your crews with respect.”\n\nContent:\nRoe: “What we should be "
        "doing is telling the ferry owners: treat your crews with respect.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Roe"]


def test_who_told_a_senator_after_an_opening_clause():
    text = (
        "Title: Lee: Ferry Proposal Raises Questions\nDate: 2014\n\nContent:\n"
        "WASHINGTON – Sen. Mike Lee said the ferry proposal raises questions.\n"
        "On February 11, during a hearing regarding the ferry groups, Director of River "
        "Safety Jo Marsh told Senator Lee:\n"
        "“Well, they are an agreement of convenience, I would say.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Marsh"]


def test_a_quotations_first_line_of_three_words_wrapped_before_a_capital():
    text = (
        "Ferry fees\n\n Mr Jo Roe said that \nat the end of last year, applicants owed money.\n\n"
        " “Thousands of failed \nPV applicants owe money to the Commonwealth following "
        "confirmations \nof decisions made by my Department.\n\n “It is worth remembering \nthat "
        "in most cases the Tribunal upholds the decision.”\n"
    )
    found = quotes(parse_release_text(text))
    assert found[0][1].startswith("Thousands of failed PV applicants owe money")


def test_a_capital_city_alone_below_the_last_sentence():
    text = harvested(
        "Overseas visit by the Minister",
        " -/ M145 21 August 1990\n\n OVERSEAS VISIT BY THE MINISTER\n\n The Minister for "
        "Rivers, Senator Jo Example, will leave tomorrow for a week of talks on ferries.\n\n "
        "He hopes to reinstate his visit to the region in the near future.\n\n * *  *\n\n "
        "CANBERRA\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


# A review of the rules above (and of the fixes for the review of sample BE's) found these
# misfires, each fixed before the next sample was measured.


def _item(*lines, head="WASHINGTON – Sen. Jo Fenn (R-Utah) today welcomed the ferry board.\n"):
    return "Title: Fenn on the Ferries\nDate: May 21, 2013\n\nContent:\n" + head + "".join(lines)


def test_a_nickname_after_a_title():
    text = _item(
        "“The ferries are in good hands,” Roe said.\n",
        head="WASHINGTON – Sen. Jo Fenn welcomed the appointment of Dr. Margaret (Peggy) Roe.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Margaret Roe"]


def test_a_letter_to_the_governor_and_a_time_before_said():
    text = _item("A letter to the Governor Al Marsh last week said: “The ferries are unsafe.”\n")
    assert all(name != "Al Marsh" for name, _ in quotes(parse_release_text(text)))


def test_a_slogan_in_marks_above_the_lead_is_no_wrapped_quotation():
    text = '"Ferries for all\nThe Greens today launched their ferry campaign in Lowtown.\n'
    assert not parse_release_text(text).title.startswith('"Ferries for all The Greens')


def test_a_capital_city_below_a_release_dated_from_another_place():
    text = harvested(
        "Ferry talks",
        " JAKARTA, 21 August 1990\n\n FERRY TALKS\n\n The Minister for Rivers, Senator Jo "
        "Example, held talks on ferries with his counterpart today.\n\n He hopes to return to "
        "the region in the near future.\n\n * *  *\n\n CANBERRA\n",
    )
    assert parse_release_text(text).dateline_city != "Canberra"


def test_a_list_item_opening_with_a_verb_in_the_third_person():
    text = _item(
        "“The crew of the Lowtown ferry saved forty lives that night.”\n",
        "Senator Fenn said the bill:\n",
        "• Awards Captain Bo Carter the Congressional Gold Medal\n",
        "• Renames the Lowtown wharf for the crew of the ferry\n",
        "“This bill is long overdue, and I urge my colleagues to pass it.”\n",
        head="WASHINGTON - Today, Senator Jo Fenn introduced a bill to honor a ferry crew.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn", "Jo Fenn"]
