"""
Photos: reading and checking the bundle's image files, matching a release's
gallery with the stored one, storing files and the renditions they need.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import defaultdict, deque
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from articles import images as image_checks
from articles.bundles.errors import BundleError, Problem
from articles.bundles.importer.lookups import _chunks
from articles.bundles.importer.plans import (
    BATCH_SIZE,
    IMAGE_DEFAULTS,
    IMAGE_FIELDS,
    GalleryPlan,
    ReleasePlan,
)
from articles.bundles.parse import Record
from articles.bundles.sources import Unreadable
from articles.models import GalleryImage
from articles.services import gallery_image_renditions_enqueue


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


def stored_sha256(fieldfile) -> str | None:
    """The hash of a stored file, or None if storage has lost it."""
    try:
        with fieldfile.storage.open(fieldfile.name, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


class PhotoChecks:
    """The check phase's image files and galleries."""

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


class PhotoWrites:
    """Storing photos, and removing the files a failed or finished import leaves."""

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
