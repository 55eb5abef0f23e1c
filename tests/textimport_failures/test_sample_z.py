"""Failures of sample Z (US Congress items and Australian releases, seed 43), held out and
measured once, as small excerpts with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_place_and_a_date_signing_a_scan_off_among_specks():
    text = harvested(
        "Ferry aid",
        " FOR RELEASE BY PRESS\n\n The Minister for Rivers, Senator Jo Example, said today that "
        "the Government has given a further $A200,000 to the ferry towns.\n\n"
        " CANBERRA.\u2022  V ' .  . '\n\n 2 3  Ma y  1 9 7 5  . \u2019\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_typists_colon_and_dash_before_the_quotation():
    text = harvested(
        "Emergency aid to the ferry towns",
        " EMERGENCY AID TO THE FERRY TOWNS\n\n"
        " The Minister for Rivers, The Hon. Jo Example, today announced emergency aid.\n\n"
        ' Mr Example said:-"The $200,000 will consist of a cash grant and a boat load of '
        "supplies.\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_a_quotation_signed_below_by_an_office_a_name_and_a_post_nominal():
    text = harvested(
        "Ferry Day - fighting floods through ferries",
        " FERRY DAY - FIGHTING FLOODS THROUGH FERRIES\n\n"
        " The Parliamentary Secretary, Al Roe, today launched Ferry Day.\n\n"
        " \u2018WITH 95 PER CENT OF THE VALLEY LIVING BY THE RIVER, FERRIES ARE A MAJOR PART OF "
        "LIFE IN THE TOWNS.\u2019\n\n"
        " Australian Minister for Rivers and Ferries Jo Example MP\n\n"
        " THE FACTS\n\n Throughout the valley 860 people use the ferries.\n",
    )
    release = parse_release_text(text)
    assert ("Jo Example", "Australian Minister for Rivers and Ferries") in speakers(release)
