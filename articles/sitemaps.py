"""
The sitemap: every public page a crawler should know about, and nothing else.
Releases are listed in every language, each with its group's other public
languages as ``xhtml:link`` alternates; the site's sections in each language
of the interface.
"""

import functools

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Event, Speaker, Theme
from articles.reading import SinglePassPaginator
from articles.translations import group


@functools.cache
def interface_languages() -> list[str]:
    """The default language and those the interface is translated into (locale/)."""
    translated = {
        path.name
        for folder in settings.LOCALE_PATHS
        for path in folder.iterdir()
        if (path / "LC_MESSAGES" / "django.mo").exists()
    }
    codes = [code for code, _name in settings.LANGUAGES]
    return [code for code in codes if code == settings.LANGUAGE_CODE or code in translated]


class QuerySetSitemap(Sitemap):
    @property
    def paginator(self):
        return SinglePassPaginator(self._items(), self.limit)


class ReleaseSitemap(QuerySetSitemap):
    def items(self):
        return (
            Article.objects.public()
            .only("slug", "language", "source_id", "updated_at")
            .order_by("-publish_at", "-pk")
        )

    def location(self, article):
        return article.canonical_url()

    def lastmod(self, article):
        return article.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        versions = group.public_versions_of([url["item"] for url in urls])
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            others = versions.get(group.source_id(url["item"]), [])
            if len(others) > 1:
                url["alternates"] = [
                    {"lang_code": other.language, "location": base + other.canonical_url()}
                    for other in others
                ]
        return urls


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
    """The home page, themes and events, in each language of the interface."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        return interface_languages()

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
