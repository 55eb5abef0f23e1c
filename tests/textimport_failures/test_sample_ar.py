"""The failures of sample AR (seed 60), held out and measured once, as small excerpts with
the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_a_patrol_agent_named_with_his_unit_before_a_tweet():
    text = (
        "Title: Stefanik Statement on the Surge at the Northern Border\nDate: 2023\n\nContent:\n"
        "East Greenbush, NY-Congresswoman Jo Example released the following statement "
        "followingChief Patrol Agent Al Roe's tweeton the surge at the border:\n"
        "Chief Patrol Agent Al Roe,United States Border Patrol Example Sector stated on Twitter "
        "tonight:\n“Over 6,100 apprehensions from 76 different countries this year, more than "
        "the last six years combined.”\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Al Roe"]
    assert "stated" not in dict(speakers(release))["Al Roe"]


@pytest.mark.parametrize(
    "catalogued, printed",
    [
        (
            "Budget 2010: Strengthening the river ferries.",
            "Budget 2010-11—Strengthening the river ferries",
        ),
        (
            "Arrival of K112 adds to the chaos on the rivers",
            "Arrival of boat K112 adds to the chaos on the rivers",
        ),
    ],
)
def test_the_headline_as_printed_where_the_catalogue_wrote_it_otherwise(catalogued, printed):
    text = harvested(
        catalogued,
        f" Senator Jo Example  Minister for Rivers\n\n {printed}  Joint media release with Al "
        "Roe\n\n Tuesday, 11 May 2010\n\n The Government will invest $1.2 billion in the river "
        "ferries.\n",
    )
    assert parse_release_text(text).title == printed


def test_a_topic_heading_in_capitals_under_the_lead_is_no_dateline():
    text = harvested(
        "Senate Estimates: in case you missed it",
        " Senate Estimates: In case you missed it\n\n The Senate Estimates hearings held last "
        "week again proved an effective avenue for questions on the ferries.\n\n"
        " Judged on media coverage, the biggest stories of the week included:\n\n"
        " CHIEF FERRY MASTER RESIGNS - The chief ferry master came to the committee last week "
        "to announce his resignation.\n",
    )
    assert parse_release_text(text).dateline_city == ""


def test_a_catalogue_title_whose_other_part_is_a_label():
    text = harvested(
        "Budget 2005-06: joint media release.",
        " Joint Media Release\n\n The Minister for Rivers Jo Example and the Minister for Towns "
        "Al Roe\n\n 10 May 2005\n\n Budget 2005-06\n\n In the 2005-06 Budget, the Government "
        "has announced a number of measures for the river towns.\n",
    )
    assert parse_release_text(text).title == "Budget 2005-06"


def test_a_statement_in_straight_marks_whose_paragraph_break_was_lost():
    text = harvested(
        "Angry Ambassador invited to elaborate.",
        " 7th Jul 2005\n\n The ambassador was invited to elaborate on her outburst, Greens "
        'Senator Jo Example said today.  "As well as her outburst, I would like to hear her talk '
        'about the prisoners in ‘education with labour’ camps," Senator Example said.  "Her '
        'attack probably shows she has given up on getting him back.  "Al Roe has said how much '
        'he loves his country. Her outburst will not change that," Senator Example said.\n',
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Jo Example", "Jo Example"]
    assert found[1][1].startswith("Her attack probably shows")
    assert found[1][1].endswith("Her outburst will not change that")
