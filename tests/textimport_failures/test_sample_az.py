"""The failures of sample AZ (seed 68), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_the_following_response_after_a_clause_naming_someone_else():
    text = (
        "Title: Roe Blasts Other on Ferry ‘Stunt’\nDate: March 12, 2012\n\nContent:\n"
        "WASHINGTON – Today, after Senator Al Other announced he would close 17 ferry routes, "
        "Senator Jo Roe released the following response:\n“Senator Al Other’s action is "
        "nothing more than a political stunt designed to distract the river towns.\n"
        "“I welcome the opportunity to discuss the ferry routes with Senator Other.”\n"
    )
    assert {name for name, _ in quotes(parse_release_text(text))} == {"Jo Roe"}


def test_a_quotation_below_a_lead_saying_whom_the_member_told():
    text = (
        "Title: Roe’s Full Remarks at the Ferry Summit\nDate: 2014\n\nContent:\n"
        "WASHINGTON – Today, Senator Jo Roe told the audience at the Ferry Summit it is time "
        "for the river towns to develop a reform agenda.\n“For too long, the towns have put "
        "off the difficult work of developing a modern ferry agenda. The service is not about "
        "the bills we pass, but the towns we want to be.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_what_a_report_stated_is_no_ones_quotation():
    text = harvested(
        "Why won't the Government raise ferry safety?",
        " Why won’t the Government raise ferry safety?\n\n Senator Jo Example today condemned "
        "the Government’s weak approach to ferry safety.\n\n When Senator Al Other, "
        "representing the Minister, suggested that ferry safety was improving, Senator Example "
        "pointed out that the Safety Council’s report on ferries for 2003 stated that “serious "
        "ferry accidents continued and in some respects the situation deteriorated.”\n",
    )
    release = parse_release_text(text)
    assert quotes(release) == []
    assert any("report on ferries" in note for note in release.unplaced)


def test_parliament_house_canberra_between_two_paragraphs_of_a_statement():
    text = harvested(
        "Ferry settlement programs",
        " FERRY SETTLEMENT PROGRAMS\n\n The Minister for Rivers, Mr Jo Example, said the "
        "changes reflected the importance of the ferries.\n\n TEACHING CREWS\n\n"
        ' "Expenditure on crew training will increase $3.7m to $46m," Mr Example said.\n\n'
        " Parliament House, Canberra\n\n"
        ' "Crew training teaches safety to new crews and is vital to the service.\n\n'
        ' "This year\'s budget puts special emphasis on training at work."\n\n'
        ' "The Government has tried to make the ferries safer". Mr  Example said.\n',
    )
    release = parse_release_text(text)
    assert release.dateline_city == "Canberra"
    assert [name for name, _ in quotes(release)] == ["Jo Example"] * 3
    assert all("Parliament House" not in p for p in release.paragraphs)


def test_a_headline_glued_to_the_straight_mark_opening_the_lead():
    text = harvested(
        "$1.9m funding boost for ferry services",
        "  MEDIA  RELEASE \n\n  Minister for Rivers  the Hon Jo Example MP \n\n"
        '  $1.9m funding boost for ferry services  "The Government has demonstrated its '
        'commitment to the river towns with grants commencing today" the Minister for Rivers, '
        "Jo Example, said today. \n",
    )
    assert parse_release_text(text).title == "$1.9m funding boost for ferry services"
