"""RSS 2.0 and Atom feeds of the latest public releases, for all themes or one."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.links import media_url
from articles.models import Article, Theme, theme_name

FEED_SIZE = 20

# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


MEDIA_RSS = "http://search.yahoo.com/mrss/"


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS: each release's lead photo as ``media:content``, with its credit."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        photo = item.get("lead_photo")
        if photo is None:
            return
        handler.startElement(
            "media:content",
            {
                "url": photo["url"],
                "type": "image/jpeg",
                "medium": "image",
                "width": str(photo["width"]),
                "height": str(photo["height"]),
            },
        )
        if photo["alt"]:
            handler.addQuickElement("media:description", photo["alt"])
        if photo["credit"]:
            handler.addQuickElement("media:credit", photo["credit"])
        handler.endElement("media:content")


def _lead_rendition(item: Article):
    """The release's lead photo as feeds carry it: its largest JPEG rendition."""
    photos = [photo for photo in getattr(item, "lead_photos", []) if photo.has_renditions]
    if not photos:
        return None
    photo = photos[0]
    by_width = photo.renditions["jpeg"]
    width = max(by_width, key=int)
    return photo, int(width), by_width[width]


def _correction_line(item: Article) -> str:
    if item.modified_at == item.publish_at or not item.corrected_at:
        return ""
    return _("Updated %(when)s.") % {
        "when": timezone.localtime(item.corrected_at).strftime("%d %B %Y, %H:%M %Z")
    }


class LatestReleasesFeed(Feed):
    feed_type = MediaRssFeed

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
        releases = Article.objects.public().in_language(get_language())
        return releases.with_themes().with_lead_photos()[:FEED_SIZE]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        # A corrected release says so where readers of the feed look.
        correction = _correction_line(item)
        return xml_text(f"{correction} {item.lead}" if correction else item.lead)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        # Changed for readers by its publication or a public correction; silent fixes are not news.
        return item.modified_at

    def item_enclosures(self, item):
        found = _lead_rendition(item)
        if found is None:
            return []
        _photo, _width, name = found
        try:
            length = default_storage.size(name)
        except OSError:
            return []
        return [Enclosure(media_url(name), str(length), "image/jpeg")]

    def item_extra_kwargs(self, item):
        found = _lead_rendition(item)
        if found is None:
            return {}
        photo, width, name = found
        return {
            "lead_photo": {
                "url": media_url(name),
                "width": width,
                "height": photo.height_for(width),
                "alt": xml_text(photo.alt_text),
                "credit": xml_text(photo.credit),
            }
        }

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # One feed object serves every request: the request's host is added here.
        for item in feed.items:
            if photo := item.get("lead_photo"):
                photo["url"] = request.build_absolute_uri(photo["url"])
            for enclosure in item.get("enclosures") or ():
                enclosure.url = request.build_absolute_uri(enclosure.url)
        return feed

    def item_categories(self, item):
        return [xml_text(theme_name(theme)) for theme in item.theme_list]

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
            "theme": xml_text(theme_name(theme)),
        }

    def description(self, theme):
        return _("The latest press releases from %(publisher)s on %(theme)s.") % {
            "publisher": settings.NEWSROOM_PUBLISHER,
            "theme": xml_text(theme_name(theme)),
        }

    def link(self, theme):
        return reverse("articles:theme", kwargs={"slug": theme.slug})

    def items(self, theme):
        releases = Article.objects.public().in_language(get_language()).filter(themes=theme)
        return releases.with_themes().with_lead_photos()[:FEED_SIZE]
