"""
The view at ``MEDIA_URL``: every photo request the public storage could not
answer comes here, and is answered by the access check.

How the bytes leave depends on the deployment:

- ``MEDIA_ACCEL_REDIRECT`` set (nginx): an empty response naming the file in
  ``X-Accel-Redirect``; nginx sends it from an ``internal`` location;
- media on S3-compatible storage: a redirect to a signed URL that expires
  within minutes (private) or to the public copy (public);
- otherwise (the demo, development): the app sends the file itself.
"""

from __future__ import annotations

import logging
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.static import serve

from articles.media import access, public

_GRANT_SALT = "articles.media.share-grant"
logger = logging.getLogger("newsroom.media")


# --- share-link grants ------------------------------------------------------------------


def share_grant(link) -> str:
    """What a share page's photo URLs carry: the link, signed, for a limited time."""
    return signing.dumps(link.pk, salt=_GRANT_SALT, compress=False)


def _granted_link(value: str) -> int | None:
    if not value:
        return None
    try:
        return int(
            signing.loads(value, salt=_GRANT_SALT, max_age=settings.NEWSROOM_SHARE_GRANT_SECONDS)
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None


# --- the view ---------------------------------------------------------------------------


def _stored_name(path: str) -> str:
    """The storage name a URL path asks for; 404 for anything no upload is called."""
    name = posixpath.normpath(path).lstrip("/")
    if (
        name != path
        or name.startswith(".")
        or "\x00" in name
        or "\\" in name
        or access.content_type(name) is None
    ):
        raise Http404("No such file.")
    return name


@require_safe
def media_view(request, path: str):
    name = _stored_name(path)
    if not settings.NEWSROOM_MEDIA_ACCEL_REDIRECT:
        # The public copies first, as nginx does in front: no query. (On S3,
        # one look at the bucket; a CDN in front spares even that.)
        store = public.public_storage()
        if store.exists(name):
            return _deliver(request, name, public_copy=True)
    owner = access.owner_of(name)
    if owner is None:
        return _not_found()
    if owner.is_public():
        try:
            public.promote(owner.names)
        except Exception:
            # The public storage refused (an ACL the bucket does not allow, a
            # full disk): readers still get the photo, from private storage.
            logger.exception("The photos of %s could not be made public", name)
            return _deliver(request, name, public_copy=False, shared=True)
        # Withdrawn while it was being promoted: the withdrawal's demotion may
        # have run before the copy existed, so this request takes it back.
        if not public.demote_owner_if_hidden(owner):
            return _deliver(request, name, public_copy=True)
    link_id = _granted_link(request.GET.get("grant", ""))
    if access.staff_may_see(request.user) or (
        link_id is not None and access.share_link_allows(link_id, owner)
    ):
        return _deliver(request, name, public_copy=False)
    return _not_found()


def _not_found():
    """A plain 404 that no cache keeps: the same URL answers once the release is public."""
    response = HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, no_store=True)
    return response


def _deliver(request, name: str, *, public_copy: bool, shared: bool = False):
    """
    The file, from the public storage (``public_copy``) or the private one. A
    private file is for staff and share-link holders, kept by no cache,
    unless ``shared``: a public photo that could not be promoted.
    """
    storage = public.public_storage() if public_copy else default_storage
    if settings.NEWSROOM_MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=access.content_type(name))
        response["X-Accel-Redirect"] = settings.NEWSROOM_MEDIA_ACCEL_REDIRECT + quote(name)
        return _headers(response, name, public=public_copy, shared=shared)
    if not public.is_file_system(storage):
        # Object storage: the public copy's plain URL, or a signed one that expires.
        redirect = HttpResponseRedirect(storage.url(name))
        return _headers(redirect, name, public=public_copy, shared=shared)
    return _send(request, storage, name, public=public_copy, shared=shared)


def _send(request, storage, name: str, *, public: bool, shared: bool = False):
    response = serve(request, name, document_root=storage.location)
    response["Content-Type"] = access.content_type(name)
    return _headers(response, name, public=public, shared=shared)


def _headers(response, name: str, *, public: bool, shared: bool = False):
    if public:
        patch_cache_control(response, public=True, max_age=settings.NEWSROOM_PUBLIC_MEDIA_MAX_AGE)
    elif shared:
        # Public, but served without a public copy: briefly, so that the
        # copy, once it can be made, takes over (a signed URL expires too).
        patch_cache_control(response, public=True, max_age=60)
    else:
        # Staff and share-link holders only: kept by no cache, shared or not.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    if name.startswith(("gallery/", "speakers/")):
        response["Content-Disposition"] = content_disposition_header(
            False, posixpath.basename(name)
        )
    return response
