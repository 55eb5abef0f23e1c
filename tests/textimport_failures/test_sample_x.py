"""Failures of sample X (US Congress and Australian releases, seed 41), as small excerpts
with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import floor_remarks, harvested, quotes, speakers


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


def test_he_said_before_a_quotation_is_the_person_the_paragraph_opens_on():
    paragraph = (
        "When asked who owned the ferry design, Dr. Ann Lee said: “The river towns do. "
        "No one can own a crossing.”\n"
        "In 1950 Tom Reed, an engineer from Leeds, built the first cable ferry.\n"
        "When Reed was asked about his part, he did not talk about money. Instead, he said: "
        "“I did not invent the ferry. The river did that.”\n"
        "When Dr. Bo Hart was asked why he sold his engine plans for $1 he replied: "
        "“The engine belongs to every town on the river.”"
    )
    release = parse_release_text(floor_remarks(paragraph))
    assert quotes(release)[1:] == [
        ("Tom Reed", "I did not invent the ferry. The river did that."),
        ("Bo Hart", "The engine belongs to every town on the river."),
    ]


def test_a_name_and_role_after_a_comma_and_closing_mark_credit_the_quotation_without_a_verb():
    text = (
        "Title: Rep. Example Introduces the Ferry Act\nDate: June 2, 2017\n\nContent:\n"
        "WASHINGTON – Today Rep. Jo Example introduced the Ferry Act."
        '"The ferries keep the valley together," said Rep. Al Roe. "We need them."'
        '"The boatmen of the union thank Rep. Example for standing up for the crossings,"'
        'Tim Vale, General President – Ferry Union. "After fifty years on the water, we '
        'know what the towns need."\n'
    )
    release = parse_release_text(text)
    assert quotes(release)[1:] == [
        (
            "Tim Vale",
            "The boatmen of the union thank Rep. Example for standing up for the crossings. "
            "After fifty years on the water, we know what the towns need.",
        ),
    ]


def test_a_generational_suffix_after_the_name_belongs_to_the_speakers_name():
    paragraph = (
        "M. President: In 1961, Dr. Ann Marie Example, Jr. said: “The trouble is that the "
        "river towns pay for the ferries and the cities ride them.”\n"
        "What Dr. Example said then is truer today."
    )
    release = parse_release_text(floor_remarks(paragraph))
    assert speakers(release) == [("Ann Marie Example, Jr.", "")]


def test_a_present_tense_verb_then_stating_before_a_quotation_credits_the_subject():
    text = (
        "Title: Example to Towns: Keep the Ferries\nDate: July 3, 2023\n\nContent:\n"
        "Sen. Jo Example introduced a resolution on the river ferries.\n"
        "Dr. Ann Lee\nechoes this view of the crossings, stating, “\nWe could choose, as a "
        "valley, to keep every ferry running, as we once did.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        ("Ann Lee", "We could choose, as a valley, to keep every ferry running, as we once did.")
    ]


def test_a_statement_opening_the_release_is_the_one_the_headline_says_responds():
    text = (
        "Title: Senator Roe Responds to the Board's Decision to Close the River Ferries\n"
        "Date: May 2, 2011\n\nContent:\n"
        "WASHINGTON – “I am disappointed in the board’s decision to close the ferries.  The "
        "towns gave the board plenty of evidence that the crossings pay their way.  I look "
        "forward to reading the board’s reasons.”\n"
    )
    release = parse_release_text(text)
    assert [name for name, _ in quotes(release)] == ["Roe"]


def test_she_said_opening_a_paragraph_is_the_person_the_paragraph_above_opens_on():
    text = (
        "Title: ICYMI: Valley Times: Ferry funds to benefit Riverside\nDate: 2024\n\n"
        "Content:\n"
        "“This is a big day,” Congresswoman Jo Example said.\n\n"
        "“We thank Congresswoman Jo Example for her work,” said Mayor Al Roe.\n\n"
        "Example, who rode the ferry recently, is sure the funds will keep it running.\n\n"
        "She said she keeps in touch with all the boatmen across the district.\n\n"
        "“We often speak of the strength of our river crews and we stay in close touch with "
        "the towns.”\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[-1][0] == "Jo Example"


def test_a_question_in_marks_is_the_one_the_sentence_says_put_it():
    text = (
        "Title: NEWS: Chairman Example Asks Why Ferry Fares Tripled\nDate: April 2, 2024\n\n"
        "Content:\n"
        "WASHINGTON, April 2 – Chairman Jo Example today wrote to the CEO of River Lines.\n\n"
        "“Fares have tripled while the boats stayed the same,” said Chairman Example.\n\n"
        "The company’s profits rose last year.\n\n"
        "In his letter, Chairman Example requested that the CEO of River Lines answer a simple "
        "question: “Will River Lines cut the fares on every crossing this year?”\n"
    )
    release = parse_release_text(text)
    assert quotes(release)[-1] == (
        "Jo Example",
        "Will River Lines cut the fares on every crossing this year?",
    )


def test_a_headline_in_capitals_run_on_after_the_letterhead_is_the_catalogues_title():
    text = harvested(
        "Time to fix the ferries: a new board won't solve the main problems.",
        " VALLEY PARTY MEDIA 05/120 SUNDAY 3 MAY 2005 SENATOR JO EXAMPLE VALLEY PARTY RIVERS "
        "SPOKESPERSON TIME TO FIX THE FERRIES  A NEW BOARD WON'T SOLVE THE MAIN PROBLEMS The "
        "Valley Party says a new ferry board would do little to fix the crossings.\n",
    )
    release = parse_release_text(text)
    assert release.title == "TIME TO FIX THE FERRIES A NEW BOARD WON'T SOLVE THE MAIN PROBLEMS"


def test_a_name_and_verb_after_a_full_stop_and_mark_introduce_the_next_quotation():
    text = harvested(
        "Time to fix the ferries.",
        " TIME TO FIX THE FERRIES\n\n"
        " Senator Jo Example said closing the crossings had been the board's plan all along. "
        '"Tying up the boats out of sight is a symbol of how this board hides the facts." '
        'Premier Roe said this morning "until I see proof of bad management, I will back the '
        'board…" (Valley Radio)\n',
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "Tying up the boats out of sight is a symbol of how this board hides the facts.",
        ),
        ("Roe", "until I see proof of bad management, I will back the board…"),
    ]
