"""The headline's subject as a speaker: a statement that opens the release with no
attribution under a headline naming who makes it ("Senator Example Responds to the Ferry
Ruling"), and remarks under a headline about someone's speech ("Example Speaks on …")."""

from __future__ import annotations

import re

from ..model import ParsedSpeaker
from ..people import _parse_who, _People
from .scan import _Span


def _subject_then(verbs: str) -> re.Pattern:
    """A headline whose subject (after a label such as "ICYMI:") is followed by one of ``verbs``."""
    return re.compile(
        # ("On CNN, Senator Mike Lee discusses …": where it was said before the subject)
        r"^(?:[A-Z]{2,}:\s+)?(?:On\s+[A-Z][\w.&'’ -]{1,30},\s+)?"
        r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s+"
        rf"(?:{verbs})\b"
    )


# "Senator Example Responds to the Ferry Ruling"
_RESPONDS = _subject_then(r"Responds|Reacts|Comments|Discusses|discusses|Statement\s+on")
# A headline about someone's speech: "ICYMI: Stefanik Speaks on House Floor on …".
SPEAKS = _subject_then(r"Speaks|Delivers|Testifies|Addresses|Gives|Remarks")
# Nothing before the quotation but a dateline: "WASHINGTON – ", "CANBERRA, 3 May — ".
_DATELINE_ONLY = re.compile(r"^\s*(?:[A-Z][A-Z .]+(?:,[^“”\"]{0,30})?\s*[–—-]\s*)?$")


# "Comment from Greens Deputy Leader Adam Bandt", "Statement by Senator Jo Example": the
# release is that person's comment, its quotations theirs wherever they stand.
_COMMENT_FROM = re.compile(
    r"^(?:[A-Z]{2,}:\s+)?(?:comments?|statement|message|remarks)\s+(?:from|by)\s+"
    r"(?P<who>[A-Z].{2,80})$",
    re.IGNORECASE,
)


def headline_speaker(
    span: _Span, paragraphs: list[str], people: _People, at, title: str
) -> ParsedSpeaker | None:
    above = paragraphs[span.start_para - 1].rstrip() if span.start_para else ""
    # ("Last night the Treasurer claimed in Parliament:" above it: someone else's words)
    if span.prefix.strip() == "" and not above.endswith(":") and _COMMENT_FROM.match(title):
        speaker = title_subject(title, _COMMENT_FROM, people)
        if speaker is not None:
            return speaker
    if span.start_para > 1 or not _DATELINE_ONLY.match(span.prefix):
        return None
    if any(p.strip() for p in paragraphs[: span.start_para]):
        return None
    if _STATEMENT_ON.match(title):
        # "STATEMENT ON ASYLUM-SEEKERS" under one issuer's letterhead, the statement opening
        # the release in marks: the issuer's.
        issuers = {m.name.casefold(): m.name for m in people.letterhead if " " in m.name}
        if len(issuers) == 1 and _statement_of_the_issuer(span, paragraphs):
            who = _parse_who(next(iter(issuers.values())), after_verb=False)
            if who is not None and who.name:
                return people.candidate(who)
    return title_subject(title, _RESPONDS, people)


def _statement_of_the_issuer(span: _Span, paragraphs: list[str]) -> bool:
    """A statement set out in marks over paragraphs, nothing after its closing mark: not a
    line of someone else's words above the issuer's ("“…”" / "Those were the words of …"),
    nor words the text credits in its own way ("“…,” the report found")."""
    end = paragraphs[span.end_para] if 0 <= span.end_para < len(paragraphs) else ""
    return span.end_para > span.start_para and not end[span.end_pos + 1 :].strip(" .'\"”")


_STATEMENT_ON = re.compile(
    r"^(?:[A-Z]{2,}:\s+)?(?:an?\s+)?statement\s+(?:on|about|regarding)\b", re.I
)


def title_subject(title: str, pattern: re.Pattern, people: _People) -> ParsedSpeaker | None:
    """The person a headline matching ``pattern`` names as its subject, if any."""
    found = pattern.match(title)
    who = _parse_who(found.group("who"), after_verb=False) if found else None
    return people.candidate(who) if who is not None and who.name else None
