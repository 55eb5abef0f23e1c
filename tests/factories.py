"""Small builders for test data, with explicit times (no JSON fixtures)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles import services
from articles.models import Article, Event, GalleryImage, Quote, Speaker

_seq = count(1)


def yesterday():
    return timezone.now() - timedelta(days=1)


def tomorrow():
    return timezone.now() + timedelta(days=1)


def make_speaker(**kw) -> Speaker:
    n = next(_seq)
    kw.setdefault("name", f"Speaker {n}")
    kw.setdefault("slug", f"speaker-{n}")
    kw.setdefault("role", "Spokesperson")
    return Speaker.objects.create(**kw)


def make_event(**kw) -> Event:
    n = next(_seq)
    kw.setdefault("name", f"Conference {n}")
    kw.setdefault("slug", f"conference-{n}")
    kw.setdefault("start_date", date(2024, 6, 11))
    kw.setdefault("end_date", kw["start_date"] + timedelta(days=2))
    return Event.objects.create(**kw)


def make_article(*, themes=(), **kw) -> Article:
    """A public release unless told otherwise (published yesterday)."""
    n = next(_seq)
    kw.setdefault("title", f"Release {n}")
    kw.setdefault("slug", f"release-{n}")
    kw.setdefault("lead", f"Lead of release {n}.")
    kw.setdefault("body", f"<p>Body of release {n}.</p>")
    kw.setdefault("status", Article.Status.PUBLISHED)
    kw.setdefault("publish_at", yesterday())
    article = Article.objects.create(**kw)
    if themes:
        article.themes.set(list(themes))
    return article


def make_quote(article: Article, speaker: Speaker | None = None, **kw) -> Quote:
    kw.setdefault("text", "We will work together.")
    return Quote.objects.create(article=article, speaker=speaker or make_speaker(), **kw)


def image_bytes(width=640, height=480, fmt="JPEG", color=(30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, fmt)
    return buffer.getvalue()


def image_upload(name="photo.jpg", width=640, height=480, fmt="JPEG") -> SimpleUploadedFile:
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, image_bytes(width, height, fmt), content_type=content_type)


def make_image(article: Article, **kw) -> GalleryImage:
    upload = kw.pop("file", None) or image_upload(width=kw.pop("width", 640))
    kw.setdefault("alt_text", "Delegates in the conference hall")
    image = services.gallery_image_create(article=article, file=upload, **kw)
    # Its renditions are made by a task (at once in tests), on a copy of its own.
    image.refresh_from_db()
    return image
