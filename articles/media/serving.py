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

import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.static import serve

from articles.media import access, public

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
_GRANT_SALT = "articles.media.share-grant"


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
        or posixpath.splitext(name)[1].lower().lstrip(".") not in CONTENT_TYPES
    ):
        raise Http404("No such file.")
    return name


@require_safe
def media_view(request, path: str):
    name = _stored_name(path)
    if _app_serves_files():
        # The public storage first, as the web server would: no query.
        store = public.public_storage()
        if store.exists(name):
            return _send(request, store, name, public=True)
    owner = access.owner_of(name)
    if owner is None:
        raise Http404("No such file.")
    if owner.is_public():
        public.promote(owner.names)
        # Withdrawn while it was being promoted: the withdrawal's demotion may
        # have run before the copy existed, so this request takes it back.
        if not public.demote_owner_if_hidden(owner):
            return _deliver(request, name, public=True)
    link_id = _granted_link(request.GET.get("grant", ""))
    if access.staff_may_see(request.user) or (
        link_id is not None and access.share_link_allows(link_id, owner)
    ):
        return _deliver(request, name, public=False)
    raise Http404("No such file.")


def _app_serves_files() -> bool:
    return not settings.NEWSROOM_MEDIA_ACCEL_REDIRECT and _is_file_system(default_storage)


def _is_file_system(storage) -> bool:
    return isinstance(getattr(storage, "_wrapped", storage), FileSystemStorage)


def _deliver(request, name: str, *, public: bool):
    storage = public_storage_or_private(public)
    if settings.NEWSROOM_MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=CONTENT_TYPES[_extension(name)])
        response["X-Accel-Redirect"] = settings.NEWSROOM_MEDIA_ACCEL_REDIRECT + quote(name)
        return _headers(response, name, public=public)
    if not _is_file_system(storage):
        # Object storage: the public copy's plain URL, or a signed one that expires.
        return _headers(HttpResponseRedirect(storage.url(name)), name, public=public)
    return _send(request, storage, name, public=public)


def public_storage_or_private(is_public: bool):
    return public.public_storage() if is_public else default_storage


def _send(request, storage, name: str, *, public: bool):
    response = serve(request, name, document_root=storage.location)
    response["Content-Type"] = CONTENT_TYPES[_extension(name)]
    return _headers(response, name, public=public)


def _extension(name: str) -> str:
    return posixpath.splitext(name)[1].lower().lstrip(".")


def _headers(response, name: str, *, public: bool):
    if public:
        patch_cache_control(response, public=True, max_age=settings.NEWSROOM_PUBLIC_MEDIA_MAX_AGE)
    else:
        # Staff and share-link holders only: kept by no cache, shared or not.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    if name.startswith(("gallery/", "speakers/")):
        response["Content-Disposition"] = content_disposition_header(
            False, posixpath.basename(name)
        )
    return response
