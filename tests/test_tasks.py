"""
Photo renditions are background tasks: an upload stores the photos and
answers at once; a worker (``manage.py db_worker``) makes the renditions after
the commit, and only then do the photos appear on the public page.

Tests here are marked ``real_tasks``: tasks go to the database queue after the
commit, as in production (elsewhere they run at once, see tests/conftest.py).
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django_tasks_db.models import DBTaskResult

from articles.models import GalleryImage
from articles.services import gallery_image_renditions_make
from tests.factories import image_upload, make_article, make_image, make_speaker
from tests.formdata import form_data
from tests.test_admin import staff

ROOT = Path(__file__).resolve().parents[1]
ALT = "Delegates at the opening session"

pytestmark = pytest.mark.real_tasks


def add_photos(client, article, count: int):
    """'Add photos to the gallery' on the release's change page, as an editor does."""
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(client.get(url).content.decode(), "article_form")
    data["gallery_upload"] = [image_upload(f"hall-{i}.jpg", width=1200) for i in range(count)]
    data["gallery_upload_alt_text"] = ALT
    return client.post(url, data, follow=True)


def queued():
    """The queue: (task, its arguments, status) for each task."""
    return [
        (path, tuple(arguments["args"]), status)
        for path, arguments, status in DBTaskResult.objects.values_list(
            "task_path", "args_kwargs", "status"
        )
    ]


@pytest.fixture
def publisher(client):
    client.force_login(staff("Publishers"))
    return client


@pytest.mark.django_db
def test_an_upload_enqueues_renditions_after_the_commit_and_makes_none(
    publisher, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = add_photos(publisher, article, 3)
        # Nothing is queued before the photos are committed.
        assert not DBTaskResult.objects.exists()
    assert response.redirect_chain, response.context["adminform"].form.errors
    assert "3 photos added; their renditions are being made." in response.content.decode()
    assert len(callbacks) >= 3
    images = list(article.images.all())
    assert len(images) == 3 and not any(image.has_renditions for image in images)
    assert sorted(queued()) == sorted(
        ("articles.tasks.make_renditions", (image.pk,), "READY") for image in images
    )
    # Readers see no photo yet; the editor sees that it is being prepared.
    assert ALT not in publisher.get(article.get_absolute_url()).content.decode()
    change_page = publisher.get(f"/admin/articles/article/{article.pk}/change/")
    assert change_page.content.decode().count("Being prepared…") == 3


@pytest.mark.django_db
def test_a_replaced_photo_is_hidden_until_the_worker_makes_its_renditions(
    publisher, django_capture_on_commit_callbacks
):
    article = make_article()
    image = gallery_image_renditions_make(image=make_image(article, alt_text=ALT))
    assert ALT in publisher.get(article.get_absolute_url()).content.decode()
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(publisher.get(url).content.decode(), "article_form")
    data["images-0-image"] = image_upload("new.jpg")
    data["expected_version"] = str(article.version)
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()
    assert not image.has_renditions
    # The page view before asked for the gallery's photo ZIP (articles.mediakit).
    assert queued() == [
        ("articles.tasks.build_media_kit", (article.pk,), "READY"),
        ("articles.tasks.make_renditions", (image.pk,), "READY"),
    ]
    assert ALT not in publisher.get(article.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_speaker_photo_is_enqueued_after_the_commit(
    publisher, django_capture_on_commit_callbacks
):
    speaker = make_speaker()
    url = f"/admin/articles/speaker/{speaker.pk}/change/"
    data = form_data(publisher.get(url).content.decode(), "speaker_form")
    data["photo"] = image_upload("portrait.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    speaker.refresh_from_db()
    assert speaker.photo and not speaker.photo_renditions
    assert queued() == [("articles.tasks.make_speaker_renditions", (speaker.pk,), "READY")]


@pytest.mark.django_db
def test_a_rolled_back_upload_enqueues_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    article = make_article()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_image(article)
        raise RuntimeError("the save failed")
    assert callbacks == [] and not DBTaskResult.objects.exists()


# --- The real worker --------------------------------------------------------------


def postgres_url(params) -> str:
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    server = f"{params['HOST'] or 'localhost'}:{params['PORT'] or 5432}"
    return f"postgres://{params['USER']}{password}@{server}/{params['NAME']}"


@pytest.fixture
def shared_database(request, transactional_db, tmp_path):
    """
    The URL of a database whose commits another process sees: the test database
    on PostgreSQL. SQLite's test database lives in this process's memory, so
    there the test's connection is pointed at a migrated file for the test
    (a copy of one that ``manage.py migrate`` made for the session).
    """
    if connection.vendor == "postgresql":
        yield postgres_url(connection.settings_dict)
        return
    path = tmp_path / "shared.sqlite3"
    request.getfixturevalue("migrated_sqlite")(path)
    in_memory = connections["default"]
    # Transactions take the write lock when they begin, so that one meeting the
    # worker's waits for it instead of failing with "database is locked".
    options = {**in_memory.settings_dict["OPTIONS"], "transaction_mode": "IMMEDIATE", "timeout": 30}
    connections["default"] = type(in_memory)(
        {**in_memory.settings_dict, "NAME": str(path), "OPTIONS": options}
    )
    try:
        yield f"sqlite:///{path}"
    finally:
        connections["default"].close()
        connections["default"] = in_memory


@pytest.fixture
def worker(shared_database, settings, tmp_path):
    """Starts ``manage.py db_worker`` on the shared database and media; stops it by its PID."""
    log = (tmp_path / "worker.log").open("w")
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASKS_BACKEND")}
    env = {**base, "DATABASE_URL": shared_database, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        log.close()


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_makes_the_renditions_and_the_photos_appear(worker, client, tmp_path):
    from django.contrib.auth.models import User

    # Not a Publisher: transactional tests before this one may have flushed the groups.
    publisher = client
    publisher.force_login(User.objects.create_superuser("chief", password="x-Strong-pass-9"))
    article = make_article()
    response = add_photos(publisher, article, 2)
    assert "2 photos added; their renditions are being made." in response.content.decode()

    def all_made():
        return {status for *_, status in queued()} == {"SUCCESSFUL"}

    assert wait_for(all_made), (queued(), (tmp_path / "worker.log").read_text())
    images = list(GalleryImage.objects.filter(article=article))
    assert len(images) == 2 and all(image.has_renditions for image in images)
    assert all(
        image.image.storage.exists(name)
        for image in images
        for names in image.renditions.values()
        for name in names.values()
    )
    page = publisher.get(article.get_absolute_url()).content.decode()
    assert page.count(f'alt="{ALT}"') >= 2
    for image in images:
        assert image.large_url in page
    assert worker.poll() is None, "the worker keeps running, waiting for more"


@pytest.mark.django_db
def test_photos_without_renditions_can_be_enqueued_again(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    article = make_article()
    waiting = make_image(article)
    made = gallery_image_renditions_make(image=make_image(article))
    speaker = make_speaker(photo=image_upload("portrait.jpg"))
    make_speaker()  # without a photo: nothing to make
    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_missing_renditions", stdout=io.StringIO())
    assert made.has_renditions
    assert sorted(queued()) == [
        ("articles.tasks.make_renditions", (waiting.pk,), "READY"),
        ("articles.tasks.make_speaker_renditions", (speaker.pk,), "READY"),
    ]
