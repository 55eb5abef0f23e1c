"""The stages in order: decode → segment → front matter → letterhead/debris → title →
dateline → the foot (contacts, date) → embedded posts → people and quotes → event → themes.
Each reads what earlier stages put in the draft."""

from __future__ import annotations

from collections.abc import Iterable

from . import (
    dateline,
    debris,
    decode,
    embeds,
    event,
    feed,
    foot,
    frontmatter,
    lead,
    quotes,
    segment,
    themes,
    title,
)
from .model import Draft, Notes, ParsedRelease


def parse(raw, *, given_title, known_themes, year) -> ParsedRelease:
    notes = Notes()
    draft = Draft(
        given_title=" ".join(given_title.split()) if isinstance(given_title, str) else "",
        known_themes=_coerce_themes(known_themes),
        year=_coerce_year(year, notes),
    )
    decode.run(draft, notes, raw)
    segment.split_lines(draft, notes)
    frontmatter.drop(draft, notes)
    debris.drop_lines(draft, notes)
    title.find_headline(draft, notes)
    segment.join_paragraphs(draft, notes)
    feed.strip_feed_tails(draft, notes)
    debris.drop_junk(draft, notes)
    title.drop_copies(draft, notes)
    dateline.run(draft, notes)
    foot.drop(draft, notes)
    lead.run(draft, notes)
    embeds.run(draft, notes)
    quotes.run(draft, notes)
    event.run(draft, notes)
    themes.run(draft, notes)
    if not draft.paragraphs and draft.text.strip():
        notes.unplace("no readable text found")
    return draft.release(notes)


def _coerce_themes(themes) -> list[str]:
    if themes is None or isinstance(themes, str | bytes):
        return [themes] if isinstance(themes, str) else []
    if not isinstance(themes, Iterable):
        return []
    try:
        return [t.strip() for t in themes if isinstance(t, str) and t.strip()]
    except TypeError:
        return []


def _coerce_year(year, notes: Notes) -> int | None:
    if year is None or isinstance(year, bool):
        return None
    try:
        value = int(year)
    except (TypeError, ValueError, OverflowError):
        notes.unplace(f"year {year!r} is not a year; ignored")
        return None
    if not 1 <= value <= 9999:
        notes.unplace(f"year {value} is out of range; ignored")
        return None
    return value
