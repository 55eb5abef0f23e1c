"""A part of the title stage: the lead (the dateline's paragraph or the first full one, its
first sentences as many as fit) and, for a text without a headline, a title made from it."""

from __future__ import annotations

import re

from .model import Draft, Notes
from .segment import _TERMINAL_END, _first_sentence, _sentence_end
from .vocabulary import _cut_at_word

LEAD_MAX_CHARS = 300
TITLE_MAX_CHARS = 120  # a title made from a sentence


def run(draft: Draft, notes: Notes) -> None:
    """The lead is the dateline's paragraph or the first full one; it titles an untitled text."""
    if draft.lead_index is None:
        draft.lead_index = _find_lead(draft.paragraphs, draft.body_from)
    source = draft.paragraphs[draft.lead_index] if draft.lead_index is not None else ""
    draft.lead = _cut_at_sentence(source, LEAD_MAX_CHARS)
    if not draft.title:
        draft.title = title_from_sentence(source)


def _cut_at_sentence(text: str, limit: int) -> str:
    """A long first paragraph gives the lead its first sentences, as many as fit (the rest
    stays in the body); a first sentence too long for the lead is cut on a word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    end, cut = 0, None
    while (cut := _sentence_end(text, end)) is not None and cut <= limit:
        end = cut
    return text[:end].strip() if end >= limit // 4 else _cut_at_word(text, limit)


def _find_lead(paragraphs: list[str], start: int) -> int | None:
    for index in range(start, len(paragraphs)):
        p = paragraphs[index]
        if (
            len(p.split()) >= 8
            and not p.isupper()
            and _TERMINAL_END.search(p)
            and not re.match(r"(?:authori[sz]ed by|media contacts?\b)", p, re.IGNORECASE)
        ):
            return index
    if start < len(paragraphs):
        return start
    return 0 if paragraphs else None


# A title cut short ends on a word that carries meaning, not on "of", "in" or "the".
_WEAK_END = re.compile(
    r"(?:\s+(?:of|the|a|an|and|or|to|for|in|on|at|by|with|from|as|that|which|who|is|are|"
    r"was|were|be|this|its|their|his|her|our|hosted|held|said|says|will|has|have|had|"
    r"being|been|into|about|over|under|than|while|when|where|after|before|during))+$",
    re.IGNORECASE,
)


def title_from_sentence(text: str) -> str:
    """The first sentence as a title, shortened at a phrase boundary when too long."""
    sentence = _first_sentence(text).strip()
    if len(sentence) <= TITLE_MAX_CHARS:
        if sentence.endswith(".") and not sentence.endswith(".."):
            sentence = sentence[:-1]
        return sentence
    cut = sentence[: TITLE_MAX_CHARS + 1]
    # Prefer a clause boundary (comma, dash, semicolon) past the middle.
    boundary = max(cut.rfind(", "), cut.rfind(" – "), cut.rfind(" — "), cut.rfind("; "))
    if boundary >= TITLE_MAX_CHARS // 2:
        cut = cut[:boundary]
    else:
        cut = cut[: cut.rfind(" ")] if " " in cut else cut[:TITLE_MAX_CHARS]
    shorter = _WEAK_END.sub("", cut)
    if len(shorter) >= TITLE_MAX_CHARS // 2:
        cut = shorter
    return cut.rstrip(" ,;:–—-(")
