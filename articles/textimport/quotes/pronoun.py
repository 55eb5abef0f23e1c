"""Whom "he said:" before a quotation refers to, when its paragraph opens on one person.

"When Dr. Example was asked about the patent, he did not boast. Instead, he said: “…”":
the pronoun is the person the paragraph is about, not whoever the release quoted last.
"""

from __future__ import annotations

import re

from ..model import ParsedSpeaker
from ..people import _parse_who, _People, _Who
from ..segment import _last_sentence
from ..vocabulary import _VERB
from .scan import _quote_text, _Span

# "…, he said:", "Instead, she replied:", "… for just $1 he replied:"
_PRONOUN_VERB = re.compile(rf"(?:^|[\s,])(?:he|she)\s+{_VERB}\s*[:,]?\s*$")
# "When Dr. Example was asked …", "As Ann Example put it …", "Jo Example then turned …"
_PARAGRAPH_SUBJECT = re.compile(
    r"^(?:(?:When|As|After|Asked)\s+)?"
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+),?\s+(?=[a-z])"
)


def pronoun_before(span: _Span) -> bool:
    """The words just before the quotation end with "he said" or "she replied"."""
    return bool(_PRONOUN_VERB.search(_last_sentence(span.prefix)))


def paragraph_subject(
    span: _Span, paragraphs: list[str], people: _People, at
) -> ParsedSpeaker | None:
    """The one person the quotation's paragraph opens on, if it names no one else."""
    if span.start_pos <= 0:
        return None
    who = opening_subject(paragraphs[span.start_para], people)
    if who is None:
        return None
    surname = who.name.split()[-1]
    if any(m.para == span.start_para and m.name.split()[-1] != surname for m in people.mentions):
        return None
    return people.resolve(who, None, at)


def opening_subject(paragraph: str, people: _People) -> _Who | None:
    """The person a paragraph opens on: "Stefanik, who visited …", "When Dr. X was asked …"."""
    match = _PARAGRAPH_SUBJECT.match(paragraph)
    if not match:
        return None
    who = _parse_who(match.group("who"), after_verb=False)
    if who is None or not who.name or not people.may_be_person(who):
        return None
    return who


# '… “over the top.” He said, “…”': the pronoun opening its sentence before the quotation.
_PRONOUN_OPENS = re.compile(rf"(?:^|(?<=[\s”\"]))(?P<pronoun>He|She)\s+{_VERB}\s*[:,]?\s*$")


def sentence_subject_before(
    span: _Span, paragraphs: list[str], people: _People, at
) -> ParsedSpeaker | None:
    """ "President Example has called the bombing “over the top.” He said, “…”": the person
    the sentence before the pronoun's opens on, unless the words speak of that person ("…
    did not join the tour. She said, “The Governor should come …”")."""
    if span.start_pos <= 0:
        return None
    text = paragraphs[span.start_para][max(0, span.start_pos - 400) : span.start_pos]
    found = _PRONOUN_OPENS.search(text)
    if not found:
        return None
    before = text[: found.start()].rstrip()
    if not before and span.start_para:
        before = paragraphs[span.start_para - 1][-400:]  # ('… “top.”' / 'He said, …')
    if not before:
        return None
    sentence = _last_sentence(before)
    who = opening_subject(sentence, people)
    if who is None or _other_gender(found.group("pronoun"), sentence):
        return None
    words = _quote_text(span)
    if who.name.split()[-1] in words or (who.role and who.role.split()[-1] in words):
        return None
    return people.resolve(who, None, at)


def _other_gender(pronoun: str, sentence: str) -> bool:
    title = sentence.split()[0].rstrip(".").casefold()
    return title in ({"ms", "mrs", "miss"} if pronoun == "He" else {"mr"})
