"""Failures of sample AG (US Congress items and Australian releases, seed 50), held out and
measured once, as small excerpts with the same structure."""

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


def test_a_label_printed_before_the_catalogued_headline_is_no_part_of_it():
    text = harvested(
        "Government hits new lows on ferry fares",
        " Media Release: Government hits new lows on ferry fares \n\n October 30, 2016 \n\n"
        " The Government has sunk to a new low in its latest attempt to raise ferry fares, \n\n"
        " River Party ferries spokesperson Jo Example says. \n",
    )
    assert parse_release_text(text).title == "Government hits new lows on ferry fares"


def test_a_glued_attribution_between_the_parts_of_one_statement_joins_them():
    text = (
        "Title: Example Condemns Ferry Cuts\nDate: 2023\n\nContent:\n"
        "“This is not a partisan issue but a question of keeping the valley's ferries running "
        "for every town,”said Congresswoman Jo Example.“We will not stop until the crossings "
        "are safe.”\n"
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "This is not a partisan issue but a question of keeping the valley's ferries running "
            "for every town. We will not stop until the crossings are safe.",
        )
    ]


def test_a_participle_opening_the_sentence_is_no_speaker():
    text = harvested(
        "Ferries a living reality",
        " FERRIES A LIVING REALITY\n\n The Ferry Council's chairman, Professor J. Example, "
        "visited the river towns today.\n\n Speaking from Darwin, Professor Example said:\n\n"
        " “Ferries are a living reality in the towns of the valley.”\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]


def test_a_garbled_headline_after_a_reference_below_a_letter_spaced_letterhead():
    text = (
        "---\ntitle: 'Community groups can assist within the river’s 14,000 ferry passenger "
        "intake'\n"
        'date: "1979-10-15"\ncreators:\n  - "Example, Jo"\n---\n\n'
        " From the Minister for Rivers  and Ferry Affairs.  t he H o n,  J.R, Ex a m p l e , "
        "M.P.\n\n 144/79 COMMUNITY GROUPS CAN ASSIST WITHIN\n\n"
        " THE RIVER’S_j4,OOP FERRY PASSENGER\n\n"
        " INTAKE\n\n 1.5 October 1979\n\n The Minister for Rivers said today that community "
        "groups could help.\n"
    )
    assert parse_release_text(text).title == (
        "Community groups can assist within the river’s 14,000 ferry passenger intake"
    )
