"""
Who gets a release, and in which version: the one place that decides.

A release may have translations (articles.translations). A subscriber gets
one alert per group: the public version in the first of their languages the
group has, whichever of the group's releases goes live first (their mailings
are prepared one after the other, and a subscriber already given a version
of the group is not given another). Each delivery records the version it
carries (``Delivery.article``).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q

from articles.models import Article
from articles.translations import group
from distribution.models import Delivery, Mailing, Subscriber


def version_for(
    release: Article, languages: list[str], versions: list[Article] | None = None
) -> Article | None:
    """
    The version a reader of ``languages`` (in their order) gets among the
    group's public ``versions`` (``release`` alone by default), or None.
    """
    by_language = {version.language: version for version in versions or [release]}
    return next((by_language[code] for code in languages if code in by_language), None)


def subscribers_for_themes(release: Article):
    """Subscribers to every theme or to one of the release's themes."""
    theme_ids = list(release.themes.values_list("pk", flat=True))
    return Subscriber.objects.filter(Q(all_themes=True) | Q(themes__in=theme_ids)).distinct()


def recipients(release: Article) -> Iterator[tuple[int, Article]]:
    """
    (subscriber id, version to send) for every subscriber the release's
    group concerns and who has had no alert for it yet. Called with the
    group's source row locked (``lock_group``), so that two of its releases
    going live together cannot both alert one subscriber.
    """
    versions = group.public_versions(release)
    others = [version.pk for version in group.members(release).exclude(pk=release.pk)]
    alerted = set()
    if others:
        alerted = set(
            Delivery.objects.filter(
                mailing__article__in=others, mailing__kind=Mailing.Kind.ALERT
            ).values_list("subscriber_id", flat=True)
        )
    rows = subscribers_for_themes(release).values_list("pk", "languages").order_by("pk")
    for subscriber_id, languages in rows.iterator(chunk_size=2000):
        if subscriber_id in alerted:
            continue
        version = version_for(release, languages or [], versions)
        if version is not None:
            yield subscriber_id, version


def lock_group(release: Article) -> None:
    """Hold the group's source row until the transaction ends: one preparation at a time."""
    list(Article.objects.select_for_update().filter(pk=group.source_id(release)).values("pk"))
