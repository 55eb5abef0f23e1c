"""The failures of sample AO (seed 57), held out and measured once, as small excerpts with
the same structure."""

import pytest

from articles.textimport import parse_release_text
from tests.textimport_failures import harvested, quotes


def test_quotations_under_a_headline_saying_who_discusses_them_on_air_are_theirs():
    text = (
        "Title: On CNN, Senator Jo Example discusses the Ferry Board's Appointments\n"
        "Date: February 1, 2012\n\nContent:\n"
        '"The board has taken power that does not belong to it."\n'
        '"This discussion is about the law. It is about the fact that ours is not a board of '
        'one."\n'
        "Additional resources are available here:\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"] * 2


def test_a_senator_who_told_the_senate_in_a_speech_that_is_the_speaker():
    text = harvested(
        "Ferry smugglers must be referred to the court",
        " Media Statement 16.6.15 \n\n Ferry smugglers must be referred to the court : Example "
        "\n\n Independent Senator for Tasmania Jo Example has called on the Minister to act. "
        "Senator Example told the Senate last night in a speech that: \n\n"
        " “Australia must deal with ferry smugglers in a different manner.\n\n"
        " If we are going to pay money to any one, it should be to the court.”\n",
    )
    assert [name for name, _ in quotes(parse_release_text(text))] == ["Jo Example"]


def test_a_senator_who_asked_the_government_in_the_senate_is_the_speaker():
    text = (
        "Closed door inquiry\n\nCANBERRA, 8 February 2005\n\n“It will not be held behind closed "
        "doors,” Senator Jo Roe said. Senator Roe asked the Government in the Senate today, "
        "“How many ferries have sunk since your Government cut the repairs?” and “How many "
        "crews have lost their jobs?”\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[1] == (
        "Jo Roe",
        "How many ferries have sunk since your Government cut the repairs?",
    )


def test_a_forms_date_field_before_the_headline_and_a_place_after_the_end_marks():
    text = harvested(
        "Australian aid for displaced ferry crews",
        " No. \n\n MTAI 11\n\n 25 March 1992 Date: Australian aid for displaced ferry crews\n\n"
        " Australia will provide $2.7 million to assist displaced ferry crews, the Minister, "
        "Jo Example, announced today.\n\n The aid is administered by AIDAB. * * * * * * "
        "CANBERRA For further information contact AIDAB Public Affairs.\n",
    )
    release = parse_release_text(text)
    assert release.title == "Australian aid for displaced ferry crews"
    assert release.dateline_city == "Canberra"


def test_marks_on_lines_of_their_own_around_an_attribution_alone_on_its_line():
    text = (
        "Title: Lee, Durbin Introduce Ferry Inspector Access Act\nDate: 2018\n\nContent:\n"
        "WASHINGTON – Sens. Jo Example and Al Roe introduced the Ferry Inspector Access Act.\n"
        '“\nThe current exemption for ferry lawyers is nonsensical,"\nsaid Sen. Example.\n'
        '"\nOur simple bill changes that. I am proud to partner with Senator Roe\n.”\n'
    )
    assert quotes(parse_release_text(text)) == [
        (
            "Jo Example",
            "The current exemption for ferry lawyers is nonsensical. Our simple bill changes "
            "that. I am proud to partner with Senator Roe.",
        )
    ]


def test_a_lone_closing_mark_below_a_short_sentence_still_closes():
    text = (
        "Ferry plan\n\nCANBERRA, 3 May 2024\n\n“The ferries will run every hour,\n"
        "Ms Roe said the towns asked for it.\n”\n\nThe timetable is online.\n"
    )
    assert not any("not closed" in note for note in parse_release_text(text).unplaced)


# --------------------------------------------------------------------------
# What a review of the rules added for AO found they must not do
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "before",
    [
        "Senator Jo Roe told the ABC that the Minister had said:",
        "Senator Jo Roe told Parliament that Minister Al Example had claimed:",
        "Senator Jo Roe told the Senate, quoting the Minister:",
        "Senator Jo Roe told the Senate the Auditor-General's report found:",
    ],
)
def test_someone_who_told_a_house_what_another_said_is_not_the_speaker(before):
    text = (
        f"Ferry cuts\n\nCANBERRA, 3 May 2024\n\n{before}\n\n“The ferries are a luxury we cannot "
        "afford.”\n\nSenator Roe said that was wrong.\n"
    )
    assert "Jo Roe" not in [name for name, _ in quotes(parse_release_text(text))]


@pytest.mark.parametrize(
    "headline",
    [
        "Public comments sought on ferry timetable",
        "Joint statement on ferry safety",
        "Roe Welcomes Example comments on ferries",
    ],
)
def test_a_headline_with_a_lower_case_word_names_no_speaker(headline):
    text = (
        f"Title: {headline}\nDate: May 2, 2024\n\nContent:\n"
        '"The ferries must run every hour, and they do not."\n"We will keep pressing."\n'
    )
    assert parse_release_text(text).quotes == []


def test_a_lone_mark_closing_a_quotation_opened_on_the_attribution_line_closes_it():
    text = (
        "Title: Roe Introduces Ferry Act\nDate: May 2, 2018\n\nContent:\n"
        "WASHINGTON – Sen. Jo Roe introduced the Ferry Act today.\n"
        '"The current exemption is nonsensical,"\nsaid Sen. Roe. "Our simple bill changes '
        'that.\n"\nThe bill has been referred to committee.\n'
    )
    release = parse_release_text(text)
    assert "referred to committee" not in " ".join(words for _, words in quotes(release))


def test_a_stray_mark_after_an_attribution_does_not_take_the_writers_line():
    text = (
        "Title: Roe Introduces Ferry Act\nDate: May 2, 2018\n\nContent:\n"
        "WASHINGTON – Sen. Jo Roe introduced the Ferry Act today.\n"
        '“The current exemption is nonsensical,"\nsaid Sen. Roe.\n"\n'
        "The bill has been referred to committee.\n"
    )
    assert quotes(parse_release_text(text)) == [("Jo Roe", "The current exemption is nonsensical")]


@pytest.mark.parametrize("after", ["FACT SHEET", "AIDAB", "SENATOR EXAMPLE"])
def test_capitals_after_the_end_marks_are_a_place_only_when_a_capital(after):
    text = harvested(
        "Australian aid for displaced ferry crews",
        " AUSTRALIAN AID FOR DISPLACED FERRY CREWS\n\n Australia will provide $2.7 million to "
        "assist displaced ferry crews, the Minister, Jo Example, announced today.\n\n The aid "
        f"is administered by AIDAB. * * * {after} For further information contact Public "
        "Affairs.\n",
    )
    assert parse_release_text(text).dateline_city == ""


@pytest.mark.parametrize(
    "after, speaker",
    [
        (
            "Senator Vale asked the Minister, Senator Example, to guarantee the crews' jobs.",
            "Jo Roe",
        ),
        ("Senator Vale asked.", "Al Vale"),
    ],
)
def test_a_sentence_asking_someone_to_act_after_a_question_is_no_attribution(after, speaker):
    text = (
        "Ferry inquiry\n\nCANBERRA, 8 February 2005\n\nSenator Jo Roe and Senator Al Vale spoke "
        "today. Senator Roe asked the Government in the Senate today, “How many ferries have "
        f"sunk?” and “How many crews have lost their jobs?” {after}\n"
    )
    assert [name for name, _ in quotes(parse_release_text(text))][-1] == speaker
