"""The failures of sample AL (seed 54), held out and measured once, as small excerpts with
the same structure, and what a review of the rules added for them found they must not do."""

import pytest

from articles.textimport import body_paragraphs, parse_release_text
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
        "centre by the end of October and leave any remaining people in EIG without the "
        "support and the services they were promised by both governments last year, Refugee "
        "Rights Example’s Refugees Coordinator "
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


def test_the_body_does_not_repeat_a_statement_joined_around_its_attribution():
    text = _congress_item(
        "WASHINGTON – Rep. Jo Example welcomed the vote.\n\n"
        "“The Governor is pushing out-of-touch policies on the river towns.”Stated "
        "Rep. Jo Example.“This Act ensures the towns keep their ferries.”"
    )
    release = parse_release_text(text)
    assert len(release.quotes) == 1
    assert body_paragraphs(release) == []


# --------------------------------------------------------------------------
# What a review of the rules added for AL found they must not do
# --------------------------------------------------------------------------

_LONG_OPENING = (
    "Responding to reports that Example Island’s new Attorney-General has disputed that the "
    "Government has permission to close the Eastport detention centre by the end of October "
    "and leave any remaining people on the island without the services they were promised by "
    "both governments last year"
)


@pytest.mark.parametrize(
    "subject, speaker",
    [
        (
            "Refugee Council chief executive Paul Power, a long-time critic of Minister Peter "
            "Dutton,",
            "Paul Power",
        ),
        (
            "Senator Jo Roe, Greens spokesperson for immigration and deputy to Senator Sarah "
            "Hanson-Young,",
            "Jo Roe",
        ),
        (
            "Greens spokesperson Nick Vale, who travelled with Senator Sarah Hanson-Young,",
            "Nick Vale",
        ),
    ],
)
def test_after_a_long_opening_clause_the_subject_is_not_a_name_in_an_aside(subject, speaker):
    text = (
        f"Bring them here now\n\n26 August 2017\n\n{_LONG_OPENING}, {subject} said,\n\n"
        "“The Government must finally resolve the situation now.\n\n"
        "“Fair sharing is the model that will work.”\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == [speaker]


def test_a_paragraph_in_single_marks_by_another_speaker_does_not_go_on_with_a_quotation():
    text = (
        "Ferry deal condemned\n\nCANBERRA, 13 October 1999\n\n“We will fight this decision in "
        "the courts, Senator Jo Roe said.\n\n‘It is a disgrace. The towns deserve better.\n\n"
        "‘We will keep fighting,’ Mr Sam Lee said.\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[0] == ("Jo Roe", "We will fight this decision in the courts")


def test_a_paragraph_opening_on_a_term_in_single_marks_does_not_go_on_with_a_quotation():
    text = (
        "Ferry deal condemned\n\nCANBERRA, 13 October 1999\n\nSenator Jo Roe said the towns "
        "wanted a fair go.\n\n“We will fight this decision in the courts.\n\n"
        "‘Fair go’ is what the towns want, and they are not getting it.\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[0][1] == "We will fight this decision in the courts."


@pytest.mark.parametrize(
    "middle", ["In 2019, Rep. Example said:", "Last year, Rep. Example said:", "Full Remarks:"]
)
def test_statements_with_more_than_an_attribution_glued_between_stay_two(middle):
    text = _congress_item(
        "WASHINGTON – Rep. Jo Example released the following statement on the Ferry Choice "
        f"Act:“Today the House stood up for the river towns.”{middle}“We cannot let these "
        "ferries sink.”"
    )
    assert len(parse_release_text(text).quotes) == 2


@pytest.mark.parametrize(
    "content, name",
    [
        (
            "SAN ANTONIO – Mayor Maria DelaCruz joined Sen. Ted Cruz to open the terminal.\n\n"
            "“The city is ready,” said Ms DelaCruz.",
            "Maria DelaCruz",
        ),
        (
            "LANSING – Sen. Curt VanderWall applauded the bill. The Wall Street Journal reported "
            "on it.\n\n“This bill keeps our ferries running,” said Sen. VanderWall.",
            "Curt VanderWall",
        ),
    ],
)
def test_a_name_written_in_two_capitalised_parts_is_kept(content, name):
    text = (
        f"Title: Cruz, Wall and Partners Welcome Ferry Funds\nDate: 2023\n\nContent:\n{content}\n"
    )
    assert [speaker for speaker, _ in quotes(parse_release_text(text))] == [name]


def test_a_role_that_opens_on_a_verb_is_kept():
    text = (
        "Shared services for ferries\n\nBRISBANE, 3 May 2017\n\nShared Services Queensland "
        "chief executive Jo Roe said the ferries would share one booking system.\n\n"
        "“It will save the towns money,” Ms Roe said.\n"
    )
    assert speakers(parse_release_text(text)) == [
        ("Jo Roe", "Shared Services Queensland chief executive")
    ]


@pytest.mark.parametrize("after", ["Joint Media Release", "Canberra", "Monday"])
def test_a_headline_keeps_after_its_colon_only_the_issuers_name(after):
    text = harvested(
        "House may join Senate in condemning ferry deal",
        " Jo Example MP  Federal Member for Eastport \n\n 12 May 2011 \n\n"
        f" House may join Senate in condemning ferry deal: {after} \n\n"
        " Greens MP Jo Example has given notice of a motion today condemning the ferry deal.\n",
    )
    assert parse_release_text(text).title.startswith(
        "House may join Senate in condemning ferry deal"
    )
    assert after not in parse_release_text(text).title
