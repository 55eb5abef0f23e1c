"""The filters' choices among the results, with their counts, as links that keep the query."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from articles.models import ArticleTheme, Quote
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


def facets(matching: QuerySet, query: str, filters: dict) -> list[Facet]:
    """
    The filters' choices among ``matching`` (the results, unordered), with
    their counts, most releases first; a chosen one links to its removal.
    """

    def facet(name, label, rows, value_of, label_of):
        found = Facet(name, label)
        for row in rows:
            value = value_of(row)
            if not value:
                continue
            selected = filters.get(name) == value
            change = {name: "" if selected else value}
            found.choices.append(
                Choice(label_of(row), row["n"], _link(query, filters, **change), selected)
            )
        return found

    ids = matching.order_by().values("pk")
    themes = (
        ArticleTheme.objects.filter(content_object__in=ids)
        .values("tag__slug", "tag__name")
        .annotate(n=Count("content_object", distinct=True))
        .order_by("-n", "tag__name")[:15]
    )
    countries = (
        matching.order_by()
        .exclude(dateline_country="")
        .values("dateline_country")
        .annotate(n=Count("pk"))
        .order_by("-n", "dateline_country")[:15]
    )
    events = (
        matching.order_by()
        .filter(event__isnull=False)
        .values("event__slug", "event__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "event__name")[:15]
    )
    speakers = (
        Quote.objects.filter(article__in=ids)
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "speaker__name")[:15]
    )
    years = (
        matching.order_by()
        .annotate(year=ExtractYear("publish_at"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    year_chosen = ""
    if filters.get("from", "").endswith("-01-01") and filters.get("to", "") == (
        filters["from"][:4] + "-12-31"
    ):
        year_chosen = filters["from"][:4]
    year_facet = Facet("year", str(_("Year")))
    for row in years:
        year = str(row["year"])
        selected = year == year_chosen
        change = (
            {"from": "", "to": ""} if selected else {"from": f"{year}-01-01", "to": f"{year}-12-31"}
        )
        year_facet.choices.append(Choice(year, row["n"], _link(query, filters, **change), selected))
    return [
        facet("theme", str(_("Theme")), themes, lambda r: r["tag__slug"], lambda r: r["tag__name"]),
        facet(
            "country",
            str(_("Country")),
            countries,
            lambda r: r["dateline_country"],
            lambda r: r["dateline_country"],
        ),
        facet(
            "event", str(_("Event")), events, lambda r: r["event__slug"], lambda r: r["event__name"]
        ),
        facet(
            "speaker",
            str(_("Speaker")),
            speakers,
            lambda r: r["speaker__slug"],
            lambda r: r["speaker__name"],
        ),
        year_facet,
    ]
