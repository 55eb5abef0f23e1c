"""A statement that opens the release with no attribution, under a headline naming the one
who makes it ("Senator Example Responds to the Ferry Ruling"): the headline's subject."""

from __future__ import annotations

import re

from ..model import ParsedSpeaker
from ..people import _parse_who, _People
from .scan import _Span

_RESPONDS = re.compile(
    r"^(?:[A-Z]{2,}:\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s+"
    r"(?:Responds|Reacts|Comments|Statement\s+on)\b"
)
# Nothing before the quotation but a dateline: "WASHINGTON – ", "CANBERRA, 3 May — ".
_DATELINE_ONLY = re.compile(r"^\s*(?:[A-Z][A-Z .]+(?:,[^“”\"]{0,30})?\s*[–—-]\s*)?$")


def headline_speaker(
    span: _Span, paragraphs: list[str], people: _People, at, title: str
) -> ParsedSpeaker | None:
    if span.start_para > 1 or not _DATELINE_ONLY.match(span.prefix):
        return None
    if any(p.strip() for p in paragraphs[: span.start_para]):
        return None
    found = _RESPONDS.match(title)
    who = _parse_who(found.group("who"), after_verb=False) if found else None
    return people.candidate(who) if who is not None and who.name else None
