"""The failures of sample BG (seed 75), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def test_turns_under_a_surname_the_lead_gives_after_a_title():
    text = (
        "Title: Fenn to Marsh: Explain the Basis for the Ferry Order\nDate: January 29, 2014\n\n"
        "Content:\nWASHINGTON – Today, Senator Jo Fenn asked Attorney General Marsh to explain "
        "the basis for the ferry order.\n"
        "Fenn: “Is this analysis undertaken each time the order is issued?”\n"
        "Marsh: “Those kinds of activities are done after consultation with the department.”\n"
        "Fenn: “In which of those categories would you put the ferry order?”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [
        "Jo Fenn",
        "Marsh",
        "Jo Fenn",
    ]


def test_a_subcommittee_is_no_person():
    text = (
        "Title: Fenn: Ferry Merger Could Benefit Towns\nDate: February 23, 2012\n\nContent:\n"
        "WASHINGTON – Today, Senator Jo Fenn sent a letter to the Ferry Board. Fenn, the "
        "Ranking Member on the Senate Committee’s Rivers Subcommittee, noted that the merger "
        "is significant.\n“The merger of these ferry lines has the potential to lower fares.”\n"
    )
    assert all("Subcommittee" not in name for name, _ in speakers(parse_release_text(text)))


# A review of the rules above (and of the fixes for the review of sample BF's), made after BG
# was measured, found these misfires, each fixed before the session closed.


def _item(*lines, head="WASHINGTON – Sen. Jo Fenn (R-Utah) today welcomed the ferry board.\n"):
    return "Title: Fenn on the Ferries\nDate: May 21, 2013\n\nContent:\n" + head + "".join(lines)


def test_a_role_with_of_the_before_a_time_and_said():
    text = _item("Chairman of the Board Al Marsh last week said: “The ferries are unsafe.”\n")
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Al Marsh"]


def test_canberra_dated_above_and_signed_below_after_a_short_sentence():
    text = harvested(
        "Ferry talks",
        " CANBERRA, 21 August 1990\n\n FERRY TALKS\n\n The Minister for Rivers, Senator Jo "
        "Example, held talks on ferries today.\n\n Talks continue tomorrow.\n\n * *  *\n\n "
        "CANBERRA\n",
    )
    assert parse_release_text(text).dateline_city == "Canberra"


def test_a_wrapped_quotation_in_straight_marks():
    text = (
        'Ferry fees\n\n Mr Jo Roe said the towns need more ferries.\n\n "We need more \nFerries '
        'in Lowtown and in every river town," Mr Roe said.\n'
    )
    assert quotes(parse_release_text(text))[0][1].startswith("We need more Ferries in Lowtown")


def test_a_state_in_parentheses_before_a_role_is_no_nickname():
    text = _item(
        "“We will get the ferries running,” Marsh said.\n",
        head="WASHINGTON – Sen. Jo Fenn met Chairman Roe (Utah) Director Al Marsh today.\n",
    )
    assert ("Al Marsh", "Director") in speakers(parse_release_text(text))


def test_a_list_item_opening_with_a_verb_ending_in_es():
    text = _item(
        "“The crew of the Lowtown ferry saved forty lives that night.”\n",
        "Senator Fenn said the bill:\n",
        "• Designates Captain Bo Carter the ferry's honorary master\n",
        "• Renames the Lowtown wharf for the crew of the ferry\n",
        "“This bill is long overdue, and I urge my colleagues to pass it.”\n",
        head="WASHINGTON - Today, Senator Jo Fenn introduced a bill to honor a ferry crew.\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Fenn", "Jo Fenn"]
