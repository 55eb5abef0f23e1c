"""
URLs for the public pages, built cheaply.

A release page links to about 35 pages and 90 image files. Django's
``reverse()`` walks the URL resolver on every call and the file system
storage's ``url()`` runs ``urljoin``: together they were a third of the
page's rendering time. Both answers depend only on their inputs and the
configuration, so:

- ``reverse()`` remembers its results per process, keyed by the URL name and
  arguments, the URLconf and the script prefix (a different mount point or
  URLconf gets its own entries);
- ``static()`` remembers the hashed names of static files, fixed by the
  manifest for the life of the process;
- ``media_url()`` joins (and remembers) ``MEDIA_URL`` and the quoted file
  name: every photo URL is the access check's (articles.media), whatever the
  storage, so a page never holds a URL that expires or bypasses the check.
  On a share page the URLs also carry the link's grant (``media_grant()``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static as django_static
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.encoding import filepath_to_uri
from django.utils.translation import get_language

_URL_SAFE = re.compile(r"[A-Za-z0-9_.-][A-Za-z0-9_./-]*")


@lru_cache(maxsize=50_000)
def _reverse(urlconf, prefix, language, name, args, kwargs):
    return django_reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


# The URLconf and script prefix of the page being rendered (see render_scope()).
_scope: ContextVar[tuple[str, str] | None] = ContextVar("newsroom_url_scope", default=None)


def _urlconf_and_prefix() -> tuple[str, str]:
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


@contextmanager
def render_scope():
    """
    Within one page's rendering, read the request's URLconf and script
    prefix once: each read is a lookup in a context-local that costs more
    than the remembered URL itself, and a page builds about 35 URLs.
    """
    token = _scope.set(_urlconf_and_prefix())
    try:
        yield
    finally:
        _scope.reset(token)


def reverse(viewname: str, args=None, kwargs=None) -> str:
    """django.urls.reverse(), remembered (per language: the public site's URLs carry it)."""
    urlconf, prefix = _scope.get() or _urlconf_and_prefix()
    args = tuple(args) if args else ()
    kwargs = tuple(sorted(kwargs.items())) if kwargs else ()
    return _reverse(urlconf, prefix, get_language(), viewname, args, kwargs)


@lru_cache(maxsize=1_000)
def _static(path, static_url):
    return django_static(path)


def static(path: str) -> str:
    """static(), remembered: the manifest does not change while the process runs."""
    return _static(path, settings.STATIC_URL)


# The share-link grant the photo URLs of the page being rendered carry, if any.
_grant: ContextVar[str] = ContextVar("newsroom_media_grant", default="")


@contextmanager
def media_grant(grant: str):
    """Within this block, photo URLs carry ``?grant=…`` (a share page's)."""
    token = _grant.set(grant)
    try:
        yield
    finally:
        _grant.reset(token)


def current_media_grant() -> str:
    return _grant.get()


def media_urls(names) -> list[str]:
    """The URLs of stored files, under ``MEDIA_URL``."""
    base = settings.MEDIA_URL
    urls = [_local_url(base, name) or urljoin(base, filepath_to_uri(name)) for name in names]
    if grant := _grant.get():
        return [f"{url}?grant={grant}" for url in urls]
    return urls


@lru_cache(maxsize=100_000)
def _local_url(base: str, name: str) -> str | None:
    """base + the quoted name, as urljoin would give it; None where urljoin must decide."""
    # Names the site makes itself (renditions) need no quoting.
    path = name if _URL_SAFE.fullmatch(name) else filepath_to_uri(name).lstrip("/")
    if base.endswith("/") and "/." not in f"/{path}":
        return base + path
    return None


def media_url(name: str) -> str:
    return media_urls([name])[0]
