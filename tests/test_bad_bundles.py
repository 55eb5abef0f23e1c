"""
Bad bundles: each is refused with an error naming the file, the record and the
field; the command fails (non-zero exit), and every row of every table and every
file in MEDIA_ROOT is exactly as it was.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from PIL import Image

from articles.bundles.sources import FileSource, Unreadable
from articles.models import Quote
from tests.factories import make_article, make_image, make_quote, make_speaker
from tests.test_bundles import (
    SMALL_IMAGES,
    database_snapshot,
    media_files,
    photo,
    small_bundle,
    write_bundle,
)

pytestmark = pytest.mark.django_db

RELEASE = "releases[0] (slug 'police-chiefs-meet')"
SPEAKER = "speakers[0] (slug 'jurgen-stock')"
EVENT = "events[0] (slug 'tirana-2024')"


@pytest.fixture(autouse=True)
def existing_site():
    """Something to lose: a release with a quote, a theme and a stored photo."""
    speaker = make_speaker(slug="existing-speaker")
    article = make_article(slug="existing-release", themes=["migration"])
    make_quote(article, speaker)
    make_image(article)


def refused(path: Path, *fragments: str) -> str:
    rows, files = database_snapshot(), media_files()
    assert files, "the site should have stored media to lose"
    with pytest.raises(CommandError) as caught:
        call_command("import_releases", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    message = str(caught.value)
    assert message.startswith("Nothing was imported.")
    for fragment in fragments:
        assert fragment in message
    assert database_snapshot() == rows
    assert media_files() == files
    return message


def bundle_with(tmp_path, change=None, images=None) -> Path:
    """The valid small bundle, altered by ``change(document)``; returns its folder."""
    document = small_bundle()
    if change:
        change(document)
    return write_bundle(tmp_path / "bundle", document, SMALL_IMAGES if images is None else images)


def release(document) -> dict:
    return document["releases"][0]


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'


# --- the file as a whole -------------------------------------------------------------


class TestFile:
    def json_file(self, tmp_path, content: bytes) -> Path:
        path = tmp_path / "releases.json"
        path.write_bytes(content)
        return path

    def test_truncated_json(self, tmp_path):
        text = json.dumps(small_bundle())
        path = self.json_file(tmp_path, text[: len(text) // 2].encode())
        refused(path, str(path), "not valid JSON", "line 1, column")

    def test_empty_file(self, tmp_path):
        path = self.json_file(tmp_path, b"")
        refused(path, f"{path}: the file is empty")

    def test_not_utf8(self, tmp_path):
        path = self.json_file(tmp_path, '{"format": "café"}'.encode("latin-1"))
        refused(path, str(path), "not UTF-8")

    def test_a_json_array_instead_of_an_object(self, tmp_path):
        path = self.json_file(tmp_path, json.dumps([small_bundle()]).encode())
        refused(path, str(path), "must be a JSON object, not a list")

    def test_not_a_bundle(self, tmp_path):
        path = self.json_file(tmp_path, b'{"model": "articles.article", "pk": 1}')
        refused(path, f"{path}: format: must be “newsroom-bundle”")

    def test_wrong_format_name(self, tmp_path):
        document = small_bundle() | {"format": "wordpress-export"}
        refused(self.json_file(tmp_path, json.dumps(document).encode()), "format: must be")

    def test_unsupported_version(self, tmp_path):
        document = small_bundle() | {"version": 3}
        refused(
            self.json_file(tmp_path, json.dumps(document).encode()),
            "version: version 3 is not supported; this Newsroom reads versions 1, 2",
        )

    def test_version_as_a_string(self, tmp_path):
        document = small_bundle() | {"version": "1"}
        refused(
            self.json_file(tmp_path, json.dumps(document).encode()),
            'version: version "1" is not supported',
        )

    def test_a_key_given_twice(self, tmp_path):
        text = json.dumps(small_bundle()).replace('"title": ', '"title": "One", "title": ', 1)
        refused(self.json_file(tmp_path, text.encode()), "the key “title” appears twice")

    def test_nan_is_not_json(self, tmp_path):
        text = json.dumps(small_bundle()).replace('"expected_participants": 160', '"x": NaN')
        refused(self.json_file(tmp_path, text.encode()), "NaN is not valid JSON")

    def test_a_list_that_is_not_a_list(self, tmp_path):
        document = small_bundle() | {"releases": {"slug": "x"}}
        refused(
            self.json_file(tmp_path, json.dumps(document).encode()),
            "releases: must be a list, not an object",
        )

    def test_unknown_top_level_field(self, tmp_path):
        document = small_bundle() | {"articles": []}
        refused(self.json_file(tmp_path, json.dumps(document).encode()), "articles: unknown field")

    def test_no_such_path(self, tmp_path):
        refused(tmp_path / "nowhere.json", "nowhere.json: no such file or folder")

    def test_a_folder_without_bundle_json(self, tmp_path):
        (tmp_path / "empty").mkdir()
        refused(tmp_path / "empty", "empty: the folder has no bundle.json")


# --- records and fields ----------------------------------------------------------------


def _set(getter, key, value):
    def change(document):
        getter(document)[key] = value

    return change


def _delete(getter, key):
    def change(document):
        del getter(document)[key]

    return change


def speaker(document):
    return document["speakers"][0]


def event(document):
    return document["events"][0]


def quote(document):
    return release(document)["quotes"][0]


def gallery(document):
    return release(document)["gallery"][0]


def _append_copy(kind):
    def change(document):
        document[kind].append(dict(document[kind][0]))

    return change


FIELD_CASES = {
    "release that is not an object": (
        _set(lambda d: d, "releases", ["police-chiefs-meet"]),
        ["releases[0]: must be an object, not a string"],
    ),
    "missing title": (_delete(release, "title"), [RELEASE, "title: is required"]),
    "missing slug": (_delete(release, "slug"), ["releases[0]: slug: is required"]),
    "title of the wrong type": (
        _set(release, "title", 42),
        [RELEASE, "title: must be a string, not a number"],
    ),
    "quotes of the wrong type": (
        _set(release, "quotes", "We can only take on these challenges together."),
        [RELEASE, "quotes: must be a list, not a string"],
    ),
    "a theme that is not a string": (
        _set(release, "themes", ["cybercrime", 7]),
        [RELEASE, "themes: item 1 must be a string, not a number"],
    ),
    "a misspelt field": (
        _set(gallery, "captoin", "Opening"),
        [RELEASE, "gallery[0].captoin: unknown field"],
    ),
    "unknown speaker": (
        _set(quote, "speaker", "nobody"),
        [
            RELEASE,
            "quotes[0].speaker: no speaker with slug “nobody” in this bundle or the database",
        ],
    ),
    "unknown event": (
        _set(release, "event", "nowhere"),
        [RELEASE, "event: no event with slug “nowhere”"],
    ),
    "duplicate release slugs": (
        _append_copy("releases"),
        [
            "releases[1] (slug 'police-chiefs-meet'): slug: “police-chiefs-meet” is used twice "
            "in this bundle; first at releases[0] (slug 'police-chiefs-meet')"
        ],
    ),
    "duplicate speaker slugs": (
        _append_copy("speakers"),
        ["speakers[1] (slug 'jurgen-stock'): slug: “jurgen-stock” is used twice"],
    ),
    "event ending before it starts": (
        _set(event, "end_date", "2024-06-10"),
        [EVENT, "end_date: The end date cannot be before the start date."],
    ),
    "invalid date": (
        _set(event, "start_date", "2024-13-40"),
        [EVENT, "start_date: “2024-13-40” is not a valid date"],
    ),
    "date of the wrong type": (
        _set(event, "start_date", 20240611),
        [EVENT, "start_date: must be a string, not a number"],
    ),
    "naive time": (
        _set(release, "publish_at", "2024-06-11T09:00:00"),
        [RELEASE, "publish_at: “2024-06-11T09:00:00” has no UTC offset"],
    ),
    "a date where a time is due": (
        _set(release, "publish_at", "2024-06-11"),
        [RELEASE, "publish_at: “2024-06-11” has no UTC offset"],
    ),
    "impossible UTC offset": (
        _set(release, "publish_at", "2024-06-11T09:00:00+25:00"),
        [RELEASE, "publish_at: “2024-06-11T09:00:00+25:00” is not a valid ISO 8601"],
    ),
    "time zone name instead of an offset": (
        _set(release, "unpublish_at", "2024-06-11T09:00:00 Europe/Tirane"),
        [RELEASE, "unpublish_at: “2024-06-11T09:00:00 Europe/Tirane” is not a valid"],
    ),
    "lead over 300 characters": (
        _set(release, "lead", "x" * 301),
        [RELEASE, "lead: Ensure this value has at most 300 characters (it has 301)."],
    ),
    "title over 255 characters": (
        _set(release, "title", "x" * 256),
        [RELEASE, "title: Ensure this value has at most 255 characters"],
    ),
    "speaker role over 300 characters": (
        _set(speaker, "role", "x" * 301),
        [SPEAKER, "role: Ensure this value has at most 300 characters"],
    ),
    "slug with spaces": (
        _set(release, "slug", "police chiefs meet!"),
        ["releases[0] (slug 'police chiefs meet!'): slug: Enter a valid “slug”"],
    ),
    "status not in the choices": (
        _set(release, "status", "live"),
        [RELEASE, "status: Value 'live' is not a valid choice."],
    ),
    "language not in the choices": (
        _set(release, "language", "klingon"),
        [RELEASE, "language: Value 'klingon' is not a valid choice."],
    ),
    "unpublish before publish": (
        _set(release, "unpublish_at", "2024-06-11T08:00:00+02:00"),
        [RELEASE, "unpublish_at: The release must be withdrawn after it is published."],
    ),
    "published without a publication time": (
        _set(release, "publish_at", None),
        [RELEASE, "publish_at: A published release needs a publication time."],
    ),
    "missing alt text": (
        _delete(gallery, "alt_text"),
        [RELEASE, "gallery[0].alt_text: is required"],
    ),
    "blank alt text": (
        _set(gallery, "alt_text", "   "),
        [RELEASE, "gallery[0].alt_text: Every image needs alt text."],
    ),
    "empty quote": (
        _set(quote, "text", ""),
        [RELEASE, "quotes[0].text: This field cannot be blank."],
    ),
    "negative participants": (
        _set(event, "expected_participants", -5),
        [EVENT, "expected_participants: Ensure this value is greater than or equal to 0."],
    ),
    "participants as a string": (
        _set(event, "expected_participants", "160"),
        [EVENT, "expected_participants: must be a whole number, not a string"],
    ),
    "event link that is not a URL": (
        _set(event, "link", "conference page"),
        [EVENT, "link: Enter a valid URL."],
    ),
    "empty theme": (
        _set(release, "themes", ["  "]),
        [RELEASE, "themes[0]: a theme cannot be empty"],
    ),
    "theme over 100 characters": (
        _set(release, "themes", ["x" * 101]),
        [RELEASE, "themes[0]: a theme has at most 100 characters"],
    ),
    "dateline that is not an object": (
        _set(release, "dateline", "TIRANA, Albania"),
        [RELEASE, "dateline: must be an object, not a string"],
    ),
    "keep_metadata that is not a boolean": (
        _set(gallery, "keep_metadata", "no"),
        [RELEASE, "gallery[0].keep_metadata: must be true or false, not a string"],
    ),
    "sha256 that is not a hash": (
        _set(gallery, "sha256", "abc"),
        [RELEASE, "gallery[0].sha256: must be 64 hexadecimal digits"],
    ),
}


@pytest.mark.parametrize("case", FIELD_CASES, ids=list(FIELD_CASES))
def test_bad_field(case, tmp_path):
    change, fragments = FIELD_CASES[case]
    folder = bundle_with(tmp_path, change)
    refused(folder, str(folder / "bundle.json"), *fragments)


# --- images --------------------------------------------------------------------------------


def noisy_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


IMAGE_CASES = {
    "a text file named .jpg": (b"Delegates in the hall", "is not a valid JPEG, PNG or WebP image"),
    "an SVG": (SVG, "contains markup or code besides the picture"),
    "a JPEG hiding a script": (photo() + b"<script>alert(1)</script>", "contains markup or code"),
    "a GIF": (photo(fmt="GIF"), "GIF images are not accepted; use JPEG, PNG or WebP."),
    "a decompression bomb": (
        png_claiming(50_000, 50_000),
        "The image has too many pixels to be processed safely.",
    ),
    "a truncated JPEG": (noisy_jpeg()[:20_000], "the image data is damaged or incomplete"),
    "an empty file": (b"", "The file is empty."),
}


@pytest.mark.parametrize("case", IMAGE_CASES, ids=list(IMAGE_CASES))
def test_bad_image_content(case, tmp_path):
    content, message = IMAGE_CASES[case]
    folder = bundle_with(tmp_path, images={"images/opening.jpg": content})
    refused(folder, RELEASE, "gallery[0].path: “images/opening.jpg”", message)


def test_image_over_the_pixel_limit(tmp_path, settings):
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 1_000
    folder = bundle_with(tmp_path)
    refused(folder, RELEASE, "gallery[0].path", "The image is 64×48 pixels, more than the limit")


def test_image_over_the_size_limit(tmp_path, settings):
    settings.NEWSROOM_MAX_UPLOAD_BYTES = 100
    folder = bundle_with(tmp_path)
    refused(folder, RELEASE, "gallery[0].path: “images/opening.jpg” is", "the limit is 100 bytes")


def test_the_size_limit_reads_as_the_readme_writes_it(tmp_path, settings):
    """25 * 1024 * 1024 bytes is “25 MB”, as the README's settings table says."""
    settings.NEWSROOM_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
    source = FileSource(bundle_with(tmp_path) / "bundle.json")
    with pytest.raises(Unreadable, match="is 25.1 MB; the limit is 25 MB"):
        source._check_size("big.jpg", 25 * 1024 * 1024 + 100_000)


def test_missing_image_file(tmp_path):
    folder = bundle_with(tmp_path, images={})
    refused(folder, RELEASE, "gallery[0].path: “images/opening.jpg”: no such file in the bundle")


def test_image_that_does_not_match_its_hash(tmp_path):
    folder = bundle_with(tmp_path, _set(gallery, "sha256", "0" * 64))
    refused(folder, RELEASE, "gallery[0].path: “images/opening.jpg” does not match the sha256")


@pytest.mark.parametrize("path", ["../outside.jpg", "images/../../outside.jpg", "/etc/passwd"])
def test_image_path_leaving_the_bundle(path, tmp_path):
    (tmp_path / "outside.jpg").write_bytes(photo())
    folder = bundle_with(tmp_path, _set(gallery, "path", path))
    refused(folder, RELEASE, f"gallery[0].path: “{path}” leaves the bundle")


def test_symbolic_link_leaving_the_bundle(tmp_path):
    (tmp_path / "outside.jpg").write_bytes(photo())
    folder = bundle_with(tmp_path, images={})
    (folder / "images").mkdir()
    os.symlink(tmp_path / "outside.jpg", folder / "images" / "opening.jpg")
    refused(folder, RELEASE, "gallery[0].path", "leaves the bundle")


def test_speaker_photo_that_is_not_an_image(tmp_path):
    folder = bundle_with(
        tmp_path,
        _set(speaker, "photo", "images/portrait.jpg"),
        images={**SMALL_IMAGES, "images/portrait.jpg": b"not a photo"},
    )
    refused(folder, SPEAKER, "photo: “images/portrait.jpg”", "not a valid JPEG, PNG or WebP")


# --- zips -------------------------------------------------------------------------------


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_with_a_path_escaping_its_folder(tmp_path):
    archive = make_zip(
        tmp_path / "bundle.zip",
        {
            "bundle.json": json.dumps(small_bundle()).encode(),
            "images/opening.jpg": photo(),
            "../evil.jpg": photo(),
        },
    )
    refused(archive, f"{archive}: the zip holds a path that leaves its folder: “../evil.jpg”")
    assert not (tmp_path / "evil.jpg").exists()


def test_not_a_zip_but_named_zip(tmp_path):
    archive = tmp_path / "bundle.zip"
    archive.write_text(json.dumps(small_bundle()))
    refused(archive, f"{archive}: the file is not a valid zip archive")


def test_zip_without_bundle_json_at_its_root(tmp_path):
    archive = make_zip(
        tmp_path / "bundle.zip",
        {"export/bundle.json": json.dumps(small_bundle()).encode(), "images/opening.jpg": photo()},
    )
    refused(archive, f"{archive}: the zip has no bundle.json at its root")


def test_zip_missing_an_image(tmp_path):
    archive = make_zip(tmp_path / "bundle.zip", {"bundle.json": json.dumps(small_bundle())})
    refused(archive, str(archive), RELEASE, "“images/opening.jpg”: no such file in the bundle")


def test_empty_zip_file(tmp_path):
    (tmp_path / "bundle.zip").write_bytes(b"")
    refused(tmp_path / "bundle.zip", "not a valid zip archive")


# --- all at once, and the exit status -----------------------------------------------------


def test_every_problem_of_a_bundle_is_reported_at_once(tmp_path):
    def change(document):
        document["speakers"][0]["name"] = None
        event(document)["end_date"] = "2024-01-01"
        release(document)["lead"] = "x" * 400
        quote(document)["speaker"] = "nobody"
        document["releases"].append({"slug": "second", "title": "Second"})

    message = refused(bundle_with(tmp_path, change, images={}))
    assert "6 problems in" in message
    for expected in (
        f"{SPEAKER}: name: must be a string, not null",
        f"{EVENT}: end_date: The end date cannot be before the start date.",
        f"{RELEASE}: lead: Ensure this value has at most 300 characters (it has 400).",
        f"{RELEASE}: quotes[0].speaker: no speaker with slug “nobody”",
        f"{RELEASE}: gallery[0].path: “images/opening.jpg”: no such file",
        "releases[1] (slug 'second'): lead: is required",
    ):
        assert expected in message


def test_the_command_exits_non_zero_with_the_error_on_stderr(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "newsroom-bundle", "version": 1, "releases": [')
    result = subprocess.run(
        [sys.executable, "manage.py", "import_releases", str(path)],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{path}: not valid JSON" in result.stderr
    assert result.stdout == ""


# --- failures while writing ------------------------------------------------------------------


def two_photo_bundle(tmp_path) -> Path:
    def change(document):
        release(document)["gallery"].append(
            {"path": "images/second.jpg", "alt_text": "The closing session"}
        )

    images = {**SMALL_IMAGES, "images/second.jpg": photo((200, 10, 10))}
    return bundle_with(tmp_path, change, images=images)


def test_a_failure_while_writing_rolls_everything_back_and_removes_new_files(tmp_path, monkeypatch):
    # Patched where the importer's photo part looks it up.
    from articles.bundles.importer import photos

    calls = []
    real = photos.gallery_image_renditions_enqueue

    def fail_on_second_image(*, image):
        calls.append(image)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(image=image)

    monkeypatch.setattr(photos, "gallery_image_renditions_enqueue", fail_on_second_image)
    folder = two_photo_bundle(tmp_path)
    rows, files = database_snapshot(), media_files()
    with pytest.raises(OSError, match="disk full"):
        call_command("import_releases", str(folder), stdout=io.StringIO())
    assert len(calls) == 2
    assert database_snapshot() == rows
    assert media_files() == files


def test_a_database_conflict_while_writing_is_a_clear_error(tmp_path, monkeypatch):
    def conflict(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(Quote.objects, "bulk_create", conflict)
    folder = two_photo_bundle(tmp_path)
    refused(folder, "the database changed during the import", "run it again")
