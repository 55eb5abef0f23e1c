"""
The public copies of photos: promoted when found public, demoted as soon as
their release (or speaker) is not, and when a photo is deleted or replaced.

Demotion follows every write path through signals, as the page cache does
(articles.caching): it is access control, not business logic, and must not
depend on which code saved the row. The clock's part (a release expiring
with nobody editing it) is done by whoever moves the site's generation on
when the scheduled time passes.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import tempfile
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import transaction
from django.utils import timezone

from articles.media.access import Owner, content_type, image_names, speaker_names
from articles.models import Article, GalleryImage, Quote, Speaker

logger = logging.getLogger("newsroom.media")


def public_storage():
    return storages["public_media"]


def _unwrapped(storage):
    return getattr(storage, "_wrapped", storage)


def is_file_system(storage) -> bool:
    return isinstance(_unwrapped(storage), FileSystemStorage)


# --- promotion ------------------------------------------------------------------------


def promote(names: Iterable[str]) -> None:
    """
    Put the files into the public storage, under the same names: hard links
    on one file system, a server-side copy within S3, else a copy.
    """
    private, public = default_storage, public_storage()
    for name in names:
        try:
            if is_file_system(private) and is_file_system(public):
                _link(private.path(name), public.path(name))
            elif _on_s3(private) and _on_s3(public):
                _copy_within_s3(private, public, name)
            elif not public.exists(name):
                with private.open(name, "rb") as fh:
                    public.save(name, fh)
        except FileNotFoundError:
            continue  # a rendition not made yet: promoted when it is asked for


def _on_s3(storage) -> bool:
    return hasattr(_unwrapped(storage), "bucket") and hasattr(_unwrapped(storage), "bucket_name")


def _copy_within_s3(private, public, name: str) -> None:
    """One CopyObject request: the bytes never pass through the app."""
    from botocore.exceptions import ClientError

    private, public = _unwrapped(private), _unwrapped(public)
    extra = {"ACL": public.default_acl} if public.default_acl else {}
    try:
        public.bucket.Object(public._normalize_name(name)).copy_from(
            CopySource={"Bucket": private.bucket_name, "Key": private._normalize_name(name)},
            ContentType=content_type(name),
            MetadataDirective="REPLACE",
            **extra,
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            raise FileNotFoundError(name) from error
        raise


def _link(source: str, target: str) -> None:
    """A hard link (no second copy on disk), else a copy moved into place whole."""
    if os.path.exists(target):
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
        return
    except FileExistsError:
        return
    except OSError:
        if not os.path.exists(source):
            raise FileNotFoundError(source) from None
    # Another file system (or one without hard links): copy, then rename.
    fd, partial = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".promoting-")
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            while chunk := src.read(1024 * 1024):
                out.write(chunk)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)


# --- demotion -------------------------------------------------------------------------


def demote(names: Iterable[str]) -> None:
    """Take the files out of the public storage; the private originals stay."""
    public = public_storage()
    for name in set(names):
        if not name:
            continue
        try:
            if public.exists(name):  # most names were never public: nothing to take down
                public.delete(name)
        except Exception:
            # The file is still out there: say so loudly, it must be taken down by hand.
            logger.exception("The public copy of %s could not be removed", name)


def _demote_promoted(original: str, names: set[str]) -> None:
    """
    A photo's files are promoted together, original first: when its original
    has no public copy, none of its files has one, and nothing is asked of
    the storage beyond that one look.
    """
    if original and public_storage().exists(original):
        demote(names)


def demote_release(article_id: int, now: datetime | None = None) -> None:
    """Demote the photos of a release that is not public (now), and its speakers' portraits."""
    if Article.objects.public(now).filter(pk=article_id).exists():
        return
    photos = list(GalleryImage.objects.filter(article_id=article_id).only("image", "renditions"))
    shown = _shown_elsewhere({photo.image.name for photo in photos}, now)
    for image in photos:
        if image.image.name not in shown:
            _demote_promoted(image.image.name, image_names(image))
    speakers = Quote.objects.filter(article_id=article_id).values("speaker_id")
    _demote_hidden_speakers(Speaker.objects.filter(pk__in=speakers))


def _shown_elsewhere(originals: set[str], now: datetime | None = None) -> set[str]:
    """The originals among these that a public release still shows (shared by translations)."""
    if not originals:
        return set()
    rows = GalleryImage.objects.filter(
        image__in=originals, article__in=Article.objects.public(now).values("pk")
    )
    return set(rows.values_list("image", flat=True))


def _still_shown(names: set[str]) -> set[str]:
    """The names among these that belong to a photo a public release still shows."""
    if not names:
        return set()
    rows = GalleryImage.objects.filter(
        image__in=names, article__in=Article.objects.public().values("pk")
    ).only("image", "renditions")
    return set().union(*(image_names(row) for row in rows)) & names


def _demote_hidden_speakers(speakers) -> None:
    shown = Speaker.objects.with_public_releases().values("pk")
    for speaker in (
        speakers.exclude(pk__in=shown).exclude(photo="").only("photo", "photo_renditions")
    ):
        _demote_promoted(speaker.photo.name, speaker_names(speaker))


def demote_expired(since: datetime, now: datetime) -> None:
    """
    Releases whose unpublish time passed between ``since`` and ``now`` with
    nobody editing them: called by whoever moves the generation on.
    """
    expired = Article.objects.filter(unpublish_at__gt=since, unpublish_at__lte=now)
    for article_id in expired.values_list("pk", flat=True):
        demote_release(article_id, now)


def expiry_window(since: datetime) -> datetime:
    """A margin before the last change: demotion is idempotent, a missed expiry is not."""
    return since - timedelta(minutes=5)


def demote_owner_if_hidden(owner: Owner, now: datetime | None = None) -> bool:
    """After a promotion: if the owner stopped being public meanwhile, undo it."""
    if owner.is_public(now):
        return False
    demote(owner.names)
    return True


def sweep(now: datetime | None = None) -> list[str]:
    """
    Every public copy whose photo is not public now, or no longer exists,
    is removed: after restoring a backup, or to check nothing leaked.
    Returns the names removed.
    """
    from articles.media.access import owner_of

    public = public_storage()
    removed = []
    for name in _walk(public, ""):
        owner = owner_of(name)
        if owner is None or not owner.is_public(now):
            demote([name])
            removed.append(name)
    return removed


def _walk(storage, folder: str):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        if not name.startswith(".promoting-"):
            yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


# --- after each commit ----------------------------------------------------------------
# Writes register what they may have hidden; after the commit, the first
# callback to run demotes everything registered in this thread so far, once
# (a release saved with 13 photos is looked at once, not 14 times), as
# articles.caching bumps the generation once per transaction.

_registered = itertools.count(1)
_local = threading.local()


def media_changed(*, releases=(), speakers=(), names=(), everything=False, using=None) -> None:
    """
    Readers may no longer be allowed to see these releases' or speakers'
    photos, or the files ``names`` at all: after the commit, their public
    copies go where that is so. Bulk writers (imports) call this beside
    ``caching.content_changed``; other writes reach it through signals.
    """
    pending = _local.__dict__.setdefault("pending", [])
    pending.append((frozenset(releases), frozenset(speakers), frozenset(names), everything))
    number = next(_registered)
    transaction.on_commit(lambda: _after_commit(number), using=using)


def _after_commit(number: int) -> None:
    if getattr(_local, "done_through", 0) >= number:
        return
    _local.done_through = next(_registered)
    pending, _local.pending = getattr(_local, "pending", []), []
    if any(everything for *_rest, everything in pending):
        sweep()
        return
    names = set().union(*(names for _r, _s, names, _e in pending))
    demote(names - _still_shown(names))
    for article_id in set().union(*(releases for releases, *_rest in pending)):
        demote_release(article_id)
    speakers = set().union(*(speakers for _r, speakers, *_rest in pending))
    if speakers:
        _demote_hidden_speakers(Speaker.objects.filter(pk__in=speakers))


# --- signal receivers (connected in ArticlesConfig.ready) -------------------------------


def article_saving(sender, instance, raw=False, **kwargs):
    instance._unpublish_before_save = (
        Article.objects.filter(pk=instance.pk).values_list("unpublish_at", flat=True).first()
        if instance.pk
        else None
    )


def article_saved(sender, instance, raw=False, using=None, **kwargs):
    from articles.tasks import at_unpublish_time

    media_changed(releases=[instance.pk], using=using)
    moved = instance.unpublish_at != getattr(instance, "_unpublish_before_save", None)
    if moved and instance.unpublish_at and instance.unpublish_at > timezone.now():
        at_unpublish_time(instance)


def article_deleting(sender, instance, using=None, **kwargs):
    """Its photos go with it (their own signals); its speakers may go out of sight."""
    speakers = list(Quote.objects.filter(article=instance).values_list("speaker_id", flat=True))
    media_changed(speakers=speakers, using=using)


def _names_before(instance, names_of) -> set[str]:
    if instance.pk is None:
        return set()
    before = type(instance).objects.filter(pk=instance.pk).first()
    return names_of(before) if before is not None else set()


def image_saving(sender, instance, raw=False, **kwargs):
    instance._names_before_save = _names_before(instance, image_names)


def image_saved(sender, instance, raw=False, using=None, **kwargs):
    """A replaced file's old names go at once; the rest follows the release."""
    replaced = getattr(instance, "_names_before_save", set()) - image_names(instance)
    media_changed(names=replaced, releases=[instance.article_id], using=using)


def image_deleted(sender, instance, using=None, **kwargs):
    media_changed(names=image_names(instance), using=using)


def speaker_saving(sender, instance, raw=False, **kwargs):
    instance._names_before_save = _names_before(instance, speaker_names)


def speaker_saved(sender, instance, raw=False, using=None, **kwargs):
    replaced = getattr(instance, "_names_before_save", set()) - speaker_names(instance)
    media_changed(names=replaced, speakers=[instance.pk], using=using)


def speaker_deleted(sender, instance, using=None, **kwargs):
    media_changed(names=speaker_names(instance), using=using)


def quote_saving(sender, instance, raw=False, **kwargs):
    if instance.pk is not None:
        instance._speaker_before_save = (
            Quote.objects.filter(pk=instance.pk).values_list("speaker_id", flat=True).first()
        )


def quote_changed(sender, instance, raw=False, using=None, **kwargs):
    """A quote moved or removed: its speaker may no longer be on any public release."""
    speakers = {instance.speaker_id, getattr(instance, "_speaker_before_save", None)}
    media_changed(speakers=[pk for pk in speakers if pk], using=using)
