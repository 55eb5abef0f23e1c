"""
What the check phase hands the write phase: the fields each kind carries and
one plan a record, saying what its write will change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taggit.models import Tag

from articles.models import Article, Contact, Event, GalleryImage, Quote, Speaker

if TYPE_CHECKING:
    from articles.bundles.importer.photos import StoredImage


BATCH_SIZE = 500
THEME_MAX_LENGTH = Tag._meta.get_field("name").max_length

SPEAKER_FIELDS = ("name", "role", "organisation", "country", "bio")
EVENT_FIELDS = (
    "name",
    "start_date",
    "end_date",
    "venue",
    "city",
    "country",
    "expected_participants",
    "description",
    "link",
)
CONTACT_FIELDS = (
    "name",
    "role",
    "organisation",
    "phone",
    "email",
    "languages",
    "is_default",
    "position",
)
ARTICLE_FIELDS = (
    "title",
    "language",
    "reference",
    "status",
    "publish_at",
    "unpublish_at",
    "lead",
    "body",
)
# What a translation shares with its source (articles.translations): a bundle
# may repeat it, but only as the source has it.
SHARED = ("event", "dateline", "themes")
TIMES = ("publish_at", "unpublish_at")
# A translation's photo is its source's file with its own caption and alt text.
TRANSLATED_PHOTO_FIELDS = {"path", "alt_text", "caption"}
IMAGE_FIELDS = ("alt_text", "caption", "credit", "licence", "keep_metadata")
IMAGE_DEFAULTS = {
    "alt_text": "",
    "caption": "",
    "credit": "",
    "licence": "",
    "keep_metadata": False,
}
# Model field -> the name the bundle uses for it, for messages.
BUNDLE_NAMES = {
    "dateline_city": "dateline.city",
    "dateline_country": "dateline.country",
    "follows_source_times": "released_with_source",
}

KEEP = object()  # a field the bundle leaves out: the stored value stays


@dataclass
class SpeakerPlan:
    speaker: Speaker
    is_new: bool
    changed: list[str]
    photo: object = KEEP  # KEEP, None (remove) or a StoredImage


@dataclass
class EventPlan:
    event: Event
    is_new: bool
    changed: list[str]


@dataclass
class ContactPlan:
    contact: Contact
    is_new: bool
    changed: list[str]


@dataclass
class GalleryPlan:
    create: list[tuple[int, dict, StoredImage]] = field(default_factory=list)
    update: list[GalleryImage] = field(default_factory=list)
    remove: list[GalleryImage] = field(default_factory=list)


@dataclass
class ThemePlan:
    name: str
    names: dict  # {language: name}, cleaned
    is_new: bool
    changed: bool


@dataclass
class ReleasePlan:
    article: Article
    is_new: bool
    changed: list[str]  # model fields, then "themes", "quotes", "gallery"
    event: object = KEEP  # KEEP, None or an event slug
    themes: list[str] | None = None  # None: keep the stored themes
    quotes: list[dict] | None = None  # None: keep the stored quotes
    old_quotes: list[Quote] = field(default_factory=list)
    gallery: GalleryPlan | None = None
    contacts: list[str] | None = None  # None: keep the stored contacts
    search_written: bool = False  # its search document went in with its row
    source: object = KEEP  # KEEP, None (not a translation) or the source's slug
    group_source: str | None = None  # the slug of its group's source, once written
    # Its photos by their path in the bundle: the stored row each matches (None: new).
    photos_by_path: dict = field(default_factory=dict)
    # A translation's captions and alt texts, by the path of its source's photo.
    translated_photos: dict | None = None
