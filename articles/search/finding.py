"""Matching, filtering and ranking the public releases."""

from __future__ import annotations

import json
import operator
from collections.abc import Sequence
from datetime import date
from functools import reduce

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
from django.utils.translation import get_language

from articles.models import Article, ArticleTheme, Quote, ReleaseSearchDocument
from articles.search.archive import Archive, archive
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


def search_releases(
    releases: QuerySet, query: str, filters: dict | None = None, generation: str | None = None
) -> Found:
    """
    ``releases`` (public, in the reader's language) that match ``query`` and
    ``filters``, best match first: those with the most words in their title
    or themes, then the newest; on PostgreSQL the first RANKED of them then
    by the database's rank (``_ranked()``). The order and the filters'
    counts come from the archive kept for the site's ``generation``
    (``archive``): the database only says which releases hold the words.
    """
    words = search_words(query)
    if not words:
        return Found(releases, [], words)
    filters = filters or {}
    known = archive(releases, generation, get_language() or "")
    hits = _title_hits(words, filters)
    ids = [pk for pk in known.ids if pk in hits]  # newest first, as the list
    ids.sort(key=hits.__getitem__, reverse=True)  # stable: newest first among equals
    if connection.vendor == "postgresql":
        ids[:RANKED] = _ranked(ids[:RANKED], words)
    return Found(releases, ids, words, known, bool(filters))


def _title_hits(words: list[str], filters: dict) -> dict[int, int]:
    """
    {id: how many of the words its title or themes hold} of every release,
    public or not, that holds all the words and passes the filters. On
    PostgreSQL the ids found in one query, those with words in their title
    or themes in another, through the title's own GIN-indexed vector
    (migration 0021: the only rows that carry a count); on SQLite the count
    with each id, in the one walk of the table that matching takes.
    """
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # The document's own row, without the release's: one scan, no join.
        found = ReleaseSearchDocument.objects.filter(match=_tsquery(words))
    else:
        found = _matching_words(Article.objects.all(), words)
    if filters:
        found = found.filter(pk__in=_filtered(Article.objects.all(), filters).values("pk"))
    config = search_config()
    in_title = []
    for word in words:
        if postgresql:
            in_title.append(Q(title_match=_tsquery([word])))
        else:  # as itself or its stem, as the word is found
            forms = [Q(search_title__contains=f" {form}") for form in word_forms(word, config)]
            in_title.append(reduce(operator.or_, forms))
    if not postgresql:
        return dict(found.values_list("pk", _count(in_title)))
    hits = dict.fromkeys(found.values_list("pk", flat=True), 0)
    in_titles = found.filter(reduce(operator.or_, in_title))
    if len(words) == 1:  # plain ids: no count to convert on every row
        hits.update(dict.fromkeys(in_titles.values_list("pk", flat=True), 1))
    else:
        hits.update(in_titles.values_list("pk", _count(in_title)))
    return hits


def _count(conditions: list[Q]):
    """How many of ``conditions`` a row meets, as an expression."""
    return sum(
        (
            Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
            for q in conditions
        ),
        Value(0),
    )


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
    ids are known at once (``search_releases()``); a page (a slice) reads its
    own rows only, with their events and lead photos. ``archive`` is the
    archive they were found in, which the filters' counts start from.
    """

    def __init__(
        self,
        releases: QuerySet,
        ids: list[int],
        words: list[str],
        archive: Archive | None = None,
        filtered: bool = False,
    ):
        self.releases, self.ids, self.words = releases, ids, words
        self.archive, self.filtered = archive, filtered

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
        return Among(F(field), self.ids)

    def not_found(self) -> list[int] | None:
        """
        The ids of the archive's releases *not* found, when they are fewer
        than those found and no filter narrowed the search (the archive's
        totals count the whole archive): the filters' counts are then the
        totals less theirs. ``None`` otherwise.
        """
        if self.archive is None or self.filtered or len(self) * 2 <= len(self.archive):
            return None
        found = set(self.ids)
        return [pk for pk in self.archive.ids if pk not in found]


class Among(Func):
    """
    ``expression`` is one of ``ids``, given as one parameter whatever their
    number: ``= ANY(%s)`` with an array on PostgreSQL, ``IN (SELECT value
    FROM json_each(%s))`` with a JSON list on SQLite (whose limit on
    parameters thousands of placeholders would meet).
    """

    output_field = BooleanField()

    def __init__(self, expression, ids: list[int]):
        super().__init__(expression)
        self.ids = list(ids)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"{sql} = ANY(%s)", (*params, self.ids)

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        # ``sql`` is the compiled column; the ids travel as one parameter.
        where = f"{sql} IN (SELECT value FROM json_each(%s))"  # noqa: S608
        return where, (*params, json.dumps(self.ids))
