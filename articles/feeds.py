"""RSS 2.0 and Atom feeds of the latest public releases, for all themes or one."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from articles.models import Article, Theme

FEED_SIZE = 20

# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


class LatestReleasesFeed(Feed):
    def title(self):
        return _("%(site)s: press releases") % {"site": settings.NEWSROOM_SITE_NAME}

    def description(self):
        return _("The latest press releases from %(publisher)s.") % {
            "publisher": settings.NEWSROOM_PUBLISHER
        }

    def link(self):
        return reverse("articles:list")

    def author_name(self):
        return settings.NEWSROOM_PUBLISHER

    def items(self):
        return Article.objects.public().with_themes()[:FEED_SIZE]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.lead)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(theme.name) for theme in item.theme_list]

    def item_author_name(self, item):
        # Releases speak for the organisation, not for the staff member who typed them.
        return settings.NEWSROOM_PUBLISHER

    # The GUID is the release's absolute URL (the default): unique, and a permalink.


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = Atom1Feed
    subtitle = LatestReleasesFeed.description


class ThemeFeed(LatestReleasesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme.objects.with_public_releases(), slug=slug)

    def title(self, theme):
        return _("%(site)s: press releases on %(theme)s") % {
            "site": settings.NEWSROOM_SITE_NAME,
            "theme": xml_text(theme.name),
        }

    def description(self, theme):
        return _("The latest press releases from %(publisher)s on %(theme)s.") % {
            "publisher": settings.NEWSROOM_PUBLISHER,
            "theme": xml_text(theme.name),
        }

    def link(self, theme):
        return reverse("articles:theme", kwargs={"slug": theme.slug})

    def items(self, theme):
        return Article.objects.public().filter(themes=theme).with_themes()[:FEED_SIZE]
