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
