"""
Media kits: all of a release's original photos (as cleaned at upload) in one
ZIP, with ``CREDITS.txt`` and ``manifest.json`` saying the caption, credit,
licence and alt text of each file.

A kit is built once per gallery version (a digest of the photos and what
is said about them) and stored; pages show its size and downloads are served
from storage, never zipped on a request. The download goes through a view
that checks the release may be read (articles.downloads).
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import secrets
import tempfile
import zipfile

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, GalleryImage, MediaKit

logger = logging.getLogger("newsroom.mediakit")

FOLDER = "kits"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # no volatile dates: the same gallery, the same bytes


def gallery_digest(photos: list[GalleryImage]) -> str:
    """What makes a gallery version: its files, their order and what is said about them."""
    parts = [
        [photo.pk, photo.image.name, photo.caption, photo.credit, photo.licence, photo.alt_text]
        for photo in photos
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def member_name(index: int, photo: GalleryImage) -> str:
    stem, ext = posixpath.splitext(posixpath.basename(photo.image.name))
    return f"{index:02d}-{slugify(stem) or 'photo'}{ext.lower()}"


def credits_text(article: Article, entries: list[dict]) -> str:
    lines = [article.title, "", f"{len(entries)} photos", ""]
    for entry in entries:
        lines.append(entry["file"])
        lines.append(f"  Size: {entry['width']} × {entry['height']} pixels")
        for label, key in (
            ("Caption", "caption"),
            ("Credit", "credit"),
            ("Licence", "licence"),
            ("Alt text", "alt_text"),
        ):
            if entry[key]:
                lines.append(f"  {label}: {entry[key]}")
        lines.append("")
    return "\n".join(lines)


def _member(zf: zipfile.ZipFile, name: str, data: bytes, *, compress: bool) -> None:
    info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    zf.writestr(info, data)


def build_zip(article: Article, photos: list[GalleryImage], out) -> dict[str, int]:
    """Write the kit into the binary file ``out``; each original's size by photo id."""
    entries, sizes = [], {}
    with zipfile.ZipFile(out, "w") as zf:
        for index, photo in enumerate(photos, start=1):
            name = member_name(index, photo)
            info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
            info.external_attr = 0o644 << 16
            # Photos are compressed already; storing them keeps the build fast.
            info.compress_type = zipfile.ZIP_STORED
            size = 0
            with photo.image.storage.open(photo.image.name, "rb") as src, zf.open(info, "w") as dst:
                # A chunk at a time: a gallery of originals may not fit in memory.
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
                    size += len(chunk)
            sizes[str(photo.pk)] = size
            entries.append(
                {
                    "file": name,
                    "bytes": size,
                    "width": photo.width,
                    "height": photo.height,
                    "caption": photo.caption,
                    "credit": photo.credit,
                    "licence": photo.licence,
                    "alt_text": photo.alt_text,
                }
            )
        _member(zf, "CREDITS.txt", credits_text(article, entries).encode(), compress=True)
        manifest = {"release": article.title, "reference": article.reference, "photos": entries}
        _member(
            zf,
            "manifest.json",
            (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(),
            compress=True,
        )
    return sizes


def current_kit(article: Article) -> MediaKit | None:
    try:
        return article.media_kit
    except MediaKit.DoesNotExist:
        return None


def media_kit_for(
    article: Article, photos: list[GalleryImage], *, build: bool = True
) -> MediaKit | None:
    """
    The release's kit for ``photos`` (its whole gallery, in order): the stored
    one if the gallery has not changed since, else built and stored now. None
    for a release without photos, or when the originals cannot be read.

    Pages pass ``build=False``: a reader never waits while a gallery is
    zipped; the kit is built by the worker, and the page shows it once built.
    """
    if not photos:
        return None
    digest = gallery_digest(photos)
    kit = current_kit(article)
    if kit is not None and kit.digest == digest:
        return kit
    if not build:
        return media_kit_schedule(article, digest)
    try:
        return media_kit_build(article=article, photos=photos, digest=digest)
    except OSError:
        logger.exception("The media kit of %s could not be built", article.slug)
        return None


def media_kit_schedule(article: Article, digest: str) -> MediaKit | None:
    """
    Have the worker build the kit of this gallery version (once: the first
    page view after a change asks, the next ones find it asked). Returns the
    kit if it is there already, as with a backend that runs tasks at once.
    """
    from django.core.cache import cache

    from articles import tasks

    try:
        first = cache.add(f"newsroom:mediakit:{article.pk}:{digest}", True, 600)
    except Exception:  # the cache is disposable; a second task only finds the kit built
        first = True
    if first:
        tasks.build_media_kit.enqueue(article.pk)
    return MediaKit.objects.filter(article=article, digest=digest).first()


def media_kit_build(*, article: Article, photos: list[GalleryImage], digest: str) -> MediaKit:
    name = f"{FOLDER}/{secrets.token_hex(16)}/{slugify(article.slug)[:80] or 'release'}-photos.zip"
    with tempfile.TemporaryFile() as out:
        sizes = build_zip(article, photos, out)
        size = out.tell()
        out.seek(0)
        name = default_storage.save(name, File(out, name=posixpath.basename(name)))
    previous = current_kit(article)
    fields = {
        "digest": digest,
        "file": name,
        "size": size,
        "photo_sizes": sizes,
        "built_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            kit, _created = MediaKit.objects.update_or_create(article=article, defaults=fields)
    except IntegrityError:
        # Built by another request at the same moment: theirs is as good.
        default_storage.delete(name)
        kit = MediaKit.objects.get(article=article)
    article.media_kit = kit
    if previous is not None and previous.file != kit.file:
        transaction.on_commit(lambda: default_storage.delete(previous.file))
    return kit
