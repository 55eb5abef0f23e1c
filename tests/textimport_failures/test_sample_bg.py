"""The failures of sample BG (seed 75), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers


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
