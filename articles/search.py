"""
Searching public releases.

Each release keeps one search document, in two plain-text columns of its
own row: ``search_title`` (the title and theme names) and ``search_text``
(lead, body text without markup, quotes, the names and roles of their
speakers, the event's name and place, the dateline and the reference
number). Both are *normalised*: accents removed, typographic quotes and
apostrophes made plain, case folded, punctuation made spaces, so "Jürgen",
"jurgen" and "JURGEN" are one word, and "today’s" is "today's".
``documents_update()`` rewrites them whenever something they hold changes
(the receivers at the end, connected in ``ArticlesConfig.ready()``, and the
bundle importer for its bulk writes): a renamed speaker, theme or event
reaches every release that shows it.

On PostgreSQL the database makes a weighted, GIN-indexed vector of the two
columns (title and themes A, the rest C; migration 0016) and ranks by it;
every word of the query must match a word of the release by its stem or
as its start. On SQLite every word must start a word of the document;
matches in the title or themes rank first, then the newest.

Results can be narrowed by theme, country (of the dateline), event,
speaker and date range; each filter's choices come with their counts, as
links that keep the query and the other filters.

Snippets are HTML. The only markup they may carry is our own ``<mark>``: the
text is reduced to plain text first, escaped, and only then marked.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, ExtractYear, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleTheme, Quote, ReleaseSearchDocument, name_in

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
SNIPPET_CHARS = 240
BATCH_SIZE = 500

# Characters that cannot occur in a cleaned query or text: they frame the
# database's highlights until the snippet has been escaped.
START, STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
# Combining marks: the accents NFKD separates from their letters.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TAG = re.compile(r"<[^>]*>")
# Typographic quotes and apostrophes as the keyboard types them.
_PLAIN_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)

# The text-search configuration of the stored vector (migration 0016): queries
# must be parsed with the same one to match it.
SEARCH_CONFIG = "english"

# The filters a search can be narrowed by, as query parameters.
FILTERS = ("theme", "country", "event", "speaker", "from", "to")


def clean_query(raw: str) -> str:
    """The query as searched: printable, single-spaced, at most 200 characters."""
    return _SPACES.sub(" ", _CONTROL.sub("", raw or "")).strip()[:MAX_QUERY_LENGTH].strip()


def page_query(query: str, filters: dict | None = None) -> str:
    """The query-string prefix that keeps the search (and its filters) when paging."""
    params = {"q": query} if query else {}
    params.update({name: value for name, value in (filters or {}).items() if value})
    return urlencode(params)


def query_words(query: str) -> list[str]:
    return [word for word in query.split(" ") if word][:MAX_WORDS]


def normalise(text: str) -> str:
    """
    Text as the search documents hold it: without accents, with plain quotes,
    case folded, words separated by single spaces.
    """
    text = text.translate(_PLAIN_QUOTES)
    if not text.isascii():
        text = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_NOT_WORD.split(text.casefold())).strip()


def search_words(query: str) -> list[str]:
    """The normalised words of a query; LIKE and tsquery syntax cannot survive this."""
    return normalise(query).split()[:MAX_WORDS]


# --- The documents -------------------------------------------------------------------------


def body_text(body: str) -> str:
    """The body's text without its markup (tags become spaces, entities characters)."""
    return html.unescape(_TAG.sub(" ", body or ""))


def document(article, themes, quotes, event=None) -> tuple[str, str]:
    """
    (search_title, search_text) of a release, from its themes (with a
    ``name``, and its names in other languages where selected with it, so a
    reader finds the release by the theme's name in their language), quotes
    (with ``text``, ``context`` and a ``speaker``) and event
    (``article.event`` unless given).
    """
    title = " ".join([article.title, *(name for theme in themes for name in _all_names(theme))])
    parts = [
        article.lead,
        body_text(article.body),
        article.dateline_city,
        article.dateline_country,
        article.reference,
    ]
    event = article.event if event is None else event
    if event:  # False: no event, without asking the release
        parts += [event.name, event.venue, event.city, event.country]
    for quote in quotes:
        parts += [quote.text, quote.context, quote.speaker.name, quote.speaker.role]
    # Spaces around the words: a word is found where " word" starts (articles.search).
    return f" {normalise(title)} ", f" {normalise(' '.join(p for p in parts if p))} "


def _all_names(theme) -> list[str]:
    """A theme's name, then its names in other languages (none for a theme not yet stored)."""
    try:
        # A migration's historical tag has no names beside it.
        names = theme.translated_names.names if theme.pk else {}
    except (ObjectDoesNotExist, AttributeError):
        names = {}
    return [theme.name, *(name for name in (names or {}).values() if name != theme.name)]


def documents_update(releases) -> int:
    """
    Rewrite the search documents of ``releases`` (ids or a queryset of ids),
    a batch at a time; bulk writes, no signals, no new fingerprints.
    """
    ids = (
        list(releases.values_list("pk", flat=True))
        if isinstance(releases, QuerySet)
        else list(releases)
    )
    quotes = Quote.objects.select_related("speaker").order_by("position", "pk")
    links = ArticleTheme.objects.select_related("tag__translated_names").order_by("pk")
    done = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = (
            Article.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
            .select_related("event")
            .prefetch_related(
                Prefetch("quotes", queryset=quotes, to_attr="search_quotes"),
                Prefetch("theme_links", queryset=links, to_attr="search_themes"),
            )
            .only(
                "title",
                "lead",
                "body",
                "dateline_city",
                "dateline_country",
                "reference",
                "event",
                "search_title",
                "search_text",
            )
        )
        changed = []
        for article in batch:
            themes = [link.tag for link in article.search_themes]
            wanted = document(article, themes, article.search_quotes)
            if (article.search_title, article.search_text) != wanted:
                article.search_title, article.search_text = wanted
                changed.append(article)
        # One plain UPDATE a row: bulk_update's CASE over hundreds of long texts
        # costs more to build than these cost to run.
        for article in changed:
            Article.objects.filter(pk=article.pk).update(
                search_title=article.search_title, search_text=article.search_text
            )
        done += len(changed)
    return done


# --- Searching -----------------------------------------------------------------------------


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


def _postgres_ranked(matching: QuerySet, words: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    search_query = _tsquery(words)
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
    return matching.annotate(
        rank=SearchRank(F("search_document__vector"), search_query), headline=headline
    ).order_by("-rank", "-publish_at", "-pk")


# --- Filters with counts -------------------------------------------------------------------


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
        .values("tag__slug", "tag__name", "tag__translated_names__names")
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
        facet("theme", str(_("Theme")), themes, lambda r: r["tag__slug"], _theme_label),
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


def _theme_label(row: dict) -> str:
    """A theme facet's label: the theme's name in the reader's language."""
    return name_in(None, row["tag__name"], row["tag__translated_names__names"])


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


# --- Keeping the documents current (receivers connected in ArticlesConfig.ready) ----------


def release_saved(sender, instance, raw=False, **kwargs):
    # A fixture's row carries the document it was dumped with.
    if not raw:
        documents_update([instance.pk])


def release_part_changed(sender, instance, raw=False, **kwargs):
    """A quote or theme link of one release."""
    article_id = getattr(instance, "article_id", None) or getattr(
        instance, "content_object_id", None
    )
    if article_id and not raw and Article.objects.filter(pk=article_id).exists():
        documents_update([article_id])


def themes_changed(sender, instance, action, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        documents_update([instance.pk])
    else:  # a theme, with the releases in pk_set
        documents_update(list(pk_set or ()))


def speaker_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(quotes__speaker=instance).values("pk").distinct())


def event_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(event=instance).values("pk"))


def theme_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(theme_links__tag=instance).values("pk"))


def theme_names_changed(sender, instance, raw=False, **kwargs):
    """A theme's names in other languages (ThemeNames), which its releases' documents hold."""
    if not raw:
        documents_update(Article.objects.filter(theme_links__tag_id=instance.theme_id).values("pk"))
