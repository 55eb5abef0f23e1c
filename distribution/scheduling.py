"""
When a release is saved, its alert waits for its publication time.

No cron: after the commit, a task is scheduled for the publish time (now,
or when the embargo lifts) through the task backend; when it runs it asks
``Article.objects.public()`` again, so a release withdrawn or re-embargoed
in the meantime sends nothing then (a later save has scheduled its own).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.models import Article

logger = logging.getLogger(__name__)


def wants_alert(article: Article, now=None) -> bool:
    """
    A published release whose publication is now or ahead: a release
    backdated or imported with an old time is archive, not news.
    """
    now = now or timezone.now()
    if article.status != Article.Status.PUBLISHED or article.publish_at is None:
        return False
    grace = timedelta(seconds=settings.DISTRIBUTION_ALERT_GRACE_SECONDS)
    return article.publish_at >= now - grace


def release_saved(sender, instance, raw=False, using=None, **kwargs):
    """post_save of Article (connected in DistributionConfig.ready)."""
    if raw or not wants_alert(instance):
        return
    transaction.on_commit(partial(schedule_alert, instance.pk), using=using, robust=True)


def releases_written(sender, release_ids=(), **kwargs):
    """``articles.signals.releases_written``: releases imported in bulk, after the commit."""
    for article in Article.objects.filter(pk__in=list(release_ids)):
        if wants_alert(article):
            schedule_alert(article.pk)


def schedule_alert(article_id: int) -> None:
    """
    Note the alert's time and enqueue ``send_alert`` for it. Once the alert
    is out, nothing more is scheduled: a release alerts once in its life.
    """
    from distribution import tasks
    from distribution.models import Mailing

    article = Article.objects.filter(pk=article_id).first()
    if article is None or not wants_alert(article):
        return
    mailing, created = Mailing.objects.get_or_create(
        article=article, kind=Mailing.Kind.ALERT, defaults={"scheduled_for": article.publish_at}
    )
    if mailing.prepared_at is not None:
        return
    if not created:
        # A task already waits for this time; a save that moved it needs a new one.
        moved = Mailing.objects.filter(pk=mailing.pk).exclude(scheduled_for=article.publish_at)
        if not moved.update(scheduled_for=article.publish_at):
            return
    backend = tasks.send_alert.get_backend()
    if article.publish_at > timezone.now():
        if not backend.supports_defer:
            logger.error(
                "The task backend cannot run tasks later: the alert for %r will not go out "
                "when its embargo lifts. Use the database queue (TASKS_BACKEND).",
                article.slug,
            )
            return
        tasks.send_alert.using(run_after=article.publish_at).enqueue(article.pk)
    else:
        tasks.send_alert.enqueue(article.pk)
