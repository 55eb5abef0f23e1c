"""The failures of sample AV (seed 64), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_sentence_in_straight_single_marks_after_statement_that():
    text = harvested(
        "What's happening on the island.",
        " WHAT'S HAPPENING ON THE ISLAND\n\n The statement by the Hon Al Kun MP makes clear that "
        "the conditions on the island are good.\n\n Critics should take note of Mr Kun's "
        "statement that ' Asylum seekers accommodated on our island have been provided with a "
        "level of care equal to that of the islanders themselves.'\n",
    )
    found = quotes(parse_release_text(text))
    assert [name for name, _ in found] == ["Al Kun"]
    assert found[0][1].startswith("Asylum seekers accommodated")


def test_a_headline_in_capitals_glued_to_the_mark_opening_the_lead():
    text = harvested(
        "Talks of ferries in Djakarta",
        ' Rivers and Towns T H E  H O N . J O  E X A M P L E  TALKS ON FERRIES IN DJAKARTA"The '
        'ferry situation is a regional problem - not one for the towns alone" the Minister for '
        "Rivers, Mr Jo Example, said on arrival in Djakarta tonight.\n",
    )
    found = quotes(parse_release_text(text))
    assert [t.split()[0] for _, t in found] == ["The"]


def test_a_headline_the_cataloguer_shortened_by_a_letter_after_the_letterhead():
    text = harvested(
        "Boat surge in May places even further pressure on already blow budget",
        " Jo Example MP - Federal Member for  Stirling BOAT SURGE IN MAY PLACES EVEN  FURTHER "
        "PRESSURE ON ALREADY BLOWN  BUDGET  May 09, 2013\n\n Illegal boat arrivals continue to "
        "surge in May, the Member for Stirling, Jo Example, said today.\n",
    )
    assert parse_release_text(text).title == (
        "BOAT SURGE IN MAY PLACES EVEN FURTHER PRESSURE ON ALREADY BLOWN BUDGET"
    )
