"""
Gallery renditions: resized WebP and JPEG copies made once per image and width.

The originals stay in storage for journalists to download; public pages only
show renditions. Each rendition's storage name is derived from the original's
name and recorded on the model, so a page view builds URLs without touching
storage, and several app servers share the renditions through one storage.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# Markup or code hidden in an image file (a "polyglot") is refused: a browser
# or a careless server could be made to treat the download as a page.
POLYGLOT_MARKERS = (b"<script", b"<?php", b"<html", b"<svg", b"<!doctype", b"<iframe", b"<?xml")
# EXIF tags kept in downloadable originals: who owns the picture and which
# way up it is. Everything else (GPS position, camera make, model and serial
# numbers, maker notes) is removed.
KEPT_EXIF_TAGS = {0x0112: "Orientation", 0x013B: "Artist", 0x8298: "Copyright"}
RENDITION_FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}
QUALITY = {"webp": 80, "jpeg": 82}


# Files written during the current save, so that a save that fails part-way
# (a full disk, storage going away) can take back what it already wrote.
_written: ContextVar[list | None] = ContextVar("newsroom_written_files", default=None)


def record_write(storage, name: str) -> None:
    written = _written.get()
    if written is not None:
        written.append((storage, name))


@contextlib.contextmanager
def removed_on_error():
    """Delete the files written inside this block if it raises."""
    written: list = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in reversed(written):
            with contextlib.suppress(Exception):
                storage.delete(name)
        raise
    finally:
        _written.reset(token)


def check_image(file) -> tuple[str, int, int]:
    """
    Check an uploaded file by its content: a real JPEG, PNG or WebP within the
    size and pixel limits. Returns (format, width, height); raises
    ValidationError with a message an editor can act on.
    """
    size = getattr(file, "size", None)
    if size is not None and size > settings.NEWSROOM_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": round(size / 1_000_000, 1),
                "limit": settings.NEWSROOM_MAX_UPLOAD_BYTES // 1_000_000,
            }
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(min(size or 0, 64 * 1024 * 1024) or 64 * 1024 * 1024)
        if not head:
            raise ValidationError(_("The file is empty."))
        lowered = head.lower()
        if any(marker in lowered for marker in POLYGLOT_MARKERS):
            raise ValidationError(
                _("The file contains markup or code besides the picture; it was refused.")
            )
        file.seek(0)
        with Image.open(file) as img:
            fmt, (width, height) = img.format, img.size
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("%(format)s images are not accepted; use JPEG, PNG or WebP.")
                    % {"format": fmt or _("This kind of")}
                )
            if width * height > settings.NEWSROOM_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image is %(w)s×%(h)s pixels, more than the limit of %(limit)s million.")
                    % {
                        "w": width,
                        "h": height,
                        "limit": settings.NEWSROOM_MAX_IMAGE_PIXELS // 10**6,
                    }
                )
            img.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:
        raise ValidationError(_("The image has too many pixels to be processed safely.")) from exc
    except Exception as exc:
        raise ValidationError(_("The file is not a valid JPEG, PNG or WebP image.")) from exc
    finally:
        file.seek(position)
    return fmt, width, height


def rendition_name(original_name: str, width: int, ext: str) -> str:
    stem = posixpath.splitext(original_name)[0]
    return f"renditions/{stem}-{width}w.{ext}"


def _open_for_renditions(original_name: str, storage) -> Image.Image:
    with storage.open(original_name, "rb") as fh:
        img = Image.open(fh)
        img.load()
    img = ImageOps.exif_transpose(img)
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    return img


def _write(img: Image.Image, name: str, ext: str, storage) -> str:
    """Encode one rendition (no metadata) and store it under ``name``."""
    pil_format = RENDITION_FORMATS[ext]
    if pil_format == "JPEG" and img.mode == "RGBA":
        background = Image.new("RGB", img.size, (255, 255, 255))
        background.paste(img, mask=img.getchannel("A"))
        img = background
    buffer = io.BytesIO()
    img.save(buffer, pil_format, quality=QUALITY[ext], optimize=pil_format == "JPEG")
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(buffer.getvalue()))
    record_write(storage, stored)
    return stored


def make_renditions(original_name: str, storage=default_storage) -> dict[str, dict[str, str]]:
    """
    Write the renditions of one stored original and return {ext: {width: name}}.

    Widths wider than the original are not made (no upscaling); the original's
    own width stands in for them. Metadata (EXIF, including GPS) is not copied.
    """
    img = _open_for_renditions(original_name, storage)
    widths = sorted(
        {w for w in settings.NEWSROOM_RENDITION_WIDTHS if w < img.width}
        | {min(img.width, max(settings.NEWSROOM_RENDITION_WIDTHS))}
    )
    result: dict[str, dict[str, str]] = {}
    for ext in RENDITION_FORMATS:
        result[ext] = {}
        for width in widths:
            height = max(1, round(img.height * width / img.width))
            resized = img.resize((width, height), Image.Resampling.LANCZOS)
            name = rendition_name(original_name, width, ext)
            result[ext][str(width)] = _write(resized, name, ext, storage)
    return result


PORTRAIT_SIZES = (160, 320)


def make_portraits(original_name: str, storage=default_storage) -> dict[str, dict[str, str]]:
    """Square, centred crops of a speaker's photo: {ext: {size: name}}."""
    img = _open_for_renditions(original_name, storage)
    result: dict[str, dict[str, str]] = {}
    for ext in RENDITION_FORMATS:
        result[ext] = {}
        for size in PORTRAIT_SIZES:
            square = ImageOps.fit(img, (size, size), Image.Resampling.LANCZOS)
            stem = posixpath.splitext(rendition_name(original_name, size, ext))[0]
            name = f"{stem}-square.{ext}"
            result[ext][str(size)] = _write(square, name, ext, storage)
    return result


def delete_renditions(renditions: dict, storage=default_storage) -> None:
    for names in renditions.values():
        for name in names.values():
            storage.delete(name)


def strip_metadata(file) -> ContentFile:
    """
    A copy of an uploaded original without location and camera metadata.

    JPEG is rewritten losslessly (only its metadata segments change); PNG and
    WebP are re-encoded (PNG losslessly) without EXIF or XMP.
    """
    file.seek(0)
    data = file.read()
    with Image.open(io.BytesIO(data)) as img:
        fmt = img.format
        exif = img.getexif()
        kept = Image.Exif()
        for tag in KEPT_EXIF_TAGS:
            if tag in exif:
                kept[tag] = exif[tag]
        if fmt == "JPEG":
            cleaned = _jpeg_replace_metadata(data, kept.tobytes() if len(kept) else b"")
        else:
            img.load()
            buffer = io.BytesIO()
            options = {"exif": kept.tobytes()} if len(kept) else {}
            if fmt == "WEBP":
                options.update(quality=95, lossless=img.info.get("lossless", False))
            img.save(buffer, fmt, **options)
            cleaned = buffer.getvalue()
    return ContentFile(cleaned, name=getattr(file, "name", None))


def _jpeg_replace_metadata(data: bytes, exif: bytes) -> bytes:
    """Drop APP1 (EXIF, XMP) segments of a JPEG and insert ``exif`` instead."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = bytearray(b"\xff\xd8")
    if exif:
        segment = b"Exif\x00\x00" + exif if not exif.startswith(b"Exif") else exif
        out += b"\xff\xe1" + (len(segment) + 2).to_bytes(2, "big") + segment
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError("corrupt JPEG segment")
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[pos:]
            break
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            out += data[pos : pos + 2]
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker != 0xE1:  # APP1 holds EXIF and XMP
            out += data[pos : pos + 2 + length]
        pos += 2 + length
    return bytes(out)
