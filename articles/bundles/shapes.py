"""
The objects of a release bundle, as Python dicts ready for JSON.

Bundles and the public API build their speaker, event and release objects
here, so the two cannot drift apart: they differ only in how an image is
located (a path inside the bundle, or URLs). docs/bundle-format.md describes
these objects field by field.

Key order is fixed by construction and lists are sorted, so the same data
always serialises to the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime

from django.conf import settings
from taggit.models import Tag

from articles.models import Article, Contact, Event, GalleryImage, Speaker

FORMAT_NAME = "newsroom-bundle"
# Version 2 adds translation groups (``translation_of``, ``released_with_source``,
# translations' photos by their source's path) and ``themes`` with their names
# in other languages. Version 1 bundles still import.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
BUNDLE_JSON = "bundle.json"
IMAGES_DIR = "images"


def envelope(
    *, speakers: list, events: list, releases: list, contacts: list, themes: list, **extra
) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        **extra,
        "speakers": speakers,
        "events": events,
        "contacts": contacts,
        "themes": themes,
        "releases": releases,
    }


def iso_datetime(value: datetime | None) -> str | None:
    """UTC with an explicit offset: the one spelling exports use."""
    return None if value is None else value.astimezone(UTC).isoformat()


def iso_date(value: date) -> str:
    return value.isoformat()


def theme_sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def speaker_data(speaker: Speaker, **image: str | None) -> dict:
    """``image`` is ``photo=<path>`` in a bundle, ``photo_url=<url>`` in the API."""
    return {
        "slug": speaker.slug,
        "name": speaker.name,
        "role": speaker.role,
        "organisation": speaker.organisation,
        "country": speaker.country,
        "bio": speaker.bio,
        **image,
    }


def event_data(event: Event) -> dict:
    return {
        "slug": event.slug,
        "name": event.name,
        "start_date": iso_date(event.start_date),
        "end_date": iso_date(event.end_date),
        "venue": event.venue,
        "city": event.city,
        "country": event.country,
        "expected_participants": event.expected_participants,
        "description": event.description,
        "link": event.link,
    }


def contact_data(contact: Contact) -> dict:
    return {
        "slug": contact.slug,
        "name": contact.name,
        "role": contact.role,
        "organisation": contact.organisation,
        "phone": contact.phone,
        "email": contact.email,
        "languages": contact.languages,
        "is_default": contact.is_default,
        "position": contact.position,
    }


def gallery_entry(image: GalleryImage, *, location: dict, extra: dict | None = None) -> dict:
    """``location`` is ``{"path", "sha256"}`` in a bundle, ``{"url"}`` in the API."""
    return {
        **location,
        "width": image.width,
        "height": image.height,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "licence": image.licence,
        **(extra or {}),
    }


def release_tags(article: Article) -> list[Tag]:
    """The release's themes: prefetched with their names by ``for_export()``."""
    links = getattr(article, "listed_theme_links", None)
    return list(article.themes.all()) if links is None else [link.tag for link in links]


def theme_names(tag: Tag) -> dict:
    """``{language: name}`` of a theme's names in other languages, in ``LANGUAGES`` order."""
    try:
        names = tag.translated_names.names or {}
    except Tag.translated_names.RelatedObjectDoesNotExist:
        return {}
    return {code: names[code] for code, _label in settings.LANGUAGES if names.get(code)}


def theme_data(tag: Tag, **extra) -> dict:
    return {"name": tag.name, **extra, "names": theme_names(tag)}


def referenced_themes(articles: Iterable[Article]) -> list[Tag]:
    """The themes of ``articles`` (from ``for_export()``), alphabetically regardless of case."""
    found = {tag.name: tag for a in articles for tag in release_tags(a)}
    return [found[name] for name in sorted(found, key=theme_sort_key)]


def release_data(
    article: Article,
    *,
    gallery: Callable[[GalleryImage, int], dict],
    extra: dict | None = None,
) -> dict:
    """
    One release. ``article`` comes from ``for_export()``; ``gallery(image,
    index)`` gives each image's entry (see gallery_entry()). A translation
    names its source and whether it is released with it.
    """
    group = {"translation_of": article.source.slug if article.source_id else None}
    if article.source_id:
        group["released_with_source"] = article.follows_source_times
    return {
        "slug": article.slug,
        **(extra or {}),
        "title": article.title,
        "language": article.language,
        **group,
        "reference": article.reference,
        "status": article.status,
        "publish_at": iso_datetime(article.publish_at),
        "unpublish_at": iso_datetime(article.unpublish_at),
        "dateline": {"city": article.dateline_city, "country": article.dateline_country},
        "lead": article.lead,
        "body": article.body,
        "event": article.event.slug if article.event_id else None,
        "themes": sorted({tag.name for tag in release_tags(article)}, key=theme_sort_key),
        "quotes": [
            {"speaker": quote.speaker.slug, "text": quote.text, "context": quote.context}
            for quote in article.quotes.all()
        ],
        "gallery": [gallery(image, index) for index, image in enumerate(article.images.all())],
        "contacts": [link.contact.slug for link in article.contact_links.all()],
    }


def referenced_speakers(articles: Iterable[Article]) -> list[Speaker]:
    """The speakers quoted in ``articles`` (prefetched), by slug."""
    found = {quote.speaker.slug: quote.speaker for a in articles for quote in a.quotes.all()}
    return [found[slug] for slug in sorted(found)]


def referenced_events(articles: Iterable[Article]) -> list[Event]:
    found = {a.event.slug: a.event for a in articles if a.event_id}
    return [found[slug] for slug in sorted(found)]


def referenced_contacts(articles: Iterable[Article]) -> list[Contact]:
    """The contacts ``articles`` (prefetched ``contact_links``) name, by slug."""
    found = {link.contact.slug: link.contact for a in articles for link in a.contact_links.all()}
    return [found[slug] for slug in sorted(found)]
