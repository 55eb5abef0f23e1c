"""Matching, filtering and ranking the public releases."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from articles.models import ArticleTheme, Quote, ReleaseSearchDocument
from articles.search.snippets import headline
from articles.search.text import clean_query, search_words

# The text-search configuration of the stored vector (migration 0016): queries
# must be parsed with the same one to match it.
SEARCH_CONFIG = "english"

# The filters a search can be narrowed by, as query parameters.
FILTERS = ("theme", "country", "event", "speaker", "from", "to")


def _matching_words(releases: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        return releases.filter(
            pk__in=ReleaseSearchDocument.objects.filter(vector=_tsquery(words)).values("pk")
        )
    for word in words:
        releases = releases.filter(
            Q(search_title__contains=f" {word}") | Q(search_text__contains=f" {word}")
        )
    return releases


def _tsquery(words: list[str]):
    from django.contrib.postgres.search import SearchQuery

    # Each word by its stem or as the start of a word. The words are letters
    # and digits only (search_words()), so nothing in them is tsquery syntax.
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
    )


def _filtered(releases: QuerySet, filters: dict) -> QuerySet:
    if filters.get("theme"):
        releases = releases.filter(
            pk__in=ArticleTheme.objects.filter(tag__slug=filters["theme"]).values("content_object")
        )
    if filters.get("country"):
        releases = releases.filter(dateline_country=filters["country"])
    if filters.get("event"):
        releases = releases.filter(event__slug=filters["event"])
    if filters.get("speaker"):
        releases = releases.filter(
            pk__in=Quote.objects.filter(speaker__slug=filters["speaker"]).values("article")
        )
    if filters.get("from"):
        releases = releases.filter(publish_at__date__gte=filters["from"])
    if filters.get("to"):
        releases = releases.filter(publish_at__date__lte=filters["to"])
    return releases


def clean_filters(params) -> dict:
    """The filters of a request's query string that make sense; the others are left out."""
    found = {}
    for name in FILTERS:
        value = clean_query(params.get(name, ""))[:100]
        if not value:
            continue
        if name in ("from", "to"):
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError:
                continue
        found[name] = value
    return found


def search_releases(releases: QuerySet, query: str, filters: dict | None = None) -> QuerySet:
    """``releases`` (already public) that match ``query`` and ``filters``, best match first."""
    words = search_words(query)
    if not words:
        return releases.none()
    matching = _filtered(_matching_words(releases, words), filters or {})
    if connection.vendor == "postgresql":
        return _postgres_ranked(matching, words)
    in_title = [When(search_title__contains=f" {word}", then=Value(1)) for word in words]
    title_hits = sum(
        (Case(when, default=Value(0), output_field=IntegerField()) for when in in_title),
        Value(0),
    )
    return matching.annotate(title_hits=title_hits).order_by("-title_hits", "-publish_at", "-pk")


def matching_releases(releases: QuerySet, query: str, filters: dict) -> QuerySet:
    """The same releases as ``search_releases``, unordered and bare, for counting."""
    words = search_words(query)
    if not words:
        return releases.none()
    return _filtered(_matching_words(releases, words), filters)


def _postgres_ranked(matching: QuerySet, words: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchRank

    search_query = _tsquery(words)
    return matching.annotate(
        rank=SearchRank(F("search_document__vector"), search_query),
        headline=headline(search_query, SEARCH_CONFIG),
    ).order_by("-rank", "-publish_at", "-pk")
