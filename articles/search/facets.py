"""The filters' choices among the results, with their counts, as links that keep the query."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleTheme, Quote, name_in
from articles.search.text import page_query


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


def facets(found, query: str, filters: dict) -> list[Facet]:
    """
    The filters' choices among the releases ``found`` (``finding.Found``),
    with their counts, most releases first (years newest first); a chosen
    one links to its removal. Three queries: themes, speakers, and the
    releases' own country, event and year counted together.
    """
    if not found:
        return []
    themes = (
        # One link per release and theme (a unique constraint): no DISTINCT to count.
        ArticleTheme.objects.filter(found.among("content_object_id"))
        .values("tag__slug", "tag__name", "tag__translated_names__names")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__name")[:TOP]
    )
    speakers = (
        Quote.objects.filter(found.among("article_id"))
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "speaker__name")[:TOP]
    )
    # Each combination of country, event and year with its number of releases;
    # summed here into the three filters (a few hundred rows at most).
    combinations = (
        Article.objects.filter(found.among("pk"))
        .values("dateline_country", "event__slug", "event__name", year=ExtractYear("publish_at"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    countries, events, years, event_names = Counter(), Counter(), Counter(), {}
    for row in combinations:
        if row["dateline_country"]:
            countries[row["dateline_country"]] += row["n"]
        if row["event__slug"]:
            events[row["event__slug"]] += row["n"]
            event_names[row["event__slug"]] = row["event__name"]
        years[row["year"]] += row["n"]

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

    def most(counter, label_of=str):
        return sorted(counter.items(), key=lambda item: (-item[1], label_of(item[0])))[:TOP]

    # The theme's name in the reader's language.
    theme_names = {
        row["tag__slug"]: name_in(None, row["tag__name"], row["tag__translated_names__names"])
        for row in themes
    }
    speaker_names = {row["speaker__slug"]: row["speaker__name"] for row in speakers}
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
        facet(
            "theme",
            str(_("Theme")),
            [(row["tag__slug"], row["n"]) for row in themes if row["tag__slug"]],
            theme_names.get,
        ),
        facet("country", str(_("Country")), most(countries)),
        facet("event", str(_("Event")), most(events, event_names.get), event_names.get),
        facet(
            "speaker",
            str(_("Speaker")),
            [(row["speaker__slug"], row["n"]) for row in speakers if row["speaker__slug"]],
            speaker_names.get,
        ),
        year_facet,
    ]
