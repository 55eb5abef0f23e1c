"""Failures of sample W (US Congress and Australian releases, seed 40), as small excerpts
with the same structure."""

from articles.textimport import parse_release_text
from tests.textimport_failures import floor_remarks, quotes


def test_two_straight_marks_glued_after_a_stop_close_one_quotation_and_open_the_next():
    text = (
        "Example Backs the Ferry Bill\n\n"
        "WASHINGTON – Today Senator Jo Example introduced a bill to keep the river ferries "
        "running.\n\n"
        'Quotes from co-sponsors follow."The ferries matter to the valley," said Rep. Al Roe. '
        'I back the bill to keep the boats going for our towns.""In 2010 we set out to save '
        'the ferries. Now we are close," said Ann Lee, director of Ferry Friends. "We will '
        'keep going until the last boat sails on time."\n'
    )
    release = parse_release_text(text)
    assert quotes(release)[1:] == [
        (
            "Ann Lee",
            "In 2010 we set out to save the ferries. Now we are close. We will keep going until "
            "the last boat sails on time.",
        ),
    ]


def test_a_comma_mark_and_verb_close_a_quotation_with_words_in_marks_inside_it():
    text = (
        "Example Asks for Ferry Funds\n\n"
        "WASHINGTON – Today forty members asked for money to run the river ferries.\n\n"
        '"It is wrong to cut the crossings because some want to show "budget sense," said '
        'Rep. Jo Example in a statement. "The valley needs its boats."\n\n'
        '"My job is to serve the river towns. The ferries serve them every day," said Rep. '
        "Al Roe\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            'It is wrong to cut the crossings because some want to show "budget sense," The '
            "valley needs its boats.",
        ),
        ("Al Roe", "My job is to serve the river towns. The ferries serve them every day"),
    ]


def test_the_congresswoman_is_the_representative_named_before():
    text = (
        "Rep. Jo Example Introduces Ferry Bill\n\n"
        "WASHINGTON – This week, Representative Jo Example (VT-01) will introduce a bill to "
        "keep the river ferries running.\n\n"
        "“The valley cannot wait for another winter without boats,” the Congresswoman said at "
        'a town meeting on Monday. "I will not let the crossings close.”\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Jo Example",
            "The valley cannot wait for another winter without boats. I will not let the "
            "crossings close.",
        ),
    ]


def test_words_from_a_persons_media_release_are_theirs():
    text = (
        "Ferry delay costs the valley\n\n"
        "The Greens have learned that the Minister for Rivers, Mr Al Roe, was told of the "
        "ferry company’s troubles in May.\n\n"
        "On Friday, Mr Roe’s media release concluded, “No one, not even the company’s board, "
        "knew how bad things were until this week”.\n"
    )
    release = parse_release_text(text)
    assert quotes(release) == [
        (
            "Al Roe",
            "No one, not even the company’s board, knew how bad things were until this week",
        )
    ]


def test_as_the_author_put_it_in_a_lecture_credits_the_quotation():
    release = parse_release_text(
        floor_remarks(
            "As the Scottish poet Ann Lee put it in her Harvest Lecture in 1960:\n"
            "“Let us not forget that a river joins more than it divides. The boat is the "
            "bridge.”"
        )
    )
    assert quotes(release) == [
        (
            "Ann Lee",
            "Let us not forget that a river joins more than it divides. The boat is the bridge.",
        )
    ]


def test_two_capitals_without_stops_before_a_surname_are_initials():
    text = (
        "Example Backs the Ferry Bill\n\n"
        "WASHINGTON – Today Senator Jo Example introduced a bill to keep the river ferries "
        "running.\n\n"
        '"The river is our next big challenge and this bill meets it," said TJ Moss of '
        "Valley Boats Now.\n"
    )
    release = parse_release_text(text)
    assert [(q.speaker.name, q.speaker.role) for q in release.quotes] == [
        ("TJ Moss", "Valley Boats Now")
    ]


def test_a_name_ending_in_america_is_an_organisation():
    text = (
        "Example Introduces Ferry Bill\n\n"
        "WASHINGTON – Today Rep. Jo Example introduced a bill to keep the river ferries "
        "running.\n\n"
        '"The ferries are the valley\'s lifeline," said Rep. Example.\n\n'
        'In support of the bill, Boating America stated, "This bill keeps the crossings '
        'open for every town on the river."\n'
    )
    release = parse_release_text(text)
    assert [s.name for s in release.speakers] == ["Jo Example"]
    assert quotes(release) == [("Jo Example", "The ferries are the valley's lifeline")]


def test_words_with_an_attribution_that_cannot_be_read_are_not_the_last_speakers():
    text = (
        "Example Backs the Ferry Crews\n\n"
        "WASHINGTON – Today forty members asked for better pay for the ferry crews.\n\n"
        '"The boats matter to every town," said Ann Lee, director of Ferry Friends\n\n'
        '"Raising the crews\' pay is common sense,"Rep Dale. Roe said. "For years their wages '
        'have fallen behind."\n'
    )
    release = parse_release_text(text)
    assert quotes(release) == [("Ann Lee", "The boats matter to every town")]
    assert any("Raising the crews" in note for note in release.unplaced)
