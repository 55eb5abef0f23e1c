"""
Searching public releases.

On PostgreSQL: full-text search over the stored, GIN-indexed vectors of each
release (title weighted A, lead B, body C; migration 0006) and of each quote
(migration 0010), or by the name of a quoted speaker; ranked, with a
highlighted snippet made by the database. Elsewhere (SQLite): every word must
appear somewhere, newest first, with a snippet made here.

Snippets are HTML. The only markup they may carry is our own ``<mark>``: the
text is reduced to plain text first, escaped, and only then marked.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import (
    Quote,
    QuoteSearchDocument,
    ReleaseSearchDocument,
    Speaker,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
SNIPPET_CHARS = 240

# Characters that cannot occur in a cleaned query or text: they frame the
# database's highlights until the snippet has been escaped.
START, STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_SPACES = re.compile(r"\s+")

# The text-search configuration of the stored vector (migration 0006): queries
# must be parsed with the same one to match it.
SEARCH_CONFIG = "english"


def clean_query(raw: str) -> str:
    """The query as searched: printable, single-spaced, at most 200 characters."""
    return _SPACES.sub(" ", _CONTROL.sub("", raw or "")).strip()[:MAX_QUERY_LENGTH].strip()


def page_query(query: str) -> str:
    """The query-string prefix that keeps the search when paging through results."""
    return urlencode({"q": query}) if query else ""


def query_words(query: str) -> list[str]:
    return [word for word in query.split(" ") if word][:MAX_WORDS]


def search_releases(releases: QuerySet, query: str) -> QuerySet:
    """``releases`` (already public) that match ``query``, best match first."""
    if connection.vendor == "postgresql":
        return _postgres_search(releases, query)
    return _simple_search(releases, query)


def _quotes_matching(words: list[str]) -> QuerySet:
    """Quotes whose text or speaker's name contains every one of ``words``."""
    quotes = Quote.objects.all() if words else Quote.objects.none()
    for word in words:
        quotes = quotes.filter(Q(text__icontains=word) | Q(speaker__name__icontains=word))
    return quotes


def _simple_search(releases: QuerySet, query: str) -> QuerySet:
    for word in query_words(query):
        in_quotes = _quotes_matching([word]).filter(article=OuterRef("pk"))
        releases = releases.filter(
            Q(title__icontains=word)
            | Q(lead__icontains=word)
            | Q(body__icontains=word)
            | Exists(in_quotes)
        )
    return releases.order_by("-publish_at", "-pk")


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


def _postgres_search(releases: QuerySet, query: str) -> QuerySet:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
    )

    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    # Releases through their stored vector (migration 0006). Quotes word by
    # word, each word in the quote's own stored vector (migration 0010) or in
    # its speaker's name, so "Stock cybercrime" finds Jürgen Stock's quote
    # on cybercrime; the speakers are a short table, read by name.
    by_text = ReleaseSearchDocument.objects.filter(vector=search_query).values("pk")
    words = re.findall(r"\w+", query)[:MAX_WORDS]
    quotes = Quote.objects.all() if words else Quote.objects.none()
    for word in words:
        # A union, not an OR, so that each side keeps its index.
        by_text_of_quote = QuoteSearchDocument.objects.filter(
            vector=SearchQuery(word, search_type="plain", config=SEARCH_CONFIG)
        ).values("pk")
        speakers = Speaker.objects.filter(name__icontains=word)
        by_speaker = Quote.objects.filter(speaker__in=speakers).values("pk")
        quotes = quotes.filter(pk__in=by_text_of_quote.union(by_speaker))
    by_quote = quotes.values("article_id")
    headline = SearchHeadline(
        Concat(
            _postgres_escaped(F("lead")),
            Value(" "),
            _postgres_body_text(F("body")),
            output_field=TextField(),
        ),
        search_query,
        config=SEARCH_CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    return (
        releases.filter(Q(pk__in=by_text) | Q(pk__in=by_quote))
        .annotate(rank=SearchRank(F("search_document__vector"), search_query), headline=headline)
        .order_by("-rank", "-publish_at", "-pk")
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
    text = _SPACES.sub(" ", f"{article.lead} {html.unescape(strip_tags(article.body))}").strip()
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
