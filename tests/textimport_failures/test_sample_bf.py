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
