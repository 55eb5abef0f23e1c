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
- ``media_url()`` joins ``MEDIA_URL`` and the quoted file name itself when the
  files are on the local file system (what ``urljoin`` would give for the
  names storages allow); other storages (S3) build their own URLs.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.encoding import filepath_to_uri


@lru_cache(maxsize=50_000)
def _reverse(urlconf, prefix, name, args, kwargs):
    return django_reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def reverse(viewname: str, args=None, kwargs=None) -> str:
    """django.urls.reverse(), remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    args = tuple(args) if args else ()
    kwargs = tuple(sorted(kwargs.items())) if kwargs else ()
    return _reverse(urlconf, get_script_prefix(), viewname, args, kwargs)


def media_url(name: str, storage=default_storage) -> str:
    base = getattr(storage, "base_url", None)  # also sets up a lazy storage
    if type(getattr(storage, "_wrapped", storage)) is FileSystemStorage and base.endswith("/"):
        path = filepath_to_uri(name).lstrip("/")
        if "/." not in f"/{path}":
            return base + path
    return storage.url(name)
