"""
Public page cache that is never stale.

Every cached page is stored under the current *content generation*, a token
that changes on any write to releases, quotes, images, speakers, events or
themes, so an edit shows on the next request on every app server sharing the
cache. A page is also never kept past the next scheduled publish_at or
unpublish_at, so an embargo lifts (and a release expires) on time with no cron
job. With several processes, the cache must be shared (Redis): a local-memory
cache only invalidates its own process.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

GENERATION_KEY = "newsroom:generation"
# Not cached: the editors' side, staff previews, share links and anything
# that depends on who is asking.
UNCACHED_PREFIXES = ("/admin/", "/preview/", "/share/")


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add() so that concurrent first requests agree on one token.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def content_changed(**kwargs) -> None:
    """Forget every cached public page (a new generation), on all servers."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def next_transition(now: datetime | None = None) -> datetime | None:
    """The next moment a release becomes public or stops being public."""
    from articles.models import Article

    now = now or timezone.now()
    key = f"newsroom:next-transition:{generation()}"
    cached = cache.get(key)
    if cached is not None:
        moment = datetime.fromtimestamp(cached, tz=UTC) if cached else None
        if moment is None or moment > now:
            return moment
    found = Article.objects.filter(status=Article.Status.PUBLISHED).aggregate(
        publish=Min("publish_at", filter=Q(publish_at__gt=now)),
        unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
    )
    moments = [m for m in found.values() if m is not None]
    moment = min(moments) if moments else None
    timeout = _seconds_until(moment, now) if moment else settings.NEWSROOM_PAGE_CACHE_SECONDS
    cache.set(key, moment.timestamp() if moment else 0, timeout=max(1, timeout))
    return moment


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(0, int((moment - now).total_seconds()))


def page_timeout(now: datetime | None = None) -> int:
    """How long a public page may be cached from now: 0 means not at all."""
    now = now or timezone.now()
    moment = next_transition(now)
    timeout = settings.NEWSROOM_PAGE_CACHE_SECONDS
    if moment is not None:
        timeout = min(timeout, _seconds_until(moment, now))
    return timeout


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    # Signed-in staff get fresh pages (and are not served pages cached for them).
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.NEWSROOM_PAGE_CACHE_SECONDS or not is_cacheable_request(request):
            return _one_chunk(self.get_response(request))
        url = request.build_absolute_uri().encode()
        key = f"newsroom:page:{generation()}:{hashlib.sha256(url).hexdigest()}"
        now = timezone.now()
        entry = cache.get(key)
        # The entry carries its own deadline, checked against this server's
        # clock: a cache server's expiry alone could serve a page a moment
        # past an embargo.
        if entry is not None and entry[0] > now.timestamp():
            response = entry[1]
            response["X-Cache"] = "hit"
            return response
        response = _one_chunk(self.get_response(request))
        if is_cacheable_response(response):
            timeout = page_timeout(now)
            if timeout > 0:
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                cache.set(key, (now.timestamp() + timeout, response), timeout)
            response["X-Cache"] = "miss"
        return response


def _one_chunk(response):
    """
    Join a response written in pieces (Django's feed writer leaves one per XML
    fragment) so that the server sends it in one write, and the cache stores
    one string.
    """
    if not response.streaming and len(getattr(response, "_container", ())) > 1:
        response.content = response.content
    return response
