"""
Stored photos get names of their own: unguessable, never shared by two photos,
always with the extension of the format found in them; metadata hidden in a
photo never reaches a public rendition.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from articles import images, services
from articles.media import public
from articles.models import Article, GalleryImage, Speaker
from tests.factories import image_bytes, make_article, make_image, make_speaker
from tests.formdata import form_data
from tests.test_admin import ADD_URL, add_images, release_form
from tests.test_bundles import photo, small_bundle, write_bundle

pytestmark = pytest.mark.django_db

RED, BLUE = (200, 20, 20), (20, 20, 200)
RANDOM_FOLDER = r"[0-9a-f]{32}"
XSS_COMMENT = b"<img src=x onerror=alert(1)>"
IPTC_CAPTION = b"IPTC caption: secret source"
XMP_PACKET = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret XMP</x:xmpmeta>'


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def stored_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def all_names(image) -> list[str]:
    return [image.image.name] + [n for names in image.renditions.values() for n in names.values()]


def centre_colour(storage, name: str) -> tuple[int, int, int]:
    with storage.open(name, "rb") as fh:
        img = Image.open(io.BytesIO(fh.read())).convert("RGB")
    return img.getpixel((img.width // 2, img.height // 2))


def close_to(colour, expected) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


def jpeg_with_hidden_metadata(size=(1200, 800), colour=(90, 120, 150)) -> bytes:
    """A JPEG carrying a COM comment with markup, an IPTC caption and XMP."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", comment=XSS_COMMENT)
    data = buffer.getvalue()
    iptc = b"\x1c\x02\x78" + len(IPTC_CAPTION).to_bytes(2, "big") + IPTC_CAPTION
    irb = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc + b"\x00" * (len(iptc) % 2)
    app13 = b"Photoshop 3.0\x00" + irb
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP_PACKET
    segments = b"".join(
        marker + (len(body) + 2).to_bytes(2, "big") + body
        for marker, body in ((b"\xff\xed", app13), (b"\xff\xe1", xmp))
    )
    return data[:2] + segments + data[2:]


def assert_no_hidden_metadata(data: bytes) -> None:
    assert XSS_COMMENT not in data
    assert IPTC_CAPTION not in data
    assert b"secret XMP" not in data
    img = Image.open(io.BytesIO(data))
    assert "comment" not in img.info and "photoshop" not in img.info


class TestNamesOfTheirOwn:
    def test_same_name_on_two_releases_keeps_each_its_own_picture(self):
        live = make_article()
        first = make_image(live, file=upload(image_bytes(1600, 900, color=RED), "teamphoto.jpg"))
        before = stored_files()
        draft = make_article(status=Article.Status.DRAFT)
        second = make_image(
            draft, file=upload(image_bytes(1600, 900, "PNG", color=BLUE), "teamphoto.png")
        )

        assert not set(all_names(first)) & set(all_names(second))
        after = stored_files()
        assert {name: after[name] for name in before} == before  # nothing of the first replaced
        first = GalleryImage.objects.get(pk=first.pk)
        for names in first.renditions.values():
            for name in names.values():
                assert close_to(centre_colour(first.image.storage, name), RED)
        for names in second.renditions.values():
            for name in names.values():
                assert close_to(centre_colour(second.image.storage, name), BLUE)

    def test_two_speakers_with_photos_of_the_same_name_keep_their_own_portraits(self):
        first = make_speaker(photo=upload(image_bytes(400, 400, color=RED), "portrait.jpg"))
        services.speaker_photo_renditions_make(speaker=first)
        second = make_speaker(
            photo=upload(image_bytes(400, 400, "PNG", color=BLUE), "portrait.png")
        )
        services.speaker_photo_renditions_make(speaker=second)
        first.refresh_from_db()
        assert first.photo.name != second.photo.name
        for speaker, colour in ((first, RED), (second, BLUE)):
            for names in speaker.photo_renditions.values():
                for name in names.values():
                    assert close_to(centre_colour(speaker.photo.storage, name), colour)

    def test_two_uploads_of_the_same_name_get_folders_of_their_own(self):
        article = make_article()
        one = make_image(article, file=upload(image_bytes(color=RED), "photo.jpg"))
        two = make_image(article, file=upload(image_bytes(color=BLUE), "photo.jpg"))
        assert one.image.name != two.image.name
        folders = {image.image.name.split("/")[1] for image in (one, two)}
        assert len(folders) == 2 and all(re.fullmatch(RANDOM_FOLDER, f) for f in folders)
        assert not set(all_names(one)) & set(all_names(two))

    def test_stored_names_have_a_random_part_and_are_not_the_uploads_name(self):
        image = make_image(make_article(), file=upload(image_bytes(), "Team Photo.JPEG"))
        assert re.fullmatch(rf"gallery/{RANDOM_FOLDER}/team-photo\.jpg", image.image.name)
        folder = image.image.name.split("/")[1]
        for names in image.renditions.values():
            for name in names.values():
                assert re.fullmatch(
                    rf"renditions/{RANDOM_FOLDER}/team-photo-\d+w\.(webp|jpeg)", name
                )
                assert folder in name
        speaker = make_speaker(photo=upload(image_bytes(), "portrait.jpg"))
        services.speaker_photo_renditions_make(speaker=speaker)
        assert re.fullmatch(rf"speakers/{RANDOM_FOLDER}/portrait\.jpg", speaker.photo.name)
        for names in speaker.photo_renditions.values():
            for name in names.values():
                assert re.fullmatch(rf"renditions/{RANDOM_FOLDER}/portrait-\d+w-square\.\w+", name)

    def test_making_a_photos_renditions_again_leaves_shared_older_files_alone(
        self, django_capture_on_commit_callbacks
    ):
        """Two photos stored under the old names share renditions; neither may delete them."""
        article = make_article()
        first = make_image(article, file=upload(image_bytes(color=RED), "teamphoto.jpg"))
        second = make_image(
            article, file=upload(image_bytes(fmt="PNG", color=BLUE), "teamphoto.png")
        )
        storage = first.image.storage
        shared = {"jpeg": {"480": "renditions/gallery/2024/05/teamphoto-480w.jpeg"}}
        storage.save(shared["jpeg"]["480"], ContentFile(image_bytes(480, 270, color=BLUE)))
        GalleryImage.objects.filter(pk__in=[first.pk, second.pk]).update(renditions=shared)

        first = GalleryImage.objects.get(pk=first.pk)
        with django_capture_on_commit_callbacks(execute=True):
            services.gallery_image_renditions_make(image=first, force=True)
        assert storage.exists(shared["jpeg"]["480"])  # the second photo still shows it
        assert shared["jpeg"]["480"] not in all_names(first)
        assert close_to(centre_colour(storage, first.renditions["jpeg"]["480"]), RED)

    def test_new_renditions_of_a_photo_replace_only_its_own_old_ones(
        self, django_capture_on_commit_callbacks
    ):
        article = make_article()
        image = make_image(article, file=upload(image_bytes(1200, 800), "photo.jpg"))
        other = make_image(article, file=upload(image_bytes(1200, 800), "photo.jpg"))
        old = all_names(image)[1:]
        public.promote(all_names(image))  # a reader saw the live release's photos
        with django_capture_on_commit_callbacks(execute=True):
            services.gallery_image_renditions_make(image=image, force=True)
        storage = image.image.storage
        # Written beside the old files, never over them: a page may still show those.
        assert not set(old) & set(all_names(image))
        assert all(storage.exists(name) for name in all_names(image))
        # The old ones leave public reach, and stay for a restore from the history.
        assert not any(public.public_storage().exists(name) for name in old)
        assert all(storage.exists(name) for name in old)
        assert all(storage.exists(name) for name in all_names(other))


class TestExtensionOfTheFormatFound:
    @pytest.mark.parametrize(
        ("fmt", "name", "stored"),
        [
            ("JPEG", "photo.jpeg", ".jpg"),
            ("JPEG", "PHOTO.JPG", ".jpg"),
            ("PNG", "chart.png", ".png"),
            ("WEBP", "banner.webp", ".webp"),
        ],
    )
    def test_stored_with_the_extension_of_its_format(self, fmt, name, stored):
        image = make_image(make_article(), file=upload(image_bytes(fmt=fmt), name))
        assert image.image.name.endswith(stored)
        assert re.fullmatch(rf"gallery/{RANDOM_FOLDER}/[a-z0-9-]+\{stored}", image.image.name)

    @pytest.mark.parametrize(
        "name", ["media-kit.html", "x.html", "x.svg", "x.exe", ".htaccess", "x.jpg.html", "x"]
    )
    def test_a_picture_named_as_something_else_is_refused_and_not_stored(self, name):
        with pytest.raises(ValidationError) as caught:
            make_image(make_article(), file=upload(image_bytes(), name))
        message = " ".join(caught.value.messages)
        assert f"“{name}”" in message and ".jpg" in message
        assert not GalleryImage.objects.exists()
        assert not stored_files()

    def test_a_name_promising_another_format_is_refused(self):
        with pytest.raises(ValidationError) as caught:
            images.check_image(upload(image_bytes(fmt="JPEG"), "x.png"))
        message = " ".join(caught.value.messages)
        assert "“x.png”" in message and "PNG" in message and "JPEG" in message
        with pytest.raises(ValidationError, match="“y.jpg”"):
            images.check_image(upload(image_bytes(fmt="WEBP"), "y.jpg"))

    def test_storage_itself_refuses_a_name_that_promises_no_picture(self):
        image = GalleryImage(article=make_article(), alt_text="x")
        for name in ("x.html", "x.svg", ".htaccess", "x.exe"):
            with pytest.raises(SuspiciousFileOperation):
                image.image.save(name, ContentFile(image_bytes()), save=False)
        assert not stored_files()

    def test_replacing_a_rows_file_in_the_admin_remakes_its_renditions(self, admin_client):
        article = make_article()
        image = make_image(article, file=upload(image_bytes(color=(200, 30, 30)), "red.jpg"))
        url = f"/admin/articles/article/{article.pk}/change/"
        data = form_data(admin_client.get(url).content.decode(), "article_form")
        data["images-0-image"] = upload(image_bytes(color=(30, 30, 200)), "blue.jpg")
        data["expected_version"] = str(article.version)
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        image.refresh_from_db()
        rendition = image.renditions["jpeg"][min(image.renditions["jpeg"], key=int)]
        with image.image.storage.open(rendition) as file:
            red, green, blue = Image.open(file).convert("RGB").getpixel((5, 5))
        assert blue > 150 and red < 100

    def test_admin_gallery_refuses_a_mismatched_upload(self, admin_client):
        data = release_form()
        add_images(data, upload(image_bytes(fmt="JPEG"), "x.png"))
        response = admin_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert "holds a JPEG image" in response.content.decode()
        assert not Article.objects.exists() and not stored_files()

    def test_admin_bulk_upload_refuses_a_page_holding_a_jpeg(self, admin_client):
        data = release_form(
            gallery_upload=[upload(image_bytes(), "media-kit.html")],
            gallery_upload_alt_text="Delegates",
        )
        response = admin_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert "media-kit.html" in response.content.decode()
        assert not GalleryImage.objects.exists()
        assert not any(name.endswith(".html") for name in stored_files())

    def test_admin_speaker_photo_refuses_a_mismatched_upload(self, admin_client):
        response = admin_client.post(
            "/admin/articles/speaker/add/",
            {"name": "X", "slug": "x", "photo": upload(image_bytes(fmt="JPEG"), "portrait.png")},
        )
        assert response.status_code == 200
        assert "holds a JPEG image" in response.content.decode()
        assert not Speaker.objects.exists() and not stored_files()

    @pytest.mark.parametrize("path", ["images/opening.html", "images/opening.png"])
    def test_bundle_image_must_be_named_as_what_it_holds(self, path, tmp_path):
        document = small_bundle()
        document["releases"][0]["gallery"][0]["path"] = path
        folder = write_bundle(tmp_path / "bundle", document, {path: photo()})
        with pytest.raises(CommandError) as caught:
            call_command("import_releases", str(folder), stdout=io.StringIO())
        assert f"“{path.split('/')[-1]}”" in str(caught.value)
        assert not Article.objects.exists() and not stored_files()

    def test_bundle_images_are_stored_under_names_of_their_own(self, tmp_path):
        folder = write_bundle(tmp_path / "bundle", small_bundle(), {"images/opening.jpg": photo()})
        call_command("import_releases", str(folder), stdout=io.StringIO())
        image = GalleryImage.objects.get()
        assert re.fullmatch(rf"gallery/{RANDOM_FOLDER}/opening\.jpg", image.image.name)


class TestHiddenMetadata:
    def test_comment_iptc_and_xmp_leave_the_original_and_never_reach_renditions(self):
        data = jpeg_with_hidden_metadata()
        assert XSS_COMMENT in data and IPTC_CAPTION in data  # the test's own premise
        image = make_image(make_article(), file=upload(data, "photo.jpg"))
        with image.image.open("rb") as fh:
            assert_no_hidden_metadata(fh.read())
        for names in image.renditions.values():
            for name in names.values():
                with image.image.storage.open(name, "rb") as fh:
                    assert_no_hidden_metadata(fh.read())

    def test_kept_metadata_stays_in_the_original_only(self):
        image = make_image(
            make_article(),
            file=upload(jpeg_with_hidden_metadata(), "photo.jpg"),
            keep_metadata=True,
        )
        with image.image.open("rb") as fh:
            original = fh.read()
        assert XSS_COMMENT in original and IPTC_CAPTION in original
        for names in image.renditions.values():
            for name in names.values():
                with image.image.storage.open(name, "rb") as fh:
                    assert_no_hidden_metadata(fh.read())

    def test_speaker_portraits_carry_no_comment(self, admin_client):
        response = admin_client.post(
            "/admin/articles/speaker/add/",
            {
                "name": "Jurgen Stock",
                "slug": "jurgen-stock",
                "photo": upload(jpeg_with_hidden_metadata((600, 800)), "portrait.jpg"),
            },
        )
        assert response.status_code == 302
        speaker = Speaker.objects.get()
        with speaker.photo.open("rb") as fh:
            assert_no_hidden_metadata(fh.read())
        for names in speaker.photo_renditions.values():
            for name in names.values():
                with speaker.photo.storage.open(name, "rb") as fh:
                    assert_no_hidden_metadata(fh.read())

    def test_bundle_image_with_hidden_metadata_is_stored_without_it(self, tmp_path):
        folder = write_bundle(
            tmp_path / "bundle",
            small_bundle(),
            {"images/opening.jpg": jpeg_with_hidden_metadata((64, 48))},
        )
        call_command("import_releases", str(folder), stdout=io.StringIO())
        image = GalleryImage.objects.get()
        with image.image.open("rb") as fh:
            assert_no_hidden_metadata(fh.read())

    def test_anything_after_the_picture_is_dropped(self):
        data = image_bytes() + b"PK\x03\x04 a zip archive riding along"
        cleaned = images.strip_metadata(upload(data, "x.jpg")).read()
        assert cleaned.endswith(b"\xff\xd9") and b"PK\x03\x04" not in cleaned
        assert Image.open(io.BytesIO(cleaned)).size == (640, 480)

    def test_a_stripped_original_has_nothing_left_to_strip(self):
        original = jpeg_with_hidden_metadata()
        once = images.strip_metadata(upload(original, "x.jpg")).read()
        assert images.has_private_metadata(original) and not images.has_private_metadata(once)
        assert images.strip_metadata(upload(once, "x.jpg")).read() == once


class TestDecodabilityAndLimits:
    def test_truncated_jpeg_is_refused_at_upload(self):
        noise = Image.effect_noise((400, 300), 60).convert("RGB")
        buffer = io.BytesIO()
        noise.save(buffer, "JPEG")
        truncated = buffer.getvalue()[:20_000]
        with pytest.raises(ValidationError, match="truncated or unreadable"):
            images.check_image(upload(truncated, "photo.jpg"))
        with pytest.raises(ValidationError, match="truncated or unreadable"):
            make_image(make_article(), file=upload(truncated, "photo.jpg"))
        assert not stored_files()

    def test_truncated_jpeg_is_refused_after_weasyprint_loosened_pillow(self, monkeypatch):
        from PIL import ImageFile

        # WeasyPrint sets this for the whole process when it is imported (PDFs).
        monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
        noise = Image.effect_noise((400, 300), 60).convert("RGB")
        buffer = io.BytesIO()
        noise.save(buffer, "JPEG")
        with pytest.raises(ValidationError, match="truncated or unreadable"):
            images.check_image(upload(buffer.getvalue()[:20_000], "photo.jpg"))
        assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was found

    def test_a_side_over_the_limit_is_refused(self):
        tall = io.BytesIO()
        Image.new("L", (1, 13_000)).save(tall, "PNG")
        with pytest.raises(ValidationError) as caught:
            images.check_image(upload(tall.getvalue(), "tall.png"))
        assert "1×13000 pixels" in caught.value.messages[0]
        assert "12,000 pixels" in caught.value.messages[0]

    def test_the_side_limit_is_a_setting_but_never_beyond_what_webp_holds(self, settings):
        settings.NEWSROOM_MAX_IMAGE_SIDE = 100
        with pytest.raises(ValidationError, match="longer than 100 pixels"):
            images.check_image(upload(image_bytes(200, 50), "wide.jpg"))
        settings.NEWSROOM_MAX_IMAGE_SIDE = 20_000
        tall = io.BytesIO()
        Image.new("L", (1, 16_400)).save(tall, "PNG")
        with pytest.raises(ValidationError, match="16,383 pixels"):
            images.check_image(upload(tall.getvalue(), "tall.png"))

    def test_size_limit_message_says_what_the_setting_and_readme_say(self):
        assert settings.NEWSROOM_MAX_UPLOAD_BYTES == 25 * 1024 * 1024
        too_big = upload(b"\xff\xd8" + b"\0" * settings.NEWSROOM_MAX_UPLOAD_BYTES, "big.jpg")
        with pytest.raises(ValidationError) as caught:
            images.check_image(too_big)
        assert caught.value.messages == ["The file is 25.1 MB; the limit is 25 MB."]
        readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
        row = next(line for line in readme.splitlines() if "NEWSROOM_MAX_UPLOAD_BYTES" in line)
        assert "25 MB" in row
