"""
Gallery renditions: resized WebP and JPEG copies made once per image and width.

The originals stay in storage for journalists to download; public pages only
show renditions. Each rendition's storage name is derived from the original's
name and recorded on the model, so a page view builds URLs without touching
storage, and several app servers share the renditions through one storage.

Every stored original gets a folder of its own with a random name
(``gallery/<32 hex digits>/<stem>.<ext>``) and its renditions the folder of
the same name under ``renditions/``: two uploads called alike never share or
replace a file, and a draft's photo cannot be found by guessing its name.
"""

from __future__ import annotations

import contextlib
import io
import math
import posixpath
import re
import secrets
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# The extension a stored original gets: always that of its checked format.
STORED_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# The extensions an upload may be named with, and the format each promises.
ACCEPTED_EXTENSIONS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
# Markup or code hidden in an image file (a "polyglot") is refused: a browser
# or a careless server could be made to treat the download as a page.
POLYGLOT_MARKERS = (b"<script", b"<?php", b"<html", b"<svg", b"<!doctype", b"<iframe", b"<?xml")
# EXIF tags kept in downloadable originals: who owns the picture and which
# way up it is. Everything else (GPS position, camera make, model and serial
# numbers, maker notes) is removed, as are XMP, IPTC and comments.
KEPT_EXIF_TAGS = {0x0112: "Orientation", 0x013B: "Artist", 0x8298: "Copyright"}
RENDITION_FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}
QUALITY = {"webp": 80, "jpeg": 82}
# The longest side a WebP file can have: every photo gets WebP renditions.
WEBP_MAX_SIDE = 16_383
# Characters of the upload's name kept in the stored name, for downloads.
STEM_LENGTH = 40

_RANDOM_PART = re.compile(r"[0-9a-f]{32}")
# Folders holding one original's renditions only; older names
# (``renditions/gallery/2024/05/teamphoto-480w.jpeg``) may be shared.
_OWN_RENDITION = re.compile(r"renditions/[0-9a-f]{32}/[^/]+")


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


# --- names ------------------------------------------------------------------------


def stored_name(folder: str, filename: str) -> str:
    """
    ``<folder>/<32 random hex digits>/<stem>.<ext>`` for an upload called
    ``filename``: the stem is the upload's, made safe and short; the extension
    is that of the format its name promises, which ``check_image`` has held to
    the content. A name promising no picture is never stored.
    """
    stem, ext = posixpath.splitext(posixpath.basename(filename.replace("\\", "/")))
    fmt = ACCEPTED_EXTENSIONS.get(ext.lower().lstrip("."))
    if fmt is None:
        raise SuspiciousFileOperation(
            f"{filename!r} was not stored: only .jpg, .jpeg, .png and .webp files are."
        )
    stem = slugify(stem)[:STEM_LENGTH].strip("-_") or "photo"
    return f"{folder}/{secrets.token_hex(16)}/{stem}.{STORED_EXTENSIONS[fmt]}"


def gallery_upload_to(instance, filename: str) -> str:
    return stored_name("gallery", filename)


def speaker_upload_to(instance, filename: str) -> str:
    return stored_name("speakers", filename)


def rendition_folder(original_name: str) -> str:
    """
    The folder of one original's renditions: ``renditions/`` and the random part
    of its name, or, for an original stored before names had one, a keyed hash
    of its name (unique to it, and not guessable from it).
    """
    parts = original_name.split("/")
    if len(parts) == 3 and _RANDOM_PART.fullmatch(parts[1]):
        key = parts[1]
    else:
        key = salted_hmac(
            "articles.images.rendition_folder", original_name, algorithm="sha256"
        ).hexdigest()[:32]
    return f"renditions/{key}"


def rendition_name(original_name: str, width: int, ext: str, suffix: str = "") -> str:
    stem = slugify(posixpath.splitext(posixpath.basename(original_name))[0])[:STEM_LENGTH]
    return f"{rendition_folder(original_name)}/{stem or 'photo'}-{width}w{suffix}.{ext}"


def is_own_rendition(name: str) -> bool:
    """Whether ``name`` lies in a folder that only one original's renditions use."""
    return bool(_OWN_RENDITION.fullmatch(name))


# --- checks -----------------------------------------------------------------------


def file_size(size: int, *, up: bool = False) -> str:
    """
    A number of bytes as the README writes the limits: 25 * 1024 * 1024 bytes
    is “25 MB”. ``up`` rounds up, so a file over a limit never reads as equal to it.
    """
    if size >= 1024 * 1024:
        unit, factor = "MB", 1024 * 1024
    elif size >= 1024:
        unit, factor = "KB", 1024
    else:
        unit, factor = "bytes", 1
    value = size / factor
    value = math.ceil(value * 10) / 10 if up else round(value, 1)
    return f"{value:g} {unit}"


def check_image(file, name: str | None = None) -> tuple[str, int, int]:
    """
    Check an upload by its content and its name: a complete JPEG, PNG or WebP
    within the size, pixel and side limits, named with an extension of its
    format (.jpg or .jpeg, .png, .webp). Returns (format, width, height);
    raises ValidationError with a message an editor can act on.

    ``name`` defaults to the file's own; a file without any is checked by its
    content alone, and whoever stores it names it by the returned format.
    """
    if name is None:
        name = getattr(file, "name", None)
    size = getattr(file, "size", None)
    limit = settings.NEWSROOM_MAX_UPLOAD_BYTES
    if size is not None and size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": file_size(size, up=True), "limit": file_size(limit)}
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
        try:
            img = Image.open(file)
        except Image.DecompressionBombError:
            raise
        except Exception as exc:
            raise ValidationError(_("The file is not a valid JPEG, PNG or WebP image.")) from exc
        with img:
            fmt, (width, height) = img.format, img.size
            _check_dimensions(fmt, width, height)
            _check_name(name, fmt)
            try:
                img.verify()
                # verify() does not decode the picture: a truncated one passes it.
                file.seek(0)
                with Image.open(file) as decoded, _strict_decoding():
                    decoded.load()
            except Image.DecompressionBombError:
                raise
            except Exception as exc:
                raise ValidationError(
                    _(
                        "The file is truncated or unreadable: the image data is damaged or "
                        "incomplete. Save or export it again and upload the new file."
                    )
                ) from exc
    except Image.DecompressionBombError as exc:
        raise ValidationError(_("The image has too many pixels to be processed safely.")) from exc
    finally:
        file.seek(position)
    return fmt, width, height


@contextlib.contextmanager
def _strict_decoding():
    """
    Decode with Pillow's default: a truncated picture is an error. Libraries
    may turn that off for the whole process (WeasyPrint does, on import).
    """
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _check_dimensions(fmt: str | None, width: int, height: int) -> None:
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted; use JPEG, PNG or WebP.")
            % {"format": fmt or _("This kind of")}
        )
    if width * height > settings.NEWSROOM_MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is %(w)s×%(h)s pixels, more than the limit of %(limit)s million.")
            % {"w": width, "h": height, "limit": settings.NEWSROOM_MAX_IMAGE_PIXELS // 10**6}
        )
    side = min(settings.NEWSROOM_MAX_IMAGE_SIDE, WEBP_MAX_SIDE)
    if max(width, height) > side:
        raise ValidationError(
            _(
                "The image is %(w)s×%(h)s pixels; no side may be longer than %(side)s pixels. "
                "Crop or scale it down and upload it again."
            )
            % {"w": width, "h": height, "side": f"{side:,}"}
        )


def _check_name(name: str | None, fmt: str) -> None:
    """The name's extension must promise the format the content has."""
    if not name:
        return
    basename = posixpath.basename(name.replace("\\", "/"))
    ext = posixpath.splitext(basename)[1].lower().lstrip(".")
    named = ACCEPTED_EXTENSIONS.get(ext)
    if named is None:
        raise ValidationError(
            _(
                "“%(name)s” is not named as a picture: only files ending in .jpg, .jpeg, .png "
                "or .webp are accepted. This one holds a %(format)s image; rename it to .%(ext)s."
            )
            % {"name": basename, "format": FORMAT_NAMES[fmt], "ext": STORED_EXTENSIONS[fmt]}
        )
    if named != fmt:
        raise ValidationError(
            _(
                "“%(name)s” is named as a %(named)s file but holds a %(format)s image; rename it "
                "to .%(ext)s or save it again as %(named)s."
            )
            % {
                "name": basename,
                "named": FORMAT_NAMES[named],
                "format": FORMAT_NAMES[fmt],
                "ext": STORED_EXTENSIONS[fmt],
            }
        )


# --- renditions -------------------------------------------------------------------


def _open_for_renditions(original_name: str, storage) -> Image.Image:
    with storage.open(original_name, "rb") as fh:
        img = Image.open(fh)
        img.load()
    img = ImageOps.exif_transpose(img)
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    return img


def _write(img: Image.Image, name: str, ext: str, storage) -> str:
    """
    Encode one rendition and store it under ``name``, or a free name beside it:
    an existing file is never replaced (it may still be on a page).
    """
    pil_format = RENDITION_FORMATS[ext]
    if pil_format == "JPEG" and img.mode == "RGBA":
        background = Image.new("RGB", img.size, (255, 255, 255))
        background.paste(img, mask=img.getchannel("A"))
        img = background
    # Pillow copies a JPEG comment (and more) from ``info`` into what it saves.
    img.info = {}
    buffer = io.BytesIO()
    img.save(buffer, pil_format, quality=QUALITY[ext], optimize=pil_format == "JPEG")
    stored = storage.save(name, ContentFile(buffer.getvalue()))
    record_write(storage, stored)
    return stored


def make_renditions(original_name: str, storage=default_storage) -> dict[str, dict[str, str]]:
    """
    Write the renditions of one stored original and return {ext: {width: name}}.

    Widths wider than the original are not made (no upscaling); the original's
    own width stands in for them. No metadata (EXIF, XMP, IPTC, comments) is copied.
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
            name = rendition_name(original_name, size, ext, suffix="-square")
            result[ext][str(size)] = _write(square, name, ext, storage)
    return result


def delete_renditions(renditions: dict, storage=default_storage) -> None:
    """
    Delete the renditions in {ext: {width: name}} that are the photo's own.
    Names from before each original had its own folder may be shared by two
    photos (``teamphoto.jpg`` and ``teamphoto.png``) and are left in storage.
    """
    from articles.media.public import demote

    own = [name for names in renditions.values() for name in names.values()]
    own = [name for name in own if is_own_rendition(name)]
    for name in own:
        storage.delete(name)
    # Their public copies too, where the release was public.
    demote(own)


def retire_replaced_renditions(old: dict, new: dict, storage=default_storage) -> None:
    """
    Once the database names the ``new`` renditions (the transaction commits),
    take the public copies of the photo's ``old`` ones that ``new`` does not
    reuse. Their files stay in private storage, as replaced originals do:
    restoring an earlier version from the history shows them again.
    """
    from articles.media.public import media_changed

    kept = {name for names in new.values() for name in names.values()}
    stale = {name for names in (old or {}).values() for name in names.values()} - kept
    if stale:
        media_changed(names=stale)


# --- metadata ---------------------------------------------------------------------


def _kept_exif(img: Image.Image) -> bytes:
    exif = img.getexif()
    kept = Image.Exif()
    for tag in KEPT_EXIF_TAGS:
        if tag in exif:
            kept[tag] = exif[tag]
    return kept.tobytes() if len(kept) else b""


def strip_metadata(file) -> ContentFile:
    """
    A copy of an uploaded original without location, camera and other metadata:
    EXIF beyond KEPT_EXIF_TAGS, XMP, IPTC, comments and text chunks.

    JPEG is rewritten losslessly (only its metadata segments change, and
    anything after the picture goes); PNG and WebP are re-encoded (PNG
    losslessly) without them.
    """
    file.seek(0)
    data = file.read()
    with Image.open(io.BytesIO(data)) as img:
        fmt = img.format
        exif = _kept_exif(img)
        if fmt == "JPEG":
            cleaned = _jpeg_without_metadata(data, exif)
        else:
            img.load()
            buffer = io.BytesIO()
            options = {"exif": exif} if exif else {}
            if fmt == "WEBP":
                options.update(quality=95, lossless=img.info.get("lossless", False))
            img.save(buffer, fmt, **options)
            cleaned = buffer.getvalue()
    return ContentFile(cleaned, name=getattr(file, "name", None))


def has_private_metadata(data: bytes) -> bool:
    """
    Whether ``strip_metadata`` would take anything out of the file. Files
    without any (every original Newsroom stripped itself) can be stored as
    they are, byte for byte.
    """
    with Image.open(io.BytesIO(data)) as img:
        if img.format == "JPEG":
            return _jpeg_without_metadata(data, _kept_exif(img)) != data
        img.load()  # PNG text after the picture is read only now
        if any(tag not in KEPT_EXIF_TAGS for tag in img.getexif()):
            return True
        if any(key in img.info for key in ("xmp", "XML:com.adobe.xmp", "comment")):
            return True
        return bool(getattr(img, "text", None))


def _keep_jpeg_segment(marker: int, body: bytes) -> bool:
    """Segments a JPEG needs to be shown as it was; the rest is metadata."""
    if marker == 0xE0:  # APP0: JFIF's pixel density, not JFXX thumbnails
        return body.startswith(b"JFIF\x00")
    if marker == 0xE2:  # APP2: the colour profile, not FlashPix or MPF
        return body.startswith(b"ICC_PROFILE\x00")
    if marker == 0xEE:  # APP14: Adobe's colour transform, needed to decode
        return body.startswith(b"Adobe")
    # Other APPn (EXIF and XMP in APP1, IPTC in APP13, maker data) and COM.
    return not (0xE0 <= marker <= 0xEF or marker == 0xFE)


def _jpeg_without_metadata(data: bytes, exif: bytes) -> bytes:
    """A JPEG's segments without metadata, ``exif`` (if any) in place of its own."""
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
        marker = data[pos + 1] if pos + 1 < len(data) else 0xD9
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == 0xD9:  # end of image: whatever follows is dropped
            out += b"\xff\xd9"
            break
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            out += data[pos : pos + 2]
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if _keep_jpeg_segment(marker, data[pos + 4 : pos + 2 + length]):
            out += data[pos : pos + 2 + length]
        pos += 2 + length
        if marker == 0xDA:  # start of scan: image data up to the next marker
            end = _next_marker(data, pos)
            out += data[pos:end]
            pos = end
    return bytes(out)


def _next_marker(data: bytes, pos: int) -> int:
    """Where the entropy-coded data starting at ``pos`` ends (its length if unended)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos == -1 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker
            pos += 2
        elif following == 0xFF:  # fill bytes before a marker
            pos += 1
        else:
            return pos
