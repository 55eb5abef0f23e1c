"""
Embargoed briefings: a Publisher sends a release before its embargo lifts to
named journalists, each with a share link of their own, and sees who opened
it. Revoking a link or moving the embargo sends nothing by itself; sending
again is asked for (``briefing_resend``).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import services as article_services
from articles.models import Article, Lifecycle
from distribution import messages, sending
from distribution.models import Briefing, Journalist

logger = logging.getLogger(__name__)

# A briefing link outlives the embargo by this much (it then opens the public page).
LINK_DAYS_AFTER_EMBARGO = 7


def _require_publisher(user) -> None:
    if not article_services.user_can_publish(user):
        raise PermissionDenied(_("Only Publishers can brief journalists on a release."))


def check_briefable(article: Article) -> None:
    if article.lifecycle() != Lifecycle.EMBARGOED or article.publish_at is None:
        raise ValidationError(
            _(
                "A briefing goes out before the embargo lifts: publish the release with a "
                "future publication time first."
            )
        )


@transaction.atomic
def briefing_create(
    *, article: Article, journalist: Journalist, by: AbstractBaseUser | None
) -> Briefing:
    """A personal share link for the journalist, e-mailed to them after the commit."""
    _require_publisher(by)
    check_briefable(article)
    link = article_services.share_link_create(
        article=article,
        note=_("Briefing: %(journalist)s") % {"journalist": journalist},
        expires_at=article.publish_at + timedelta(days=LINK_DAYS_AFTER_EMBARGO),
        by=by,
    )
    briefing = Briefing.objects.create(
        article=article, journalist=journalist, share_link=link, created_by=by
    )
    _send_after_commit(briefing)
    return briefing


@transaction.atomic
def briefing_resend(*, briefing: Briefing, by: AbstractBaseUser | None) -> Briefing:
    """E-mail the journalist their link again (after the embargo moved, say)."""
    _require_publisher(by)
    check_briefable(briefing.article)
    if not briefing.share_link.is_active():
        raise ValidationError(_("This journalist's link was revoked: brief them anew."))
    Briefing.objects.filter(pk=briefing.pk).update(
        state=Briefing.State.PENDING, attempts=0, error=""
    )
    _send_after_commit(briefing)
    return briefing


@transaction.atomic
def briefing_revoke(*, briefing: Briefing, by: AbstractBaseUser | None) -> Briefing:
    """The journalist's link stops working; nobody is e-mailed."""
    _require_publisher(by)
    article_services.share_link_update(link=briefing.share_link, by=by, revoke=True)
    return briefing


def _send_after_commit(briefing: Briefing) -> None:
    from distribution.tasks import send_briefing

    transaction.on_commit(partial(send_briefing.enqueue, briefing.pk), robust=True)


def briefing_deliver(briefing_id: int) -> str:
    """The worker's side: send a pending briefing once, if its link and release still allow."""
    claimed = Briefing.objects.filter(pk=briefing_id, state=Briefing.State.PENDING).update(
        state=Briefing.State.SENDING
    )
    if not claimed:
        return "not pending"
    briefing = Briefing.objects.select_related("article", "journalist", "share_link").get(
        pk=briefing_id
    )
    state = briefing.article.lifecycle()
    if not briefing.share_link.is_active() or state not in (Lifecycle.EMBARGOED, Lifecycle.LIVE):
        Briefing.objects.filter(pk=briefing_id).update(
            state=Briefing.State.FAILED,
            error=_("Not sent: the link was revoked or the release withdrawn before it went out."),
        )
        return "withdrawn"
    try:
        connection = get_connection(fail_silently=False)
        connection.send_messages([messages.briefing_message(briefing)])
    except Exception as exc:
        attempts = briefing.attempts + 1
        error = sending.describe(exc)
        logger.warning("Briefing %s refused: %s", briefing_id, error)
        if sending.is_temporary(exc) and attempts < settings.DISTRIBUTION_MAX_ATTEMPTS:
            from distribution.tasks import send_briefing

            Briefing.objects.filter(pk=briefing_id).update(
                state=Briefing.State.PENDING, attempts=attempts, error=error
            )
            wait = settings.DISTRIBUTION_RETRY_SECONDS * 2 ** (attempts - 1)
            if send_briefing.get_backend().supports_defer:
                later = timezone.now() + timedelta(seconds=wait)
                send_briefing.using(run_after=later).enqueue(briefing_id)
            return "retry"
        Briefing.objects.filter(pk=briefing_id).update(
            state=Briefing.State.FAILED, attempts=attempts, error=error
        )
        return "failed"
    Briefing.objects.filter(pk=briefing_id).update(
        state=Briefing.State.SENT, attempts=briefing.attempts + 1, sent_at=timezone.now(), error=""
    )
    return "sent"
