"""
Writing a release bundle: bundle.json plus the original image files, into a
folder or a zip.

The output depends only on the data, never on ids, upload dates or storage
names: image files are named after their release and position, and zip
members carry a fixed timestamp. Export, import into an empty database and
export again therefore give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from PIL import Image

from articles.bundles.shapes import (
    BUNDLE_JSON,
    IMAGES_DIR,
    contact_data,
    envelope,
    event_data,
    gallery_entry,
    referenced_contacts,
    referenced_events,
    referenced_speakers,
    referenced_themes,
    release_data,
    speaker_data,
    theme_data,
)
from articles.models import Article, Contact, Event, GalleryImage, Speaker

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no volatile dates


class ExportError(Exception):
    pass


@dataclass
class ExportReport:
    path: Path
    speakers: int
    events: int
    releases: int
    images: int


def releases_for_export(
    *,
    themes: Iterable[str] = (),
    since: date | None = None,
    until: date | None = None,
    statuses: Iterable[str] = (),
) -> QuerySet[Article]:
    """Releases chosen by theme (any of), publication date (inclusive, local) and status."""
    releases = Article.objects.all()
    themes = list(themes)
    if themes:
        match = Q()
        for theme in themes:
            match |= Q(themes__name__iexact=theme)
        releases = releases.filter(pk__in=Article.objects.filter(match).values("pk"))
    if since:
        releases = releases.filter(publish_at__date__gte=since)
    if until:
        releases = releases.filter(publish_at__date__lte=until)
    statuses = list(statuses)
    if statuses:
        releases = releases.filter(status__in=statuses)
    return releases


def _image_name(fieldfile, stem: str) -> str:
    """``images/<stem>.<ext>``, the extension from the content, not the stored name."""
    with fieldfile.storage.open(fieldfile.name, "rb") as fh, Image.open(fh) as img:
        ext = EXTENSIONS.get(img.format)
    if ext is None:
        ext = os.path.splitext(fieldfile.name)[1].lstrip(".").lower() or "bin"
    return f"{IMAGES_DIR}/{stem}.{ext}"


class _Writer:
    """Puts files into a folder or a zip, hashing them on the way."""

    def __init__(self, path: Path):
        self.path = path
        self.is_zip = path.suffix.lower() == ".zip"
        if self.is_zip:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            self.tmp = Path(tmp)
            self.zip = zipfile.ZipFile(self.tmp, "w")
        else:
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise ExportError(
                    _("%(path)s exists and is not an empty folder; choose a new one")
                    % {"path": path}
                )
            path.mkdir(parents=True, exist_ok=True)

    def copy(self, name: str, fieldfile) -> str:
        digest = hashlib.sha256()
        with fieldfile.storage.open(fieldfile.name, "rb") as src:
            if self.is_zip:
                info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
                info.external_attr = 0o644 << 16
                # Photos are compressed already; storing them keeps export fast.
                with self.zip.open(info, "w") as dst:
                    for chunk in iter(lambda: src.read(1 << 20), b""):
                        digest.update(chunk)
                        dst.write(chunk)
            else:
                target = self.path / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as dst:
                    for chunk in iter(lambda: src.read(1 << 20), b""):
                        digest.update(chunk)
                        dst.write(chunk)
        return digest.hexdigest()

    def write_json(self, data: bytes) -> None:
        if self.is_zip:
            info = zipfile.ZipInfo(BUNDLE_JSON, ZIP_TIMESTAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            self.zip.writestr(info, data)
        else:
            (self.path / BUNDLE_JSON).write_bytes(data)

    def finish(self) -> None:
        if self.is_zip:
            self.zip.close()
            os.replace(self.tmp, self.path)

    def abandon(self) -> None:
        if self.is_zip:
            self.zip.close()
            self.tmp.unlink(missing_ok=True)
        else:
            # The folder was new or empty: nothing of anyone else's is in it.
            shutil.rmtree(self.path, ignore_errors=True)


def _translated_photo(image: GalleryImage, paths: dict) -> dict:
    """A translation's photo: the source's file, by its path, with its own caption and alt text."""
    try:
        path = paths[image.image.name]
    except KeyError:
        raise ExportError(
            _("“%(slug)s” shows a photo its source does not have (%(name)s); save the source")
            % {"slug": image.article.slug, "name": image.image.name}
        ) from None
    return {"path": path, "alt_text": image.alt_text, "caption": image.caption}


def bundle_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def releases_export(
    path: Path, *, releases: QuerySet[Article] | None = None, progress=None
) -> ExportReport:
    """
    Write ``releases`` (all when None, with every speaker and event; otherwise
    only the speakers and events they refer to) as a bundle at ``path``: a zip
    if it ends in .zip, else a new or empty folder.
    """
    progress = progress or (lambda iterable, **kwargs: iterable)
    everything = releases is None
    if not everything:
        # A translation goes with its source: its photos are the source's files.
        chosen = releases.values("pk")
        sources = Article.objects.filter(pk__in=chosen, source__isnull=False).values("source")
        releases = Article.objects.filter(Q(pk__in=chosen) | Q(pk__in=sources))
    articles = list(
        (Article.objects.all() if everything else releases).for_export().order_by("slug")
    )
    if everything:
        speakers = list(Speaker.objects.order_by("slug"))
        events = list(Event.objects.order_by("slug"))
        contacts = list(Contact.objects.order_by("slug"))
    else:
        speakers = referenced_speakers(articles)
        events = referenced_events(articles)
        contacts = referenced_contacts(articles)

    writer = _Writer(Path(path))
    try:
        speaker_objects = []
        for speaker in speakers:
            photo = None
            if speaker.photo:
                photo = _image_name(speaker.photo, f"speakers/{speaker.slug}")
                writer.copy(photo, speaker.photo)
            speaker_objects.append(speaker_data(speaker, photo=photo))

        image_count = 0
        galleries = {}
        paths = {}  # stored file name -> its path in the bundle, for translations' photos
        # Sources (and releases alone) first: a translation's photos are their files.
        in_order = sorted(articles, key=lambda article: article.source_id is not None)
        for article in progress(in_order, desc=_("Exporting releases"), unit=_("release")):
            entries = []
            for index, image in enumerate(article.images.all()):
                if article.source_id is not None:
                    entries.append(_translated_photo(image, paths))
                    continue
                name = _image_name(image.image, f"{article.slug}-{index + 1:02d}")
                paths[image.image.name] = name
                entries.append(
                    gallery_entry(
                        image,
                        location={"path": name, "sha256": writer.copy(name, image.image)},
                        extra={"keep_metadata": image.keep_metadata},
                    )
                )
                image_count += 1
            galleries[article.pk] = entries

        release_objects = []
        for article in articles:

            def gallery(image: GalleryImage, index: int, entries=galleries[article.pk]) -> dict:
                return entries[index]

            release_objects.append(release_data(article, gallery=gallery))

        document = envelope(
            speakers=speaker_objects,
            events=[event_data(event) for event in events],
            contacts=[contact_data(contact) for contact in contacts],
            themes=[theme_data(tag) for tag in referenced_themes(articles)],
            releases=release_objects,
        )
        writer.write_json(bundle_bytes(document))
        writer.finish()
    except BaseException:
        writer.abandon()
        raise
    return ExportReport(
        path=Path(path),
        speakers=len(speakers),
        events=len(events),
        releases=len(articles),
        images=image_count,
    )
