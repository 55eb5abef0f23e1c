"""A question put by the subject of the sentence that introduces it:
"In his letter, Chairman Example asked the company's CEO a simple question: “Will …?”"."""

from __future__ import annotations

import re

from ..model import ParsedSpeaker
from ..people import _parse_who, _People
from ..segment import _last_sentence
from .scan import _Span

_PUTS_QUESTION = re.compile(
    r"^(?:(?:In|Of)\s[^,“”\"]{1,60},\s+)?"  # "In his letter, "
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:asked|requested|demanded|posed|put)\b[^“”\"]{0,160}?\b(?:question|questions)\s*:\s*$"
)


def asker(span: _Span, people: _People) -> ParsedSpeaker | None:
    """Whoever the sentence before a question in marks says put it."""
    if not _quote_is_question(span):
        return None
    match = _PUTS_QUESTION.match(_last_sentence(span.prefix).strip())
    who = _parse_who(match.group("who"), after_verb=False) if match else None
    if who is None or not who.name or not people.may_be_person(who):
        return None
    return people.candidate(who)


def _quote_is_question(span: _Span) -> bool:
    return bool(span.pieces) and span.pieces[-1].rstrip().endswith("?")
