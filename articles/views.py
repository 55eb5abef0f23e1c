"""
The public site. Every page starts from ``Article.objects.public()``: themes,
speakers and events are shown only through their public releases, so nothing
that exists only in drafts or under embargo can leak.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import InvalidPage
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from articles import ics, search
from articles.caching import current_generation
from articles.models import Article, Event, Quote, Speaker, Theme, by_name
from articles.querysets import shared_themes
from articles.reading import ReleaseParts, SinglePassPaginator
from articles.translations import group


class SectionMixin:
    """Names the part of the site a page belongs to, for the navigation's aria-current."""

    section = ""

    def get_context_data(self, **kwargs):
        kwargs.setdefault("section", self.section)
        return super().get_context_data(**kwargs)


class PublicArticleMixin:
    """
    Public views start from Article.objects.public(), and from nothing else:
    in the reader's language (the URL's), each group of translations once.
    """

    model = Article
    paginator_class = SinglePassPaginator

    def get_queryset(self):
        return Article.objects.public().in_language(get_language())


class ArticleListView(SectionMixin, PublicArticleMixin, ListView):
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    context_object_name = "articles"
    section = "releases"

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        top_themes = Theme.objects.recent(get_language())
        return super().get_context_data(top_themes=top_themes, **kwargs)


class ArticleDetailView(SectionMixin, PublicArticleMixin, DetailView):
    """
    A public release. Its row is read here; its themes, quotes, photos and
    related releases when the template asks (the parts it caches under the
    release's fingerprint ask for nothing).
    """

    context_object_name = "article"
    section = "releases"

    @cached_property
    def now(self):
        return timezone.now()

    def get_queryset(self):
        return Article.objects.public(self.now).with_release_row()

    def get_object(self, queryset=None):
        """
        The release, read in one query with the other public languages of its
        group (the page's language switcher and hreflang alternates) and its
        related releases.
        """
        slug = self.kwargs["slug"]
        queryset = self.get_queryset() if queryset is None else queryset
        related = Article.objects.related_to(slug=slug, now=self.now).values("pk")
        rows = list(
            queryset.filter(group.with_slug(slug) | Q(pk__in=related)).annotate(
                is_related=ExpressionWrapper(Q(pk__in=related), output_field=BooleanField()),
                shared_themes=shared_themes(slug=slug),
            )
        )
        article = next((row for row in rows if row.slug == slug), None)
        if article is None:
            raise Http404(_("No release found."))
        root = article.source_id or article.pk
        in_group = [row for row in rows if root in (row.pk, row.source_id)]
        article.versions = group.by_language(
            row for row in in_group if row.is_public(self.now) or row is article
        )
        article.related_list = sorted(
            (row for row in rows if row.is_related),
            key=lambda row: (-(row.shared_themes or 0), -row.publish_at.timestamp(), -row.pk),
        )
        return article

    def get_context_data(self, **kwargs):
        parts = ReleaseParts(self.object, now=self.now)
        versions = self.object.versions
        return super().get_context_data(
            **parts.context(),
            versions=versions if len(versions) > 1 else [],
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Staff see any release as readers will, before it is public."""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.with_release_row()

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
        # By the name shown, which is the reader's language's.
        return by_name(Theme.objects.with_public_counts(get_language()))


class ThemeDetailView(SectionMixin, PublicArticleMixin, ListView):
    """The releases of one theme; a theme without public releases does not exist here."""

    template_name = "articles/theme_detail.html"
    paginate_by = settings.NEWSROOM_PAGE_SIZE
    context_object_name = "articles"
    section = "themes"

    @cached_property
    def theme(self):
        return get_object_or_404(Theme.objects.with_public_releases(), slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().filter(themes=self.theme).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(theme=self.theme, **kwargs)


class SpeakerDetailView(DetailView):
    """A speaker and their quotes in public releases; 404 when nothing of theirs is public."""

    context_object_name = "speaker"

    def get_queryset(self):
        return Speaker.objects.with_public_releases()

    def get_context_data(self, **kwargs):
        quotes = Quote.objects.for_speaker_page(self.object, get_language())
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
        return Event.objects.with_public_releases().past()

    def get_context_data(self, **kwargs):
        upcoming = Event.objects.with_public_releases().upcoming()
        return super().get_context_data(upcoming=upcoming, **kwargs)


class EventDetailView(SectionMixin, DetailView):
    context_object_name = "event"
    section = "events"

    def get_queryset(self):
        return Event.objects.with_public_releases()

    def get_context_data(self, **kwargs):
        articles = Article.objects.public().in_language(get_language())
        articles = articles.filter(event=self.object).for_listing()
        return super().get_context_data(articles=articles, **kwargs)


def event_ics(request, slug):
    """The event as an iCalendar file, for journalists' calendars."""
    event = get_object_or_404(Event.objects.with_public_releases(), slug=slug)
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

    @cached_property
    def filters(self):
        return search.clean_filters(self.request.GET)

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        # Read first by the page cache (articles.caching), else here.
        generation = getattr(self.request, "site_generation", None) or current_generation()
        return search.search_releases(
            super().get_queryset(), self.query, self.filters, generation.token
        )

    def get_context_data(self, **kwargs):
        facets = search.facets(self.object_list, self.query, self.filters) if self.query else []
        context = super().get_context_data(
            query=self.query,
            filters=self.filters,
            facets=facets,
            page_query=search.page_query(self.query, self.filters),
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
