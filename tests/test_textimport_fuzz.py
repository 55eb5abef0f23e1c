"""Random text, HTML and bytes: the parser never raises, finishes, and stays within limits."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.textimport import LEAD_MAX_CHARS, parse_release_text

# Timing is not asserted (that is the held-out benchmark's job); finishing is.
fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b\ufeff\x1b]")

# Pieces releases are made of, so random text reaches the parser's branches.
PIECES = st.sampled_from(
    [
        "TIRANA, Albania – ",
        "WASHINGTON, D.C.—",
        "MEDIA RELEASE",
        "The Hon Jane Citizen MP",
        "Authorised by R. Example, Canberra",
        "1 / 13",
        "“",
        "”",
        '"',
        "‘",
        ", said Minister Pat Example.",
        " Senator Example concluded.",
        "– Ana Example, Director",
        "11-13 June",
        "some 160 delegates attended",
        "U.S. Rep.",
        "Ellen.Example@agency.gov.au",
        "www.Example.gov.au.",
        "\n",
        "\n\n",
        ":",
        "Title: ",
        "Date: 4 May 2024",
        "==",
        "Ends.",
        "\u202e",
        "\x1b[31m",
        "\x00",
    ]
)
RELEASE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=60).map("".join)


def check(release, source_length: int) -> None:
    assert len(release.title) <= 255
    assert len(release.lead) <= LEAD_MAX_CHARS
    everything = [release.title, release.lead, *release.paragraphs]
    everything += [q.text for q in release.quotes] + [s.name for s in release.speakers]
    everything += [s.role for s in release.speakers]
    for text in everything:
        assert not INVISIBLE.search(text), text
    # Tidying adds a space where a scrape dropped one, never more than that.
    assert sum(len(p) for p in release.paragraphs) <= 2 * source_length
    for quote in release.quotes:
        assert quote.speaker in release.speakers
    assert all(p.strip() for p in release.paragraphs)
    assert not any("could not be parsed" in note for note in release.unplaced)


@fuzz
@given(RELEASE_TEXT)
def test_random_release_like_text(text):
    check(parse_release_text(text, known_themes=["crime", "migration"], year=2024), len(text))


@fuzz
@given(st.text(max_size=2000))
def test_random_unicode(text):
    check(parse_release_text(text), len(text))


@fuzz
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    check(parse_release_text(data), len(data) * 2)


@fuzz
@given(st.text(min_size=256, max_size=3000).filter(lambda t: len(t.split()) > 1))
def test_long_feed_title_is_cut_to_the_field(title):
    release = parse_release_text(f"Title: {' '.join(title.split())}\n\nThe ports reopened.")
    assert len(release.title) <= 255


TAGS = st.sampled_from(["p", "div", "script", "style", "h1", "span", "br", "li", "head", "title"])


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        inner = draw(st.one_of(PIECES, st.text(max_size=30)))
        if tag in {"script", "style"}:
            inner = "SECRET" + inner.replace("<", "")
        else:
            # Hypothesis draws text from the constants in this module too: "SECRET" may come up.
            inner = inner.replace("SECRET", "")
        parts.append(f"<{tag}>{inner}</{tag}>")
    return "<html><body>" + "".join(parts) + "</body></html>"


@fuzz
@given(html_pages())
def test_random_html_keeps_no_script_or_style(page):
    release = parse_release_text(page)
    check(release, len(page))
    assert not any("SECRET" in p for p in [release.title, *release.paragraphs])
