"""
The public site. Every page starts from ``Article.objects.public()``: themes,
speakers and events are shown only through their public releases, so nothing
that exists only in drafts or under embargo can leak.
"""

import itertools
import json

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger, Paginator
from django.db import NotSupportedError, connections
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    TextField,
)
from django.db.models.query import QuerySet
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles import ics, search
from articles.models import (
    Article,
    ArticleTheme,
    Event,
    GalleryImage,
    Quote,
    Speaker,
    by_name,
)
from articles.nested import NestedRows
from articles.prepared import PreparedQuery

TOP_THEMES = 12
RECENT_RELEASES = 100
RELATED_RELEASES = 4
RELATED_CANDIDATES = 100
# How far down the newest public releases the PostgreSQL walk looks for its
# candidates before it leaves the choice to the ORM's query (rare themes).
RELATED_WALK = 5 * RELATED_CANDIDATES


class SinglePassPaginator(Paginator):
    """
    A paginator that reads the total from the page query itself.

    The total rides along as an uncorrelated scalar subquery, which the
    database evaluates once, so a list page costs one query fewer and its
    count and rows come from the same snapshot. Meant for querysets without
    GROUP BY or DISTINCT (a grouped queryset would count groups per row).
    """

    def page(self, number):
        if self.orphans or "count" in self.__dict__ or not isinstance(self.object_list, QuerySet):
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        total = Subquery(
            self.object_list.order_by()
            .annotate(_n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
            .values("_n")
        )
        bottom = (number - 1) * self.per_page
        # The page's ids first (an index-only walk, cheap even deep into the
        # archive), then only those rows in full.
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        rows = list(self.object_list.filter(pk__in=Subquery(ids)).annotate(_total=total))
        # An empty page past the end says nothing about the total, but it is a 404 anyway.
        self.count = rows[0]._total if rows else 0
        return self._get_page(rows, self.validate_number(number), self)


def public_themes():
    """Themes of at least one public release; the others (drafts' themes) do not exist here."""
    public = Article.objects.public().filter(themes=OuterRef("pk"))
    return Tag.objects.filter(Exists(public)).exclude(slug="")


def theme_counts():
    """Themes of public releases, each with its number of public releases, by name."""
    return (
        Tag.objects.filter(article__in=Article.objects.public())
        .exclude(slug="")
        .annotate(public_count=Count("article"))
        .order_by("name")
    )


def recent_themes():
    """
    The themes most used by the latest public releases: what the press office
    is talking about now. Counting over a fixed number of releases keeps the
    cost of the home page's strip the same however large the archive grows.
    """
    latest = Article.objects.public().order_by("-publish_at", "-pk").values("pk")
    latest = latest[:RECENT_RELEASES]
    return (
        Tag.objects.filter(article__in=latest)
        .exclude(slug="")
        .annotate(recent_count=Count("article"))
        .order_by("-recent_count", "name")[:TOP_THEMES]
    )


def public_events():
    """Events that have at least one public release; the others may still be under wraps."""
    return Event.objects.filter(Exists(Article.objects.public().filter(event=OuterRef("pk"))))


def public_speakers():
    """Speakers quoted in at least one public release."""
    return Speaker.objects.filter(
        Exists(Quote.objects.filter(speaker=OuterRef("pk"), article__in=Article.objects.public()))
    )


# The release page's themes, quotes (with speakers) and photos ride in the
# release's own query (see articles.nested): one round trip instead of four.
_themes = NestedRows(
    Tag.objects.filter(articles_articletheme_items__content_object=OuterRef("pk")),
    order_by=("pk",),
)
_quotes = NestedRows(
    Quote.objects.filter(article=OuterRef("pk")),
    related=("speaker",),
    order_by=("position", "pk"),
)
_images = NestedRows(
    GalleryImage.objects.filter(article=OuterRef("pk")), order_by=("position", "pk")
)


def release_detail_queryset(queryset, now=None, *, related=True):
    """
    The release with its event, themes, quotes and photos, and on PostgreSQL
    its related releases too (unless ``related`` is false): release_parts()
    reads them.
    """
    queryset = queryset.select_related("event").annotate(
        nested_themes=_themes.annotation(),
        nested_quotes=_quotes.annotation(),
        nested_images=_images.annotation(),
    )
    if related and connections[queryset.db].vendor == "postgresql":
        queryset = queryset.annotate(nested_related=RelatedReleasesJSON(now or timezone.now()))
    return queryset


def release_parts(article, *, related=True) -> dict:
    """
    The release's themes, quotes (with speakers) and photos, from its own row
    (release_detail_queryset), and its related releases unless ``related`` is
    false: lists the page uses several times (body, metadata, JSON-LD).
    """
    using = article._state.db
    quotes = _quotes.instances(article.nested_quotes, using)
    images = _images.instances(article.nested_images, using)
    for item in itertools.chain(quotes, images):
        item.article = article
    themes = by_name(_themes.instances(article.nested_themes, using))
    # Photos whose renditions are not made yet are not shown.
    gallery = [photo for photo in images if photo.has_renditions]
    GalleryImage.load_urls(gallery)
    parts = {"themes": themes, "quotes": quotes, "gallery": gallery}
    if related:
        found = getattr(article, "nested_related", None)
        # None: no walk on this database, or its themes are too rare for the
        # walk's window (see RelatedReleasesJSON); the ORM's query decides.
        if found is not None:
            parts["related"] = _related_from_json(found, using)
        else:
            parts["related"] = related_releases(article, themes)
    return parts


# The release page's queries, compiled once per process (see articles.prepared).
_public_release = PreparedQuery(
    lambda slug, now: release_detail_queryset(Article.objects.public(now), now).filter(slug=slug)
)


def related_releases(article, themes):
    """
    Recent public releases sharing the most themes with ``article``, newest
    first among equals. Only the newest RELATED_CANDIDATES releases that share
    a theme are scored. For themes in common use that is a short walk down the
    publication index; for rare ones PostgreSQL starts from the themes' rows,
    while SQLite walks on until it has found them (its cost then grows with
    the archive).
    """
    theme_ids = [theme.pk for theme in themes]
    if not theme_ids:
        return []
    using = article._state.db or "default"
    return _related_releases(
        article_id=article.pk, theme_ids=theme_ids, now=timezone.now(), using=using
    )


def _related_releases_queryset(article_id, theme_ids, now):
    links = ArticleTheme.objects.filter(content_object=OuterRef("pk"), tag_id__in=theme_ids)
    candidates = (
        Article.objects.public(now)
        .filter(Exists(links))
        .exclude(pk=article_id)
        .order_by("-publish_at", "-pk")
        .values("pk")[:RELATED_CANDIDATES]
    )
    shared = (
        links.order_by()
        .values("content_object")
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return (
        Article.objects.filter(pk__in=Subquery(candidates))
        .only("slug", "title", "publish_at", "dateline_city", "dateline_country")
        .annotate(shared_themes=Subquery(shared, output_field=IntegerField()))
        .order_by("-shared_themes", "-publish_at", "-pk")[:RELATED_RELEASES]
    )


_related_releases = PreparedQuery(_related_releases_queryset)


class RelatedReleasesJSON(Subquery):
    """
    On PostgreSQL, the release's related releases as a JSON array in the
    release's own query: the same choice as _related_releases_queryset(), in
    one walk down the publication index (Article.objects.public()), where
    each candidate's shared themes are counted once (LATERAL) and only the
    chosen rows are read in full. PostgreSQL planned the ORM's form anew on
    every run (its generic plan came out dearer than the custom one); this
    statement keeps a generic plan, and the page makes one query.

    The walk looks at the newest RELATED_WALK public releases at most. When
    they hold fewer than RELATED_CANDIDATES candidates (the release's themes
    are rare lately), the answer is NULL and release_parts() asks the ORM's
    query instead, which PostgreSQL then plans from the themes' own rows: a
    walk to the end of the archive would cost in proportion to its size.
    A release without themes gets an empty list without any walk.
    """

    output_field = TextField()

    def __init__(self, now):
        walk = (
            Article.objects.public(now)
            .exclude(pk=OuterRef("pk"))
            .order_by("-publish_at", "-pk")
            .values(walk_id=F("pk"), walk_publish_at=F("publish_at"))[:RELATED_WALK]
        )
        super().__init__(walk)

    def resolve_expression(self, query=None, *args, **kwargs):
        clone = super().resolve_expression(query, *args, **kwargs)
        # The release itself, as a column of the query this expression is part of.
        clone.release = F("pk").resolve_expression(query, *args, **kwargs)
        return clone

    def as_sql(self, compiler, connection, template=None, **extra_context):
        raise NotSupportedError("RelatedReleasesJSON is PostgreSQL's")

    def as_postgresql(self, compiler, connection, **extra_context):
        quote = connection.ops.quote_name
        article, link = Article._meta, ArticleTheme._meta
        columns = ", ".join(f"a.{quote(article.get_field(f).column)}" for f in RELATED_FIELDS)
        pk = quote(article.pk.column)
        links, release = quote(link.db_table), quote(link.get_field("content_object").column)
        tag = quote(link.get_field("tag").column)
        walk, walk_params = self.query.as_sql(compiler, connection)
        this, this_params = compiler.compile(self.release)
        chosen = f"""(
            SELECT COALESCE(JSON_AGG(JSON_BUILD_ARRAY({columns}, top.n)
                                     ORDER BY top.n DESC, top.publish_at DESC, top.id DESC)::text,
                            '[]')
            FROM (
                SELECT id, publish_at, n FROM candidates
                ORDER BY n DESC, publish_at DESC, id DESC
                LIMIT {int(RELATED_RELEASES)}
            ) top
            JOIN {quote(article.db_table)} a ON a.{pk} = top.id
        )"""  # noqa: S608
        # Names from the models and SQL from the ORM: no value is written into the text.
        # The walk stops at the RELATED_CANDIDATES-th candidate or the end of its window.
        sql = f"""(
            WITH candidates AS (
                SELECT w.walk_id AS id, w.walk_publish_at AS publish_at, s.n
                FROM {walk} w
                CROSS JOIN LATERAL (
                    SELECT COUNT(*) AS n FROM {links} l
                    WHERE l.{release} = w.walk_id AND l.{tag} = ANY(ARRAY(
                        SELECT r.{tag} FROM {links} r WHERE r.{release} = {this}
                    ))
                ) s
                WHERE s.n > 0
                ORDER BY w.walk_publish_at DESC, w.walk_id DESC
                LIMIT {int(RELATED_CANDIDATES)}
            )
            SELECT CASE
                WHEN NOT EXISTS (SELECT 1 FROM {links} r WHERE r.{release} = {this}) THEN '[]'
                WHEN (SELECT COUNT(*) FROM candidates) < {int(RELATED_CANDIDATES)} THEN CASE
                    WHEN (SELECT COUNT(*) FROM {walk} full_window) = {int(RELATED_WALK)}
                    THEN NULL
                    ELSE {chosen}
                END
                ELSE {chosen}
            END
        )"""  # noqa: S608
        # Parameters in the order their places come in the text.
        return sql, (*walk_params, *this_params, *this_params, *walk_params)

    def relabeled_clone(self, relabels):
        clone = super().relabeled_clone(relabels)
        if hasattr(self, "release"):
            clone.release = self.release.relabeled_clone(relabels)
        return clone


# What the page shows of a related release, in the model's order of fields
# (as Model.from_db() reads them).
RELATED_FIELDS = tuple(
    f.name
    for f in Article._meta.concrete_fields
    if f.name in {"id", "slug", "title", "publish_at", "dateline_city", "dateline_country"}
)


_RELATED_ATTNAMES = [Article._meta.get_field(f).attname for f in RELATED_FIELDS]
_RELATED_PUBLISH_AT = _RELATED_ATTNAMES.index("publish_at")


def _related_from_json(value: str, using: str) -> list:
    related = []
    for row in json.loads(value):
        *fields, shared = row
        fields[_RELATED_PUBLISH_AT] = parse_datetime(fields[_RELATED_PUBLISH_AT])
        release = Article.from_db(using, _RELATED_ATTNAMES, fields)
        release.shared_themes = shared
        related.append(release)
    return related


class SectionMixin:
    """Names the part of the site a page belongs to, for the navigation's aria-current."""

    section = ""

    def get_context_data(self, **kwargs):
        kwargs.setdefault("section", self.section)
        return super().get_context_data(**kwargs)


class PublicArticleMixin:
    """Public views start from Article.objects.public(), and from nothing else."""

    model = Article
    paginator_class = SinglePassPaginator

    def get_queryset(self):
        return Article.objects.public()


class ArticleListView(SectionMixin, PublicArticleMixin, ListView):
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    context_object_name = "articles"
    section = "releases"

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(top_themes=recent_themes(), **kwargs)


class ArticleDetailView(SectionMixin, PublicArticleMixin, DetailView):
    context_object_name = "article"
    section = "releases"

    def get_object(self, queryset=None):
        # A prepared query: the busiest page skips the ORM's compiling.
        found = _public_release(slug=self.kwargs["slug"], now=timezone.now())
        if not found:
            raise Http404("No public release here")
        return found[0]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**release_parts(self.object), **kwargs)


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Staff see any release as readers will, before it is public."""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return release_detail_queryset(Article.objects.all())

    def get_object(self, queryset=None):
        return DetailView.get_object(self, queryset)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, noindex=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class ThemeListView(SectionMixin, ListView):
    template_name = "articles/theme_list.html"
    context_object_name = "themes"
    section = "themes"

    def get_queryset(self):
        return theme_counts()


class ThemeDetailView(SectionMixin, PublicArticleMixin, ListView):
    """The releases of one theme; a theme without public releases does not exist here."""

    template_name = "articles/theme_detail.html"
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    context_object_name = "articles"
    section = "themes"

    @cached_property
    def theme(self):
        return get_object_or_404(public_themes(), slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().filter(themes=self.theme).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(theme=self.theme, **kwargs)


class SpeakerDetailView(DetailView):
    """A speaker and their quotes in public releases; 404 when nothing of theirs is public."""

    context_object_name = "speaker"

    def get_queryset(self):
        return public_speakers()

    def get_context_data(self, **kwargs):
        quotes = (
            Quote.objects.filter(speaker=self.object, article__in=Article.objects.public())
            .select_related("article")
            .order_by("-article__publish_at", "-article__pk", "position", "pk")
        )
        paginator = SinglePassPaginator(quotes, settings.NEWSROOM_PAGE_SIZE)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        return super().get_context_data(
            quotes=page.object_list,
            paginator=paginator,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            **kwargs,
        )


class EventListView(SectionMixin, ListView):
    """Upcoming events in date order, then past events, newest first and paginated."""

    template_name = "articles/event_list.html"
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    paginator_class = SinglePassPaginator
    context_object_name = "past_events"
    section = "events"

    def get_queryset(self):
        return public_events().past()

    def get_context_data(self, **kwargs):
        return super().get_context_data(upcoming=public_events().upcoming(), **kwargs)


class EventDetailView(SectionMixin, DetailView):
    context_object_name = "event"
    section = "events"

    def get_queryset(self):
        return public_events()

    def get_context_data(self, **kwargs):
        articles = Article.objects.public().filter(event=self.object).for_listing()
        return super().get_context_data(articles=articles, **kwargs)


def event_ics(request, slug):
    """The event as an iCalendar file, for journalists' calendars."""
    event = get_object_or_404(public_events(), slug=slug)
    body = ics.event_calendar(
        event,
        url=request.build_absolute_uri(event.get_absolute_url()),
        domain=split_domain_port(request.get_host())[0],
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


class SearchView(SectionMixin, PublicArticleMixin, ListView):
    template_name = "articles/search.html"
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    context_object_name = "articles"
    section = "search"

    @cached_property
    def query(self):
        return search.clean_query(self.request.GET.get("q", ""))

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return search.search_releases(super().get_queryset(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            query=self.query,
            page_query=search.page_query(self.query),
            noindex=True,
            **kwargs,
        )
        for article in context["articles"]:
            article.snippet = search.snippet(article, self.query)
        return context


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        sitemap_url = self.request.build_absolute_uri(reverse("articles:sitemap"))
        return super().get_context_data(sitemap_url=sitemap_url, **kwargs)
