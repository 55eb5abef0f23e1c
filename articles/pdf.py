"""
A release as a PDF, made by WeasyPrint from the print stylesheet.

Built once per release version (its ``fingerprint``, which changes with
anything the release shows) and language, and kept in media storage under a
name derived from both with the site's secret: a later request finds it
there, and nobody can guess it. Served by articles.downloads, which checks
the release may be read.
"""

from __future__ import annotations

import base64
import logging

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac

from articles.models import Article
from articles.reading import ReleaseParts

logger = logging.getLogger("newsroom.pdf")

FOLDER = "pdfs"
STYLESHEETS = ("css/site.css", "css/print.css")


def pdf_name(article: Article, language: str) -> str:
    key = salted_hmac("articles.pdf", f"{article.pk}:{article.fingerprint}:{language}")
    return f"{FOLDER}/{key.hexdigest()[:32]}/{article.slug[:80]}-{language}.pdf"


def _data_uri(photo) -> str:
    """The lead photo's middle-width JPEG, inline: the PDF needs no access to media URLs."""
    names = photo.renditions.get("jpeg", {})
    if not names:
        return ""
    widths = sorted(names, key=int)
    name = names[widths[len(widths) // 2]]
    with photo.image.storage.open(name, "rb") as fh:
        return "data:image/jpeg;base64," + base64.b64encode(fh.read()).decode()


def render_release_pdf(request, article: Article) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    parts = ReleaseParts(article, related=False)
    lead_photo = parts.lead_photo
    html = render_to_string(
        "articles/article_pdf.html",
        {
            "article": article,
            "themes": parts.themes,
            "quotes": parts.quotes,
            "contacts": parts.contacts,
            "corrections": parts.corrections,
            "lead_photo": lead_photo,
            "lead_photo_src": _data_uri(lead_photo) if lead_photo else "",
            "page_url": request.build_absolute_uri(article.get_absolute_url()),
        },
        request=request,
    )
    stylesheets = [CSS(filename=finders.find(name)) for name in STYLESHEETS]
    # Nothing is fetched from the network or the disk: the photo is inline.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=stylesheets)


def release_pdf_for(request, article: Article) -> str:
    """The stored PDF of the release as it is now, in the current language; built if missing."""
    name = pdf_name(article, translation.get_language() or "en")
    if not default_storage.exists(name):
        data = render_release_pdf(request, article)
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            # Built by another request in the meantime: one copy is enough.
            default_storage.delete(saved)
    return name
