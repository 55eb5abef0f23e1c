"""
Writes with side effects. Views, admin actions and commands call these; each
one is a transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import images
from articles.models import Article, GalleryImage

PUBLISH_PERMISSION = "articles.publish_article"


def user_can_publish(user: AbstractBaseUser | None) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def _require_publisher(user: AbstractBaseUser | None) -> None:
    if not user_can_publish(user):
        raise PermissionDenied(_("Only Publishers may publish or unpublish releases."))


@transaction.atomic
def article_publish(
    *, article: Article, by: AbstractBaseUser | None, at: datetime | None = None
) -> Article:
    """Publish now, or at ``at`` (a future time puts the release under embargo)."""
    _require_publisher(by)
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.publish_at = at
    elif article.publish_at is None:
        article.publish_at = timezone.now()
    article.version += 1
    article.save(update_fields=["status", "publish_at", "version", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by: AbstractBaseUser | None) -> Article:
    """Take a release off the public site; it goes back to draft."""
    _require_publisher(by)
    article.status = Article.Status.DRAFT
    article.version += 1
    article.save(update_fields=["status", "version", "updated_at"])
    return article


def articles_publish(*, articles: Iterable[Article], by: AbstractBaseUser | None) -> int:
    _require_publisher(by)
    count = 0
    with transaction.atomic():
        for article in articles:
            if article.status != Article.Status.PUBLISHED:
                article_publish(article=article, by=by)
                count += 1
    return count


def articles_unpublish(*, articles: Iterable[Article], by: AbstractBaseUser | None) -> int:
    _require_publisher(by)
    count = 0
    with transaction.atomic():
        for article in articles:
            if article.status == Article.Status.PUBLISHED:
                article_unpublish(article=article, by=by)
                count += 1
    return count


def gallery_image_renditions_make(*, image: GalleryImage, force: bool = False) -> GalleryImage:
    """Make the public renditions of one image, once (again only with ``force``)."""
    if image.has_renditions and not force:
        return image
    old = image.renditions
    image.renditions = images.make_renditions(image.image.name, storage=image.image.storage)
    GalleryImage.objects.filter(pk=image.pk).update(renditions=image.renditions)
    stale = {
        ext: {w: n for w, n in names.items() if n not in image.renditions.get(ext, {}).values()}
        for ext, names in (old or {}).items()
    }
    images.delete_renditions(stale, storage=image.image.storage)
    return image


@transaction.atomic
def gallery_image_create(*, article: Article, file, alt_text: str, **fields) -> GalleryImage:
    images.check_image(file)
    position = fields.pop("position", None)
    if position is None:
        position = article.images.count()
    image = GalleryImage(article=article, alt_text=alt_text, position=position, **fields)
    image.image.save(getattr(file, "name", "image.jpg"), file, save=False)
    image.full_clean()
    image.save()
    return gallery_image_renditions_make(image=image)
