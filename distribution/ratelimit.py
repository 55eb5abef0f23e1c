"""
Rate limits without a third party: requests counted in the database (so
every process and server shares them) under a keyed hash of the address or
client, kept only for the limit's window.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from distribution.models import Attempt

WINDOW = timedelta(hours=1)


def digest(value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def client_of(request) -> str:
    """The client: its address as the server sees it (behind a proxy, the proxy's setting)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, value: str, limit: int, now=None) -> bool:
    """Count one request of ``value`` in ``scope``; False once ``limit`` were made in the window."""
    now = now or timezone.now()
    Attempt.objects.filter(at__lt=now - WINDOW).delete()
    key = digest(value)
    recent = Attempt.objects.filter(scope=scope, digest=key, at__gte=now - WINDOW).count()
    if recent >= limit:
        return False
    Attempt.objects.create(scope=scope, digest=key, at=now)
    return True
