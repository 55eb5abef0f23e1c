"""
Snippets are HTML. The only markup they may carry is our own ``<mark>``: the
text is reduced to plain text first, escaped, and only then marked. On
PostgreSQL the database marks the words (``headline()``) between two
private-use characters that no cleaned text holds; elsewhere, and for what
the database does not mark, Python does.
"""

from __future__ import annotations

import html
import re

from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.text import _SPACES, START, STOP, body_text, query_words

SNIPPET_CHARS = 240


def _without_markers(expression):
    return Func(
        expression,
        Value(START + STOP),
        Value(""),
        function="translate",
        output_field=TextField(),
    )


def _postgres_body_text(expression):
    """
    The body without its tags. Its text stays HTML-escaped, as the sanitiser
    wrote it, so that nothing in it can pass for a tag.
    """
    # Quoted attribute values may hold ">", hence the alternation.
    stripped = Func(
        expression,
        Value(r'<(?:[^>"]|"[^"]*")*>'),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return _without_markers(stripped)


def _postgres_escaped(expression):
    """Plain text escaped like the body's text, so that both make one headline."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        expression = Replace(expression, Value(char), Value(entity), output_field=TextField())
    return _without_markers(expression)


def headline(search_query, config: str):
    """
    PostgreSQL's extract of the lead and body text around the words of
    ``search_query``, with them between START and STOP (``snippet()`` marks them).
    """
    from django.contrib.postgres.search import SearchHeadline

    return SearchHeadline(
        Concat(
            _postgres_escaped(F("lead")),
            Value(" "),
            _postgres_body_text(F("body")),
            output_field=TextField(),
        ),
        search_query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def snippet(article, query: str) -> SafeString:
    """A short, escaped extract of the release with the query's words in <mark>."""
    headline = getattr(article, "headline", None)
    if headline is not None:
        return _mark_between_markers(headline)
    return _mark_words(_window(article, query_words(query)), query_words(query))


def _mark_between_markers(headline: str) -> SafeString:
    parts = re.split(f"({START}|{STOP})", headline)
    out, open_mark = [], False
    for part in parts:
        if part == START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif part == STOP and open_mark:
            out.append("</mark>")
            open_mark = False
        elif part not in (START, STOP):
            # The database's text is HTML-escaped: decode it, then escape it once, for sure.
            out.append(escape(_SPACES.sub(" ", html.unescape(part))))
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text went through escape()


def _window(article, words: list[str]) -> str:
    """About SNIPPET_CHARS of plain text around the first word found, else the start."""
    text = _SPACES.sub(" ", f"{article.lead} {body_text(article.body)}").strip()
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words]
    first = min((position for position in positions if position >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    if start:
        # Start at a word boundary rather than mid-word.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    window = text[start:end]
    return ("… " if start else "") + window + (" …" if end < len(text) else "")


def _mark_words(text: str, words: list[str]) -> SafeString:
    if not words:
        return escape(text)
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)),
        re.IGNORECASE,
    )
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text went through escape()
