"""The filters' choices among the results, with their counts, as links that keep the query."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, JSONField, Value
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import ArticleTheme, Event, Quote, Speaker, name_in
from articles.search.archive import speaker_counts as count_speakers
from articles.search.archive import theme_counts as count_themes
from articles.search.finding import Among
from articles.search.text import normalise, page_query


@dataclass
class Choice:
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    choices: list[Choice] = field(default_factory=list)


def _link(query: str, filters: dict, **changes) -> str:
    wanted = {**filters, **changes}
    return "?" + page_query(query, {k: v for k, v in wanted.items() if v})


TOP = 15


def _leaders(counts: Counter) -> list:
    """The values that can be among the TOP most counted: as often as the TOP-th or more."""
    if len(counts) <= TOP:
        return list(counts)
    floor = sorted(counts.values(), reverse=True)[TOP - 1]
    return [value for value, n in counts.items() if n >= floor]


def facets(found, query: str, filters: dict) -> list[Facet]:
    """
    The filters' choices among the releases ``found`` (``finding.Found``),
    with their counts, most releases first (years newest first); a chosen
    one links to its removal. Only the names of those that can be shown are
    read.
    """
    if not found:
        return []
    theme_counts, speaker_counts, countries, event_counts, years = _counts(found)
    # The names of those that can be shown: the theme's in the reader's language.
    themes, speakers, events = {}, {}, {}
    named = {"theme": (themes, theme_counts), "speaker": (speakers, speaker_counts)}
    named["event"] = (events, event_counts)
    for kind, pk, slug, name, names in _names(theme_counts, speaker_counts, event_counts):
        shown, counts = named[kind]
        if slug:
            shown[slug] = (name_in(None, name, names) if names else name, counts[pk])

    def facet(name, label, counted, label_of=str):
        """``counted``: (value, count) pairs in the order shown."""
        found = Facet(name, label)
        for value, count in counted:
            selected = filters.get(name) == value
            change = {name: "" if selected else value}
            found.choices.append(
                Choice(label_of(value), count, _link(query, filters, **change), selected)
            )
        return found

    def most(name: str, named: dict):
        """
        ``named``: {value: (name, count)}, as (value, count) pairs, most first,
        the chosen one first among equals (so that it can always be removed),
        then by name, case and accents aside.
        """
        chosen = filters.get(name)

        def order(item):
            value, (shown, count) = item
            return (-count, value != chosen, normalise(shown))

        return [(value, count) for value, (_name, count) in sorted(named.items(), key=order)[:TOP]]

    def name_of(named):
        return lambda value: named[value][0]

    year_chosen = ""
    if filters.get("from", "").endswith("-01-01") and filters.get("to", "") == (
        filters["from"][:4] + "-12-31"
    ):
        year_chosen = filters["from"][:4]
    year_facet = Facet("year", str(_("Year")))
    for year, count in sorted(years.items(), reverse=True):
        year = str(year)
        selected = year == year_chosen
        change = (
            {"from": "", "to": ""} if selected else {"from": f"{year}-01-01", "to": f"{year}-12-31"}
        )
        year_facet.choices.append(Choice(year, count, _link(query, filters, **change), selected))
    return [
        facet("theme", str(_("Theme")), most("theme", themes), name_of(themes)),
        facet(
            "country",
            str(_("Country")),
            most("country", {c: (c, n) for c, n in countries.items()}),
        ),
        facet("event", str(_("Event")), most("event", events), name_of(events)),
        facet("speaker", str(_("Speaker")), most("speaker", speakers), name_of(speakers)),
        year_facet,
    ]


def _counts(found):
    """
    How many releases found each theme, speaker, country, event and year
    has. Countries, events and years are counted from the archive's rows;
    themes and speakers by the database, by id (one query each), among the
    releases found, or, when most of the archive was found, among the
    releases not found, subtracted from the archive's totals.
    """
    archive, missing = found.archive, found.not_found()
    if missing is None:
        themes = count_themes(ArticleTheme.objects.filter(found.among("content_object_id")))
        speakers = count_speakers(Quote.objects.filter(found.among("article_id")))
        rows = archive.count(set(found.ids))
        return themes, speakers, *rows
    totals = archive.totals
    counts = [
        Counter(totals[kind]) for kind in ("themes", "speakers", "countries", "events", "years")
    ]
    if missing:
        less = [
            count_themes(ArticleTheme.objects.filter(Among(F("content_object_id"), missing))),
            count_speakers(Quote.objects.filter(Among(F("article_id"), missing))),
            *archive.count(set(missing)),
        ]
        for counted, fewer in zip(counts, less, strict=True):
            counted.subtract(fewer)
        # Counter.subtract keeps what falls to nothing: drop it, as a count would.
        counts = [+counted for counted in counts]
    return counts


def _names(themes: Counter, speakers: Counter, events: Counter):
    """
    (kind, pk, slug, name, names in other languages) of the themes, speakers
    and events counted that can be among the TOP, in one query.
    """
    wanted = [
        ("theme", Tag, themes, "translated_names__names"),
        ("speaker", Speaker, speakers, None),
        ("event", Event, events, None),
    ]
    parts = [
        model.objects.filter(pk__in=_leaders(counts))
        .values_list(
            Value(kind), "pk", "slug", "name", names or Value(None, output_field=JSONField())
        )
        .order_by()
        for kind, model, counts, names in wanted
        if counts
    ]
    return parts[0].union(*parts[1:], all=True) if parts else []
