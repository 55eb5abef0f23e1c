"""Failures of sample Y (US Congress releases, seed 42) and of the development samples drawn
after it, as small excerpts with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import quotes, speakers


def test_an_endorsement_signed_after_its_full_stop_is_the_signers_quotation():
    text = (
        "Title: Example Bill to Keep the Ferries Wins Support\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Today, U.S. Senator Jo Example introduced the Ferry Act.\n"
        "“The river towns need their crossings,” said Senator Example.\n"
        "The legislation is endorsed by:\n"
        "Ferry Workers Union\n"
        "River Towns Association\n"
        "“Senator Example is right to stand up for the towns on the water.” Al Roe, Policy "
        "Director, River Towns Association\n"
        "“We thank the senator.” – Bo Hart, President, Ferry Workers Union\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[1:] == [
        ("Al Roe", "Senator Example is right to stand up for the towns on the water."),
        ("Bo Hart", "We thank the senator."),
    ]
    assert [name for name, _ in speakers(release)] == ["Jo Example", "Al Roe", "Bo Hart"]


def test_a_name_after_a_quotation_inside_a_paragraph_is_no_signature():
    text = (
        "Title: Example on the Ferries\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "“The towns need the crossings.” Al Roe, the mayor of Rivertown, has run the ferry "
        "since 1990.\n"
    )
    release = parse_release_text(text)
    assert "Al Roe" not in [name for name, _ in speakers(release)]


def test_a_role_after_the_name_ends_where_the_sentence_goes_on():
    text = (
        "Title: Example on the Ferries\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "Al Roe, the mayor of Rivertown, agreed with her and said: “The towns need the "
        "crossings.”\n"
        "“We need them,” Bo Hart, the owner of the ferry, stressed and said.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [
        ("Al Roe", "mayor of Rivertown"),
        ("Bo Hart", "owner of the ferry"),
    ]


def test_a_title_glued_to_the_name_is_read_apart():
    text = (
        "Title: Example’s Ferry Act Advances\nDate: May 2, 2023\n\nContent:\n"
        "WASHINGTON – Congresswoman Jo Example’s Ferry Act advanced today.\n"
        "“I applaud Congresswoman Example’s work for the river towns,”said Federal Maritime "
        "CommissionerAl Roe.\n"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Al Roe", "Federal Maritime Commissioner")]
    assert quotes(release) == [("Al Roe", "I applaud Congresswoman Example’s work for the river towns")]


def test_remarks_announced_below_and_never_closed_run_to_the_end_of_the_text():
    text = (
        "Title: Example Amendment on Ferry Funding Passes\nDate: March 27, 2015\n\nContent:\n"
        "WASHINGTON – Last night, Senator Jo Example (R-UT) introduced an amendment to fund "
        "the river ferries.\n"
        "See below for Sen. Example’s full remarks, as prepared for delivery:\n"
        "“The ferries carry half the valley to work every morning.\n"
        "As a result, the towns on the river depend on them.\n"
        "This amendment is essential for the towns of the river.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "The ferries carry half the valley to work every morning.\n\n"
            "As a result, the towns on the river depend on them.\n\n"
            "This amendment is essential for the towns of the river.",
        )
    ]
    assert any("run to the end of the text" in note for note in release.unplaced)


def test_a_mark_never_closed_after_a_said_line_still_ends_with_its_paragraph():
    text = (
        "Title: Example on Ferries\nDate: March 27, 2015\n\nContent:\n"
        "WASHINGTON – Senator Jo Example spoke on the ferries.\n"
        "Senator Example said:\n"
        "“The ferries carry half the valley to work every morning.\n"
        "The amendment passed with 56 votes.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Jo Example", "The ferries carry half the valley to work every morning.")
    ]
