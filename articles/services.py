"""
Writes with side effects. Views, admin actions and commands call these; each
one is a transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag, TaggedItem

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
def gallery_image_create(
    *, article: Article, file, alt_text: str, keep_metadata: bool = False, **fields
) -> GalleryImage:
    """Check, clean and store an uploaded photo, then make its renditions."""
    images.check_image(file)
    name = getattr(file, "name", None) or "image.jpg"
    if not keep_metadata:
        file = images.strip_metadata(file)
    position = fields.pop("position", None)
    if position is None:
        position = article.images.count()
    image = GalleryImage(
        article=article,
        alt_text=alt_text,
        position=position,
        keep_metadata=keep_metadata,
        **fields,
    )
    image.image.save(os.path.basename(name), file, save=False)
    image.full_clean()
    image.save()
    return gallery_image_renditions_make(image=image)


@transaction.atomic
def themes_merge(*, themes: Iterable[Tag], into: str) -> Tag:
    """
    Move every release of ``themes`` to the theme named ``into`` (one of them,
    an existing theme, or a new one) and delete the others. Releases are never
    deleted; a release that had several of the themes ends up with one.
    """
    themes = list(themes)
    name = into.strip()
    target = next((t for t in themes if t.name == name), None)
    if target is None:
        target = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
    if target.name != name:
        target.name = name
        target.save()
    others = [t.pk for t in themes if t.pk != target.pk]
    already = set(TaggedItem.objects.filter(tag=target).values_list("content_type_id", "object_id"))
    for item in TaggedItem.objects.filter(tag_id__in=others):
        if (item.content_type_id, item.object_id) in already:
            item.delete()
        else:
            already.add((item.content_type_id, item.object_id))
            item.tag = target
            item.save(update_fields=["tag"])
    Tag.objects.filter(pk__in=others).delete()
    return target


@transaction.atomic
def themes_merge_case_duplicates(*, themes: Iterable[Tag]) -> int:
    """Merge each group of themes whose names differ only in case; returns the groups merged."""
    groups: dict[str, list[Tag]] = {}
    for theme in themes:
        groups.setdefault(theme.name.casefold(), []).append(theme)
    merged = 0
    for group in groups.values():
        # Duplicates outside the selection belong to the group too.
        group = list(Tag.objects.filter(name__iexact=group[0].name))
        if len(group) < 2:
            continue
        counts = {t.pk: TaggedItem.objects.filter(tag=t).count() for t in group}
        keep = max(group, key=lambda t: (counts[t.pk], -t.pk))
        themes_merge(themes=group, into=keep.name)
        merged += 1
    return merged


@transaction.atomic
def themes_delete(*, themes: Iterable[Tag]) -> None:
    """Delete themes; their releases stay, without the theme."""
    pks = [t.pk for t in themes]
    TaggedItem.objects.filter(tag_id__in=pks).delete()
    Tag.objects.filter(pk__in=pks).delete()
