"""
The public archive at a glance, kept once per site generation and language:
the ids of the releases a reader may see, in list order (newest first), each
one's country, event and year, and how many of them each theme and speaker
has.

A search orders what it finds by this list instead of sorting in the
database, and counts countries, events and years from it. When a search
finds most of the archive (a word nearly every release holds), the themes
and speakers are counted among the releases it did *not* find, a few rows,
and subtracted from the totals: the database never walks the archive's
theme links and quotes for a broad word.

It lives in the cache under the site's generation (``articles.caching``),
which changes with every edit and every scheduled publish or unpublish
time, so it is never stale; the first search of a generation builds it
(three queries). With the cache down, every search builds it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from articles import caching
from articles.models import ArticleTheme, Quote


@dataclass
class Archive:
    # Parallel arrays, newest release first. Countries are indexes into
    # ``countries`` (0: none), events are ids (0: none).
    ids: array
    country_ix: array
    event_ids: array
    years: array
    countries: list[str]
    # {kind: Counter}: how many releases each theme, speaker, country,
    # event and year has ("themes", "speakers", "countries", "events", "years").
    totals: dict[str, Counter]

    def __len__(self) -> int:
        return len(self.ids)

    def count(self, wanted: set) -> tuple[Counter, Counter, Counter]:
        """How many of the releases ``wanted`` (ids) each country, event and year has."""
        countries, events, years = Counter(), Counter(), Counter()
        columns = (self.ids, self.country_ix, self.event_ids, self.years)
        for pk, country, event, year in zip(*columns, strict=True):
            if pk in wanted:
                if country:
                    countries[self.countries[country]] += 1
                if event:
                    events[event] += 1
                years[year] += 1
        return countries, events, years


def archive(releases: QuerySet, generation: str | None, language: str) -> Archive:
    """
    The archive of ``releases`` (what readers of ``language`` see), from the
    cache under ``generation`` (a token; ``None``: built, not kept), kept
    for NEWSROOM_SEARCH_ARCHIVE_SECONDS at most (0: never kept).
    """
    timeout = settings.NEWSROOM_SEARCH_ARCHIVE_SECONDS
    key = f"search:archive:{generation}:{language}" if generation and timeout > 0 else None
    found = caching.cache_get(key) if key else None
    if isinstance(found, Archive):
        return found
    built = build(releases)
    if key:
        caching.cache_set(key, built, timeout)
    return built


def build(releases: QuerySet) -> Archive:
    rows = (
        releases.order_by("-publish_at", "-pk")
        .annotate(year=ExtractYear("publish_at"))
        .values_list("pk", "dateline_country", "event_id", "year")
    )
    # Ids 8 bytes, country indexes and years 2: about 20 bytes a release.
    ids, country_ix, event_ids, years = array("q"), array("H"), array("q"), array("H")
    countries, index = [""], {"": 0}
    by_country, by_event, by_year = Counter(), Counter(), Counter()
    for pk, country, event, year in rows:
        country = country or ""
        ids.append(pk)
        if country not in index:
            index[country] = len(countries)
            countries.append(country)
        country_ix.append(index[country])
        event_ids.append(event or 0)
        years.append(year)
        if country:
            by_country[country] += 1
        if event:
            by_event[event] += 1
        by_year[year] += 1
    among = releases.order_by().values("pk")
    totals = {
        "themes": theme_counts(ArticleTheme.objects.filter(content_object_id__in=among)),
        "speakers": speaker_counts(Quote.objects.filter(article_id__in=among)),
        "countries": by_country,
        "events": by_event,
        "years": by_year,
    }
    return Archive(ids, country_ix, event_ids, years, countries, totals)


def theme_counts(links: QuerySet) -> Counter:
    """{theme id: releases} among ``links`` (theme links of some releases)."""
    # One link per release and theme (a unique constraint): no DISTINCT to count.
    return Counter(dict(links.values_list("tag_id").annotate(n=Count("pk")).order_by()))


def speaker_counts(quotes: QuerySet) -> Counter:
    """{speaker id: releases} among ``quotes``."""
    return Counter(
        dict(
            quotes.values_list("speaker_id")
            .annotate(n=Count("article_id", distinct=True))
            .order_by()
        )
    )
