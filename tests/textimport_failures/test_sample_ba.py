"""The failures of sample BA (seed 69), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_clause_in_straight_single_marks_after_has_said_that():
    text = harvested(
        "Labor's ferry policy",
        " On Ferry Safety\n\n Mr Roe has said that 'if elected, Labor will retain the Ferry "
        "Safety Bill in the form that was passed by Parliament this year.'\n\n However, in "
        "pamphlets distributed during the campaign by frontbenchers Al Lee and Bo Other, it is "
        "clearly stated that Labor will:\n\n 'Completely overhaul our ferry safety laws as they "
        "relate to vessels and crews''\n",
    )
    release = parse_release_text(text)
    found = quotes(release)
    assert [(name, t.split()[:2]) for name, t in found] == [("Roe", ["if", "elected,"])]
    assert any("Completely overhaul" in note for note in release.unplaced)


def test_a_promise_in_single_marks_after_a_dash_ending_the_paragraph_is_listed():
    text = harvested(
        "Ferry tax chaos",
        " Ferry Tax Chaos\n\n Labor’s ferry tax is in chaos.\n\n Such uncertainty is the last "
        "thing the towns need. Prime Minister Roe should dump the tax immediately and stand by "
        "her original promises – ‘there will be no ferry tax under the government I lead.’\n",
    )
    release = parse_release_text(text)
    assert any("there will be no ferry tax" in note for note in release.unplaced)
