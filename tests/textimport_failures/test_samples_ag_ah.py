"""Failures of sample AG (US Congress items and Australian releases, seed 50), held out and
measured once, and of the development sample AH drawn with it, as small excerpts with the
same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_quotations_under_topic_headings_carry_on_the_one_speakers_statement():
    text = harvested(
        "Ferry budget: no vision for the valley",
        " MEDIA RELEASE   RIVER PARTY   SENATOR JO EXAMPLE\n\n"
        " No vision for the valley in the ferry budget\n\n"
        " River Party spokesperson on ferries Senator Jo Example said that the budget fails "
        "the river towns.\n\n"
        " “The Treasurer says this budget gives every town a fair go. It does not.\n\n"
        " Ferry upgrades aimed at cutting crossings\n\n"
        " “The investment in new engines is long overdue, but it is about cutting crossings, "
        "not running them.\n\n"
        " Pensions\n\n"
        " “Boatmen will be relieved that their pensions were kept, but more must be done.\n\n"
        " Ann Roe  Media Adviser  Office of Jo Example | River Party Senator for the Valley  "
        "1 River St, Valley 6003 |P: 08 9228 3277  ann.roe@example.gov.au |M: 0418 401 180\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"] * 3
    assert speakers(release) == [("Jo Example", "Senator")]
