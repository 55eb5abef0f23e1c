"""
A leak sweep over every stored file (originals and every rendition) of
draft, in-review, embargoed, expired and deleted photos, on the local file
system and on S3-compatible storage (a moto server on loopback, started
here): none answers a reader, by Newsroom's URL or by the storage's own;
the embargoed ones start answering at the same URL when the embargo lifts.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone

from articles.links import media_url
from articles.media import access
from articles.media.public import public_storage
from articles.models import Article
from tests.factories import make_article, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db(transaction=True)

LIFT = timedelta(hours=2)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server on loopback for this test session."""
    moto = Path(sys.executable).with_name("moto_server")
    if not moto.exists():
        pytest.skip("moto[server] is not installed")
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=1)  # noqa: S310
                break
            except urllib.error.HTTPError:
                break  # answering
            except OSError:
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_storages(endpoint: str, bucket: str) -> dict:
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "access_key": "newsroom-test",
        "secret_key": "newsroom-test-secret",
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
        "public_media": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "public",
                "default_acl": "public-read",
                "querystring_auth": False,
                "file_overwrite": True,
            },
        },
    }


# The file system runs on both databases; S3 on loopback (the same access check,
# another storage) on one of the two in CI.
@pytest.fixture(params=["filesystem", pytest.param("s3", marks=pytest.mark.any_database)])
def backend(request, settings):
    """The storage set-up under test; yields how a reader fetches a URL."""
    if request.param == "s3":
        pytest.importorskip("storages.backends.s3")
        import boto3

        endpoint = request.getfixturevalue("s3_server")
        bucket = f"newsroom-{uuid.uuid4().hex[:12]}"
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="newsroom-test",
            aws_secret_access_key="newsroom-test-secret",
        ).create_bucket(Bucket=bucket)
        settings.STORAGES = {**settings.STORAGES, **s3_storages(endpoint, bucket)}
    return request.param


def read(client, name: str) -> tuple[int, bytes]:
    """What a reader's browser gets for a photo URL, following a redirect to storage."""
    response = client.get(media_url(name))
    if response.status_code in (301, 302):
        return fetch(response["Location"])
    if response.status_code != 200:
        return response.status_code, b""
    return 200, b"".join(response.streaming_content)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def storage_urls(name: str) -> list[str]:
    """Where the file could be found around the check: the storages' own plain URLs."""
    urls = []
    for storage in (default_storage, public_storage()):
        plain = storage.url(name).split("?")[0]
        if plain.startswith("http"):
            urls.append(plain)
    return urls


@pytest.fixture
def hidden(backend):
    now = timezone.now()
    speaker = make_speaker(name="Shared Speaker", slug="shared-speaker")
    photos = {}
    for state, fields in {
        "draft": {"status": Article.Status.DRAFT, "publish_at": None},
        "review": {"status": Article.Status.REVIEW, "publish_at": None},
        "embargoed": {"publish_at": now + LIFT},
        "expired": {
            "publish_at": now - timedelta(days=2),
            "unpublish_at": now - timedelta(hours=1),
        },
        "deleted": {},
    }.items():
        article = make_article(slug=f"release-{state}", **fields)
        make_quote(article, speaker)
        image = make_image(article, width=1000)
        image.refresh_from_db()
        photos[state] = (article, sorted(access.image_names(image)), image)
    _, _, doomed = photos["deleted"]
    doomed.delete()
    return photos


def test_no_hidden_photo_answers_a_reader(client, hidden, backend):
    for state, (_article, names, _image) in hidden.items():
        assert len(names) == 7, state  # the original, and WebP and JPEG at 480, 960, 1000
        for name in names:
            status, _ = read(client, name)
            assert status == 404, (state, name)
            if backend == "s3":  # the files really are in the bucket, behind the check
                assert storage_urls(name)[0].startswith("http://127.0.0.1:")
            for url in storage_urls(name):
                assert fetch(url)[0] in (403, 404), (state, url)


def test_staff_read_them_all_but_deleted_ones(admin_client, hidden, backend):
    for state, (_article, names, _image) in hidden.items():
        for name in names:
            status, body = read(admin_client, name)
            if state == "deleted":
                assert status == 404, name
            else:
                assert status == 200, (state, name)
                assert body[:2] == b"\xff\xd8" or body[8:12] == b"WEBP"
            if backend == "s3" and state != "deleted":
                redirect = admin_client.get(media_url(name))
                assert "Signature" in redirect["Location"] or "X-Amz-" in redirect["Location"]
                assert "no-store" in redirect["Cache-Control"]


def test_the_embargo_lift_makes_them_readable_at_the_same_urls(client, hidden, backend):
    article, names, _ = hidden["embargoed"]
    with time_machine.travel(article.publish_at + timedelta(seconds=1), tick=True):
        for name in names:
            status, body = read(client, name)
            assert status == 200, name
            assert body
        # Every other hidden photo stays hidden.
        for state in ("draft", "review", "expired", "deleted"):
            assert all(read(client, name)[0] == 404 for name in hidden[state][1]), state


def test_a_withdrawal_after_the_lift_takes_them_down_again(client, hidden, backend):
    article, names, _ = hidden["embargoed"]
    with time_machine.travel(article.publish_at + timedelta(seconds=1), tick=True):
        assert all(read(client, name)[0] == 200 for name in names)
        public_urls = [url for name in names for url in storage_urls(name)]
        article.status = Article.Status.DRAFT
        article.save()
        for name in names:
            assert read(client, name)[0] == 404, name
        for url in public_urls:
            assert fetch(url)[0] in (403, 404), url


def test_files_stay_in_private_storage_for_a_restore(hidden, backend):
    _, names, _ = hidden["deleted"]
    assert all(default_storage.exists(name) for name in names)
    assert not any(public_storage().exists(name) for name in names)


@pytest.fixture(autouse=True)
def _aws_environment(monkeypatch):
    # boto3 must not read this machine's own AWS configuration.
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
