"""The access log of share links: first and last open, and how often (no addresses)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from distribution.models import ShareLinkAccess


def record_share_open(link, now=None) -> None:
    """Count one opening of ``link``'s page (called by ``articles.sharing``)."""
    now = now or timezone.now()
    rows = ShareLinkAccess.objects.filter(link=link)
    if rows.update(last_opened_at=now, opens=F("opens") + 1):
        return
    try:
        with transaction.atomic():
            ShareLinkAccess.objects.create(
                link=link, first_opened_at=now, last_opened_at=now, opens=1
            )
    except IntegrityError:
        # Opened twice at the same moment: the other request made the row.
        rows.update(last_opened_at=now, opens=F("opens") + 1)
