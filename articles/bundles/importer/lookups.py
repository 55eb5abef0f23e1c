"""
Rows by their natural key (the slug), read and written in batches.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model

from articles.bundles.importer.plans import BATCH_SIZE


def _chunks(items: list, size: int = BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_slug(model: type[Model], slugs: Iterable[str]) -> dict[str, Model]:
    found = {}
    for chunk in _chunks(sorted(set(slugs))):
        found.update((obj.slug, obj) for obj in model.objects.filter(slug__in=chunk))
    return found


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
