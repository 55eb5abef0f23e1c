"""Page metadata for crawlers and link previews: absolute URLs, OpenGraph image, JSON-LD."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.links import reverse
from articles.models import theme_name


# A title containing "</script>" must not end the data block: JSON allows these
# characters to be written as \u escapes, which HTML parsing leaves alone.
def json_for_html(data) -> str:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def absolute_url(request, path: str) -> str:
    return request.build_absolute_uri(path)


def absolute_urls(request):
    """
    build_absolute_uri() for many URLs of one page: a site path (already
    URI-encoded, as reverse() and the storages give them) is appended to the
    scheme and host, worked out once; anything else goes the long way.
    """
    origin = request.build_absolute_uri("/").removesuffix("/")

    def absolute(path: str) -> str:
        if path.startswith("/") and not path.startswith("//") and "/." not in path:
            return origin + path
        return request.build_absolute_uri(path)

    return absolute


def _large_rendition(image):
    widths = [int(width) for width in image.renditions.get("jpeg", {})]
    return max(widths, default=0)


def og_image(gallery):
    """The first gallery image's largest JPEG rendition, as link previews want it."""
    for image in gallery:
        if image.has_renditions:
            width = _large_rendition(image)
            return {
                "url": image.large_url,
                "width": width,
                "height": image.height_for(width),
                "alt": image.alt_text,
            }
    return None


def _local_iso(value):
    return timezone.localtime(value).isoformat() if value else None


def _address(city: str, country: str) -> dict:
    address = {"@type": "PostalAddress"}
    if city:
        address["addressLocality"] = city
    if country:
        address["addressCountry"] = country
    return address


def _organisation(home_url: str) -> dict:
    return {"@type": "Organization", "name": settings.NEWSROOM_PUBLISHER, "url": home_url}


def _person(speaker, absolute) -> dict:
    person = {
        "@type": "Person",
        "name": speaker.name,
        "url": absolute(speaker.get_absolute_url()),
    }
    if speaker.role:
        person["jobTitle"] = speaker.role
    if speaker.organisation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.organisation}
    return person


def _event(event, absolute) -> dict:
    data = {
        "@type": "Event",
        "name": event.name,
        "startDate": event.start_date.isoformat(),
        "endDate": event.end_date.isoformat(),
        "url": absolute(event.get_absolute_url()),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if event.description:
        data["description"] = event.description
    if event.venue or event.city or event.country:
        data["location"] = {
            "@type": "Place",
            "name": event.place,
            "address": _address(event.city, event.country),
        }
    return data


def _contact_point(contact) -> dict:
    point = {"@type": "ContactPoint", "contactType": "press", "name": contact.name}
    if contact.role:
        point["description"] = contact.role
    if contact.phone:
        point["telephone"] = contact.phone
    if contact.email:
        point["email"] = contact.email
    if contact.languages:
        point["availableLanguage"] = [
            language.strip() for language in contact.languages.split(",") if language.strip()
        ]
    return point


def release_data(
    request, article, themes, quotes, gallery, *, contacts=(), lead_photo=None
) -> dict:
    """schema.org NewsArticle for a release, from what the page has already loaded."""
    absolute = absolute_urls(request)
    url = absolute(article.canonical_url())
    home = absolute(reverse("articles:list"))
    publisher = _organisation(home)
    if contacts:
        # The people to call about the release, as the publisher's press contacts.
        publisher["contactPoint"] = [_contact_point(contact) for contact in contacts]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title,
        "description": article.lead,
        "datePublished": _local_iso(article.publish_at),
        "dateModified": _local_iso(article.modified_at),
        "inLanguage": article.language,
        "author": _organisation(home),
        "publisher": publisher,
    }
    if article.reference:
        data["identifier"] = article.reference
    if article.dateline:
        data["dateline"] = article.dateline
        data["locationCreated"] = {
            "@type": "Place",
            "name": ", ".join(p for p in (article.dateline_city, article.dateline_country) if p),
            "address": _address(article.dateline_city, article.dateline_country),
        }
    # The lead photo first: search engines take the first image as the article's.
    ordered = (
        [lead_photo, *(image for image in gallery if image != lead_photo)]
        if lead_photo
        else gallery
    )
    images = [absolute(image.large_url) for image in ordered if image.has_renditions]
    if images:
        data["image"] = images
    if themes:
        data["keywords"] = [theme_name(theme) for theme in themes]
    parts = [
        {
            "@type": "Quotation",
            "text": quote.text,
            "url": absolute(quote.get_absolute_url()),
            "spokenByCharacter": _person(quote.speaker, absolute),
        }
        for quote in quotes
    ]
    if parts:
        data["hasPart"] = parts
    if article.event:
        data["about"] = _event(article.event, absolute)
    return data


def release_json_ld(request, article, themes, quotes, gallery, *, contacts=(), lead_photo=None):
    data = release_data(
        request, article, themes, quotes, gallery, contacts=contacts, lead_photo=lead_photo
    )
    # Safe as it is: json_for_html leaves no <, > or & for the HTML parser to act on.
    data = mark_safe(json_for_html(data))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', data)
