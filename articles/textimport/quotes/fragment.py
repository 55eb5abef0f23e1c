"""Words in marks that carry on the writer's sentence ("X responded “no.”", "the CEO called
the bill “a step in the right direction”"): a fragment of it, no quotation."""

from __future__ import annotations

import re

from ..segment import _last_sentence
from ..vocabulary import _VERB
from .scan import _Span


def is_fragment(text: str, span: _Span) -> bool:
    """A few words carrying on the sentence; not a long clause credited by an attribution of
    its own ('are “really concerned about … centres” Mr Price said')."""
    return _fragment(text, span) and not (
        len(text.split()) >= _CLAUSE_WORDS
        and _CREDITED_AFTER.match(span.suffix)
        # ("the Leader has claimed the plan is “…”, Mr X said": the Leader's words)
        and not _OTHERS_WORDS_BEFORE.search(_last_sentence(span.prefix))
    )


def _fragment(text: str, span: _Span) -> bool:
    """A few words quoted inside a sentence ("X responded “no.”", "said that “it’s not
    ours.”"): they carry on the sentence's grammar in lower case and are not a quotation."""
    if not text[:1].islower():
        return False
    before = _last_sentence(span.prefix)
    if not any(c.isalpha() for c in before):
        return False
    if len(text.split()) < _FRAGMENT_WORDS:
        return True
    if "according to" in before.casefold() and _ACCORDING_INSIDE.search(before[-300:]):
        return True  # "communities which, according to Mr X, “have all embraced it.”"
    # "the CEO called the bill “a step in the right direction”": words quoted as the object
    # of a verb that does not introduce speech carry on the sentence, whatever their length.
    return not _INTRODUCED.search(before)


# "According to …" set inside a sentence begun before it: the words after it finish that
# sentence, a fragment of it.
_ACCORDING_INSIDE = re.compile(r"\w[^.!?]*,\s*according to\s+[^,;]{1,60},?\s*$", re.IGNORECASE)
_INTRODUCED = re.compile(
    rf"(?:\b(?:{_VERB}(?:\s+(?:today|yesterday|this morning|this afternoon))?|that|as"
    r"|saying|writing|adding|stating|noting|declaring)"
    # "… told the Sunday program that I had made “…”": what she told them
    r"|\btold\s+[^“”\".!?:]{2,80}?\s+that(?-i:\s+(?:I|he|she|we|they|it)\s+(?:had\s+)?"
    r"(?:made|was|were|is|are))?"
    rf"|[:,;—–-]|\baccording to\s+[^,;]{{1,60}})\s*$",
    re.IGNORECASE,
)


_FRAGMENT_WORDS = 4  # "we are ready to act" after "X said" is a quotation
_CLAUSE_WORDS = 10
_OTHERS_WORDS_BEFORE = re.compile(
    r"\b(?:claim(?:s|ed)?|found|finds|describ(?:es|ed)|call(?:s|ed)|labell?(?:s|ed)|"
    r"brand(?:s|ed)|warn(?:s|ed)|argu(?:es|ed)|said|says|according|report(?:s|ed)?|wrote|"
    r"writes|stated|states)\b",
    re.IGNORECASE,
)
_CREDITED_AFTER = re.compile(rf"^\W*(?:(?:[A-Z][\w.'’-]*\s+){{1,4}}{_VERB}|{_VERB}\s+[A-Z])\b")
