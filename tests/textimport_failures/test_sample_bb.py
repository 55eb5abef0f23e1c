"""The failures of sample BB (seed 70), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_a_leads_subject_whose_role_begins_with_a_verbs_letters():
    text = harvested(
        "Ferry 5 years on",
        " FERRY 5 YEARS ON TIME TO UNDO THE DAMAGE\n\n On the eve of the 5th anniversary of the "
        "ferry's sinking, Democrats Rivers Spokesperson, Jo Example renewed his calls for the "
        "reversal of the laws passed in its wake.\n\n \"It's good that the Senate recently "
        'rejected the legislation, but the laws which followed are still in place."\n',
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_quotation_cited_with_its_speaker_in_parentheses():
    text = harvested(
        "Labor's ferry plan",
        " LABOR'S FERRY PLAN\n\n Jo Example has nothing to offer except an expensive $2 billion "
        "bureaucracy.\n\n “A coast guard is not a resolution to this problem,” (Jo Example, Media "
        "Conference, Parliament House, August 30, 2001)\n\n The Prime Minister has previously "
        "stated that “we want to deal with the towns that have signed the ferry charter. "
        "Rivertown is not.” (Doorstop Interview, 29 July 2010)\n",
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Example"]
    assert all(s.name != "Doorstop Interview" for s in release.speakers)


def test_a_sentence_in_straight_single_marks_after_he_says():
    text = harvested(
        "Labor's ferry plan",
        " LABOR'S FERRY PLAN\n\n Mr Jo Example claims he has a two prong policy.\n\n Firstly he "
        "says 'That requires negotiation with the towns to return to the sorts of positions we "
        "had in office.'\n",
    )
    release = parse_release_text(text)
    assert any("That requires negotiation" in t for _, t in quotes(release)) or any(
        "That requires negotiation" in note for note in release.unplaced
    )
