"""Failures of sample X (US Congress and Australian releases, seed 41), as small excerpts
with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_words_in_single_marks_after_says_that_are_a_quotation_of_the_person():
    text = harvested(
        "Roe dodges the ferry question.",
        " Roe Dodges the Ferry Question\n\n"
        " “The Opposition has no plan for the river crossings,” said the Minister for Rivers, "
        "Jo Example, today.\n\n"
        " Mr Roe says that ‘nothing I’ve read this week shows the ferries will pay’.\n\n"
        " “I am surprised he cannot see it,” said Ms Example.\n",
    )
    release = parse_release_text(text)
    assert ("Roe", "nothing I’ve read this week shows the ferries will pay") in quotes(release)
