"""The sitemap: every public page a crawler should know about, and nothing else."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Event, Speaker, Theme
from articles.reading import SinglePassPaginator


class QuerySetSitemap(Sitemap):
    @property
    def paginator(self):
        return SinglePassPaginator(self._items(), self.limit)


class ReleaseSitemap(QuerySetSitemap):
    def items(self):
        return Article.objects.public().only("slug", "updated_at").order_by("-publish_at", "-pk")

    def lastmod(self, article):
        return article.updated_at


class ThemeSitemap(QuerySetSitemap):
    def items(self):
        return Theme.objects.with_public_releases().order_by("name")

    def location(self, theme):
        return reverse("articles:theme", kwargs={"slug": theme.slug})


class EventSitemap(QuerySetSitemap):
    def items(self):
        return Event.objects.with_public_releases().only("slug").order_by("-start_date", "pk")


class SpeakerSitemap(QuerySetSitemap):
    def items(self):
        return Speaker.objects.with_public_releases().only("slug").order_by("name", "pk")


class SectionSitemap(Sitemap):
    def items(self):
        return ["articles:list", "articles:themes", "articles:events"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sections": SectionSitemap,
    "releases": ReleaseSitemap,
    "themes": ThemeSitemap,
    "events": EventSitemap,
    "speakers": SpeakerSitemap,
}
