"""Where a quotation whose marks a scan or a scrape lost may run: on over a page broken in
the middle of its sentence, to the end of remarks announced above it, back to where a
closing mark with no opening one may begin, or over paragraphs run into one, each opening
with a mark."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import _CLOSERS, _OPENERS, _VERB
from .marks import _first_double_is_closer

if TYPE_CHECKING:
    from .scan import _Span


def _broken_off(paragraph: str, following: str) -> bool:
    """A long paragraph ending in the middle of its sentence, a page of a scan broken there:
    the next paragraph goes on with it."""
    end = paragraph.rstrip()
    return (
        bool(end)
        and (end[-1].islower() or end[-1] == ",")
        and len(end.split()) >= 12
        and following[:1].isalpha()
        and not any(c in following for c in '“”‘"')
    )


# A line announcing a text set out below it: "… full remarks, as prepared for delivery:".
_ANNOUNCES_TEXT = re.compile(
    r"\b(?:remarks|statement|speech|testimony|address|full text|as prepared for delivery)\b"
    r"[^“”\"]*:$",
    re.IGNORECASE,
)


def _announced_text(paragraphs: list[str], span: _Span, i: int) -> bool:
    """A mark opening a paragraph just below a line announcing remarks or a statement,
    never closed, and no quotation mark in any paragraph after it."""
    if span.start_pos < 0 or span.start_para == 0 or i + 1 >= len(paragraphs):
        return False
    if paragraphs[span.start_para][: span.start_pos].strip():
        return False
    if not _ANNOUNCES_TEXT.search(paragraphs[span.start_para - 1].strip()[-300:]):
        return False
    return not any(c in later for later in paragraphs[i + 1 :] for c in _ANY_MARK)


def _where_lost_openings_may_be(paragraphs: list[str], spans: list[_Span]) -> None:
    """A closing mark ending a paragraph, with no opening mark before it since the last
    quotation: an address or statement whose opening mark was lost may begin paragraphs
    earlier, after a line ending in a colon or at the top. Where is noted for the editor."""
    since = 0
    for span in spans:
        if span.start_pos < 0 and not span.suffix.strip(" .") and span.start_para > since:
            k = span.start_para
            while (
                k - 1 >= since
                and not paragraphs[k - 1].rstrip().endswith(":")
                and not any(c in paragraphs[k - 1] for c in _ANY_MARK)
            ):
                k -= 1
            if k < span.start_para:
                span.may_begin = k
        since = span.end_para + 1


_ANY_MARK = '“”„"'


def _restarts(p: str, j: int, start: int) -> bool:
    """A mark opening a sentence inside a curly quotation with nothing else open in it
    ("…their lives. “I urge …"): paragraphs of one quotation run together, each opening
    with a mark, not a quotation inside it."""
    k = j - 1
    while k >= start and p[k] == " ":
        k -= 1
    return k >= start and p[k] in ".!?"


# "… to verify his identity, Senator Stott Despoja said.": the paragraph of a quotation whose
# closing mark a scan lost ends with its attribution.
_ATTRIBUTION_ENDS = re.compile(
    rf",\s+(?:(?:[A-Z][\w.'’-]*\s+){{1,4}}{_VERB}|{_VERB}\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}"
    r"[A-Z][\w'’-]*)\.\s*$"
)


def _lost_closer(p: str, since: int) -> int:
    """Where a quotation never closed in ``p`` ends before an attribution ending the
    paragraph, or -1."""
    found = _ATTRIBUTION_ENDS.search(p, since)
    return found.start() if found else -1


def _runs_together(p: str) -> bool:
    """Whether the paragraph opens curly quotations more often than it closes them by two or
    more: paragraphs of one quotation run together ("“They live … “I urge …"), not a quotation
    inside another ("“A mother wrote. “I can’t afford it,” she wrote. …,” said X.")."""
    return p.count("“") > p.count("”") + 1


_INNER_ATTRIBUTION = re.compile(
    rf"(?:\baccording to\s+[^“”\"]{{3,80}}?|\s{_VERB}),\s*[“\"](?=\w)", re.IGNORECASE
)


def _restart_at_inner_attribution(span: _Span) -> None:
    """A mark opened and never closed, over a paragraph that introduces a quotation of its
    own ("“Prof. X, an expert …, According to Prof. X, “an interchangeable …"): the stray
    mark is layout, the quotation is the inner one."""
    if span.closed or len(span.pieces) != 1:
        return
    match = _INNER_ATTRIBUTION.search(span.pieces[0])
    if match:
        span.prefix += span.pieces[0][: match.end() - 1]
        span.pieces[0] = span.pieces[0][match.end() :]


# "1 Resolution MSC.167(78) (adopted in May 2004 …)." / "Source: http://…": footnotes a page
# printed below a quotation running over it, their numbers glued in its words ("at Sea1").
_FOOTNOTE = re.compile(r"^(?:(?P<n>[1-9]\d?)\s+[A-Z]|Source:\s*https?://)")
_FOOTNOTE_RUN = 4


def footnotes_inside(paragraphs: list[str], after: int, pieces: list[str]) -> int:
    """How many paragraphs of footnotes stand after ``after`` with the quotation reopened
    below them ('"…"' / "1 …" / "2 …" / '"…'), else 0."""
    k, numbered = after + 1, False
    while k < len(paragraphs) and k - after <= _FOOTNOTE_RUN and len(paragraphs[k]) < 300:
        found = _FOOTNOTE.match(paragraphs[k])
        if found is None:
            break
        number = found.group("n")
        if number:
            # (a number glued to a word or after a quotation's stop, not a decimal: "2.1")
            glued = re.compile(rf"(?:[a-z’'”]|[’'”]\.){number}(?![\d.,])")
            if not any(glued.search(p) for p in pieces[-3:]):
                return 0
            numbered = True
        k += 1
    reopened = k < len(paragraphs) and paragraphs[k][:1] in '“"'
    return k - after - 1 if numbered and reopened else 0


_LOOKAHEAD = 10
# Words the speaker quotes in the middle of a sentence, the sentence going on after them
# ("As Reagan asked us, “Are you better off …?”. The answer is a resounding ‘no’.").
_INNER_QUOTATION = re.compile(
    r"(?<=[\w,:;]\s)(?:“[^“”]{1,300}”|‘[^‘’]{1,80}’(?!\w))(?=[\s.,;:!?]*\w)"
    # ('… answered the question. “If targeted at individuals” ie dehumanizing …': after a
    # stop, words the sentence runs on from in small letters)
    r"|(?<=[.]\s)“[^“”]{1,300}”(?=\s+[a-z])"
)


def _closed_further_on(paragraphs: list[str], start: int) -> bool:
    """An op-ed or a statement quoted whole: opened once, its paragraphs unmarked, closed a
    few paragraphs on by a mark that opens nothing."""
    for p in paragraphs[start : start + _LOOKAHEAD]:
        p = _INNER_QUOTATION.sub("", p)
        if any(c in p for c in _OPENERS + "‘"):
            return False
        if '"' in p or any(c in p for c in _CLOSERS):
            return _first_double_is_closer(p)
    return False
