"""
A corrected notice: when a Publisher ticks it for a public correction, those
who got the release's alert get a short message saying what was corrected,
in the version they got. Once per correction.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Correction
from articles.services import user_can_publish
from distribution.models import Delivery, Mailing


def alert_recipients(article) -> int:
    """How many subscribers got the release's alert (and would get a corrected notice)."""
    return Delivery.objects.filter(
        mailing__article=article, mailing__kind=Mailing.Kind.ALERT, state=Delivery.State.SENT
    ).count()


@transaction.atomic
def correction_notice_send(*, correction: Correction, by: AbstractBaseUser | None) -> Mailing:
    """Send the correction's note to the alert's recipients, after the commit."""
    if not user_can_publish(by):
        raise PermissionDenied(_("Only Publishers can send a corrected notice."))
    if not correction.is_public:
        raise ValidationError(_("Only a public correction can be sent to subscribers."))
    mailing, created = Mailing.objects.get_or_create(
        correction=correction,
        defaults={
            "article": correction.article,
            "kind": Mailing.Kind.CORRECTION,
            "note": correction.note,
        },
    )
    if created:
        from distribution.tasks import send_mailing

        transaction.on_commit(partial(send_mailing.enqueue, mailing.pk), robust=True)
    return mailing
