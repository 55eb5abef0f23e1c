"""
Importing a release bundle: check everything first, then write everything in
one transaction.

The plan phase reads the bundle, the images and the matching rows, applies the
models' own field rules and clean() methods, and works out what would change;
it writes nothing, which is all --dry-run needs. The write phase uses bulk
queries (tens of thousands of rows are routine for an archive), so it does
by hand what Article.save() would do: sanitise the body, strip the lead, bump
the version and the update time of releases that changed. Records whose
values, children and image contents already match are not written at all,
which is what makes a second import of the same bundle a no-op.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Model, Prefetch
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import caching, search
from articles import images as image_checks
from articles.bundles.errors import BundleError, Problem
from articles.bundles.parse import Bundle, Record, parse_bundle
from articles.bundles.sources import Source, Unreadable, open_source
from articles.html import sanitize_body
from articles.media.public import media_changed
from articles.models import (
    Article,
    ArticleContact,
    ArticleTheme,
    Contact,
    Event,
    GalleryImage,
    Quote,
    Speaker,
    ThemeNames,
    clean_theme_names,
    name_in,
    to_the_minute,
)
from articles.services import gallery_image_renditions_enqueue
from articles.signals import releases_written
from articles.text import clean_one_line

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


Progress = Callable[..., Iterable]


def no_progress(iterable, **kwargs):
    return iterable


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    speakers: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)
    contacts: Tally = field(default_factory=Tally)
    releases: Tally = field(default_factory=Tally)
    images: Tally = field(default_factory=Tally)
    themes: Tally = field(default_factory=Tally)  # names in other languages
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        tallies = (
            self.speakers,
            self.events,
            self.contacts,
            self.releases,
            self.images,
            self.themes,
        )
        return any(t.changed for t in tallies)


@dataclass(frozen=True)
class ImageFile:
    path: str
    sha256: str  # of the file in the bundle
    private_metadata: bool = False  # location or camera details an upload would lose

    @property
    def name(self) -> str:
        return posixpath.basename(self.path)


@dataclass(frozen=True)
class StoredImage:
    """An image as it will be stored: the bundle's file, or a copy without metadata."""

    file: ImageFile
    strip: bool
    sha256: str


def has_private_metadata(data: bytes) -> bool:
    """
    Whether storing the picture as an upload would remove something from it:
    EXIF beyond what originals keep, XMP, IPTC, comments. Files without any
    (every original Newsroom stored itself) are stored as they are, byte for byte.
    """
    return image_checks.has_private_metadata(data)


def stripped(data: bytes, name: str) -> bytes:
    return image_checks.strip_metadata(ContentFile(data, name=name)).read()


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


def _shown(value) -> str:
    if isinstance(value, set):
        return ", ".join(f"“{v}”" for v in sorted(value)) or _("none")
    if isinstance(value, dict):
        return ", ".join(f"{k} “{v}”" for k, v in value.items())
    return _("none") if value is None else f"“{value}”"


def _chunks(items: list, size: int = BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_slug(model: type[Model], slugs: Iterable[str]) -> dict[str, Model]:
    found = {}
    for chunk in _chunks(sorted(set(slugs))):
        found.update((obj.slug, obj) for obj in model.objects.filter(slug__in=chunk))
    return found


def stored_sha256(fieldfile) -> str | None:
    """The hash of a stored file, or None if storage has lost it."""
    try:
        with fieldfile.storage.open(fieldfile.name, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def theme_key(name: str) -> str:
    # Themes are case-insensitive (TAGGIT_CASE_INSENSITIVE).
    return name.lower()


class Planner:
    def __init__(self, source: Source, bundle: Bundle, progress: Progress):
        self.source = source
        self.bundle = bundle
        self.progress = progress
        self.problems: list[Problem] = list(bundle.problems)
        self.report = ImportReport(source=bundle.source, dry_run=False)
        self.speakers: list[SpeakerPlan] = []
        self.events: list[EventPlan] = []
        self.contacts: list[ContactPlan] = []
        self.themes: list[ThemePlan] = []
        self.releases: list[ReleasePlan] = []
        # Slug -> id of rows that exist already; a slug known only from the
        # bundle maps to None until the write phase creates it.
        self.speaker_ids: dict[str, int | None] = {}
        self.event_ids: dict[str, int | None] = {}
        self.contact_ids: dict[str, int | None] = {}
        self._images: dict[str, ImageFile | str] = {}  # by path; a str is the problem
        self._stripped_sha256: dict[str, str] = {}  # by path

    def problem(self, record: Record, field_name: str, message: str) -> None:
        self.problems.append(Problem(record.where, field_name, str(message)))

    def run(self) -> Planner:
        self.plan_speakers()
        self.plan_events()
        self.plan_contacts()
        self.plan_themes()
        self.plan_releases()
        if self.problems:
            raise BundleError(self.bundle.source, self.problems)
        return self

    # --- checks shared by every kind -------------------------------------------

    def apply(self, record: Record, instance: Model, values: dict) -> list[str]:
        """
        Set ``values`` on ``instance`` and check them by the model's own field
        rules; return the names of the model fields whose value changes.
        """
        changed = []
        for name, value in values.items():
            # As save() would store it: bulk writes skip save().
            value = instance.cleaned_text(name, value)
            model_field = instance._meta.get_field(name)
            try:
                model_field.clean(value, instance)
            except ValidationError as exc:
                for message in exc.messages:
                    self.problem(record, BUNDLE_NAMES.get(name, name), message)
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                if name != "slug":
                    changed.append(name)
        return changed

    def clean(self, record: Record, instance: Model, prefix: str = "") -> None:
        """The model's cross-field rules (end after start, unpublish after publish…)."""
        try:
            instance.clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                label = "" if name == NON_FIELD_ERRORS else BUNDLE_NAMES.get(name, name)
                for message in messages:
                    self.problem(record, prefix + label, message)

    def image(self, record: Record, field_name: str, path: str, entry: dict | None = None):
        """Check one image by its content; None (and a problem) if it is unusable."""
        if path not in self._images:
            self._images[path] = self._read_image(path)
        found = self._images[path]
        if isinstance(found, str):
            self.problem(record, field_name, found)
            return None
        entry = entry or {}
        if entry.get("sha256") and entry["sha256"] != found.sha256:
            self.problem(
                record,
                field_name,
                _("“%(path)s” does not match the sha256 given in the bundle") % {"path": path},
            )
            return None
        return found

    def _read_image(self, path: str) -> ImageFile | str:
        try:
            data = self.source.image_bytes(path)
        except Unreadable as exc:
            return str(exc)
        try:
            # By content and name: the file is stored under its name's extension.
            image_checks.check_image(ContentFile(data, name=posixpath.basename(path)))
            private = has_private_metadata(data)
        except ValidationError as exc:
            return f"“{path}”: {' '.join(exc.messages)}"
        except Exception:
            return _("“%(path)s”: the image data is damaged or incomplete") % {"path": path}
        return ImageFile(
            path=path, sha256=hashlib.sha256(data).hexdigest(), private_metadata=private
        )

    def stored_form(self, image: ImageFile, keep_metadata: bool) -> StoredImage:
        """What storing ``image`` will write, and its hash, to compare with what is stored."""
        if keep_metadata or not image.private_metadata:
            return StoredImage(file=image, strip=False, sha256=image.sha256)
        if image.path not in self._stripped_sha256:
            data = stripped(self.source.image_bytes(image.path), image.name)
            self._stripped_sha256[image.path] = hashlib.sha256(data).hexdigest()
        return StoredImage(file=image, strip=True, sha256=self._stripped_sha256[image.path])

    def tally(self, tally, kind: str, slug: str, is_new: bool, changed: list[str]) -> None:
        if is_new:
            tally.created += 1
            self.report.changes.append(_("%(kind)s “%(slug)s”: new") % {"kind": kind, "slug": slug})
        elif changed:
            tally.updated += 1
            self.report.changes.append(
                _("%(kind)s “%(slug)s”: changes %(fields)s")
                % {
                    "kind": kind,
                    "slug": slug,
                    "fields": ", ".join(BUNDLE_NAMES.get(n, n) for n in changed),
                }
            )
        else:
            tally.unchanged += 1

    # --- speakers and events ---------------------------------------------------

    def plan_speakers(self) -> None:
        records = [r for r in self.bundle.speakers if r.ok]
        existing = _by_slug(Speaker, (r.slug for r in records))
        self.speaker_ids = dict.fromkeys(self.bundle.slugs("speakers"))
        self.speaker_ids.update((slug, s.pk) for slug, s in existing.items())
        for record in records:
            current = existing.get(record.slug)
            speaker = current or Speaker(slug=record.slug)
            values = {n: record.values[n] for n in ("slug", *SPEAKER_FIELDS) if n in record.values}
            changed = self.apply(record, speaker, values)
            plan = SpeakerPlan(speaker=speaker, is_new=current is None, changed=changed)
            if "photo" in record.values:
                path = record.values["photo"]
                if path is None:
                    if speaker.photo:
                        plan.photo = None
                        changed.append("photo")
                else:
                    photo = self.image(record, "photo", path)
                    # Portraits lose location and camera details, as in the admin.
                    stored = photo and self.stored_form(photo, keep_metadata=False)
                    if stored and (
                        not speaker.photo or stored_sha256(speaker.photo) != stored.sha256
                    ):
                        plan.photo = stored
                        changed.append("photo")
            self.speakers.append(plan)
            self.tally(self.report.speakers, _("speaker"), record.slug, plan.is_new, changed)

    def plan_events(self) -> None:
        records = [r for r in self.bundle.events if r.ok]
        existing = _by_slug(Event, (r.slug for r in records))
        self.event_ids = dict.fromkeys(self.bundle.slugs("events"))
        self.event_ids.update((slug, e.pk) for slug, e in existing.items())
        for record in records:
            current = existing.get(record.slug)
            event = current or Event(slug=record.slug)
            values = {n: record.values[n] for n in ("slug", *EVENT_FIELDS) if n in record.values}
            changed = self.apply(record, event, values)
            self.clean(record, event)
            self.events.append(EventPlan(event=event, is_new=current is None, changed=changed))
            self.tally(self.report.events, _("event"), record.slug, current is None, changed)

    def plan_contacts(self) -> None:
        records = [r for r in self.bundle.contacts if r.ok]
        existing = _by_slug(Contact, (r.slug for r in records))
        self.contact_ids = dict.fromkeys(self.bundle.slugs("contacts"))
        self.contact_ids.update((slug, c.pk) for slug, c in existing.items())
        for record in records:
            current = existing.get(record.slug)
            contact = current or Contact(slug=record.slug)
            names = ("slug", *CONTACT_FIELDS)
            values = {n: record.values[n] for n in names if n in record.values}
            changed = self.apply(record, contact, values)
            self.contacts.append(
                ContactPlan(contact=contact, is_new=current is None, changed=changed)
            )
            self.tally(self.report.contacts, _("contact"), record.slug, current is None, changed)

    # --- themes' names in other languages ---------------------------------------

    def plan_themes(self) -> None:
        """
        Each theme's names in other languages: languages of the site's, names
        cleaned as theme names are, and no name another theme shows in the
        same language (counting the bundle's themes as they will be).
        """
        records = [r for r in self.bundle.themes if r.ok]
        if not records:
            return
        languages = {code for code, _label in settings.LANGUAGES}
        shown: dict[str, tuple[str, dict]] = {}  # theme key -> (name, names) after the import
        for tag in Tag.objects.select_related("translated_names"):
            try:
                names = tag.translated_names.names or {}
            except ThemeNames.DoesNotExist:
                names = {}
            shown[theme_key(tag.name)] = (tag.name, names)
        stored = dict(shown)
        wanted = []
        for record in records:
            name = clean_one_line(record.values["name"]).strip()
            if not name:
                self.problem(record, "name", _("a theme cannot be empty"))
                continue
            if len(name) > THEME_MAX_LENGTH:
                self.problem(
                    record,
                    "name",
                    _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                )
                continue
            if "names" not in record.values:
                continue
            raw = record.values["names"]
            bad = False
            for language, value in raw.items():
                where = f"names.{language}"
                if language not in languages:
                    self.problem(
                        record,
                        where,
                        _("“%(language)s” is not one of the site's languages (%(languages)s)")
                        % {"language": language, "languages": ", ".join(sorted(languages))},
                    )
                    bad = True
                elif language == settings.LANGUAGE_CODE:
                    self.problem(
                        record,
                        where,
                        _("the theme's name is its name in %(language)s; leave it out here")
                        % {"language": language},
                    )
                    bad = True
                elif len(clean_one_line(value).strip()) > THEME_MAX_LENGTH:
                    self.problem(
                        record,
                        where,
                        _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                    )
                    bad = True
            if bad:
                continue
            names = clean_theme_names(raw)
            key = theme_key(name)
            current = stored.get(key)
            shown[key] = (current[0] if current else name, names)
            wanted.append((record, key, name, names, current))
        for record, key, name, names, current in wanted:
            for language, value in names.items():
                for other_key, (other_name, other_names) in shown.items():
                    if other_key != key and (
                        name_in(language, other_name, other_names).casefold() == value.casefold()
                    ):
                        self.problem(
                            record,
                            f"names.{language}",
                            _(
                                "“%(name)s” is already the name of the theme “%(other)s” "
                                "in %(language)s"
                            )
                            % {"name": value, "other": other_name, "language": language},
                        )
                        break
            changed = current is None or (current[1] or {}) != names
            self.themes.append(ThemePlan(name=name, names=names, is_new=current is None,
                                         changed=changed))  # fmt: skip
            tally = self.report.themes
            if changed and names:
                tally.updated += 1
                self.report.changes.append(_("theme “%(name)s”: changes names") % {"name": name})
            elif changed and current is None:
                tally.created += 1
            else:
                tally.unchanged += 1

    # --- translation groups ----------------------------------------------------

    def plan_groups(self, records: list[Record], existing: dict) -> dict[str, str | None]:
        """
        Each release's group after the import (the slug of its source, or
        None), checked: the source exists and is no translation itself, one
        release a language in each group, and what translations share with
        their source (event, dateline, themes and, when released with it, the
        times) as the source has it. What is shared is then left to the
        source; a translation's photos are the source's, with their captions.
        """
        if self.bundle.version < 2:
            return {}
        by_slug = {r.slug: r for r in records}
        named = {r.values["translation_of"] for r in records if r.values.get("translation_of")}
        outside = _by_slug(Article, named - by_slug.keys())
        stored = {**outside, **existing}
        # What the sources outside the bundle share with their translations.
        outside_themes, _quotes, _gallery = self._children([a.pk for a in outside.values()])
        self._stored_themes.update(outside_themes)
        events = {a.event_id for a in outside.values() if a.event_id}
        self._event_slugs.update(Event.objects.filter(pk__in=events).values_list("pk", "slug"))
        ids = {a.source_id for a in stored.values() if a.source_id} | {
            a.pk for a in stored.values()
        }
        slug_of = {}
        for chunk in _chunks(sorted(ids)):
            slug_of.update(Article.objects.filter(pk__in=chunk).values_list("pk", "slug"))
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # source -> (slug, language)
        relevant = sorted(by_slug.keys() | named)
        for chunk in _chunks(relevant):
            rows = Article.objects.filter(source__slug__in=chunk).values_list(
                "slug", "language", "source__slug"
            )
            for slug, language, source in rows:
                if slug not in by_slug:
                    members[source].append((slug, language))

        def source_of(slug: str) -> str | None:
            record = by_slug.get(slug)
            if record is not None and "translation_of" in record.values:
                return record.values["translation_of"]
            article = stored.get(slug)
            return slug_of.get(article.source_id) if article and article.source_id else None

        def language_of(slug: str) -> str:
            record = by_slug.get(slug)
            if record is not None and "language" in record.values:
                return record.values["language"]
            article = stored.get(slug)
            return article.language if article else Article._meta.get_field("language").default

        groups = {r.slug: source_of(r.slug) for r in records}
        for record in records:
            source = groups[record.slug]
            named_source = record.values.get("translation_of")
            if named_source is not None:
                if named_source == record.slug:
                    self.problem(record, "translation_of", _("a release cannot translate itself"))
                    continue
                if named_source not in by_slug and named_source not in outside:
                    self.problem(
                        record,
                        "translation_of",
                        _("no release with slug “%(slug)s” in this bundle or the database")
                        % {"slug": named_source},
                    )
                    continue
                above = source_of(named_source)
                if above is not None:
                    self.problem(
                        record,
                        "translation_of",
                        _(
                            "“%(slug)s” is itself a translation (of “%(source)s”); a translation "
                            "names its group's source, “%(source)s”"
                        )
                        % {"slug": named_source, "source": above},
                    )
                    continue
            if source is None:
                if "released_with_source" in record.values:
                    self.problem(
                        record,
                        "released_with_source",
                        _("only a translation (with translation_of) is released with its source"),
                    )
                continue
            children = [slug for slug, _language in members.get(record.slug, [])]
            if children:
                self.problem(
                    record,
                    "translation_of",
                    _("“%(slug)s” has translations of its own (%(children)s); it cannot be one")
                    % {"slug": record.slug, "children": ", ".join(sorted(children))},
                )
                continue
            self._check_shared(record, source, by_slug.get(source), stored.get(source))
        # One release a language in each group.
        for source in sorted({s for s in groups.values() if s}):
            seen = {language_of(source): source}
            for slug, language in members.get(source, []):
                seen.setdefault(language, slug)
            for record in records:
                if groups[record.slug] != source:
                    continue
                language = language_of(record.slug)
                if language in seen and seen[language] != record.slug:
                    self.problem(
                        record,
                        "language",
                        _("the group of “%(source)s” already has “%(other)s” in %(language)s")
                        % {"source": source, "other": seen[language], "language": language},
                    )
                else:
                    seen[language] = record.slug
        return groups

    def _check_shared(self, record: Record, source: str, source_record, source_article) -> None:
        """A translation repeats what it shares with its source only as the source has it."""
        values = record.values
        mine = source_record.values if source_record is not None else {}
        follows = values.get(
            "released_with_source",
            self._stored_follows.get(record.slug, True),
        )
        shared = [*SHARED, *(TIMES if follows else ())]
        for name in shared:
            if name not in values:
                continue
            theirs = self._source_value(name, mine, source_article)
            ours = values[name]
            if name == "themes":
                ours = {theme_key(clean_one_line(t).strip()) for t in ours}
            elif name == "dateline":
                theirs = {part: theirs.get(part, "") for part in ours}
            if theirs is not KEEP and ours != theirs:
                self.problem(
                    record,
                    name,
                    _(
                        "a translation shares this with its source; leave it out or give "
                        "the source's (“%(source)s” has %(value)s)"
                    )
                    % {"source": source, "value": _shown(theirs)},
                )
        if "gallery" in values:
            self._plan_translated_photos(record, source, mine)
        record.values = {k: v for k, v in values.items() if k not in SHARED and k != "gallery"}
        if follows:
            # Released with its source: the source's times, given or not.
            for name in TIMES:
                theirs = self._source_value(name, mine, source_article)
                if theirs is not KEEP:
                    record.values[name] = theirs

    def _source_value(self, name: str, values: dict, article: Article | None):
        """The source's ``name`` after the import: the bundle's, else the stored one."""
        if name in values:
            value = values[name]
            if name == "themes":
                return {theme_key(clean_one_line(t).strip()) for t in value}
            return value
        if article is None:
            return KEEP
        if name == "event":
            return self._event_slugs.get(article.event_id) if article.event_id else None
        if name == "dateline":
            return {"city": article.dateline_city, "country": article.dateline_country}
        if name == "themes":
            return self._stored_themes.get(article.pk, set())
        return getattr(article, name)

    def _plan_translated_photos(self, record: Record, source: str, source_values: dict) -> None:
        paths = {entry["path"] for entry in source_values.get("gallery") or () if entry}
        photos = {}
        for index, entry in enumerate(record.values["gallery"]):
            prefix = f"gallery[{index}]."
            if entry is None:
                continue
            for name in sorted(entry.keys() - TRANSLATED_PHOTO_FIELDS):
                self.problem(
                    record,
                    prefix + name,
                    _(
                        "set on the source's photo; a translation's photo has only path, "
                        "alt_text and caption"
                    ),
                )
            path = entry["path"]
            if path not in paths:
                self.problem(
                    record,
                    prefix + "path",
                    _("“%(path)s” is not a photo of the source “%(source)s” in this bundle")
                    % {"path": path, "source": source},
                )
                continue
            if path in photos:
                self.problem(
                    record, prefix + "path", _("“%(path)s” is listed twice") % {"path": path}
                )
                continue
            values = {
                name: GalleryImage.cleaned_text(name, entry.get(name, ""))
                for name in ("alt_text", "caption")
            }
            probe = GalleryImage(**values)
            for name, value in values.items():
                try:
                    GalleryImage._meta.get_field(name).clean(value, probe)
                except ValidationError as exc:
                    self.problem(record, prefix + name, " ".join(exc.messages))
            if values["alt_text"]:
                self.clean(record, probe, prefix=prefix)
            photos[path] = values
        self._translated_photos[record.slug] = photos

    # --- releases --------------------------------------------------------------

    def plan_releases(self) -> None:
        records = [r for r in self.bundle.releases if r.ok]
        self._resolve_references(records)
        existing = _by_slug(Article, (r.slug for r in records))
        ids = [a.pk for a in existing.values()]
        themes, quotes, gallery = self._children(ids)
        contacts = self._contacts(ids)
        self._stored_follows = {a.slug: a.follows_source_times for a in existing.values()}
        self._stored_themes = dict(themes)
        self._translated_photos: dict[str, dict] = {}
        self._event_slugs = dict(Event.objects.filter(
            pk__in={a.event_id for a in existing.values() if a.event_id}
        ).values_list("pk", "slug"))  # fmt: skip
        groups = self.plan_groups(records, existing)
        self._more_sources(groups, existing)
        # Sources first: a translation's photos are found among its source's.
        records.sort(key=lambda r: groups.get(r.slug) is not None)
        plans: dict[str, ReleasePlan] = {}
        for record in self.progress(records, desc=_("Checking releases"), unit=_("release")):
            current = existing.get(record.slug)
            article_id = current.pk if current else None
            plan = self.plan_release(
                record,
                current,
                themes.get(article_id, set()),
                quotes.get(article_id, []),
                gallery.get(article_id, []),
            )
            if "contacts" in record.values:
                self._plan_contacts(record, plan, record.values["contacts"], contacts[article_id])
            if record.slug in groups:
                self._plan_group(
                    record, plan, groups[record.slug], plans, gallery.get(article_id, [])
                )
            plans[record.slug] = plan
            self.releases.append(plan)
            self.tally(self.report.releases, _("release"), record.slug, plan.is_new, plan.changed)

    def _more_sources(self, groups: dict, existing: dict) -> None:
        """The ids of stored sources outside the bundle, for the write phase."""
        self.article_ids = {a.slug: a.pk for a in existing.values()}
        wanted = {s for s in groups.values() if s} - self.article_ids.keys()
        self.article_ids.update((slug, a.pk) for slug, a in _by_slug(Article, wanted).items())

    def _plan_group(self, record, plan: ReleasePlan, source, plans: dict, old_images) -> None:
        plan.group_source = source
        if "translation_of" in record.values:
            plan.source = source
            target = self.article_ids.get(source) if source else None
            if plan.article.source_id != target or (source and target is None):
                plan.changed.append("translation_of")
        photos = self._translated_photos.get(record.slug)
        if photos is None:
            return
        plan.translated_photos = photos
        source_plan = plans.get(source)
        stored = {image.image.name: image for image in old_images}
        for path, values in photos.items():
            original = source_plan.photos_by_path.get(path) if source_plan else None
            mine = stored.get(original.image.name) if original is not None else None
            if mine is None or any(getattr(mine, n) != v for n, v in values.items()):
                plan.changed.append("gallery")
                break

    def _resolve_references(self, records: list[Record]) -> None:
        """Speakers and events a release names may be in the bundle or already stored."""
        speakers = {q["speaker"] for r in records for q in r.values.get("quotes", [])}
        events = {r.values["event"] for r in records if r.values.get("event")}
        for slug, speaker in _by_slug(Speaker, speakers - self.speaker_ids.keys()).items():
            self.speaker_ids[slug] = speaker.pk
        for slug, event in _by_slug(Event, events - self.event_ids.keys()).items():
            self.event_ids[slug] = event.pk

    def _contacts(self, ids: list[int]) -> dict[int | None, list[str]]:
        """Each stored release's contacts, by slug, in order."""
        found: dict[int | None, list[str]] = defaultdict(list)
        for chunk in _chunks(ids):
            links = ArticleContact.objects.filter(article_id__in=chunk).order_by("position", "pk")
            for article_id, slug in links.values_list("article_id", "contact__slug"):
                found[article_id].append(slug)
        return found

    def _plan_contacts(self, record, plan: ReleasePlan, slugs: list[str], old: list[str]) -> None:
        missing = False
        for index, slug in enumerate(slugs):
            if slug not in self.contact_ids:
                self.problem(
                    record,
                    f"contacts[{index}]",
                    _("no contact with slug “%(slug)s” in this bundle or the database")
                    % {"slug": slug},
                )
                missing = True
        wanted = list(dict.fromkeys(slugs))
        if not missing and wanted != old:
            plan.contacts = wanted
            plan.changed.append("contacts")

    def _children(self, ids: list[int]):
        themes: dict[int, set[str]] = defaultdict(set)
        quotes: dict[int, list[Quote]] = defaultdict(list)
        gallery: dict[int, list[GalleryImage]] = defaultdict(list)
        for chunk in _chunks(ids):
            for article_id, name in ArticleTheme.objects.filter(
                content_object_id__in=chunk
            ).values_list("content_object_id", "tag__name"):
                themes[article_id].add(theme_key(name))
            for quote in Quote.objects.filter(article_id__in=chunk):
                quotes[quote.article_id].append(quote)
            for image in GalleryImage.objects.filter(article_id__in=chunk):
                gallery[image.article_id].append(image)
        return themes, quotes, gallery

    def plan_release(self, record, current, old_themes, old_quotes, old_images) -> ReleasePlan:
        values = record.values
        article = current or Article(slug=record.slug)
        fields = {n: values[n] for n in ("slug", *ARTICLE_FIELDS) if n in values}
        if "lead" in fields:
            fields["lead"] = fields["lead"].strip()
        if "body" in fields:
            fields["body"] = sanitize_body(fields["body"])
        if "dateline" in values:
            for part in ("city", "country"):
                if part in values["dateline"]:
                    fields[f"dateline_{part}"] = values["dateline"][part]
        if "released_with_source" in values:
            fields["follows_source_times"] = values["released_with_source"]
        for name in TIMES:
            if fields.get(name):
                # As save() stores them: a translation saved in step must match.
                fields[name] = to_the_minute(fields[name])
        plan = ReleasePlan(
            article=article, is_new=current is None, changed=self.apply(record, article, fields)
        )
        if "event" in values:
            self._plan_event(record, plan, values["event"])
        self.clean(record, article)
        if "themes" in values:
            self._plan_themes(record, plan, values["themes"], old_themes)
        if "quotes" in values:
            self._plan_quotes(record, plan, values["quotes"], old_quotes)
        if "gallery" in values:
            self._plan_gallery(record, plan, values["gallery"], old_images)
        return plan

    def _plan_event(self, record, plan: ReleasePlan, slug: str | None) -> None:
        if slug is not None and slug not in self.event_ids:
            self.problem(
                record,
                "event",
                _("no event with slug “%(slug)s” in this bundle or the database") % {"slug": slug},
            )
            return
        target = self.event_ids[slug] if slug else None
        plan.event = slug
        if plan.article.event_id != target or (slug and target is None):
            plan.changed.append("event")

    def _plan_themes(self, record, plan: ReleasePlan, names: list[str], old: set[str]) -> None:
        themes: dict[str, str] = {}
        for index, raw in enumerate(names):
            name = clean_one_line(raw).strip()
            if not name:
                self.problem(record, f"themes[{index}]", _("a theme cannot be empty"))
            elif len(name) > THEME_MAX_LENGTH:
                self.problem(
                    record,
                    f"themes[{index}]",
                    _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                )
            else:
                themes.setdefault(theme_key(name), name)
        if set(themes) != old:
            plan.themes = list(themes.values())
            plan.changed.append("themes")

    def _plan_quotes(self, record, plan: ReleasePlan, quotes: list[dict], old) -> None:
        wanted = []
        for index, quote in enumerate(quotes):
            prefix = f"quotes[{index}]."
            if quote["speaker"] not in self.speaker_ids:
                self.problem(
                    record,
                    prefix + "speaker",
                    _("no speaker with slug “%(slug)s” in this bundle or the database")
                    % {"slug": quote["speaker"]},
                )
            for name in ("text", "context"):
                if name in quote:
                    try:
                        Quote._meta.get_field(name).clean(quote[name], None)
                    except ValidationError as exc:
                        self.problem(record, prefix + name, " ".join(exc.messages))
            wanted.append(
                {
                    "speaker": quote["speaker"],
                    "text": Quote.cleaned_text("text", quote["text"]),
                    "context": Quote.cleaned_text("context", quote.get("context", "")),
                }
            )
        stored = [(q.speaker_id, q.text, q.context) for q in old]
        target = [(self.speaker_ids.get(q["speaker"]), q["text"], q["context"]) for q in wanted]
        if stored != target:
            plan.quotes = wanted
            plan.old_quotes = old
            plan.changed.append("quotes")

    def _plan_gallery(self, record, plan: ReleasePlan, entries: list[dict], old) -> None:
        gallery = GalleryPlan()
        found: list[tuple[int, dict, StoredImage]] = []
        for index, entry in enumerate(entries):
            prefix = f"gallery[{index}]."
            entry = {name: GalleryImage.cleaned_text(name, value) if name in IMAGE_FIELDS else value
                     for name, value in entry.items()}  # fmt: skip
            probe = GalleryImage(**{n: entry[n] for n in IMAGE_FIELDS if n in entry})
            for name in IMAGE_FIELDS:
                if name in entry:
                    try:
                        GalleryImage._meta.get_field(name).clean(entry[name], probe)
                    except ValidationError as exc:
                        self.problem(record, prefix + name, " ".join(exc.messages))
            if entry.get("alt_text"):
                # Blank alt text is the field's own error; blank-looking is clean()'s.
                self.clean(record, probe, prefix=prefix)
            image = self.image(record, prefix + "path", entry["path"], entry)
            if image is None:
                continue
            found.append((index, entry, self.stored_form(image, entry.get("keep_metadata", False))))
        if len(found) != len(entries):
            return
        pool: dict[str, deque[int]] = defaultdict(deque)
        for position, image in enumerate(old):
            pool[stored_sha256(image.image) or f"missing-{image.pk}"].append(position)
        matched = [
            pool[image.sha256].popleft() if pool[image.sha256] else None for *_, image in found
        ]
        gallery.remove = [old[i] for positions in pool.values() for i in positions]
        for (_index, entry, _image), match in zip(found, matched, strict=True):
            plan.photos_by_path[entry["path"]] = old[match] if match is not None else None
        reordered = bool(gallery.remove) or None in matched or matched != sorted(matched)
        unchanged = 0
        for (index, entry, image), match in zip(found, matched, strict=True):
            if match is None:
                gallery.create.append((index, entry, image))
                continue
            stored = old[match]
            dirty = False
            for name in IMAGE_FIELDS:
                value = entry.get(name, getattr(stored, name))
                if getattr(stored, name) != value:
                    setattr(stored, name, value)
                    dirty = True
            if reordered and stored.position != index:
                stored.position = index
                dirty = True
            if dirty:
                gallery.update.append(stored)
            else:
                unchanged += 1
        tally = self.report.images
        tally.created += len(gallery.create)
        tally.updated += len(gallery.update)
        tally.removed += len(gallery.remove)
        tally.unchanged += unchanged
        if gallery.create or gallery.update or gallery.remove:
            plan.gallery = gallery
            plan.changed.append("gallery")


class Writer:
    """
    Carries out a plan in one transaction. Files it stores are removed again if
    the transaction fails; files it replaces are removed only once it commits.
    """

    def __init__(self, planner: Planner, progress: Progress):
        self.plan = planner
        self.source = planner.source
        self.progress = progress
        self.now = timezone.now()
        self.new_files: list[tuple[object, str]] = []
        self.old_files: list[tuple[object, str]] = []

    def run(self) -> None:
        try:
            with transaction.atomic():
                self.write_speakers()
                self.write_events()
                self.write_contacts()
                self.write_releases()
                self.record_history()
                transaction.on_commit(self.delete_old_files)
                # Bulk queries send no signals: tell the page cache what changed,
                changed = [p.article.pk for p in self.plan.releases if p.is_new or p.changed]
                speakers = [pk for pk in self.plan.speaker_ids.values() if pk]
                caching.content_changed(
                    releases=changed,
                    speakers=speakers,
                    events=[pk for pk in self.plan.event_ids.values() if pk],
                )
                # ... and the public copies of photos that may no longer be public.
                media_changed(
                    releases=changed,
                    speakers=speakers,
                    names=[name for _storage, name in self.old_files],
                )
                # ... and whoever acts on saved releases (e-mail alerts).
                transaction.on_commit(
                    partial(releases_written.send, sender=Article, release_ids=changed),
                    robust=True,
                )
                # ... nor to the search documents.
                self.update_search_documents()
        except IntegrityError as exc:
            self.delete_new_files()
            raise BundleError(
                self.plan.bundle.source,
                [
                    Problem(
                        "",
                        "",
                        _("the database changed during the import (%(error)s); run it again")
                        % {"error": exc},
                    )
                ],
            ) from exc
        except BaseException:
            self.delete_new_files()
            raise

    def write_new_search_documents(self, plans: list[ReleasePlan]) -> None:
        """
        A new release's search document, written with its row: everything it
        holds is in the bundle (or already stored), and a second write of
        every new row would double an archive's import time.
        """
        new = [p for p in plans if p.is_new]
        speakers = {p.speaker.slug: p.speaker for p in self.plan.speakers}
        wanted = {q["speaker"] for p in new for q in p.quotes or ()} - speakers.keys()
        speakers.update(_by_slug(Speaker, wanted))
        events = {p.event.slug: p.event for p in self.plan.events}
        wanted = {p.event for p in new if isinstance(p.event, str)} - events.keys()
        events.update(_by_slug(Event, wanted))
        for plan in new:
            themes = [Tag(name=name) for name in plan.themes or ()]
            quotes = [
                Quote(text=q["text"], context=q["context"], speaker=speakers[q["speaker"]])
                for q in plan.quotes or ()
            ]
            event = events.get(plan.event) if isinstance(plan.event, str) else None
            article = plan.article
            article.search_title, article.search_text = search.document(
                article, themes, quotes, event=event or False
            )
            plan.search_written = True

    def update_search_documents(self) -> None:
        """The documents the bulk writes changed, but for new releases written with them."""
        releases = {
            p.article.pk
            for p in self.plan.releases
            if (p.is_new or p.changed) and not p.search_written
        }
        speakers = [p.speaker.pk for p in self.plan.speakers if not p.is_new and p.changed]
        events = [p.event.pk for p in self.plan.events if not p.is_new and p.changed]
        if speakers:
            quoting = Quote.objects.filter(speaker__in=speakers).values_list("article", flat=True)
            releases.update(quoting)
        if events:
            releases.update(Article.objects.filter(event__in=events).values_list("pk", flat=True))
        for chunk in _chunks(getattr(self, "theme_ids", [])):
            themed = ArticleTheme.objects.filter(tag_id__in=chunk)
            releases.update(themed.values_list("content_object_id", flat=True))
        search.documents_update(sorted(releases))

    def read(self, image: ImageFile, strip: bool = False) -> ContentFile:
        data = self.source.image_bytes(image.path)
        if hashlib.sha256(data).hexdigest() != image.sha256:
            raise BundleError(
                self.plan.bundle.source,
                [Problem("", "", _("“%(path)s” changed during the import") % {"path": image.path})],
            )
        return ContentFile(stripped(data, image.name) if strip else data, name=image.name)

    def delete_new_files(self) -> None:
        for storage, name in self.new_files:
            storage.delete(name)

    def delete_old_files(self) -> None:
        for storage, name in self.old_files:
            storage.delete(name)

    @staticmethod
    def _save_all(model, plans, instance_of, fields_of) -> None:
        new = [instance_of(p) for p in plans if p.is_new]
        changed = [p for p in plans if not p.is_new and p.changed]
        model.objects.bulk_create(new, batch_size=BATCH_SIZE)
        fields = sorted({f for p in changed for f in fields_of(p)})
        if changed and fields:
            model.objects.bulk_update(
                [instance_of(p) for p in changed], fields, batch_size=BATCH_SIZE
            )
        _ensure_pks(model, new)

    def write_speakers(self) -> None:
        for plan in self.plan.speakers:
            speaker = plan.speaker
            if plan.photo is KEEP:
                continue
            if speaker.photo:
                self.old_files.append((speaker.photo.storage, speaker.photo.name))
                self.old_files.extend(_own_renditions(speaker.photo, speaker.photo_renditions))
            if plan.photo is None:
                speaker.photo = ""
                speaker.photo_renditions = {}
            else:
                speaker.photo.save(
                    plan.photo.file.name,
                    self.read(plan.photo.file, strip=plan.photo.strip),
                    save=False,
                )
                self.new_files.append((speaker.photo.storage, speaker.photo.name))
                speaker.photo_renditions = image_checks.make_portraits(
                    speaker.photo.name, storage=speaker.photo.storage
                )
                self.new_files.extend(
                    (speaker.photo.storage, name)
                    for names in speaker.photo_renditions.values()
                    for name in names.values()
                )
            if not plan.is_new and "photo_renditions" not in plan.changed:
                plan.changed.append("photo_renditions")
        self._save_all(
            Speaker,
            self.plan.speakers,
            lambda p: p.speaker,
            lambda p: p.changed,
        )
        for plan in self.plan.speakers:
            self.plan.speaker_ids[plan.speaker.slug] = plan.speaker.pk

    def write_events(self) -> None:
        self._save_all(
            Event,
            self.plan.events,
            lambda p: p.event,
            lambda p: p.changed,
        )
        for plan in self.plan.events:
            self.plan.event_ids[plan.event.slug] = plan.event.pk

    def write_contacts(self) -> None:
        self._save_all(Contact, self.plan.contacts, lambda p: p.contact, lambda p: p.changed)
        for plan in self.plan.contacts:
            self.plan.contact_ids[plan.contact.slug] = plan.contact.pk
        if any(p.is_new or p.changed for p in self.plan.contacts):
            # A contact shows on the releases naming it (or on all, as a default).
            caching.content_changed(releases=None)

    def write_release_contacts(self, plans: list[ReleasePlan]) -> None:
        plans = [p for p in plans if p.contacts is not None]
        for chunk in _chunks([p.article.pk for p in plans if not p.is_new]):
            ArticleContact.objects.filter(article_id__in=chunk).delete()
        ArticleContact.objects.bulk_create(
            (
                ArticleContact(
                    article_id=plan.article.pk,
                    contact_id=self.plan.contact_ids[slug],
                    position=position,
                )
                for plan in plans
                for position, slug in enumerate(plan.contacts)
            ),
            batch_size=BATCH_SIZE,
        )

    def write_releases(self) -> None:
        plans = self.plan.releases
        for plan in plans:
            article = plan.article
            if plan.event is not KEEP:
                article.event_id = self.plan.event_ids[plan.event] if plan.event else None
            if not plan.is_new and plan.changed:
                article.updated_at = self.now
                # Counted in the database: an admin save since the plan was
                # made must still see its version superseded.
                article.version = F("version") + 1
        self.write_new_search_documents(plans)
        model_fields = {f.name for f in Article._meta.concrete_fields}
        self._save_all(
            Article,
            plans,
            lambda p: p.article,
            lambda p: [n for n in p.changed if n in model_fields] + ["updated_at", "version"],
        )
        self.write_sources(plans)
        self.write_quotes(plans)
        self.write_themes(plans)
        self.write_theme_names()
        self.write_gallery(plans)
        self.write_release_contacts(plans)
        self.sync_groups(plans)

    def write_sources(self, plans: list[ReleasePlan]) -> None:
        """Translations point to their sources, which may have been created just now."""
        ids = self.plan.article_ids
        ids.update((p.article.slug, p.article.pk) for p in plans)
        changed = []
        for plan in plans:
            if plan.source is KEEP:
                continue
            target = ids[plan.source] if plan.source else None
            if plan.article.source_id != target:
                plan.article.source_id = target
                changed.append(plan.article)
        Article.objects.bulk_update(changed, ["source"], batch_size=BATCH_SIZE)

    def sync_groups(self, plans: list[ReleasePlan]) -> None:
        """
        Every group the import touched gets its shared parts from its source
        (articles.translations.shared.group_sync): event, dateline, themes,
        photos and, for translations released with it, the publish and
        unpublish times, so an embargoed group lifts at one moment. A new
        translation counts as checked against its source as imported; then
        each translation's own captions and alt texts go on its photos.
        """
        from articles.translations import shared, tracking

        touched = [p for p in plans if p.is_new or p.changed]
        if not touched:
            return
        ids = self.plan.article_ids
        linked = [p for p in touched if p.source and "translation_of" in p.changed]
        for plan in linked:
            source = Article.objects.get(pk=ids[plan.source])
            Article.objects.filter(pk=plan.article.pk).update(
                source_confirmed=tracking.source_text(source), source_changed_at=None
            )
        candidates = {p.article.source_id or p.article.pk for p in touched}
        sources = set()
        for chunk in _chunks(sorted(candidates)):
            sources.update(
                Article.objects.filter(source_id__in=chunk).values_list("source_id", flat=True)
            )
        for source in Article.objects.filter(pk__in=sorted(sources)).order_by("pk"):
            shared.group_sync(source)
        by_slug = {p.article.slug: p for p in plans}
        for plan in touched:
            if not plan.translated_photos or plan.group_source not in by_slug:
                continue
            originals = by_slug[plan.group_source].photos_by_path
            for path, values in plan.translated_photos.items():
                GalleryImage.objects.filter(
                    article_id=plan.article.pk, image=originals[path].image.name
                ).update(**values)

    def write_theme_names(self) -> None:
        """Themes' names in other languages; the pages and search documents showing them follow."""
        plans = [p for p in self.plan.themes if p.changed]
        if not plans:
            return
        tags = {theme_key(tag.name): tag for tag in Tag.objects.all()}
        slugs = {tag.slug for tag in tags.values()}
        new_tags = []
        for plan in plans:
            if theme_key(plan.name) not in tags:
                tag = Tag(name=plan.name, slug=_unique_tag_slug(plan.name, slugs))
                tags[theme_key(plan.name)] = tag
                new_tags.append(tag)
        Tag.objects.bulk_create(new_tags, batch_size=BATCH_SIZE)
        _ensure_pks(Tag, new_tags, key="name")
        ids = [tags[theme_key(p.name)].pk for p in plans]
        for chunk in _chunks(ids):
            ThemeNames.objects.filter(theme_id__in=chunk).delete()
        ThemeNames.objects.bulk_create(
            (
                ThemeNames(theme_id=tags[theme_key(p.name)].pk, names=p.names)
                for p in plans
                if p.names
            ),
            batch_size=BATCH_SIZE,
        )
        caching.content_changed(releases=(), themes=ids)
        self.theme_ids = ids

    def write_quotes(self, plans: list[ReleasePlan]) -> None:
        create, update, delete = [], [], []
        for plan in plans:
            if plan.quotes is None:
                continue
            old = plan.old_quotes
            for position, quote in enumerate(plan.quotes):
                values = {
                    "speaker_id": self.plan.speaker_ids[quote["speaker"]],
                    "text": quote["text"],
                    "context": quote["context"],
                    "position": position,
                }
                if position < len(old):
                    for name, value in values.items():
                        setattr(old[position], name, value)
                    update.append(old[position])
                else:
                    create.append(Quote(article_id=plan.article.pk, **values))
            delete.extend(q.pk for q in old[len(plan.quotes) :])
        for chunk in _chunks(delete):
            Quote.objects.filter(pk__in=chunk).delete()
        if update:
            Quote.objects.bulk_update(
                update, ["speaker", "text", "context", "position"], batch_size=BATCH_SIZE
            )
        Quote.objects.bulk_create(create, batch_size=BATCH_SIZE)

    def write_themes(self, plans: list[ReleasePlan]) -> None:
        plans = [p for p in plans if p.themes is not None]
        if not plans:
            return
        tags = {theme_key(tag.name): tag for tag in Tag.objects.all()}
        slugs = {tag.slug for tag in tags.values()}
        new_tags = []
        for plan in plans:
            for name in plan.themes:
                if theme_key(name) not in tags:
                    tag = Tag(name=name, slug=_unique_tag_slug(name, slugs))
                    tags[theme_key(name)] = tag
                    new_tags.append(tag)
        Tag.objects.bulk_create(new_tags, batch_size=BATCH_SIZE)
        _ensure_pks(Tag, new_tags, key="name")
        replaced = [p.article.pk for p in plans if not p.is_new]
        for chunk in _chunks(replaced):
            ArticleTheme.objects.filter(content_object_id__in=chunk).delete()
        ArticleTheme.objects.bulk_create(
            (
                ArticleTheme(
                    content_object_id=plan.article.pk,
                    tag_id=tags[theme_key(name)].pk,
                )
                for plan in plans
                for name in plan.themes
            ),
            batch_size=BATCH_SIZE,
        )

    def write_gallery(self, plans: list[ReleasePlan]) -> None:
        plans = [p for p in plans if p.gallery is not None]
        removed = [image for p in plans for image in p.gallery.remove]
        for image in removed:
            self.old_files.append((image.image.storage, image.image.name))
            self.old_files.extend(_own_renditions(image.image, image.renditions))
        for chunk in _chunks([image.pk for image in removed]):
            GalleryImage.objects.filter(pk__in=chunk).delete()
        GalleryImage.objects.bulk_update(
            [image for p in plans for image in p.gallery.update],
            [*IMAGE_FIELDS, "position"],
            batch_size=BATCH_SIZE,
        )
        new = [(p, *item) for p in plans for item in p.gallery.create]
        for plan, position, entry, stored in self.progress(
            new, desc=_("Storing images"), unit=_("image")
        ):
            image = GalleryImage(
                article=plan.article,
                position=position,
                **{name: entry.get(name, default) for name, default in IMAGE_DEFAULTS.items()},
            )
            content = self.read(stored.file, strip=stored.strip)
            image.image.save(stored.file.name, content, save=False)
            self.new_files.append((image.image.storage, image.image.name))
            image.save()
            plan.photos_by_path[entry["path"]] = image
            # Its renditions are made by the worker once the import commits;
            # where tasks run at once (the tests), a rollback removes them too.
            self.new_files.extend(_possible_renditions(image))
            gallery_image_renditions_enqueue(image=image)

    def record_history(self) -> None:
        """
        One entry in each new or changed release's history ("Imported from …"),
        holding its quotes, gallery and themes, as an admin save would.
        """
        if not reversion.is_registered(Article):
            return
        changed = [p.article.pk for p in self.plan.releases if p.is_new or p.changed]
        comment = _("Imported from %(source)s") % {"source": self.plan.bundle.source}
        # Releases are read in batches, keeping the "IN (…)" lookups within
        # SQLite's limit on query parameters, and each gets a revision of its
        # own: restoring one release's import never touches another release.
        for chunk in _chunks(changed):
            for article in Article.objects.filter(pk__in=chunk).prefetch_related(
                Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
                "images",
                Prefetch("theme_links", queryset=ArticleTheme.objects.select_related("tag")),
            ):
                # Each version records str(obj); a theme link's names its
                # release, which would otherwise be fetched once per link.
                for link in article.theme_links.all():
                    link.content_object = article
                with reversion.create_revision(atomic=False):
                    reversion.set_comment(comment)
                    reversion.add_to_revision(article)


def _own_renditions(fieldfile, renditions: dict) -> list[tuple[object, str]]:
    """
    The renditions only this photo uses; older names may be shared by two
    photos (``teamphoto.jpg`` and ``teamphoto.png``) and stay in storage.
    """
    return [
        (fieldfile.storage, name)
        for names in renditions.values()
        for name in names.values()
        if image_checks.is_own_rendition(name)
    ]


def _possible_renditions(image: GalleryImage) -> list[tuple[object, str]]:
    """Every rendition name the image may have got, even from an interrupted run."""
    storage = image.image.storage
    widths = {*settings.NEWSROOM_RENDITION_WIDTHS, image.width or 0}
    return [
        (storage, image_checks.rendition_name(image.image.name, width, ext))
        for width in widths
        for ext in image_checks.RENDITION_FORMATS
    ]


def _unique_tag_slug(name: str, taken: set[str]) -> str:
    """The slug taggit itself would give a new tag (name, then name_1, name_2…)."""
    base = slugify(name, allow_unicode=True)
    slug, n = base, 0
    while slug in taken:
        n += 1
        slug = f"{base}_{n}"
    taken.add(slug)
    return slug


def _ensure_pks(model, objs: list, key: str = "slug") -> None:
    """Backends that cannot return ids from a bulk insert: look them up."""
    missing = [obj for obj in objs if obj.pk is None]
    if not missing:
        return
    values = [getattr(obj, key) for obj in missing]
    ids = {}
    for chunk in _chunks(values):
        ids.update(model.objects.filter(**{f"{key}__in": chunk}).values_list(key, "pk"))
    for obj in missing:
        obj.pk = ids[getattr(obj, key)]


def releases_import(
    path: Path, *, dry_run: bool = False, progress: Progress = no_progress
) -> ImportReport:
    """
    Import a bundle (a JSON file, a folder holding bundle.json, or a zip):
    all of it or, on any problem, none of it. Raises BundleError listing every
    problem found.
    """
    with open_source(Path(path)) as source:
        bundle = parse_bundle(source.json_bytes(), source.name)
        planner = Planner(source, bundle, progress).run()
        planner.report.dry_run = dry_run
        if planner.report.changed and not dry_run:
            Writer(planner, progress).run()
        return planner.report
