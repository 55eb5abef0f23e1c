"""The quotes stage, part by part: finding quotations, reading their attribution, and
speakers found from reported speech. The whole stage is tested through
``parse_release_text`` in ``test_textimport.py``."""

from articles.textimport.model import Notes
from articles.textimport.people import _mentions, _People
from articles.textimport.quotes import _quotes
from articles.textimport.quotes.attribution import _attribution_before, _own_attribution
from articles.textimport.quotes.reported import _indirect_speakers
from articles.textimport.quotes.scan import _quote_text, _scan_quotes

# --------------------------------------------------------------------------
# scan: where quotations open and close
# --------------------------------------------------------------------------


def test_a_quotation_with_its_attribution_around_it():
    [span] = _scan_quotes(["Today the council met. “We are ready,” said Jo Example."])
    assert _quote_text(span) == "We are ready"
    assert span.prefix == "Today the council met. "
    assert span.suffix == " said Jo Example."


def test_a_quotation_over_paragraphs_that_each_open_with_a_mark():
    paragraphs = ["“The first part.", "“The second part,” she said."]
    [span] = _scan_quotes(paragraphs)
    assert (span.start_para, span.end_para) == (0, 1)
    assert _quote_text(span) == "The first part.\n\nThe second part"


def test_straight_marks_and_a_lost_opening_mark():
    [straight] = _scan_quotes(['He said "we will build it" on Monday.'])
    assert _quote_text(straight) == "we will build it"
    [lost] = _scan_quotes(["We will build it this year,” said Jo Example."])
    assert lost.start_pos == -1
    assert _quote_text(lost) == "We will build it this year"


def test_an_apostrophe_is_not_a_quotation():
    assert _scan_quotes(["The Minister’s plan and the towns’ roads were approved."]) == []


# --------------------------------------------------------------------------
# attribution: the words next to a quotation
# --------------------------------------------------------------------------


def attributed(paragraph: str) -> str:
    [span] = _scan_quotes([paragraph])
    who = _own_attribution(span, [paragraph])
    return who.name if who else ""


def test_attribution_after_before_and_by_a_dash():
    assert attributed("“We are ready,” said Senator Jo Example.") == "Jo Example"
    assert attributed("Jo Example, the Mayor, said: “We are ready.”") == "Jo Example"
    assert attributed("“We are ready.” – Jo Example, Mayor") == "Jo Example"


def test_where_it_was_said_is_not_the_name():
    assert attributed("“We are ready,” said Jo Example in a statement.") == "Jo Example"
    assert attributed("“We are ready,” said Jo Examplein a statement.") == "Jo Example"


def test_attribution_before_with_its_occasion():
    who = _attribution_before("The summit was opened by Jo Example, who said:", colon=True)
    assert (who.name, who.context) == ("Jo Example", "opening the summit")


def test_a_pronoun_is_a_reference_not_a_name():
    [span] = _scan_quotes(["“We are ready,” she said."])
    assert _own_attribution(span, ["“We are ready,” she said."]).ref == "pronoun"


# --------------------------------------------------------------------------
# reported: speakers from reported speech, the lead and the same speaker going on
# --------------------------------------------------------------------------


def test_reported_speech_gives_the_speaker_and_its_place():
    paragraphs = ["Mayor Jo Example said the bridge would open in May."]
    people = _People(_mentions(paragraphs))
    [(at, speaker)] = _indirect_speakers(paragraphs, [], people)
    assert (at, speaker.name) == ((0, 17), "Jo Example")


def test_words_inside_a_quotation_are_not_reported_speech():
    paragraphs = ["“Ana Other said no,” the clerk wrote.", "Jo Example said the vote was final."]
    people = _People(_mentions(paragraphs))
    found = _indirect_speakers(paragraphs, _scan_quotes(paragraphs), people)
    assert [speaker.name for _, speaker in found] == ["Jo Example"]


def test_a_quotation_after_a_report_is_the_reporters():
    notes = Notes()
    quotes, speakers = _quotes(
        ["Jo Example said the towns would be rebuilt.", "“Every house will stand again.”"],
        notes,
    )
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("Jo Example", "Every house will stand again.")
    ]
    assert notes.unplaced == []


def test_a_quotation_nobody_said_is_listed_not_dropped():
    notes = Notes()
    quotes, _ = _quotes(
        ["The report reads “all eight towns must be rebuilt before winter.”"], notes
    )
    assert quotes == []
    assert any("all eight towns must be rebuilt" in note for note in notes.unplaced)


# --------------------------------------------------------------------------
# interrupted: one statement with its attribution in the middle
# --------------------------------------------------------------------------


def _quoted(paragraph: str) -> list[tuple[str, str]]:
    quotes, _ = _quotes(["Jo Example and Al Roe spoke today.", paragraph], Notes())
    return [(q.speaker.name, q.text) for q in quotes]


def test_the_parts_of_a_quotation_around_its_attribution_are_one():
    assert _quoted("“The ferries run,” said Jo Example. “The towns need them.”") == [
        ("Jo Example", "The ferries run. The towns need them.")
    ]
    assert _quoted("“In the valley,” Jo Example said, “we have run ferries for a century.”") == [
        ("Jo Example", "In the valley, we have run ferries for a century.")
    ]


def test_parts_with_a_sentence_of_the_writers_or_another_attribution_between_stay_apart():
    assert _quoted(
        "“The ferries run,” said Jo Example, who crossed the river on Monday with the ferry "
        "board, the mayors and the boatmen of the valley. “They need the boats every day.”"
    ) == [("Jo Example", "The ferries run"), ("Jo Example", "They need the boats every day.")]
    assert _quoted(
        "Jo Example said, “The ferries run every day.” Then she said, “They stay for good.”"
    ) == [("Jo Example", "The ferries run every day."), ("Jo Example", "They stay for good.")]
    assert _quoted("“The ferries run,” said Jo Example. “They stay,” said Al Roe.") == [
        ("Jo Example", "The ferries run"),
        ("Al Roe", "They stay"),
    ]
    assert _quoted("“The ferries run,” said Jo Example. “They stay,” she added.") == [
        ("Jo Example", "The ferries run"),
        ("Jo Example", "They stay"),
    ]
