"""Matching, filtering and ranking the public releases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language

from articles.models import Article, ArticleTheme, Quote, ReleaseSearchDocument
from articles.search.text import clean_query, search_words, word_forms

# The text-search configuration of each language (migration 0018 makes each
# release's vector with its own language's); a query is parsed with the
# reader's. Arabic, and languages without a stemmer, word for word.
SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "de": "german"}


def search_config(language: str | None = None) -> str:
    """The text-search configuration for ``language`` (the reader's by default)."""
    return SEARCH_CONFIGS.get((language or get_language() or "en").split("-")[0], "simple")


# The filters a search can be narrowed by, as query parameters.
FILTERS = ("theme", "country", "event", "speaker", "from", "to")

# How many of the releases found PostgreSQL ranks (search_releases()).
RANKED = 200


def _matching_words(releases: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        return releases.filter(
            pk__in=ReleaseSearchDocument.objects.filter(match=_tsquery(words)).values("pk")
        )
    # Every word must start a word of the document, as itself or as its stem
    # ("conferences" finds "conference"), as PostgreSQL finds words.
    config = search_config()
    for word in words:
        found = Q()
        for form in word_forms(word, config):
            found |= Q(search_title__contains=f" {form}") | Q(search_text__contains=f" {form}")
        releases = releases.filter(found)
    return releases


def _tsquery(words: list[str]):
    from django.contrib.postgres.search import SearchQuery

    # Each word by its stem or as the start of a word. The words are letters
    # and digits only (search_words()), so nothing in them is tsquery syntax.
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config=search_config()
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


def search_releases(releases: QuerySet, query: str, filters: dict | None = None) -> Found:
    """
    ``releases`` (already public) that match ``query`` and ``filters``, best
    match first: those with the most words in their title or themes, newest
    first; on PostgreSQL the first RANKED of them then by the database's
    rank (``_ranked()``).
    """
    words = search_words(query)
    if not words:
        return Found(releases, [], words, releases.none())
    matching = _filtered(_matching_words(releases, words), filters or {})
    # A word in the title or themes, as itself or its stem, as the word is found.
    config = search_config()
    in_title = []
    for word in words:
        in_title_as = Q()
        for form in word_forms(word, config):
            in_title_as |= Q(search_title__contains=f" {form}")
        in_title.append(When(in_title_as, then=Value(1)))
    title_hits = sum(
        (Case(when, default=Value(0), output_field=IntegerField()) for when in in_title),
        Value(0),
    )
    # With each release its country, event and year, which the filters count.
    rows = list(
        matching.annotate(title_hits=title_hits, year=ExtractYear("publish_at"))
        .order_by("-title_hits", "-publish_at", "-pk")
        .values_list("pk", "dateline_country", "event_id", "year")
    )
    ids = [row[0] for row in rows]
    if connection.vendor == "postgresql":
        ids[:RANKED] = _ranked(ids[:RANKED], words)
    return Found(releases, ids, words, matching, rows)


def _ranked(ids: list[int], words: list[str]) -> list[int]:
    """
    ``ids`` by PostgreSQL's rank of the words in their weighted vectors (a
    match in the title or themes weighs five times one in the text), the
    newest first among equals. Ranking reads each vector whole, so it is
    kept to the RANKED releases that ``search_releases()`` puts first: a
    word found in most of the archive ranks a few hundred releases, not
    thousands.
    """
    from django.contrib.postgres.search import SearchRank

    rows = (
        Article.objects.filter(Among(F("pk"), ids))
        .annotate(rank=SearchRank(F("search_document__vector"), _tsquery(words)))
        .values_list("rank", "publish_at", "pk")
    )
    return [pk for *_, pk in sorted(rows, reverse=True)]


class Found(Sequence):
    """
    The releases found, best first, as a sequence for the paginator: their
    ids are read once, in order, by one query; a page (a slice) reads its own
    rows only, with their events and lead photos.
    The facets count among the same ids (``among()``) instead of matching
    the words again, and count countries, events and years from ``rows``:
    (id, country, event id, year) of each release found, read with the ids.
    """

    def __init__(
        self,
        releases: QuerySet,
        ids: list[int],
        words: list[str],
        matching: QuerySet,
        rows: list[tuple] = (),
    ):
        self.releases, self.ids, self.words, self.matching = releases, ids, words, matching
        self.rows = rows

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            index = range(len(self.ids))[index]  # IndexError past the end, as a list
            return self[index : index + 1][0]
        wanted = self.ids[index]
        if not wanted:
            return []
        rows = (
            self.releases.filter(pk__in=wanted)
            .select_related("event")
            .with_lead_photos()
            .order_by()  # in the order found, below
        )
        by_pk = {row.pk: row for row in rows}
        return [by_pk[pk] for pk in wanted if pk in by_pk]

    def among(self, field: str):
        """A condition for ``filter()``: ``field`` is the id of a release found."""
        if connection.vendor == "postgresql":
            return Among(F(field), self.ids)
        # SQLite: the match again, as a subquery (a long list of ids would
        # meet SQLite's limit on parameters).
        return Q(**{f"{field}__in": self.matching.order_by().values("pk")})


class Among(Func):
    """
    ``expression = ANY(%s)`` with the ids as one array parameter (PostgreSQL):
    thousands of ids cost one parameter, not thousands of placeholders.
    """

    output_field = BooleanField()

    def __init__(self, expression, ids: list[int]):
        super().__init__(expression)
        self.ids = list(ids)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"{sql} = ANY(%s)", (*params, self.ids)
