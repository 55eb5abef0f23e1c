"""
The background side of distribution, through Django's task interface
(django-tasks; the database queue by default, run by ``manage.py db_worker``).

``send_alert`` runs at a release's publication time (distribution.scheduling).
Each sending task first leaves a follow-up in the queue for when its claims
would run out: if its worker dies, the follow-up takes the rest over, so a
mailing always finishes without anyone being sent a copy twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from distribution import sending
from distribution.models import Mailing

logger = logging.getLogger(__name__)


@task()
def send_alert(article_id: int) -> int:
    """
    At the publication time: if the release is public now, its alert goes
    to every subscriber it concerns (once in the release's life).
    """
    mailing = Mailing.objects.filter(article_id=article_id, kind=Mailing.Kind.ALERT).first()
    return _start(mailing)


@task()
def send_mailing(mailing_id: int) -> int:
    """Send a mailing that needs no waiting (a corrected notice)."""
    return _start(Mailing.objects.filter(pk=mailing_id).first())


def _start(mailing: Mailing | None) -> int:
    if mailing is None or mailing.finished_at is not None:
        return 0
    follow_up(mailing.pk, timezone.now() + _lease())
    if not sending.prepare(mailing):
        return 0
    for _ in range(settings.DISTRIBUTION_SENDERS - 1):
        deliver.enqueue(mailing.pk)
    return _deliver(mailing.pk)


@task()
def deliver(mailing_id: int) -> int:
    """Send what is due of a mailing; several of these share one mailing."""
    if not Mailing.objects.filter(pk=mailing_id, finished_at__isnull=True).exists():
        return 0
    follow_up(mailing_id, timezone.now() + _lease())
    return _deliver(mailing_id)


def _deliver(mailing_id: int) -> int:
    sent = sending.send(mailing_id)
    if not sending.finish_if_done(mailing_id):
        # Retries waiting for their time, or rows other workers hold.
        due = sending.next_due(mailing_id)
        if due is not None:
            follow_up(mailing_id, max(due, timezone.now() + timedelta(seconds=1)))
    return sent


def follow_up(mailing_id: int, when) -> None:
    """
    Make sure a ``deliver`` runs for the mailing at ``when`` at the latest:
    one is enqueued unless an earlier one is already waiting.
    """
    if not deliver.get_backend().supports_defer:
        return  # Tasks run at once (ImmediateBackend): nothing can be left for later.
    now = timezone.now()
    waiting = Q(next_check_at__gt=now) & Q(next_check_at__lte=when)
    claimed = (
        Mailing.objects.filter(pk=mailing_id, finished_at__isnull=True)
        .exclude(waiting)
        .update(next_check_at=when)
    )
    if claimed:
        deliver.using(run_after=when).enqueue(mailing_id)


def _lease() -> timedelta:
    return timedelta(seconds=settings.DISTRIBUTION_CLAIM_SECONDS + 1)


@task()
def send_confirmation(email: str, confirm_url: str, summary: dict, language: str = "") -> None:
    """
    The double opt-in link, in the language the form was filled in; sent by
    the worker so the form answers at once, alike for every address.
    """
    from distribution.messages import confirmation_message

    with translation.override(language or None):
        confirmation_message(email, confirm_url, summary).send()


@task()
def send_briefing(briefing_id: int) -> str:
    from distribution.briefings import briefing_deliver

    return briefing_deliver(briefing_id)
