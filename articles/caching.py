"""
The public page cache: never stale, and never needed.

- **Generation.** Every cached page is stored under the site's *generation*,
  a token in the database (``SiteGeneration``, one row) that changes after
  every commit touching what readers see. A request reads the generation
  first, before any other query, and stores what it renders under that one:
  a page rendered from data read before a commit can never be stored under
  the generation the commit makes. The database is where every process of
  every server sees it, so the pages themselves may sit in per-process local
  memory (the default), a file cache or a shared Redis.
- **Release parts.** The heavy parts of a release page (body, quotes, photos,
  metadata) are cached under the release's own ``fingerprint``, which changes
  in the same transaction as whatever they show, so an edit to one release
  leaves the others' parts in the cache.
- **Schedule.** A page is never kept past the next scheduled publish_at or
  unpublish_at, so an embargo lifts (and a release expires) on time with no
  cron job; ``Cache-Control`` never promises beyond it either.
- **Disposable.** When the cache fails or is slow, pages are rendered without
  it for a few seconds and an error is logged; nothing is shown to readers.
- **Keys** carry what a response varies on (language, scheme and host, the
  normalised ``page`` and ``q``) and nothing else: tracking parameters and
  unknown ones share one entry.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Max, Min, Q
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

logger = logging.getLogger("newsroom.cache")

# Not cached: the editors' side, staff previews, share links, and what must
# answer whatever the cache and the database do (health checks, the icon).
UNCACHED_PREFIXES = (
    "/admin/",
    "/preview/",
    "/share/",
    "/healthz/",
    "/readyz/",
    "/favicon.ico",
    "/media/",  # photos: the access check (articles.media), then the public storage
)
# The only query parameters public pages read; any other is left out of the key.
KEY_PARAMETERS = ("page", "q", "theme", "country", "event", "speaker", "from", "to")


# --- The generation ---------------------------------------------------------------


@dataclass(frozen=True)
class Generation:
    token: str
    changed_at: datetime  # when public content last changed, by an edit or by the clock
    next_change: datetime | None  # the next scheduled publish or unpublish time


@functools.cache
def _generation_query():
    from articles.models import SiteGeneration

    return SiteGeneration.objects.filter(pk=1).values_list("token", "changed_at", "next_change")


def _generation_row():
    # The queryset is built once; each read is a fresh copy of it.
    return _generation_query().all()


def current_generation(now: datetime | None = None) -> Generation:
    """
    The generation as the database has it now: one primary-key read. When a
    scheduled change has come since (an embargo lifted, a release expired),
    the clock has changed the site: the first reader to notice moves the
    generation on, so pages cached before that moment are not served after.
    """
    now = now or timezone.now()
    rows = list(_generation_row())
    if not rows:
        return _advance(None, now)
    [(token, changed_at, next_change)] = rows
    if next_change is not None and next_change <= now:
        return _advance(token, now, since=changed_at)
    return Generation(token.hex, changed_at, next_change)


def _advance(seen, now: datetime, since: datetime | None = None) -> Generation:
    """
    A new generation, with the schedule worked out from the releases as they
    are. Whoever moves it on also takes down the public photos of releases
    that expired since ``since`` (the last change).
    """
    from articles.models import SiteGeneration

    plan = schedule(now)
    fields = {
        "token": uuid.uuid4(),
        # The moment the clock changed the site; later than any edit before it,
        # since the schedule was worked out at the last edit.
        "changed_at": now if seen is None else (plan.last_change or now),
        "next_change": plan.next_change,
    }
    if seen is None:
        try:
            with transaction.atomic():
                SiteGeneration.objects.create(pk=1, **fields)
        except IntegrityError:
            pass  # made by another process in the meantime
    else:
        # Only if nobody moved it on in the meantime; then theirs is as good.
        if SiteGeneration.objects.filter(pk=1, token=seen).update(**fields) and since:
            from articles.media.public import demote_expired, expiry_window

            demote_expired(expiry_window(since), now)
    token, changed_at, next_change = _generation_row().get()
    return Generation(token.hex, changed_at, next_change)


def bump_generation(using=None) -> None:
    """A new generation after an edit: every cached page is forgotten, on every server."""
    from articles.models import SiteGeneration

    now = timezone.now()
    rows = SiteGeneration.objects.using(using)
    before = rows.filter(pk=1).values_list("changed_at", "next_change").first()
    fields = {
        "token": uuid.uuid4(),
        "changed_at": now,
        "next_change": schedule(now, using=using).next_change,
    }
    if before and before[1] is not None and before[1] <= now:
        # A scheduled unpublish time passed before this edit, unnoticed: the
        # edit moves the generation on, so it takes those photos down too.
        from articles.media.public import demote_expired, expiry_window

        demote_expired(expiry_window(before[0]), now)
    if not rows.filter(pk=1).update(**fields):
        try:
            with transaction.atomic(using=using):
                rows.create(pk=1, **fields)
        except IntegrityError:
            rows.filter(pk=1).update(**fields)


def after_migrate(sender, using=None, **kwargs):
    """
    A deploy runs ``migrate``, and may change how every page looks (templates,
    static files' names): the pages cached by the previous version are
    forgotten, in a shared cache too.
    """
    try:
        bump_generation(using)
    except DatabaseError:
        # Migrated back past the table's creation: nothing to move on.
        logger.warning("The site generation could not be moved on after migrate")


# One generation bump per transaction, however many rows it changed: every
# change registers a callback, and the first to run after the commit bumps for
# all that were registered before it. Callbacks run in the thread that
# registered them, so a per-thread count is enough.
_registered = itertools.count(1)
_bumps = threading.local()


def _bump_after_commit(number: int) -> None:
    if getattr(_bumps, "done_through", 0) >= number:
        return
    _bumps.done_through = next(_registered)
    bump_generation()


def content_changed(*, releases=None, speakers=(), events=(), themes=(), using=None) -> None:
    """
    Something readers may see changed. Inside the writer's transaction, the
    fingerprints of the releases it shows on are changed (``releases``: ids or
    a queryset of them; None for every release); after the commit, the site's
    generation. Bulk writers (imports) call this themselves; everything else
    reaches it through the signals connected in ``ArticlesConfig.ready()``.
    """
    from articles.models import Article

    affected = Q()
    if releases is None:
        affected = Q(pk__isnull=False)
    elif isinstance(releases, list | tuple | set | frozenset):
        if releases:
            affected |= Q(pk__in=list(releases))
    else:
        affected |= Q(pk__in=releases)
    if speakers:
        affected |= Q(pk__in=Article.objects.filter(quotes__speaker__in=speakers).values("pk"))
    if events:
        affected |= Q(event__in=events)
    if themes:
        affected |= Q(pk__in=Article.objects.filter(theme_links__tag__in=themes).values("pk"))
    if affected:
        Article.objects.using(using).filter(affected).update(fingerprint=uuid.uuid4())
    number = next(_registered)
    transaction.on_commit(lambda: _bump_after_commit(number), using=using)


# --- Signal receivers (connected in ArticlesConfig.ready) ----------------------------


def article_saved(sender, instance, using=None, **kwargs):
    # Article.save() gives the row a new fingerprint itself. A row loaded from
    # a fixture (raw) keeps the one it was dumped with, and its parts with it:
    # the fingerprint names that content wherever it is loaded.
    content_changed(releases=(), using=using)


def article_deleted(sender, instance, using=None, **kwargs):
    content_changed(releases=(), using=using)


def release_part_changed(sender, instance, raw=False, using=None, **kwargs):
    """A quote, photo or theme link of one release."""
    article_id = getattr(instance, "article_id", None) or getattr(
        instance, "content_object_id", None
    )
    content_changed(releases=[article_id] if article_id and not raw else (), using=using)


def speaker_changed(sender, instance, raw=False, using=None, **kwargs):
    content_changed(releases=(), speakers=() if raw else [instance.pk], using=using)


def event_changed(sender, instance, raw=False, using=None, **kwargs):
    content_changed(releases=(), events=() if raw else [instance.pk], using=using)


def theme_changed(sender, instance, raw=False, using=None, **kwargs):
    content_changed(releases=(), themes=() if raw else [instance.pk], using=using)


def theme_names_changed(sender, instance, raw=False, using=None, **kwargs):
    """A theme's names in other languages: they show wherever the theme does."""
    content_changed(releases=(), themes=() if raw else [instance.theme_id], using=using)


def themes_changed(sender, instance, action, pk_set=None, using=None, **kwargs):
    """taggit's add/remove/clear on a release's themes."""
    from articles.models import Article

    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        content_changed(releases=[instance.pk], using=using)
    else:  # a theme, with the releases in pk_set
        content_changed(releases=list(pk_set or ()), using=using)


# --- The cache, made disposable --------------------------------------------------------

_down_until = 0.0


def _cache_call(name: str, *args, **kwargs):
    """
    One call to the cache backend. When it fails (down, timed out), the
    error is logged and the cache is left alone for a few seconds, so that
    readers are not kept waiting on a dead cache at every request.
    """
    global _down_until
    if time.monotonic() < _down_until:
        return None
    try:
        return getattr(cache, name)(*args, **kwargs)
    except Exception:
        _down_until = time.monotonic() + settings.NEWSROOM_CACHE_RETRY_SECONDS
        logger.exception(
            "The cache failed (%s); pages are rendered without it for %s s",
            name,
            settings.NEWSROOM_CACHE_RETRY_SECONDS,
        )
        return None


def cache_get(key: str):
    return _cache_call("get", key)


def cache_set(key: str, value, timeout: int) -> None:
    _cache_call("set", key, value, timeout)


def cache_enabled() -> bool:
    return settings.NEWSROOM_PAGE_CACHE_SECONDS > 0


# --- The schedule ------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    last_change: datetime | None  # the latest publish or unpublish time passed
    next_change: datetime | None  # the next one to come


def schedule(now: datetime | None = None, using=None) -> Schedule:
    """When the public site last changed by itself, and when it will next."""
    from articles.models import Article

    now = now or timezone.now()
    published = Article.objects.using(using).filter(status=Article.Status.PUBLISHED)
    found = published.aggregate(
        last_publish=Max("publish_at", filter=Q(publish_at__lte=now)),
        last_unpublish=Max("unpublish_at", filter=Q(unpublish_at__lte=now)),
        next_publish=Min("publish_at", filter=Q(publish_at__gt=now)),
        next_unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
    )
    past = [found["last_publish"], found["last_unpublish"]]
    future = [found["next_publish"], found["next_unpublish"]]
    return Schedule(
        last_change=max((m for m in past if m), default=None),
        next_change=min((m for m in future if m), default=None),
    )


# --- Pages ---------------------------------------------------------------------------------


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(UNCACHED_PREFIXES):
        return False
    # Signed-in staff get fresh pages (and are not served pages cached for them).
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


def page_key(request, generation: Generation) -> str:
    """
    What the response varies on: path, the query parameters pages read
    (normalised), the language Django chose, scheme and host (absolute URLs
    in the page's metadata), and the generation.
    """
    parts = [
        generation.token,
        # As LocaleMiddleware, further down, will choose it: from the URL's
        # prefix (/fr/…), else the default language (articles.urls).
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE,
        request.scheme,
        request.get_host(),
        request.path,
    ]
    for name in KEY_PARAMETERS:
        value = _normalised(name, request.GET.get(name))
        if value:
            parts.append(f"{name}={value}")
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"newsroom:page:{digest}"


def _normalised(name: str, value: str | None) -> str:
    if value is None:
        return ""
    if name == "page":
        value = value.strip()
        if value.isdecimal() and value.isascii():
            value = value.lstrip("0") or "0"
            return "" if value == "1" else value
        return value
    from articles.search import clean_query

    return clean_query(value)


@dataclass
class Entry:
    """A stored page: its deadline (this server's clock decides) and the response."""

    deadline: float
    response: object


def _seconds_until(moment: datetime | None, now: datetime, longest: int) -> int:
    if moment is None:
        return longest
    return max(0, min(longest, int((moment - now).total_seconds())))


def set_public_headers(response, *, generation: Generation, now: datetime) -> None:
    """
    Last-Modified is when public content last changed, by an edit or by the
    clock, so it only ever moves forward: a release leaving a list or feed
    makes it newer, never older. Browsers and CDNs may keep the page
    NEWSROOM_BROWSER_CACHE_SECONDS at most, and never past the next
    scheduled change.
    """
    response["Last-Modified"] = http_date(generation.changed_at.timestamp())
    max_age = _seconds_until(generation.next_change, now, settings.NEWSROOM_BROWSER_CACHE_SECONDS)
    patch_cache_control(response, public=True, max_age=max_age)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        try:
            # Before anything else is read: see the module's docstring.
            generation = current_generation()
        except DatabaseError:
            logger.exception("The site generation could not be read; the page is not cached")
            return self.get_response(request)
        # What the page may keep for this generation besides itself (search).
        request.site_generation = generation
        now = timezone.now()
        key = page_key(request, generation) if cache_enabled() else None
        entry = cache_get(key) if key else None
        if isinstance(entry, Entry) and entry.deadline > now.timestamp():
            response = entry.response
            # Less time is left before the next scheduled change than when it was stored.
            set_public_headers(response, generation=generation, now=now)
            response["X-Cache"] = "hit"
            return response
        response = _one_chunk(self.get_response(request))
        if not is_cacheable_response(response):
            return response
        set_public_headers(response, generation=generation, now=now)
        if key:
            timeout = _seconds_until(
                generation.next_change, now, settings.NEWSROOM_PAGE_CACHE_SECONDS
            )
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Hashed once, as stored: ConditionalGetMiddleware would hash every hit.
            if not response.has_header("ETag"):
                set_response_etag(response)
            if timeout > 0 and len(response.content) <= settings.NEWSROOM_PAGE_CACHE_MAX_BYTES:
                cache_set(key, Entry(now.timestamp() + timeout, response), timeout)
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


# --- Parts of pages -----------------------------------------------------------------------


def fragment_key(name: str, *parts) -> str:
    """A part of a page, under what it shows (e.g. a release's fingerprint) and the locale."""
    text = "\n".join(
        [
            name,
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            *map(str, parts),
        ]
    )
    return f"newsroom:part:{hashlib.sha256(text.encode()).hexdigest()}"


def fragment(name: str, parts, render) -> str:
    """The part rendered by ``render()``, from the cache when it is there."""
    from articles.links import current_media_grant

    # A share page's parts carry its grant in their photo URLs: never shared.
    if not cache_enabled() or current_media_grant():
        return render()
    key = fragment_key(name, *parts)
    found = cache_get(key)
    if isinstance(found, str):
        return found
    html = render()
    cache_set(key, str(html), settings.NEWSROOM_FRAGMENT_CACHE_SECONDS)
    return html
