"""The plain-text release parser: what an editor gets from a pasted or scraped release."""

import ast
import datetime
import sys
from pathlib import Path

import pytest

from articles.demo import DEMO_THEMES
from articles.textimport import (
    ParsedEvent,
    ParsedQuote,
    ParsedRelease,
    ParsedSpeaker,
    parse_release_text,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "interpol-tirana-2024.txt"
CORPUS = SHARED / "corpus"
SEED_THEMES = DEMO_THEMES  # the seed release's themes, as the demo loads them

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="shared seed release is not available")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus is not available")


def speakers(release: ParsedRelease) -> list[tuple[str, str]]:
    return [(s.name, s.role) for s in release.speakers]


def quotes_by(release: ParsedRelease, name: str) -> list[str]:
    return [q.text for q in release.quotes if q.speaker.name == name]


def only_quote(text: str, **kwargs) -> ParsedQuote:
    release = parse_release_text(text, **kwargs)
    assert len(release.quotes) == 1, release.quotes
    return release.quotes[0]


def corpus_release(name: str, **kwargs) -> ParsedRelease:
    # Line 1 names the source; from line 2 on the file is the release as scraped.
    text = (CORPUS / name).read_text(encoding="utf-8")
    return parse_release_text(text.split("\n", 1)[1], **kwargs)


def corpus_files() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


# --------------------------------------------------------------------------
# The seed release
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> ParsedRelease:
    if not SEED.is_file():
        pytest.skip("shared seed release is not available")
    return parse_release_text(SEED.read_text(encoding="utf-8"), known_themes=SEED_THEMES, year=2024)


def test_seed_dateline(seed):
    assert (seed.dateline_city, seed.dateline_country) == ("Tirana", "Albania")
    assert seed.paragraphs[0].startswith("The growing threat and globalization of organized crime")
    assert not any("TIRANA" in p for p in seed.paragraphs)


def test_seed_title_and_lead_come_from_the_first_sentence(seed):
    assert seed.title.startswith("The growing threat and globalization of organized crime")
    # Cut at a word that carries meaning, with no "…" and no "-of-in" slug.
    assert seed.title == (
        "The growing threat and globalization of organized crime is the major theme of "
        "INTERPOL’s European Regional Conference"
    )
    assert seed.lead == (
        "The growing threat and globalization of organized crime is the major theme of "
        "INTERPOL’s European Regional Conference hosted this week in Tirana, Albania."
    )


def test_seed_speakers(seed):
    assert speakers(seed) == [
        ("Taulant Balla", "Interior Minister of Albania"),
        ("Ahmed Naser Al-Raisi", "INTERPOL President"),
        ("Jurgen Stock", "Secretary General of INTERPOL"),
    ]


def test_seed_has_exactly_three_quotes_one_per_speaker(seed):
    assert [q.speaker.name for q in seed.quotes] == [
        "Taulant Balla",
        "Ahmed Naser Al-Raisi",
        "Jurgen Stock",
    ]
    assert [q.speaker for q in seed.quotes] == seed.speakers


def test_seed_balla_quote_spans_three_paragraphs(seed):
    text = seed.quotes[0].text
    assert text.startswith("Today’s crimes are increasingly international")
    assert text.endswith("innocent citizens.")
    assert text.count("\n\n") == 2
    assert text.split("\n\n")[1].startswith("INTERPOL is the best global organization")
    assert "said" not in text and "INTERPOL President" not in text


def test_seed_al_raisi_and_stock_quotes(seed):
    al_raisi, stock = seed.quotes[1].text, seed.quotes[2].text
    assert al_raisi.startswith("This year, the European Regional Conference")
    assert al_raisi.endswith("collaborative strategies.")
    assert stock.startswith("Senior police officials")
    assert stock.endswith("growing menace of organized crime.")
    assert stock.count("\n\n") == 2


def test_seed_quotes_carry_no_quotation_marks_at_their_ends(seed):
    assert sum(q.text.count("\n\n") + 1 for q in seed.quotes) == 8
    for quote in seed.quotes:
        for paragraph in quote.text.split("\n\n"):
            assert paragraph[0] not in '“”"' and paragraph[-1] not in '“”"'


def test_seed_event_with_year_argument(seed):
    assert seed.events == [
        ParsedEvent(datetime.date(2024, 6, 11), datetime.date(2024, 6, 13), "11-13 June", 160)
    ]


@needs_seed
def test_seed_event_without_any_year_is_reported_not_guessed():
    release = parse_release_text(SEED.read_text(encoding="utf-8"))
    assert release.events == []
    assert any("11-13 June" in note and "year" in note for note in release.unplaced)


def test_seed_themes(seed):
    assert seed.themes == SEED_THEMES


def test_seed_gallery_counter_is_dropped(seed):
    assert "1 / 13" in seed.dropped
    assert not any("1 /" in p for p in seed.paragraphs)


def test_seed_no_paragraph_is_blank_or_digits(seed):
    assert len(seed.paragraphs) == 15
    for paragraph in seed.paragraphs:
        assert paragraph.strip()
        assert not paragraph.replace(" ", "").replace("/", "").isdigit()


def test_seed_glued_paragraphs_are_split(seed):
    assert seed.paragraphs[0].endswith("hosted this week in Tirana, Albania.")
    assert seed.paragraphs[1].startswith("Over the three-day conference (11-13 June)")
    assert seed.paragraphs[-1].startswith("INTERPOL’s European region is the most active")
    assert "4.2 billion searches" in seed.paragraphs[-1]
    assert "The conference was opened by the Interior Minister of Albania" in seed.paragraphs[2]


# --------------------------------------------------------------------------
# Real releases
# --------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("name", corpus_files())
def test_every_corpus_release_parses_into_readable_paragraphs(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    title = " ".join(text.split("\n")[1].split())
    release = corpus_release(name, known_themes=SEED_THEMES)
    assert release.title.rstrip(".") == title.rstrip(".")
    assert release.paragraphs
    if not title.endswith("."):  # a line ending in a full stop is not taken as the headline
        assert title not in release.paragraphs
    for paragraph in release.paragraphs:
        assert any(c.isalpha() for c in paragraph)
        assert "Ã" not in paragraph
    for quote in release.quotes:
        assert quote.speaker in release.speakers
        assert quote.text and quote.text[0] not in '“”"' and quote.text[-1] not in '“”"'


@needs_corpus
def test_corpus_001_hunt_and_murphy():
    release = corpus_release("001_trove_au_parliament.txt")
    assert release.title == "Update on Novel Coronavirus"
    assert release.lead.startswith("The World Health Organization (WHO) has declared the outbreak")
    assert speakers(release) == [
        ("Greg Hunt", "Minister for Health"),
        ("Brendan Murphy", "Australian Chief Medical Officer"),
    ]
    # Each paragraph closes its marks: two quotations, the second his too.
    first, second, missing_opener = quotes_by(release, "Greg Hunt")
    assert first.startswith("The WHO has advised that all countries")
    assert first.endswith("share full data with WHO.")
    assert second.startswith("Australia is very well prepared")
    assert second.endswith("protect Australians.")
    assert missing_opener == (
        "We continue to take a highly precautionary approach based on the latest and best "
        "medical advice"
    )
    assert "-END-" in release.dropped
    assert "• ACT call 02 5124 9213" in release.paragraphs[-1]


@needs_corpus
def test_corpus_002_comments_from_blocks_and_unclosed_quote():
    release = corpus_release("002_trove_au_parliament.txt")
    assert speakers(release) == [
        ("Adam Bandt", "Leader of the Australian Greens"),
        ("Richard di Natale", "Australian Greens Health Spokesperson"),
    ]
    bandt, unclosed = quotes_by(release, "Adam Bandt")
    assert bandt.startswith("The number of intensive care beds will be the key")
    assert bandt.endswith("adequate numbers of ventilators.")
    assert unclosed.startswith("We also need clarity")
    assert unclosed.endswith("restaurants and other sectors.")
    assert any("not closed" in note and "We also need clarity" in note for note in release.unplaced)


@needs_corpus
def test_corpus_003_hard_wrapped_lines_and_five_paragraph_quotes():
    release = corpus_release("003_trove_au_parliament.txt")
    assert (
        "The Greens have said that Australia must support a World Trade Organization (WTO) "
        "proposal that would waive intellectual property provisions"
    ) in release.paragraphs[0]
    assert release.paragraphs[0].endswith("to everyone in the global community.")
    assert speakers(release) == [
        ("Mehreen Faruqi", "Greens spokesperson for International Aid & Development"),
        ("Rachel Siewert", "Greens spokesperson for Health"),
    ]
    faruqi, siewert = (q.text for q in release.quotes)
    assert faruqi.startswith("This is a matter of global justice")
    assert faruqi.endswith("sickness and death")
    assert faruqi.count("\n\n") == 4
    assert siewert.startswith("I'm very concerned")
    assert siewert.endswith("to facilitate universal access.")


@needs_corpus
def test_corpus_004_three_speakers_of_a_joint_release():
    release = corpus_release("004_trove_au_parliament.txt")
    assert speakers(release) == [
        ("Karen Andrews", "Federal Minister for Industry, Science and Technology"),
        ("Michael Gunner", "Northern Territory Chief Minister"),
        ("Megan Clark", "Head of the Australian Space Agency"),
    ]
    gunner = quotes_by(release, "Michael Gunner")
    assert gunner[1].startswith("We are perfectly positioned to benefit from the space economy")
    assert gunner[1].endswith("more jobs for Territorians.")
    assert gunner[1].count("\n\n") == 3


@needs_corpus
def test_corpus_007_role_reference_and_reported_speech():
    release = corpus_release("007_trove_au_parliament.txt")
    names = [name for name, _ in speakers(release)]
    assert names == ["Michael McCormack", "Andrew Barr", "Zed Seselja", "Chris Steel"]
    # "… ,” the Deputy Prime Minister said." names nobody: the role points back to McCormack.
    assert quotes_by(release, "Michael McCormack")[0].startswith("Extending the light rail")
    # No attribution at all: the previous paragraph reports Seselja speaking.
    assert quotes_by(release, "Zed Seselja")[0].startswith("It is important we get light rail")
    assert dict(speakers(release))["Andrew Barr"] == "ACT Chief Minister"


@needs_corpus
def test_corpus_008_straight_quotes():
    release = corpus_release("008_trove_au_parliament.txt")
    assert speakers(release) == [
        ("Kay Patterson", "Federal Minister for Health and Ageing"),
        ("Judith Black", "Chair of the NHMRC’s Urgent Research Working Group"),
    ]
    black = quotes_by(release, "Judith Black")
    assert black == [
        "Antibodies to the disease cannot be detected until 10 days after its onset. While "
        "molecular tests have the potential for rapid results, to be really useful they need "
        "to be very specific"
    ]
    assert len(quotes_by(release, "Kay Patterson")) == 4


@needs_corpus
def test_corpus_009_event_and_quote_after_boilerplate():
    release = corpus_release("009_trove_au_parliament.txt")
    assert release.events == [
        ParsedEvent(
            datetime.date(2020, 10, 24),
            datetime.date(2020, 11, 1),
            "Saturday, 24 October to Sunday, 1 November 2020",
        )
    ]
    assert speakers(release) == [("Darren Chester", "Minister for Veterans’ Affairs")]
    # The only person quoted, two paragraphs up with boilerplate between: still his words.
    last = release.quotes[-1]
    assert last.speaker.name == "Darren Chester"
    assert last.text.startswith("I encourage veterans")


@needs_corpus
def test_corpus_010_event_year_from_release_date_unless_given():
    release = corpus_release("010_trove_au_parliament.txt")
    assert release.events == [
        ParsedEvent(datetime.date(2020, 5, 10), datetime.date(2020, 5, 14), "10 to 14 May")
    ]
    given = corpus_release("010_trove_au_parliament.txt", year=2021)
    assert given.events[0].start == datetime.date(2021, 5, 10)
    assert speakers(release) == [("Simon Birmingham", "Federal Tourism Minister")]


@needs_corpus
def test_corpus_011_chart_debris_is_dropped():
    release = corpus_release("011_trove_au_parliament.txt")
    assert "2020 | 2019 | 2009" in release.dropped
    assert "0 2,000 1,200 1,600 800 400" in release.dropped
    assert [name for name, _ in speakers(release)] == ["Mark Coulton", "Lucinda Barry"]
    assert dict(speakers(release))["Lucinda Barry"] == "Organ and Tissue Authority CEO"


@needs_corpus
def test_corpus_012_report_quote_has_no_speaker():
    release = corpus_release("012_trove_au_parliament.txt")
    assert release.speakers == [] and release.quotes == []
    assert any("An independent report on aged care" in note for note in release.unplaced)
    assert release.lead.startswith("New research commissioned by the Aged Care Royal Commission")
    # Double-encoded bullet repaired; the heading repeated over two lines is gone.
    assert any(p.startswith("• MEDIA RELEASE, ROYAL COMMISSION") for p in release.paragraphs)
    assert "SECRECY" not in release.paragraphs


@needs_corpus
def test_corpus_013_pdf_font_garbage_dropped_and_single_quotes_read():
    release = corpus_release("013_trove_au_parliament.txt")
    assert not any("fl ˘" in p or "Ã‘" in p for p in release.paragraphs)
    assert any("Ã‘" in piece for piece in release.dropped)
    assert release.paragraphs[-1].startswith("How to link a service to myGov")
    assert speakers(release) == [("Stuart Robert", "Minister for Government Services")]
    first, second, third = quotes_by(release, "Stuart Robert")
    assert first.startswith("The Morrison Government is getting on with the vaccine rollout")
    assert second.startswith("Services Australia has been putting in the work")
    assert third.endswith("be ready for a vaccinated Australia.")


@needs_corpus
def test_corpus_014_us_dateline_and_interrupted_quote():
    release = corpus_release("014_us_congress.txt")
    assert (release.dateline_city, release.dateline_country) == ("Washington", "")
    assert release.paragraphs[0].startswith("Sen. Bernie Sanders (I-Vt.), Chairman of Senate")
    assert speakers(release) == [("Bernie Sanders", "Senator")]
    # "“… five years,” said Sanders. “This legislation …”": one statement, interrupted.
    (quote,) = quotes_by(release, "Bernie Sanders")
    assert "Older Americans Act over the next five years. This legislation begins" in quote
    assert quote.endswith("for a senior to spend one night in a hospital.")
    assert "Date: July 31, 2024" in release.dropped


@needs_corpus
def test_corpus_016_unquoted_statement_is_reported():
    release = corpus_release("016_us_congress.txt", known_themes=SEED_THEMES)
    assert (release.dateline_city, release.dateline_country) == ("Burlington", "Vt.")
    assert release.quotes == []
    assert any("Bernie Sanders" in n and "without quotation marks" in n for n in release.unplaced)
    assert release.paragraphs[1].startswith("Once again, Vermont has been struck")
    assert release.themes == ["climate change"]


@needs_corpus
def test_corpus_017_congresswoman_reference_and_glued_words():
    release = corpus_release("017_us_congress.txt")
    assert (release.dateline_city, release.dateline_country) == ("Washington", "D.C.")
    assert release.lead.startswith("Today, July 10, 2024, Congresswoman Alexandria Ocasio-Cortez")
    first = release.quotes[0]
    assert first.speaker.name == "Alexandria Ocasio-Cortez"
    assert first.text.startswith("The unchecked corruption crisis on the Supreme Court")
    assert first.text.endswith("protection of our democracy")
    assert first.text.count("\n\n") == 1
    roles = dict(speakers(release))
    assert roles["Caroline Ciccone"] == "Accountable.US president"
    assert quotes_by(release, "Gabe Roth")[0].startswith("In response to this bill")


@needs_corpus
def test_corpus_018_nested_single_quotes_stay_inside():
    release = corpus_release("018_us_congress.txt")
    assert (release.dateline_city, release.dateline_country) == ("Washington", "D.C.")
    quote = release.quotes[0]
    assert quote.speaker == ParsedSpeaker("Mark Pocan", "U.S. Representative")
    assert quote.text.startswith("At what point are we going to ask, ‘Is there anyone")
    assert quote.text.endswith("three democracy lawbreakers to justice.")


@needs_corpus
def test_corpus_019_dateline_and_quotes_broken_over_lines():
    release = corpus_release("019_us_congress.txt")
    assert release.dateline_city == "Washington"
    assert release.paragraphs[0].startswith("Today, Senator Mike Lee (R-UT) introduced")
    assert [name for name, _ in speakers(release)] == [
        "Mike Lee",
        "Hunter King",
        "Aidan Johnston",
        "Lawrence G. Keane",
    ]
    # "“…,”" / "said Senator Lee." / "“…”": one statement, its lines broken by the scrape.
    lee = quotes_by(release, "Mike Lee")
    assert lee[0].startswith(
        "Suppressors are safety accessories, and their purchase should not be subject to "
        "antiquated federal controls. This bill is about making it easier"
    )
    assert lee[0].endswith("enjoying their Second Amendment right.")
    assert quotes_by(release, "Lawrence G. Keane")[-1].endswith("for a firearm safety device.")
    assert "The SHUSH Act aims to:" in release.paragraphs


@needs_corpus
def test_corpus_020_context_of_a_quote():
    release = corpus_release("020_us_congress.txt")
    assert speakers(release) == [("Elise Stefanik", "Congresswoman")]
    letter = release.quotes[1]
    assert letter.context == "in the letter"
    assert letter.text.startswith("My office has spoken with local officials")


@needs_corpus
def test_corpus_021_no_dateline_and_lines_rejoined():
    release = corpus_release("021_us_congress.txt")
    assert (release.dateline_city, release.dateline_country) == ("", "")
    assert release.paragraphs[0] == (
        "Today, U.S. Senator Josh Hawley (R-Mo.) introduced new legislation to help deliver "
        "reliable internet to more rural Americans by returning dormant federal funding back "
        "to the state it was intended for."
    )
    assert "Senator Hawley’s Broadband Fairness Act would:" in release.paragraphs
    assert speakers(release) == [("Josh Hawley", "U.S. Senator")]
    [quote] = release.quotes  # "“…,”" / "said Senator Hawley." / "“…”": one statement
    assert quote.text.endswith("companies that overpromise and under-deliver.")


@needs_corpus
def test_corpus_022_three_word_name_after_title():
    release = corpus_release("022_us_congress.txt")
    assert speakers(release) == [("Marjorie Taylor Greene", "Congresswoman")]
    assert release.quotes[0].text.startswith("Having personally witnessed the abuses")


@needs_corpus
def test_corpus_023_sinhala_text_is_kept():
    release = corpus_release("023_lk_police_si.txt", known_themes=["cybercrime"])
    assert len(release.paragraphs) >= 6
    assert any("පපාලිස්" in p for p in release.paragraphs)
    assert release.themes == ["cybercrime"]  # "Cyber Crime Headquarters"
    assert release.dateline_city == ""


@needs_corpus
def test_corpus_025_romanian_feed_item():
    release = corpus_release("025_ro_pressfeed.txt")
    assert release.events == [
        ParsedEvent(datetime.date(2025, 11, 17), datetime.date(2025, 11, 21), "17 și 21 noiembrie")
    ]
    assert "&#238;" not in release.paragraphs[0] and "găzduiește între 17" in release.paragraphs[0]
    assert "Mai mult" in release.dropped
    assert not release.paragraphs[0].endswith("Actul Civic.")


# --------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------

MENSAH = ("Ama Mensah", "Foreign Minister of Ghana")


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        pytest.param(
            "The summit was opened by the Foreign Minister of Ghana Ama Mensah, who said:"
            "\n\n“We are ready to act.”\n\nTalks followed.",
            MENSAH,
            "We are ready to act.",
            id="role-name-who-said",
        ),
        pytest.param(
            "Ama Mensah, Foreign Minister of Ghana, said: “We are ready to act.”",
            MENSAH,
            "We are ready to act.",
            id="name-role-said",
        ),
        pytest.param(
            "Foreign Minister of Ghana, Ama Mensah, said: “We are ready to act.”",
            MENSAH,
            "We are ready to act.",
            id="role-name-said",
        ),
        pytest.param(
            "“We are ready to act,” said Ama Mensah, Foreign Minister of Ghana.",
            MENSAH,
            "We are ready to act",
            id="said-name-role-after",
        ),
        pytest.param(
            "“We are ready to act,” said Foreign Minister of Ghana Ama Mensah.",
            MENSAH,
            "We are ready to act",
            id="said-role-name-after",
        ),
        pytest.param(
            "“We are ready to act,” Ama Mensah said.",
            ("Ama Mensah", ""),
            "We are ready to act",
            id="name-said-after",
        ),
        pytest.param(
            "Ama Mensah said “we are ready to act” before leaving.",
            ("Ama Mensah", ""),
            "we are ready to act",
            id="name-said-before",
        ),
        pytest.param(
            "“We are ready to act,” according to Ama Mensah, Foreign Minister of Ghana.",
            MENSAH,
            "We are ready to act",
            id="according-to-after",
        ),
        pytest.param(
            "According to Ama Mensah, “the port will reopen in May.”",
            ("Ama Mensah", ""),
            "the port will reopen in May.",
            id="according-to-before",
        ),
        pytest.param(
            "Comments from Ama Mensah, Foreign Minister of Ghana:\n\n“We are ready to act.”",
            MENSAH,
            "We are ready to act.",
            id="comments-from",
        ),
        pytest.param(
            '"We are ready to act," said Ama Mensah, Foreign Minister of Ghana.',
            MENSAH,
            "We are ready to act",
            id="straight-quotes",
        ),
        pytest.param(
            "“We are ready to act” – Ama Mensah, Foreign Minister of Ghana",
            MENSAH,
            "We are ready to act",
            id="dash-signature",
        ),
    ],
)
def test_attribution_forms(text, speaker, words):
    quote = only_quote(text)
    assert (quote.speaker.name, quote.speaker.role) == speaker
    assert quote.text == words


def test_honorifics_and_post_nominals_are_not_part_of_the_name():
    quote = only_quote("“We are ready,” said Dr Ama Mensah MP, Foreign Minister of Ghana.")
    assert quote.speaker == ParsedSpeaker(*MENSAH)


def test_same_speaker_mentioned_twice_is_one_speaker():
    release = parse_release_text(
        "Foreign Minister of Ghana Ama Mensah opened the talks.\n\n"
        "“We are ready to act,” Ms Mensah said.\n\n"
        "Ports reopened.\n\n"
        "“We will not wait,” said Ama Mensah."
    )
    assert speakers(release) == [MENSAH]
    assert [q.speaker for q in release.quotes] == [release.speakers[0]] * 2


def test_pronoun_attribution_goes_to_the_last_speaker():
    release = parse_release_text(
        "“We are ready to act,” said Ama Mensah.\n\n"
        "Kofi Boateng, Trade Minister, said: “Trade will follow.”\n\n"
        "“We will not wait,” she added."
    )
    assert [q.speaker.name for q in release.quotes] == [
        "Ama Mensah",
        "Kofi Boateng",
        "Kofi Boateng",
    ]


def test_role_reference_points_to_the_person_holding_it():
    release = parse_release_text(
        "Trade Minister Kofi Boateng opened the fair.\n\n"
        "“Trade will follow,” the Trade Minister said."
    )
    assert release.quotes[0].speaker == ParsedSpeaker("Kofi Boateng", "Trade Minister")


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_once():
    release = parse_release_text(
        "Ama Mensah said:\n\n“First, the ports.\n\n“Second, the roads.\n\n“Third, the rails.”"
        "\n\nThe meeting ended."
    )
    assert [q.text for q in release.quotes] == [
        "First, the ports.\n\nSecond, the roads.\n\nThird, the rails."
    ]
    assert release.paragraphs[-1] == "The meeting ended."


def test_multi_paragraph_quote_with_straight_quotes_and_closing_attribution():
    quote = only_quote(
        '"First, the ports.\n\n"Second, the roads," said Ama Mensah, Foreign Minister of Ghana.'
    )
    assert quote.text == "First, the ports.\n\nSecond, the roads"
    assert quote.speaker == ParsedSpeaker(*MENSAH)


def test_quote_whose_opening_mark_was_lost():
    quote = only_quote("We are ready to act and we will,” Ama Mensah said.")
    assert quote.text == "We are ready to act and we will"


def test_quote_without_a_speaker_is_reported():
    release = parse_release_text("The forum opened.\n\n“Nobody will say who wrote this line.”")
    assert release.quotes == []
    assert any("Nobody will say who wrote" in note for note in release.unplaced)


def test_titles_in_quotation_marks_are_not_quotes():
    release = parse_release_text(
        "The ministry published “A Plan for Safer Ports and Roads” on Monday.\n\n"
        "It runs to 40 pages."
    )
    assert release.quotes == [] and release.unplaced == []
    assert release.paragraphs[0] == (
        "The ministry published “A Plan for Safer Ports and Roads” on Monday."
    )


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("11-13 June", (2023, 6, 11), (2023, 6, 13)),
        ("11–13 June 2024", (2024, 6, 11), (2024, 6, 13)),
        ("24 Oct – 1 Nov 2020", (2020, 10, 24), (2020, 11, 1)),
        ("June 11-13, 2024", (2024, 6, 11), (2024, 6, 13)),
        ("from 3 to 5 March", (2023, 3, 3), (2023, 3, 5)),
        ("June 30 – July 2, 2024", (2024, 6, 30), (2024, 7, 2)),
        ("between 5 and 7 October", (2023, 10, 5), (2023, 10, 7)),
        ("28 December 2024 – 3 January", (2024, 12, 28), (2025, 1, 3)),
        ("Dec 28 – Jan 3, 2025", (2024, 12, 28), (2025, 1, 3)),
        ("Saturday, 24 October to Sunday, 1 November", (2023, 10, 24), (2023, 11, 1)),
    ],
)
def test_date_range_forms(phrase, start, end):
    release = parse_release_text(f"The forum takes place {phrase} in Oslo.", year=2023)
    assert [(e.start, e.end) for e in release.events] == [
        (datetime.date(*start), datetime.date(*end))
    ]
    assert release.events[0].source in phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "on 11 June 2024",
        "on 5 June and 7 July",
        "5-8 inches of rain",
        "the 2020-21 Budget",
        "13-11 June",
    ],
)
def test_single_dates_and_other_numbers_are_not_events(phrase):
    release = parse_release_text(f"The forum noted {phrase} in Oslo.", year=2023)
    assert release.events == []
    assert release.paragraphs == [f"The forum noted {phrase} in Oslo."]


def test_year_in_text_beats_year_argument_which_beats_dateline():
    text = "LONDON, 3 May 2022 - The fair runs 11-13 June and 1-2 July 2025."
    assert [e.start for e in parse_release_text(text, year=2024).events] == [
        datetime.date(2024, 6, 11),
        datetime.date(2025, 7, 1),
    ]
    assert [e.start for e in parse_release_text(text).events] == [
        datetime.date(2022, 6, 11),
        datetime.date(2025, 7, 1),
    ]


def test_release_date_gives_the_year_when_there_is_no_dateline():
    release = parse_release_text("Forum opens\n\n7 February 2020\n\nThe forum runs 10 to 14 May.")
    assert release.events[0].start == datetime.date(2020, 5, 10)


# --------------------------------------------------------------------------
# Paragraphs, datelines, titles
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. delegation arrived.",
        "Searches rose to 4.2 billion in 2023.",
        "He quoted J.R.R. Tolkien at length.",
        "Some ports, e.g. Tema, reopened.",
        "Resolution No.5 was adopted.",
        "The group Accountable.US backed the bill.",
        "Sen. Bernie Sanders voted.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(sentence):
    assert parse_release_text(sentence).paragraphs == [sentence]


@pytest.mark.parametrize(
    ("glued", "pieces"),
    [
        ("Talks took place in Albania.Over three days they met.", 2),
        ("The minister said:“Today we act.”", 2),
        ("We need better relations.“As police we act.”", 2),
        ("Gains at any cost.”INTERPOL President Ahmed spoke next.", 2),
        ('He spoke."As police we act." Then he left.', 2),
        ("Why now?Because it matters.", 2),
    ],
)
def test_run_together_paragraphs_are_split(glued, pieces):
    paragraphs = parse_release_text(glued).paragraphs
    assert len(paragraphs) == pieces
    assert "".join(paragraphs) == glued


def test_hard_wrapped_lines_are_joined():
    text = (
        "The ministry said on Monday that the national port authority would reopen\n\n"
        "the northern terminal after three weeks of repairs to the main quay, which\n\n"
        "was damaged in the March storms and has been closed to all container traffic.\n\n"
        "Officials expect the first ships to berth at the terminal again by Friday,\n\n"
        "and full operations to resume within a fortnight if the weather holds up.\n\n"
        "Shipping lines welcomed the news.\n"
    )
    assert parse_release_text(text).paragraphs == [
        "The ministry said on Monday that the national port authority would reopen the northern "
        "terminal after three weeks of repairs to the main quay, which was damaged in the March "
        "storms and has been closed to all container traffic.",
        "Officials expect the first ships to berth at the terminal again by Friday, and full "
        "operations to resume within a fortnight if the weather holds up.",
        "Shipping lines welcomed the news.",
    ]


@pytest.mark.parametrize(
    ("opening", "city", "country"),
    [
        ("TIRANA, Albania – The", "Tirana", "Albania"),
        ("WASHINGTON — The", "Washington", ""),
        ("LONDON, 3 May 2024 - The", "London", ""),
        ("BURLINGTON, Vt., July 31 – The", "Burlington", "Vt."),
        ("NEW YORK, N.Y. (AP) — The", "New York", "N.Y."),
        ("Washington, D.C. -The", "Washington", "D.C."),
        ("Washington D.C.—The", "Washington", "D.C."),
        ("WASHINGTON\n– The", "Washington", ""),
    ],
)
def test_dateline_forms(opening, city, country):
    release = parse_release_text(f"{opening} summit opened today in the capital.")
    assert (release.dateline_city, release.dateline_country) == (city, country)
    assert release.paragraphs[0] == "The summit opened today in the capital."


def test_an_ellipsis_before_a_capital_ends_the_leads_sentence():
    from articles.textimport import body_paragraphs

    first = (
        "The Minister for Rivers, Jo Example, said today that the Government would fund the "
        "river ferries of the valley for another ten years after a review of every crossing "
        "by the Ferry Board, of the towns' need for them and of the boats' age and repair... "
        "Information on the ferries' timetables and fares will be sent to every household in "
        "the valley and to the town councils before the end of the month."
    )
    release = parse_release_text(f"Ferries funded\n\n{first}\n\nA second one.\n")
    assert release.lead.endswith("of the boats' age and repair...")
    assert body_paragraphs(release)[0].startswith("Information on the ferries' timetables")


@pytest.mark.parametrize(
    "sign_off",
    ["Parliament House, Canberra\n\n3 May 1975", "PARLIAMENT HOUSE\n\nCANBERRA\n\n3 May 1975"],
)
def test_a_building_before_the_place_signing_a_statement_off(sign_off):
    release = parse_release_text(
        f"Aid for the ferry towns\n\nThe Minister said the aid would go to the towns today."
        f"\n\n{sign_off}\n"
    )
    assert (release.dateline_city, release.dateline_country) == ("Canberra", "")
    assert release.paragraphs == ["The Minister said the aid would go to the towns today."]


def test_a_building_alone_signing_a_statement_off_names_no_place():
    release = parse_release_text(
        "Aid for the ferry towns\n\nThe Minister said the aid would go to the towns today."
        "\n\nOpera House\n\n3 May 1975\n"
    )
    assert release.dateline_city == ""


@pytest.mark.parametrize(
    "opening",
    [
        "COVID-19 cases rose sharply this week in the capital.",
        "Open Arms — Veterans & Families Counselling offers free support.",
        "MEDIA RELEASE – The summit opened today in the capital.",
    ],
)
def test_text_that_only_resembles_a_dateline(opening):
    release = parse_release_text(opening)
    assert (release.dateline_city, release.dateline_country) == ("", "")
    assert release.paragraphs == [opening]


def test_title_from_first_line_is_removed_from_the_body():
    release = parse_release_text("Ports Reopen After Storm\n\nThe ports reopened on Monday.")
    assert release.title == "Ports Reopen After Storm"
    assert release.paragraphs == ["The ports reopened on Monday."]


def test_title_argument_wins_and_its_repeat_is_dropped():
    release = parse_release_text(
        "PORTS REOPEN\n\nThe ports reopened on Monday.", title="Ports reopen"
    )
    assert release.title == "Ports reopen"
    assert release.paragraphs == ["The ports reopened on Monday."]
    assert "PORTS REOPEN" in release.dropped


def test_title_from_scraped_metadata():
    release = parse_release_text(
        "Title: Ports reopen\nDate: July 31, 2024\n\nContent:\nThe ports reopened on Monday."
    )
    assert release.title == "Ports reopen"
    assert release.paragraphs == ["The ports reopened on Monday."]


def test_derived_title_and_lead_are_cut_on_a_word_boundary():
    sentence = "The ministry announced " + "a very long programme of works " * 12 + "today."
    release = parse_release_text(sentence)
    # A title ends on a word that carries meaning: no "…", no trailing "of".
    assert release.title == sentence[: len(release.title)] and len(release.title) <= 120
    assert release.title.endswith("works")
    assert release.lead.endswith("…") and len(release.lead) <= 300
    assert sentence.startswith(release.lead[:-1])


def test_scraping_debris_is_dropped_and_reported():
    text = (
        "The ports reopened on Monday.\n\nShare\n\nPrint\n\n3 /\n 12\n\n7\n\n"
        "We use cookies to improve your experience. Accept all\n\nRead more\n\n"
        "Ships berthed on Tuesday.\n\nENDS\n"
    )
    release = parse_release_text(text)
    assert release.paragraphs == ["The ports reopened on Monday.", "Ships berthed on Tuesday."]
    assert release.dropped == [
        "Share",
        "Print",
        "3 / 12",
        "7",
        "We use cookies to improve your experience. Accept all",
        "Read more",
        "ENDS",
    ]


def test_themes_match_variants_on_word_boundaries():
    release = parse_release_text(
        "Cyber-enabled crime and organised crime rose; drug-trafficking fell. Immigration "
        "stayed flat.",
        known_themes=[
            "cybercrime",
            "organized crime",
            "drug trafficking",
            "migration",
            "Terrorism",
        ],
    )
    assert release.themes == ["cybercrime", "organized crime", "drug trafficking"]


# --------------------------------------------------------------------------
# Odd input
# --------------------------------------------------------------------------


def test_empty_text_keeps_the_given_title():
    assert parse_release_text("") == ParsedRelease("", "", "", "", [], [], [], [], [], [], [])
    release = parse_release_text(" \n\t\r\n ", title="Ports reopen", year=2024)
    assert release.title == "Ports reopen"
    assert release.paragraphs == [] and release.unplaced == []


def test_only_debris():
    release = parse_release_text("  \n1 /\n 13\nShare\n\n   \n42\n")
    assert release.paragraphs == []
    assert release.dropped == ["1 / 13", "Share", "42"]
    assert release.unplaced == ["no readable text found"]


def test_binary_junk_is_dropped_without_raising():
    junk = bytes(range(256)).decode("latin-1") * 20 + "\x00\x01\ufffd"
    release = parse_release_text(junk)
    assert release.paragraphs == [] and release.quotes == []
    assert release.dropped
    assert "no readable text found" in release.unplaced


def test_bytes_and_none_are_accepted():
    release = parse_release_text("TIRANA, Albania – Talks opened.".encode())
    assert release.dateline_city == "Tirana"
    assert parse_release_text(None).paragraphs == []


def test_double_encoded_text_is_repaired():
    mangled = "The minister’s plan • ports".encode().decode("latin-1")
    assert parse_release_text(mangled).paragraphs == ["The minister’s plan • ports"]


def test_unbalanced_quotation_marks_do_not_swallow_the_release():
    release = parse_release_text(
        "“This opens and never closes.\n\nThe ports reopened.\n\n“Another,” said Ama Mensah."
    )
    assert release.paragraphs[1] == "The ports reopened."
    assert [q.text for q in release.quotes] == ["Another"]


def test_bad_arguments_are_reported_not_raised():
    release = parse_release_text(
        "The forum runs 11-13 June in Oslo.", year="soon", known_themes=[None, "", "forum"]
    )
    assert release.themes == ["forum"]
    assert release.events == []
    assert any("soon" in note for note in release.unplaced)


def test_pathological_text_finishes():
    text = "X said " * 3000 + "“" * 2000 + "a." * 5000 + "\n".join(["word"] * 3000)
    release = parse_release_text(text)
    assert release.paragraphs and release.paragraphs[0].startswith("X said X said")


def test_package_needs_no_django():
    """The parser runs (and tests) without Django: the standard library and charset-normalizer."""
    package = Path(__file__).resolve().parents[1] / "articles" / "textimport"
    imported = set()
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    allowed = set(sys.stdlib_module_names) | {"__future__", "charset_normalizer"}
    assert imported and imported <= allowed
