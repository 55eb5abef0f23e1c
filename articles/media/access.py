"""Who a stored file belongs to, and who may see it now."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from articles.models import (
    Article,
    Contact,
    GalleryImage,
    Lifecycle,
    Quote,
    ShareLink,
    Speaker,
)

# The formats uploads are stored in, by extension (articles.images checks them).
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


def content_type(name: str) -> str | None:
    """The media type of a stored upload, from its extension; None for any other name."""
    return CONTENT_TYPES.get(posixpath.splitext(name)[1].lower().lstrip("."))


_NEW_NAME = re.compile(r"(gallery|speakers|renditions)/([0-9a-f]{32})/[^/]+")


@dataclass
class Owner:
    """The photo or speaker a stored name belongs to, with every name it has."""

    image: GalleryImage | None = None
    speaker: Speaker | None = None
    contact: Contact | None = None
    names: set[str] = field(default_factory=set)
    # The releases that show the photo: its own, and the translations that share its file.
    article_ids: set[int] = field(default_factory=set)

    def is_public(self, now: datetime | None = None) -> bool:
        if self.image is not None:
            return Article.objects.public(now).filter(pk__in=self.article_ids).exists()
        if self.contact is not None:
            # A press officer shown on every release, or on a public one.
            return self.contact.is_default or (
                Article.objects.public(now).filter(contact_links__contact=self.contact).exists()
            )
        return Speaker.objects.with_public_releases().filter(pk=self.speaker.pk).exists()

    def shown_by(self, link: ShareLink) -> bool:
        """Whether the share link's page shows this file."""
        if self.image is not None:
            # A share link covers the release's translations too.
            group = Q(pk=link.article.source_id or link.article_id) | Q(
                source_id=link.article.source_id or link.article_id
            )
            return Article.objects.filter(group, pk__in=self.article_ids).exists()
        if self.contact is not None:
            return True  # contacts are no secret; their photos show on share pages too
        return Quote.objects.filter(article_id=link.article_id, speaker=self.speaker).exists()


def image_names(image: GalleryImage) -> set[str]:
    """The original and every rendition of a gallery photo."""
    names = {image.image.name} if image.image else set()
    for by_width in (image.renditions or {}).values():
        names.update(by_width.values())
    return names


def speaker_names(speaker: Speaker) -> set[str]:
    names = {speaker.photo.name} if speaker.photo else set()
    for by_size in (speaker.photo_renditions or {}).values():
        names.update(by_size.values())
    return names


def owner_of(name: str) -> Owner | None:
    """
    The photo or speaker whose original or rendition is stored as ``name``;
    None for a name no current photo has (deleted, replaced, never stored).
    """
    match = _NEW_NAME.fullmatch(name)
    if match and match[1] == "renditions":
        folder = match[2]
        images = GalleryImage.objects.filter(image__startswith=f"gallery/{folder}/")
        speakers = Speaker.objects.filter(photo__startswith=f"speakers/{folder}/")
    else:
        images = GalleryImage.objects.filter(image=name)
        speakers = Speaker.objects.filter(photo=name)
    owner = _first_owner(images, speakers, name)
    if owner is None and name.startswith("contacts/"):
        contact = Contact.objects.filter(photo=name).only("pk", "photo", "is_default").first()
        owner = Owner(contact=contact, names={name}) if contact else None
    if owner is None and name.startswith("renditions/"):
        owner = _legacy_rendition_owner(name)
    return owner


def _first_owner(images, speakers, name: str) -> Owner | None:
    # Translations keep rows of their own for the source's photos, with the same files.
    holders = [
        image
        for image in images.only("pk", "article_id", "image", "renditions")
        if name in image_names(image)
    ]
    if holders:
        return Owner(
            image=holders[0],
            names=image_names(holders[0]),
            article_ids={image.article_id for image in holders},
        )
    for speaker in speakers.only("pk", "photo", "photo_renditions"):
        names = speaker_names(speaker)
        if name in names:
            return Owner(speaker=speaker, names=names)
    return None


def _legacy_rendition_owner(name: str) -> Owner | None:
    """
    Renditions of an original stored before names had a random folder (in a
    folder named by a keyed hash of the original's name, or after it): found
    among those originals, which only older sites have.
    """
    legacy = ~Q(image__regex=r"^gallery/[0-9a-f]{32}/")
    for image in GalleryImage.objects.filter(legacy).only(
        "pk", "article_id", "image", "renditions"
    ):
        if name in image_names(image):
            return Owner(image=image, names=image_names(image), article_ids={image.article_id})
    legacy = ~Q(photo__regex=r"^speakers/[0-9a-f]{32}/") & ~Q(photo="")
    for speaker in Speaker.objects.filter(legacy).only("pk", "photo", "photo_renditions"):
        if name in speaker_names(speaker):
            return Owner(speaker=speaker, names=speaker_names(speaker))
    return None


def staff_may_see(user) -> bool:
    """Staff who may read releases in the admin see every release's photos."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("articles.view_article")
    )


def share_link_allows(link_id: int, owner: Owner, now: datetime | None = None) -> bool:
    """Whether a share link, still valid for a release not yet out, shows this file."""
    now = now or timezone.now()
    link = ShareLink.objects.select_related("article").filter(pk=link_id).first()
    if link is None or not link.is_active(now):
        return False
    if link.article.lifecycle(now) == Lifecycle.EXPIRED:
        return False
    return owner.shown_by(link)
