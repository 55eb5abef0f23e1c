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


# A review of the rules above found these misfires, each fixed before sample BB was measured.


def test_a_sentence_in_straight_single_marks_after_has_said_that():
    text = harvested(
        "Surplus promise",
        " SURPLUS PROMISE\n\n The Treasurer has been asked about the budget.\n\n Senator Jo Roe "
        "has said that 'The Government will deliver a ferry surplus in 2012-13, as promised.'\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe"]


def test_a_motto_or_a_title_after_a_dash_is_no_quotation():
    for tail in ("– ‘Per ardua ad astra.’", "– ‘Leave No Ferry Behind.’"):
        text = harvested(
            "Ferry crews honoured",
            f" FERRY CREWS HONOURED\n\n The crews were honoured under the old motto {tail}\n",
        )
        release = parse_release_text(text)
        assert quotes(release) == [] and release.unplaced == [], tail


def test_a_speaker_going_on_after_she_said_and_a_colon():
    text = harvested(
        "Ferry launch",
        " FERRY LAUNCH\n\n Senator Jo Roe launched the new ferry in Hobart today.\n\n"
        ' "This ferry will carry 400 people a day," Senator Roe said.\n\n'
        " Speaking at the launch in Hobart, she said:\n\n"
        ' "The towns have waited a long time for this day."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Roe", "Jo Roe"]
