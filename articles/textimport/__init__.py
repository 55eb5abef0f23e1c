"""Parse a pasted or scraped plain-text press release into data for a draft.

Releases arrive copied from web pages, extracted from PDFs, taken from RSS
summaries or saved in odd encodings: letterheads above the headline,
paragraphs glued together, hard-wrapped lines, page footers, gallery
counters and share buttons left in, quotation marks missing, doubled or
straight. :func:`parse_release_text` is deliberately forgiving and never
raises. Whatever it removes is listed in ``ParsedRelease.dropped`` and
whatever it noticed but could not place in ``ParsedRelease.unplaced``, so an
editor reviewing the draft sees both.

The work is done by a pipeline of stages, one module each, in the order of
:mod:`.pipeline`: decode, segment, letterhead and debris, title, dateline,
people and quotes, event, themes. Nothing here needs Django.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import pipeline
from .body import body_paragraphs
from .decode import MAX_TEXT_BYTES, TextTooLarge, check_size, decode_bytes, too_large_message
from .lead import LEAD_MAX_CHARS, TITLE_MAX_CHARS
from .model import ParsedEvent, ParsedQuote, ParsedRelease, ParsedSpeaker

__all__ = [
    "LEAD_MAX_CHARS",
    "MAX_TEXT_BYTES",
    "TITLE_MAX_CHARS",
    "ParsedEvent",
    "ParsedQuote",
    "ParsedRelease",
    "ParsedSpeaker",
    "TextTooLarge",
    "body_paragraphs",
    "check_size",
    "decode_bytes",
    "parse_release_text",
    "too_large_message",
]


def parse_release_text(
    text: str | bytes,
    *,
    title: str | None = None,
    known_themes: Iterable[str] = (),
    year: int | None = None,
) -> ParsedRelease:
    """Parse ``text`` into a :class:`ParsedRelease`; never raises.

    ``text`` may be bytes in any common encoding, or HTML. Text over
    :data:`MAX_TEXT_BYTES` is not parsed; the reason is in ``unplaced``.
    ``title`` overrides title detection. ``known_themes`` are matched
    case-insensitively on word boundaries, with simple variants (plurals,
    hyphenation, "-ise"/"-ize", compounds such as "cyber-enabled crime" for
    "cybercrime"). ``year`` dates event ranges whose text has no year; without
    it the year of a dated dateline or of the release date near the top is
    used, and a range with no year anywhere is reported in ``unplaced``.
    """
    try:
        return pipeline.parse(text, given_title=title, known_themes=known_themes, year=year)
    except Exception as exc:  # an import batch must survive one pathological file
        return ParsedRelease(
            title=title if isinstance(title, str) else "",
            dateline_city="",
            dateline_country="",
            lead="",
            paragraphs=[],
            speakers=[],
            quotes=[],
            events=[],
            themes=[],
            dropped=[],
            unplaced=[f"text could not be parsed ({type(exc).__name__})"],
        )
