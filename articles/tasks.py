"""
Background work, through Django's task interface (the django-tasks backport).

Making a photo's renditions takes seconds for a large photo, so uploads only
store the photo and enqueue a task; a worker (``manage.py db_worker`` with the
default database backend) makes the renditions. Until then the photo is left
out of public pages (``GalleryImage.has_renditions``), and making them tells
the page cache (``services.gallery_image_renditions_make``).
"""

from functools import partial

from django.db import transaction
from django_tasks import task
from django_tasks.base import Task

from articles import services
from articles.models import GalleryImage, Speaker


def enqueue_on_commit(task: Task, *args) -> None:
    """
    Enqueue ``task`` once the current transaction commits: the worker then
    finds the row it is about, and a save that is rolled back enqueues nothing.
    """
    # Robust: the photo is saved whatever happens to the queue; a failure is
    # logged, and ``manage.py make_missing_renditions`` enqueues it again.
    transaction.on_commit(partial(task.enqueue, *args), robust=True)


@task()
def make_renditions(image_id: int) -> bool:
    """Make a gallery photo's renditions; False if it was deleted in the meantime."""
    image = GalleryImage.objects.filter(pk=image_id).first()
    if image is None:
        return False
    services.gallery_image_renditions_make(image=image)
    return True


@task()
def make_speaker_renditions(speaker_id: int) -> bool:
    """Make a speaker's portrait renditions; False if the speaker was deleted."""
    speaker = Speaker.objects.filter(pk=speaker_id).first()
    if speaker is None:
        return False
    services.speaker_photo_renditions_make(speaker=speaker)
    return True


@task()
def take_down_expired_photos(article_id: int) -> None:
    """
    At a release's unpublish time, its photos' public copies go
    (articles.media), even if no reader comes by to notice the expiry.
    """
    from articles.media.public import demote_release

    demote_release(article_id)


def at_unpublish_time(article) -> None:
    """
    After the commit, schedule ``take_down_expired_photos`` for the release's
    unpublish time, where the task backend can run tasks later.
    """
    when = article.unpublish_at
    if when and take_down_expired_photos.get_backend().supports_defer:
        deferred = take_down_expired_photos.using(run_after=when)
        transaction.on_commit(partial(deferred.enqueue, article.pk), robust=True)


@task()
def build_media_kit(article_id: int) -> bool:
    """
    Zip a release's gallery (articles.mediakit) after it changed, and tell the
    page cache, so that pages show the kit's link and size; False if the
    release is gone or has no photos.
    """
    from articles import caching
    from articles.mediakit import media_kit_for
    from articles.models import Article

    article = Article.objects.for_release_page().filter(pk=article_id).first()
    if article is None:
        return False
    kit = media_kit_for(article, article.image_list, build=True)
    if kit is not None:
        caching.content_changed(releases=[article_id])
    return kit is not None
