"""Uploads are checked by content, and photos lose location and camera metadata."""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import images
from articles.models import GalleryImage
from tests.factories import image_bytes, make_article, make_image

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_exif(width=800, height=600) -> bytes:
    img = Image.new("RGB", (width, height), (120, 80, 40))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x8298] = "Press Office"  # Copyright
    exif[0x013B] = "Jane Doe"  # Artist
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (41.0, 19.0, 49.0), 3: "E", 4: (19.0, 49.0, 0.0)})
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif.tobytes(), quality=90)
    return buffer.getvalue()


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 100)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


class TestContentChecks:
    @pytest.mark.parametrize(
        ("content", "name", "message"),
        [
            (b"just some text, not a picture", "notes.jpg", "not a valid JPEG, PNG or WebP"),
            (b"", "empty.jpg", "empty"),
            (
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                "logo.png",
                "markup or code",
            ),
            (image_bytes() + b"<?php system($_GET['c']); ?>", "poly.jpg", "markup or code"),
            (image_bytes(fmt="PNG") + b"<html><script>x()</script>", "poly.png", "markup or code"),
            (png_claiming(50_000, 50_000), "bomb.png", "pixels"),
            (image_bytes(fmt="GIF"), "anim.gif", "GIF images are not accepted"),
            (image_bytes(fmt="BMP"), "old.bmp", "BMP images are not accepted"),
        ],
        ids=["text", "empty", "svg", "jpeg-php", "png-html", "bomb", "gif", "bmp"],
    )
    def test_refused(self, content, name, message):
        with pytest.raises(ValidationError) as exc:
            images.check_image(upload(content, name))
        assert message in " ".join(exc.value.messages)

    def test_oversized_file_is_refused(self, settings):
        settings.NEWSROOM_MAX_UPLOAD_BYTES = 10_000
        noise = Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3))
        buffer = io.BytesIO()
        noise.save(buffer, "PNG")
        assert len(buffer.getvalue()) > 10_000
        with pytest.raises(ValidationError, match="limit is"):
            images.check_image(upload(buffer.getvalue(), "big.png"))

    @pytest.mark.parametrize(
        ("fmt", "name"),
        [("JPEG", "x.jpg"), ("JPEG", "x.JPEG"), ("PNG", "x.png"), ("WEBP", "x.webp")],
    )
    def test_accepted_formats(self, fmt, name):
        assert images.check_image(upload(image_bytes(fmt=fmt), name)) == (fmt, 640, 480)

    def test_nothing_is_stored_for_a_refused_upload(self, settings):
        article = make_article()
        with pytest.raises(ValidationError):
            make_image(article, file=upload(b"GIF89a not really", "x.jpg"))
        assert not GalleryImage.objects.exists()
        media = settings.MEDIA_ROOT
        assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


class TestMetadata:
    def test_original_loses_gps_and_camera_but_keeps_credit(self):
        image = make_image(make_article(), file=upload(jpeg_with_exif()))
        with image.image.open("rb") as fh:
            stored = Image.open(io.BytesIO(fh.read()))
        exif = stored.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif and 0x0110 not in exif
        assert exif[0x8298] == "Press Office" and exif[0x013B] == "Jane Doe"
        assert stored.size == (800, 600)

    def test_jpeg_pixels_are_untouched(self):
        original = jpeg_with_exif()
        cleaned = images.strip_metadata(upload(original)).read()
        start = original.index(b"\xff\xda")
        assert cleaned.endswith(original[start:])

    def test_renditions_carry_no_metadata(self):
        image = make_image(
            make_article(), file=upload(jpeg_with_exif(1200, 900)), keep_metadata=True
        )
        for names in image.renditions.values():
            for name in names.values():
                with image.image.storage.open(name, "rb") as fh:
                    rendition = Image.open(io.BytesIO(fh.read()))
                    assert not rendition.getexif().get_ifd(GPS_IFD)
                    assert 0x010F not in rendition.getexif()

    def test_editor_can_keep_metadata_on_purpose(self):
        image = make_image(make_article(), file=upload(jpeg_with_exif()), keep_metadata=True)
        with image.image.open("rb") as fh:
            exif = Image.open(io.BytesIO(fh.read())).getexif()
        assert exif.get_ifd(GPS_IFD)
        assert exif[0x010F] == "CameraMaker"

    @pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
    def test_png_and_webp_lose_exif(self, fmt):
        img = Image.new("RGB", (300, 200), (10, 20, 30))
        exif = Image.Exif()
        exif[0x010F] = "CameraMaker"
        exif.get_ifd(GPS_IFD)[1] = "N"
        buffer = io.BytesIO()
        img.save(buffer, fmt, exif=exif.tobytes())
        cleaned = images.strip_metadata(upload(buffer.getvalue(), f"x.{fmt.lower()}"))
        result = Image.open(cleaned)
        assert result.format == fmt
        assert 0x010F not in result.getexif()


class TestSpeakerPhotos:
    def test_portrait_is_checked_stripped_and_served_as_renditions(self, admin_client):
        from articles.models import Speaker
        from tests.factories import make_quote

        response = admin_client.post(
            "/admin/articles/speaker/add/",
            {
                "name": "Jurgen Stock",
                "slug": "jurgen-stock",
                "role": "Secretary General",
                "photo": upload(jpeg_with_exif(900, 1200), "portrait.jpg"),
            },
        )
        assert response.status_code == 302
        speaker = Speaker.objects.get()
        with speaker.photo.open("rb") as fh:
            assert not Image.open(io.BytesIO(fh.read())).getexif().get_ifd(GPS_IFD)
        assert sorted(speaker.photo_renditions) == ["jpeg", "webp"]
        for names in speaker.photo_renditions.values():
            for size, name in names.items():
                with speaker.photo.storage.open(name, "rb") as fh:
                    assert Image.open(io.BytesIO(fh.read())).size == (int(size), int(size))
        make_quote(make_article(), speaker)
        html = admin_client.get(speaker.get_absolute_url()).content.decode()
        assert speaker.portrait_src in html and "160w" in html
        assert speaker.photo.url not in html

    def test_fake_portrait_is_refused(self, admin_client):
        from articles.models import Speaker

        response = admin_client.post(
            "/admin/articles/speaker/add/",
            {"name": "X", "slug": "x", "photo": upload(b"not an image", "x.jpg")},
        )
        assert response.status_code == 200
        assert not Speaker.objects.exists()


def test_urls_read_before_the_renditions_are_made_are_not_kept(db):
    from articles import services

    made = make_image(make_article())
    GalleryImage.objects.filter(pk=made.pk).update(renditions={})
    image = GalleryImage.objects.get(pk=made.pk)
    assert image.srcset_jpeg == "" and image.thumbnail_url == ""
    services.gallery_image_renditions_make(image=image)
    assert image.srcset_jpeg.endswith("w") and image.thumbnail_url
    assert image.thumbnail_url in image.srcset_jpeg
