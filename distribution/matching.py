"""
Who gets a release, and in which version: the one place that decides.

Today a release has one language, and a subscriber gets it when it is one
of theirs. When releases come in translation groups, ``version_for`` is
where "the public translation in the subscriber's language, else the
source" goes: it receives the subscriber's languages in their order and
returns the release to send them (or None), and each delivery records the
version it carries (``Delivery.article``).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q

from articles.models import Article
from distribution.models import Subscriber


def version_for(release: Article, languages: list[str]) -> Article | None:
    """The version of ``release`` a reader of ``languages`` gets, or None."""
    return release if release.language in languages else None


def subscribers_for_themes(release: Article):
    """Subscribers to every theme or to one of the release's themes."""
    theme_ids = list(release.themes.values_list("pk", flat=True))
    return Subscriber.objects.filter(Q(all_themes=True) | Q(themes__in=theme_ids)).distinct()


def recipients(release: Article) -> Iterator[tuple[int, Article]]:
    """(subscriber id, version to send) for every subscriber the release concerns."""
    rows = subscribers_for_themes(release).values_list("pk", "languages").order_by("pk")
    for subscriber_id, languages in rows.iterator(chunk_size=2000):
        version = version_for(release, languages or [])
        if version is not None:
            yield subscriber_id, version
