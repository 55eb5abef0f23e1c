"""A quotation interrupted by its attribution: "“A,” said Lee. “B.”" is one statement of
Lee's, not two. The second part, with no attribution of its own, in the same paragraph right
after the first's attribution, joins the first. So does a second part in the next paragraph
when only a glued mark cut the two apart ('…,”said Lee.“B.”'), or a scrape's line break
below an attribution alone on its line ('“…,”' / 'said Sen. Lee.' / '“B.”'). Parts with
more than an attribution between them, or whose second has an attribution of its own, stay
two quotations."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from ..segment import _first_sentence, _sentence_end
from ..vocabulary import _VERB
from .scan import _quote_text, _Span
from .unclosed import _runs_together

_SPEECH = re.compile(rf"\b{_VERB}\b")
# "said Sen. Mike Lee (R-Utah), a member of the committee.", "said Jo Roe, Executive Director of
# Example – the national campaign for the 4-day workweek." (a dash is no word)
_ATTRIBUTION_WORDS = 14
# Words that make the text between two parts more than their attribution: a clause of the
# writer's, when or why it was said.
_NOT_JUST_ATTRIBUTION = re.compile(
    r"\b(?:adding|that|during|before|when|while|following|because|told|asked|replied|"
    r"responded|countered|agreed|disagreed|later|earlier|then|also|went|quoting|reading|citing)\b",
    re.IGNORECASE,
)
# "…,” Ms Roe said after the 2019 campaign. “Today …": another occasion, named by its year
# or as past; "said Senator Lee after the event", "in reply to the Minister": the same one.
_ANOTHER_OCCASION = re.compile(
    r"\b(?:during|after|before|following|at|in|on)\b.*(?:\d|\b(?:last|previous|past|ago)\b)",
    re.IGNORECASE,
)
# "Stated Congresswoman Jo Roe.", "Rep. Jo Roe said.": an attribution and nothing more (not
# "In 2019, Rep. Roe said:", which introduces another statement).
_ATTRIBUTION_ALONE = re.compile(
    rf"^(?:(?i:{_VERB})\s+(?:[A-Z][\w.'’-]*\s*){{1,5}}|(?:[A-Z][\w.'’-]*\s+){{1,5}}{_VERB})\.$"
)
_LINKS = frozenset({"of", "the", "and", "for", "to", "on", "in", "at", "a", "–", "-"})
# "…,” Mr Jones countered.": another name and a verb after the second part.
_NAME_THEN_VERB = re.compile(
    r"^,?\s*(?:[A-Z][\w.'’-]*\s+){1,4}[a-z]{3,}(?:ed|s)\b|^,?\s*[a-z]{3,}ed\s+[A-Z]"
)


def joined_quotations(
    accepted: list[_Span], paragraphs: list[str], glued: Collection[str] = ()
) -> list[tuple[_Span, str]]:
    """Each credited quotation with its text, the parts of an interrupted one joined;
    ``glued`` are the paragraphs a glued mark, or a line break below an attribution alone on
    its line, cut off the one before."""
    joined: list[tuple[_Span, str]] = []
    for span in accepted:
        text = _quote_text(span)
        between = _between(joined[-1][0], span, paragraphs, glued) if joined else None
        if between is not None:
            first, before = joined[-1]
            joined[-1] = (first, _join(before, text, _last_mark(first, paragraphs), between))
            first.end_para, first.end_pos = span.end_para, span.end_pos
            continue
        joined.append((span, text))
    return joined


def _between(
    first: _Span, second: _Span, paragraphs: list[str], glued: Collection[str]
) -> str | None:
    """The attribution standing between two parts of one statement, or None."""
    if first.end_para >= 0 and second.start_para == first.end_para + 1 and second.start_pos == 0:
        if paragraphs[second.start_para] not in glued or _last_mark(first, paragraphs) != ",":
            return None  # ('…beggars belief" Senator Cash said.' / '"There are …': two)
        between = paragraphs[first.end_para][first.end_pos + 1 :]
    elif _glued_between(first, second, paragraphs, glued):
        # '…families.”Stated Congresswoman Jo Roe.“As a …': the attribution glued to both
        # marks, cut off as a paragraph of its own
        between = paragraphs[first.end_para + 1]
    elif first.end_para != second.start_para or second.start_pos <= first.end_pos:
        return None
    else:
        between = paragraphs[first.end_para][first.end_pos + 1 : second.start_pos]
    # (a quotation split at its inner attribution keeps that attribution as its suffix;
    # what follows its closing mark in the paragraph says whether it has one of its own)
    after = ""
    if 0 <= second.end_para < len(paragraphs) and second.end_pos >= 0:
        # (its first sentence only: a paragraph of a thousand glued parts is not read again
        # for each of them)
        after = paragraphs[second.end_para][second.end_pos + 1 : second.end_pos + 1 + 400]
    # (a second part going on over paragraphs to an attribution of its own is still the one
    # statement: "“A,” X said. “B …" / "“C …" / "“D,” said X.")
    own = _attributed_after(second) and second.end_para == second.start_para
    if (
        not between.strip()
        and first.end_para == second.start_para
        and first.closed
        and not own
        and second.speaker is first.speaker
        and second.speaker is not None
        and _last_mark(first, paragraphs) in (".", "!")
        and not after.strip()
        and _whole_sentences(second, paragraphs)
    ):
        # "“He should also reveal ….”  “Some people …”": the paragraph break lost (not a
        # question and its answer, nor "“The Ferry Act” passed …", a title in marks)
        return ""
    if (
        (own and (second.suffix.strip() != between.strip() or _speaks(after)))
        or not first.own_attribution
        or _introduced_before(first)
        or second.speaker is not first.speaker
        or not first.closed
    ):
        return None
    between = between.strip()
    if (
        between.endswith(".")
        and len(second.pieces) > 1
        and _breaks_lost(paragraphs[first.end_para])
    ):
        # "“A,” Senator X said. “B … “C …”" in a release run into one line, paragraph breaks
        # lost: the attribution ended its paragraph, the next part (reopened without closing,
        # over paragraphs of its own) is a quotation of its own.
        return None
    words = [w for w in between.split() if w not in ("–", "—", "-")]
    if not words or len(words) > _ATTRIBUTION_WORDS or not re.search(r"[.,:]$", between):
        return None  # "…,” said Lee, and went on: …" or a sentence of the writer's between
    if (
        _NOT_JUST_ATTRIBUTION.search(between)
        or _ANOTHER_OCCASION.search(between)
        or not (
            _SPEECH.search(between) or not any(w[:1].islower() for w in words if w not in _LINKS)
        )
    ):
        return None  # "…,” she said, adding that …", "Locals agreed.", "… during the 2019 …"
    end = _sentence_end(between)
    return between if end is None or end >= len(between) else None


@functools.lru_cache(maxsize=16)
def _breaks_lost(paragraph: str) -> bool:
    """A paragraph of a thousand characters or more opening quotations more often than it
    closes them: a release run into one line (read once per paragraph)."""
    return len(paragraph) >= 1000 and _runs_together(paragraph)


def _glued_between(
    first: _Span, second: _Span, paragraphs: list[str], glued: Collection[str]
) -> bool:
    """Whether only a paragraph cut off by glued marks on both sides stands between the
    parts: the first ends its paragraph, and the paragraph after it and the second's were cut
    off at a glued mark."""
    if first.end_para < 0 or second.start_para != first.end_para + 2 or second.start_pos != 0:
        return False
    if paragraphs[first.end_para][first.end_pos + 1 :].strip():
        return False
    middle = paragraphs[first.end_para + 1]
    return bool(_ATTRIBUTION_ALONE.match(middle)) and all(
        paragraphs[k] in glued for k in (first.end_para + 1, second.start_para)
    )


def _whole_sentences(span: _Span, paragraphs: list[str]) -> bool:
    """Whether the quotation ends with a sentence's stop inside its marks."""
    return _last_mark(span, paragraphs) in (".", "!", "?")


def _speaks(text: str) -> bool:
    """Whether the first sentence of ``text`` has a verb of speech in it."""
    return bool(_SPEECH.search(_first_sentence(text)))


def _attributed_after(span: _Span) -> bool:
    """Whether the words after the quotation credit it ("…,” she added.", "…,” Mr Jones
    countered."); an attribution read before it is the one between the parts."""
    clause = _first_sentence(span.suffix.strip())
    return bool(_SPEECH.search(clause) or _NAME_THEN_VERB.match(clause))


def _introduced_before(span: _Span) -> bool:
    """ "Jo Example said, “…”": the attribution stands before the quotation, so the words
    after it open another statement."""
    return bool(re.search(rf"\b{_VERB}\b[^.!?]{{0,40}}[,:]\s*$", span.prefix[-200:]))


def _last_mark(span: _Span, paragraphs: list[str]) -> str:
    """The punctuation that ended the first part inside its marks: "," or "." or ""."""
    paragraph = paragraphs[span.end_para] if span.end_para >= 0 else ""
    inside = paragraph[: span.end_pos].rstrip()
    return inside[-1:] if inside[-1:] in (",", ".", "!", "?") else ""


def _join(before: str, after: str, mark: str, between: str) -> str:
    """ "For many, … battlefield," + "said Lee." + "If an environment …" reads "… battlefield.
    If …"; "In Utah," + "he said," + "we will …" or "I will …" reads "In Utah, we will …"."""
    if before[-1:] in ".!?\"'’”":  # or an inner quotation's mark: '… show "budget sense,"'
        return f"{before} {after}"
    if mark == "," and between.endswith(".") and after[:1].isupper():
        return f"{before}. {after}"  # the attribution ended a sentence: the next one begins
    return f"{before}{mark if mark == ',' else ''} {after}"
