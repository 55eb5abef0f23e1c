"""
Files a release offers besides its page: its PDF, its media kit (a ZIP of
the original photos) and its press contacts' vCards.

The PDF and the ZIP are stored files, but never served as plain media: each
request goes through ``readable_release()``, the publish rule (or staff, or a
valid share link for that release), so an embargoed release's files answer
404 until the embargo lifts, and 200 from that moment on, by themselves.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles import pdf, press
from articles.media.access import staff_may_see
from articles.mediakit import media_kit_for
from articles.models import Article, ArticleContact, Contact, ShareLink
from articles.translations import group


def readable_release(request, slug: str) -> tuple[Article, bool]:
    """
    The release at ``slug`` if this request may read it, and whether it is
    public; Http404 otherwise (as its page would be).
    """
    now = timezone.now()
    article = Article.objects.public(now).with_release_row().filter(slug=slug).first()
    if article is not None:
        return article, True
    article = get_object_or_404(Article.objects.with_release_row(), slug=slug)
    if staff_may_see(request.user):  # as for the photos themselves (articles.media)
        return article, False
    token = request.GET.get("share", "")
    link = ShareLink.objects.active().select_related("article").filter(token=token).first()
    # A share link covers the release's translations too (articles.translations).
    if link is not None and group.source_id(link.article) != group.source_id(article):
        link = None
    if link is not None and article.lifecycle(now).value in ("embargoed", "review", "draft"):
        return article, False
    raise Http404


def _private_unless(public: bool, response):
    # Files of a release that is not public yet are for this reader only.
    if not public:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def release_pdf(request, slug: str):
    article, public = readable_release(request, slug)
    name = pdf.release_pdf_for(request, article)
    response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{article.slug}.pdf"'
    return _private_unless(public, response)


@require_safe
def release_photos(request, slug: str):
    article, public = readable_release(request, slug)
    photos = list(article.images.order_by("position", "pk"))
    kit = media_kit_for(article, photos)
    if kit is None:
        raise Http404
    response = FileResponse(default_storage.open(kit.file, "rb"), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{article.slug}-photos.zip"'
    response["Content-Length"] = str(kit.size)
    return _private_unless(public, response)


@require_safe
def contact_vcard(request, slug: str):
    """A contact's vCard: a default contact, or one named on a public release."""
    on_public = ArticleContact.objects.filter(
        contact=OuterRef("pk"), article__in=Article.objects.public()
    )
    shown = Contact.objects.filter(Q(is_default=True) | Exists(on_public))
    contact = get_object_or_404(shown, slug=slug)
    body = press.contact_vcard(contact)
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{contact.slug}.vcf"'
    return response
