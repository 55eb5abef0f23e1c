"""The failures of sample AL (seed 54), held out and measured once, as small excerpts with
the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes, speakers


def _congress_item(content: str) -> str:
    return (
        "Title: Example Supports Ferry Choice Act, Passes on the House Floor\n"
        "Date: 2023\n\n"
        f"Content:\n{content}\n"
    )


def test_a_name_run_together_after_a_title_is_read_as_two_words():
    text = _congress_item(
        "Washington D.C.-CongresswomanJoanaExampleapplauds the passage of the Ferry Choice Act."
        "\n\nWhen the Governor followed suit,Examplesigned a letter against the plan.\n\n"
        "“The Governor is pushing out-of-touch policies on the river towns.”Stated "
        "CongresswomanJoanaExample.“This Act ensures the towns keep their ferries.”"
    )
    release = parse_release_text(text)
    assert speakers(release) == [("Joana Example", "Congresswoman")]
    # The parts on either side of the glued attribution are one statement.
    assert quotes(release) == [
        (
            "Joana Example",
            "The Governor is pushing out-of-touch policies on the river towns. This Act ensures "
            "the towns keep their ferries.",
        )
    ]


def test_a_word_of_two_capitalised_parts_after_no_title_is_left_alone():
    text = _congress_item(
        "WASHINGTON – Rep. Jo Example showed a PowerPoint on ferry safety to the committee.\n\n"
        "“The Point is plain: the ferries are unsafe,” Rep. Example said."
    )
    release = parse_release_text(text)
    assert "PowerPoint" in release.lead


def test_the_subject_after_a_long_opening_clause_is_the_speaker():
    text = (
        "Bring them here now\n\n26 August 2017\n\n"
        "Responding to reports that Example Island’s new Attorney-General Davis Steven has "
        "disputed that the Government has EIG’s permission to close the Eastport detention "
        "centre by the end of October and leave any remaining people in EIG, Refugee Rights "
        "Example’s Refugees Coordinator "
        "Graham Roe said,\n\n"
        "“The Government must finally resolve the situation now.\n\n"
        "“Fair sharing is the model that will work.”\n\n"
        "For further information contact Jo Vale.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Graham Roe"]
    assert quotes(release)[0][1].endswith("the model that will work.")
    assert speakers(release) == [("Graham Roe", "Refugee Rights Example’s Refugees Coordinator")]


def test_a_headline_naming_who_says_so_after_a_colon_keeps_the_name():
    text = harvested(
        "House may join Senate in condemning ferry deal",
        " Jo Example MP  Federal Member for Eastport \n\n 12 May 2011 \n\n"
        " House may join Senate in condemning ferry deal: Example \n\n"
        " Greens MP Jo Example has given notice of a motion today condemning the ferry deal.\n",
    )
    assert (
        parse_release_text(text).title == "House may join Senate in condemning ferry deal: Example"
    )


def test_a_paragraph_of_a_quotation_reopened_with_a_single_mark_goes_on_with_it():
    text = (
        "Minister wrong to target ferry crews\n\nCANBERRA, 13 October 1999\n\n"
        "Senator Jo Roe said the Minister's comments were inflammatory.\n\n"
        "“Comments which target particular crews and allege that they are somehow involved in "
        "smuggling are inflammatory and dangerous.\n\n"
        "‘The Minister’s comments confirm the need for an independent tribunal. This "
        "government has repeatedly acted against its own policy.\n\n"
        "“The Minister has forgotten Australia’s obligations to the crews,” she said.\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Jo Roe"]
    assert quotes(release)[0][1].startswith("Comments which target")
    assert quotes(release)[0][1].endswith("Australia’s obligations to the crews")
