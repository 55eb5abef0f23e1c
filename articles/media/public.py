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
import logging
import os
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import transaction
from django.utils import timezone

from articles.media.access import Owner, image_names, speaker_names
from articles.models import Article, GalleryImage, Quote, Speaker

logger = logging.getLogger("newsroom.media")


def public_storage():
    return storages["public_media"]


def _unwrapped(storage):
    return getattr(storage, "_wrapped", storage)


def _on_one_file_system(private, public) -> bool:
    return isinstance(_unwrapped(private), FileSystemStorage) and isinstance(
        _unwrapped(public), FileSystemStorage
    )


# --- promotion ------------------------------------------------------------------------


def promote(names: Iterable[str]) -> None:
    """Put the files into the public storage, under the same names."""
    private, public = default_storage, public_storage()
    for name in names:
        try:
            if _on_one_file_system(private, public):
                _link(private.path(name), public.path(name))
            elif not public.exists(name):
                with private.open(name, "rb") as fh:
                    public.save(name, fh)
        except FileNotFoundError:
            continue  # a rendition not made yet: promoted when it is asked for


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
            public.delete(name)
        except Exception:
            # The file is still out there: say so loudly, it must be taken down by hand.
            logger.exception("The public copy of %s could not be removed", name)


def demote_release(article_id: int, now: datetime | None = None) -> None:
    """Demote the photos of a release that is not public (now), and its speakers' portraits."""
    if Article.objects.public(now).filter(pk=article_id).exists():
        return
    names: set[str] = set()
    for image in GalleryImage.objects.filter(article_id=article_id).only("image", "renditions"):
        names |= image_names(image)
    speakers = Quote.objects.filter(article_id=article_id).values("speaker_id")
    names |= _hidden_speakers_names(Speaker.objects.filter(pk__in=speakers))
    demote(names)


def _hidden_speakers_names(speakers) -> set[str]:
    names: set[str] = set()
    shown = Speaker.objects.with_public_releases().values("pk")
    for speaker in (
        speakers.exclude(pk__in=shown).exclude(photo="").only("photo", "photo_renditions")
    ):
        names |= speaker_names(speaker)
    return names


def demote_expired(since: datetime, now: datetime) -> None:
    """
    Releases whose unpublish time passed between ``since`` and ``now`` with
    nobody editing them: called by whoever moves the generation on.
    """
    expired = Article.objects.filter(unpublish_at__gt=since, unpublish_at__lte=now)
    for article_id in expired.values_list("pk", flat=True):
        demote_release(article_id, now)


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


# --- signal receivers (connected in ArticlesConfig.ready) -------------------------------
# Each runs after the commit: until then the old state is what readers see.


def _after_commit(using, function, *args) -> None:
    transaction.on_commit(lambda: function(*args), using=using)


def article_saved(sender, instance, raw=False, using=None, **kwargs):
    from articles.tasks import at_unpublish_time

    _after_commit(using, demote_release, instance.pk)
    if instance.unpublish_at and instance.unpublish_at > timezone.now():
        at_unpublish_time(instance)


def article_deleting(sender, instance, using=None, **kwargs):
    """Its photos go with it (their own signals); its speakers may go out of sight."""
    speakers = list(Quote.objects.filter(article=instance).values_list("speaker_id", flat=True))
    _after_commit(using, _demote_speakers, speakers)


def _demote_speakers(speaker_ids) -> None:
    demote(_hidden_speakers_names(Speaker.objects.filter(pk__in=speaker_ids)))


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
    _after_commit(using, demote, replaced)
    _after_commit(using, demote_release, instance.article_id)


def image_deleted(sender, instance, using=None, **kwargs):
    _after_commit(using, demote, image_names(instance))


def speaker_saving(sender, instance, raw=False, **kwargs):
    instance._names_before_save = _names_before(instance, speaker_names)


def speaker_saved(sender, instance, raw=False, using=None, **kwargs):
    replaced = getattr(instance, "_names_before_save", set()) - speaker_names(instance)
    _after_commit(using, demote, replaced)
    _after_commit(using, _demote_speakers, [instance.pk])


def speaker_deleted(sender, instance, using=None, **kwargs):
    _after_commit(using, demote, speaker_names(instance))


def quote_changed(sender, instance, raw=False, using=None, **kwargs):
    """A quote moved or removed: its speaker may no longer be on any public release."""
    speakers = {instance.speaker_id, getattr(instance, "_speaker_before_save", None)}
    _after_commit(using, _demote_speakers, [pk for pk in speakers if pk])


def quote_saving(sender, instance, raw=False, **kwargs):
    if instance.pk is not None:
        instance._speaker_before_save = (
            Quote.objects.filter(pk=instance.pk).values_list("speaker_id", flat=True).first()
        )


def expiry_window(since: datetime) -> datetime:
    """A margin before the last change: demotion is idempotent, a missed expiry is not."""
    return since - timedelta(minutes=5)
