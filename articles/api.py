"""
The read-only JSON API: public releases in the release-bundle format.

A list page is a bundle document (docs/bundle-format.md): releases, plus the
speakers and events they refer to by slug. A release's own page is its release
object, with those speakers and events beside its fields. Only images differ
from an exported bundle: URLs of the original and its renditions instead of
paths. Every query starts from Article.objects.public().
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from articles.bundles.shapes import (
    contact_data,
    envelope,
    event_data,
    gallery_entry,
    iso_datetime,
    referenced_contacts,
    referenced_events,
    referenced_speakers,
    referenced_themes,
    release_data,
    speaker_data,
    theme_data,
)
from articles.links import media_url
from articles.models import Article, Contact, GalleryImage, Speaker, theme_name
from articles.translations import group

PAGE_SIZE = 20
CONTENT_TYPE = "application/json; charset=utf-8"


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data, status=status, content_type=CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )


def not_found(message: str) -> JsonResponse:
    return json_response({"error": "not_found", "detail": message}, status=404)


def _renditions(request, image: GalleryImage) -> dict:
    """{"jpeg": [{"width", "height", "url"}, …], "webp": […]}, narrowest first."""
    return {
        ext: [
            {
                "width": int(width),
                "height": image.height_for(int(width)),
                "url": request.build_absolute_uri(media_url(name)),
            }
            for width, name in sorted(names.items(), key=lambda item: int(item[0]))
        ]
        for ext, names in sorted(image.renditions.items())
    }


def _document(request, articles: list[Article], **extra) -> dict:
    def gallery(image: GalleryImage, index: int) -> dict:
        return gallery_entry(
            image,
            location={"url": request.build_absolute_uri(media_url(image.image.name))},
            extra={"renditions": _renditions(request, image)},
        )

    def speaker(person: Speaker) -> dict:
        photo_url = (
            request.build_absolute_uri(media_url(person.photo.name)) if person.photo else None
        )
        return speaker_data(person, photo_url=photo_url)

    defaults = None
    versions = group.public_versions_of(articles)

    def translations(article: Article) -> list[dict]:
        """The release in the group's other public languages."""
        return [
            {
                "language": other.language,
                "url": request.build_absolute_uri(other.canonical_url()),
                "api_url": request.build_absolute_uri(other.canonical_url("articles:api_release")),
            }
            for other in versions.get(group.source_id(article), [])
            if other.pk != article.pk
        ]

    def press_office(article: Article) -> dict:
        """What readers see of the release beyond the bundle format: its press-office parts."""
        nonlocal defaults
        contacts = [link.contact for link in article.contact_links.all()]
        if not contacts:
            if defaults is None:
                defaults = list(Contact.objects.filter(is_default=True))
            contacts = defaults
        lead = article.lead_photo([image for image in article.images.all() if image.has_renditions])
        return {
            "pdf_url": request.build_absolute_uri(article.canonical_url("articles:pdf")),
            "updated_at": iso_datetime(article.modified_at),
            "press_contacts": [contact_data(contact) for contact in contacts],
            "notes_to_editors": {"heading": article.notes_heading, "text": article.notes_text}
            if article.notes_text
            else None,
            "lead_photo": gallery(lead, 0) if lead else None,
            "corrections": [
                {"made_at": iso_datetime(correction.made_at), "note": correction.note}
                for correction in article.public_corrections
            ],
        }

    return envelope(
        **extra,
        speakers=[speaker(person) for person in referenced_speakers(articles)],
        events=[event_data(event) for event in referenced_events(articles)],
        contacts=[contact_data(contact) for contact in referenced_contacts(articles)],
        # Themes as in a bundle, with their address and the name readers of
        # the requested language see.
        themes=[
            theme_data(tag, slug=tag.slug, display_name=theme_name(tag))
            for tag in referenced_themes(articles)
        ],
        releases=[
            release_data(
                article,
                gallery=gallery,
                extra={"url": request.build_absolute_uri(article.canonical_url())},
            )
            | press_office(article)
            | {"translations": translations(article)}
            for article in articles
        ],
    )


def _page_url(request, number: int | None) -> str | None:
    if number is None:
        return None
    return request.build_absolute_uri(f"{reverse('articles:api_releases')}?page={number}")


@require_safe
def release_list(request):
    """Public releases, newest first, 20 a page (?page=N)."""
    releases = Article.objects.public().in_language(get_language())
    paginator = Paginator(releases.for_export(), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return not_found(_("There is no such page."))
    return json_response(
        _document(
            request,
            list(page.object_list),
            count=paginator.count,
            next=_page_url(request, page.next_page_number() if page.has_next() else None),
            previous=_page_url(
                request, page.previous_page_number() if page.has_previous() else None
            ),
        )
    )


@require_safe
def release_detail(request, slug: str):
    """One public release, with the speakers, events and themes it refers to."""
    article = Article.objects.public().for_export().filter(slug=slug).first()
    if article is None:
        return not_found(_("There is no public release with this address."))
    document = _document(request, [article])
    [release] = document["releases"]
    return json_response(
        {
            **release,
            "speakers": document["speakers"],
            "events": document["events"],
            # "themes" is the release's own list of names.
            "theme_names": document["themes"],
        }
    )
