"""
The extract shown with each result: about SNIPPET_CHARS of the lead and body
text around the first word the query found, with the words it found in
``<mark>``.

A word is marked as search finds it: a word of the text that starts with a
word of the query, accents and case aside, or, in a language whose words
search finds by their stems (``finding.SEARCH_CONFIGS``), whose stem
starts with the query word's stem ("policies" for "policy"). The stems are
Snowball's, whose stemmers PostgreSQL's configurations use (PostgreSQL may
keep an older version: "international" is "internat" here, "intern" there,
so now and then a word found is left unmarked). A query word of one letter
marks nothing, one of two or three letters only itself and the words of its
stem. Python makes the
extract on both databases: PostgreSQL's ``ts_headline`` parsed every shown
release's whole text again, several milliseconds a page.

Snippets are HTML. The only markup they may carry is our own ``<mark>``: the
text is reduced to plain text first and every piece of it is escaped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.finding import search_config
from articles.search.text import _SPACES, body_text, normalise, search_words, stem, word_forms

SNIPPET_CHARS = 240


def _folded(text: str) -> str:
    """
    ``text`` in lower case with its accented letters as their base letters,
    letter for letter, so that positions in it are positions in ``text``.
    """
    if not text.isascii():
        table = {}
        for char in set(text):
            if ord(char) > 127:
                base = normalise(char)
                if len(base) == 1:
                    table[ord(char)] = base
        text = text.translate(table)
    return text.lower()


class _Finder:
    """Where the words of a query are in a text, found as search finds them."""

    def __init__(self, query: str, config: str):
        words = [word for word in search_words(query) if len(word) > 1]
        self.config = config
        # A word of one letter ("s" of "Macron's") marks nothing; one of two or
        # three ("EU", "the", "war") only itself and words of its stem ("wars"),
        # not every word it starts ("then", "warm"); a longer one, every word it
        # starts and every word whose stem starts with its stem.
        self.short = {word: stem(word, config) for word in words if len(word) <= 3}
        self.words = [word for word in words if len(word) > 3]
        self.stems = [form for word in self.words for form in word_forms(word, config)[1:]]
        # The extract is placed on the longest word of the query that the text holds.
        longest = max(map(len, self.words), default=0)
        self.longest = [(word, stem(word, config)) for word in self.words if len(word) == longest]
        # Only words that start like a query word or its stem are looked at closely.
        starts = {word[:3] for word in [*self.words, *self.stems, *self.short]}
        alternatives = "|".join(re.escape(start) for start in sorted(starts))
        self.candidates = re.compile(rf"\b(?:{alternatives})[^\W_]*") if alternatives else None

    def found(self, word: str) -> bool:
        """``word``: folded (``_folded()``)."""
        if word in self.short or any(word.startswith(query) for query in self.words):
            return True
        if not self.stems and not self.short:
            return False
        word_stem = stem(word, self.config)
        return word_stem in self.short.values() or any(
            word_stem.startswith(query_stem) for query_stem in self.stems
        )

    def first(self, folded: str) -> int:
        """
        Where the first word found starts, one the longest query word finds
        before any other; 0 when none is.
        """
        fallback = None
        for match in self.candidates.finditer(folded):
            word = match.group()
            if not self.found(word):
                continue
            word_stem = stem(word, self.config)
            if any(
                word.startswith(query) or word_stem.startswith(query_stem)
                for query, query_stem in self.longest
            ):
                return match.start()
            fallback = match.start() if fallback is None else fallback
        return fallback or 0

    def spans(self, folded: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of each word found between ``start`` and ``end``, in order."""
        return [
            match.span()
            for match in self.candidates.finditer(folded, start, end)
            if self.found(match.group())
        ]


@lru_cache(maxsize=64)
def _finder(query: str, config: str) -> _Finder:
    return _Finder(query, config)


def snippet(article, query: str) -> SafeString:
    """A short, escaped extract of the release with the query's words in <mark>."""
    lead = _SPACES.sub(" ", article.lead).strip()
    body = _SPACES.sub(" ", body_text(article.body)).strip()
    # A body that opens with the lead, as many releases are written, gives it once.
    text = body if lead and body.startswith(lead) else f"{lead} {body}".strip()
    finder, folded = _finder(query, search_config()), _folded(text)
    if not finder.candidates or len(folded) != len(text):
        start, end = _window(text, 0)
        spans = []
    else:
        start, end = _window(text, finder.first(folded))
        spans = finder.spans(folded, start, end)
    out, last = [], start
    for span_start, span_end in spans:
        out.append(escape(text[last:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        last = span_end
    out.append(escape(text[last:end]))
    extract = ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")
    return mark_safe(extract)  # noqa: S308 - every piece of text went through escape()


def _window(text: str, first: int) -> tuple[int, int]:
    """About SNIPPET_CHARS of ``text`` around ``first``, cut at spaces."""
    start = max(0, first - SNIPPET_CHARS // 3)
    if start:
        # Start at a word boundary rather than mid-word.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end
