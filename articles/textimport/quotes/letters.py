"""A letter quoting its addressee ("…,” you said", "you said in your answers, “…”").

The words are the addressee's: the person the salutation names ("Dear Attorney General
Garland:", "Dear Mr. Pichai,"), completed like any name; when it names no one person
("Dear Colleague", several commissioners) they are listed as the addressee's, credited to
no one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..people import _parse_who, _Who
from ..vocabulary import _ROLE_WORDS, _SOCIAL_HONORIFICS, _VERB
from .around import _sentences
from .scan import _Span

# "you personally acknowledged", "you rightly said": an adverb may stand before the verb.
_ADVERB = r"(?:[a-z]+ly\s+)?"
_ADDRESSEE_AFTER = re.compile(rf"^you\s+{_ADVERB}{_VERB}\b")
# "you said", "you said that", "you said in your answers to my questions for the record,",
# "You wrote recently," (opening its sentence, an adverb after the verb)
_ADDRESSEE_BEFORE = re.compile(
    rf"(?:^|[\s,])(?:you|You)\s+{_ADVERB}{_VERB}(?:\s+[a-z]+ly)?"
    r"(?:\s+(?:in|at|during|on|to|before|last|earlier)\b[^“”\".!?]{0,80}?)?"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
_SALUTATION = re.compile(r"^Dear\s+(?P<who>[^,:;]{2,80}?)\s*[,:;]")
_LETTER_REACH = 60  # paragraphs between the salutation and the words quoted


def _titled(words: str) -> bool:
    """A surname after its titles alone: "Ms. Morris", "Congresswoman Stefanik", "Rep. X"."""
    *titles, _ = words.split()
    return bool(titles) and all(
        w.casefold().rstrip(".") in _ROLE_WORDS | _SOCIAL_HONORIFICS for w in titles
    )


def addressee(span: _Span, paragraphs: list[str]) -> _Who:
    """The one person the letter above the quotation is addressed to, else no one."""
    for k in range(span.start_para, max(-1, span.start_para - _LETTER_REACH), -1):
        if paragraphs[k].startswith("Dear"):
            who = _addressed_in(paragraphs[k])
            if who is not None:
                return replace(who) if who.name else who
    return _Who(ref="addressee")


@lru_cache(maxsize=32)
def _addressed_in(paragraph: str) -> _Who | None:
    """Who a salutation names (a letter quoting its addressee often does so many times)."""
    match = _SALUTATION.match(paragraph)
    if not match:
        return None
    words = match.group("who")
    head = paragraph.split(":", 1)[0] if ":" in paragraph else words
    if "," in head or re.search(r"\s(?:and|&)\s", words):
        return _Who(ref="addressee")  # "Dear Chairman X, Commissioner Y, and Commissioner Z:"
    who = _parse_who(words, after_verb=True)
    if who is not None and who.name and who.single and (who.role or _titled(words)):
        return who
    return _Who(ref="addressee")


# "…,” the letter reads.": the words of a letter the release says one person sent.
_LETTER_SAYS = re.compile(
    r"^,?\s*(?:the|their|his|her)\s+letter\s+(?:reads|read|says|said|states|stated|continues|"
    r"continued|adds|added|concludes|concluded|notes|noted)\b"
)
_SENT_A_LETTER = re.compile(
    r"^(?:[A-Z][A-Z.]*\s*[–—-]\s*)?(?P<who>[^;:“”\"]{3,120}?)\s+(?:\([A-Z]-?[A-Za-z.]{1,6}\)\s+)?"
    r"(?:today\s+|this\s+week\s+|on\s+\w+\s+)?(?:sent|wrote|penned|signed|led)\s+(?:a|the)\s+"
    r"letter\b(?P<rest>.*)$"
)
# "… led a letter with 24 of his colleagues", "… and 12 other senators": several signed.
_WITH_OTHERS = re.compile(
    r"\b(?:with|and)\s+(?:\d+|\w+)\s+(?:of\s+\w+\s+)?(?:other\s+)?(?:\w+\s+)?"
    r"(?:colleagues|senators|members|others|lawmakers)\b",
    re.IGNORECASE,
)
_LETTER_LOOKS_BACK = 30  # paragraphs
# (the sentence's own subject and verb: not "X, who last year joined 25 colleagues in …,")
_JOINED_IN_A_LETTER = re.compile(
    r"^[^,;:“”\"]{3,120}?\s+(?:today\s+)?join(?:ed|s)\s+(?:with\s+)?(?:\d+|[a-z]+)\s+"
    r"(?:of\s+(?:his|her|their)\s+)?(?:other\s+)?(?:[a-z]+\s+)?"
    r"(?:colleagues|senators|members|lawmakers|others)\s+in\s+(?:sending|writing|signing)\s+"
    r"(?:a|the)\s+letter\b"
)


def letter_sender(span: _Span, paragraphs: list[str]) -> _Who | None:
    """The one person who sent the letter quoted, when the release names one: "Sen. Jo
    Example (R-UT) sent a letter to the agency …" above "“…,” the letter reads."."""
    if not _LETTER_SAYS.match(span.suffix.strip()):
        return None
    start = max(0, span.start_para + 1 - _LETTER_LOOKS_BACK)
    for paragraph in reversed(paragraphs[start : span.start_para + 1]):
        sender = _sender_in(paragraph)
        if sender is not None:
            return sender if sender.name or sender.ref else None
    return None


@lru_cache(maxsize=64)
def _sender_in(paragraph: str) -> _Who | None:
    """Who the paragraph says sent a letter: one person, several (ref "letter"), or None
    when it says nothing of a letter sent."""
    sentences = _sentences(paragraph)
    found = next(filter(None, map(_SENT_A_LETTER.match, sentences)), None)
    if found is None:
        if any(_JOINED_IN_A_LETTER.match(sentence) for sentence in sentences):
            return _Who(ref="letter")  # "X joined with 18 colleagues in sending a letter …"
        return None
    who = _parse_who(found.group("who").strip(), after_verb=False)
    if who is None:
        return _Who()
    if who.ref == "joint" or _WITH_OTHERS.search(found.group("rest")):
        return _Who(ref="letter")  # several senders: no one person's words
    return who
