"""
Faults: the storage fails during an upload, the database restarts under load.

A full disk or an unwritable media folder while an editor saves a release with
photos must give a clear error in the admin and leave nothing half-saved. The
PostgreSQL restart (bench/faults.py) cuts every connection to the cluster, so
it only runs when asked for with NEWSROOM_FAULT_TESTS=1.
"""

import errno
import os
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from articles.models import Article, GalleryImage
from tests.factories import image_upload
from tests.test_admin import ADD_URL, add_images, release_form, staff


class FullDiskStorage(FileSystemStorage):
    """A media storage on a disk with no space left: every write fails."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)


class FillingDiskStorage(FileSystemStorage):
    """A disk that fills up during the upload: the first write succeeds, then none."""

    writes = 0

    def _save(self, name, content):
        FillingDiskStorage.writes += 1
        if FillingDiskStorage.writes > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
        return super()._save(name, content)


def _storage(settings, backend: str) -> None:
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}


@pytest.fixture(params=["full disk", "unwritable folder"])
def broken_media(request, settings, tmp_path):
    if request.param == "full disk":
        _storage(settings, f"{__name__}.FullDiskStorage")
    else:
        # Tests run as root, for whom permission bits do not stop writes; a
        # folder "inside" a regular file cannot be created by anyone.
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        settings.MEDIA_ROOT = blocker / "media"
    return request.param


@pytest.fixture(params=["several at once", "gallery rows"])
def form_with_photos(request):
    data = release_form()
    uploads = [image_upload(f"p{i}.jpg", width=800) for i in range(2)]
    if request.param == "several at once":
        data["gallery_upload"] = uploads
        data["gallery_upload_alt_text"] = "Delegates in the conference hall"
    else:
        add_images(data, *uploads)
    return data


@pytest.fixture
def editor(client):
    client.force_login(staff("Editors"))
    # The response a browser would get, not the exception.
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
def test_nothing_is_half_saved(editor, broken_media, form_with_photos):
    editor.post(ADD_URL, form_with_photos)
    assert not Article.objects.exists()
    assert not GalleryImage.objects.exists()


@pytest.mark.django_db
def test_the_editor_gets_a_clear_error_and_keeps_the_form(editor, broken_media, form_with_photos):
    response = editor.post(ADD_URL, form_with_photos)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errornote"' in html or 'class="errorlist nonfield"' in html
    # What the editor typed is still in the form, to be saved again.
    assert 'value="Regional conference opens"' in html
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_disk_filling_up_leaves_no_orphan_files(editor, settings, form_with_photos):
    FillingDiskStorage.writes = 0
    _storage(settings, f"{__name__}.FillingDiskStorage")
    editor.post(ADD_URL, form_with_photos)
    assert FillingDiskStorage.writes > 1, "the disk never filled up"
    assert not Article.objects.exists()
    left = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert left == []


@pytest.mark.skipif(
    os.environ.get("NEWSROOM_FAULT_TESTS") != "1",
    reason="restarts the machine's PostgreSQL cluster: set NEWSROOM_FAULT_TESTS=1 to run it",
)
def test_the_site_survives_a_postgres_restart(tmp_path):
    from django.db import connections

    from bench import faults, harness

    url = os.environ.get("DATABASE_URL", "")
    if not harness.is_postgres(url):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    try:
        outcome = faults.run(
            harness.with_database(url, "newsroom_faults"), releases=50, workdir=tmp_path
        )
    finally:
        # This process's own connections did not survive the restart either.
        connections.close_all()
    assert outcome.ok, outcome.problems
    assert outcome.recovered_after is not None


def test_a_benchmark_database_built_before_a_migration_was_edited_is_rebuilt(tmp_path, monkeypatch):
    """The fault test and the benchmarks reuse their dataset only on the same schema."""
    from bench import dataset, harness

    migrations = tmp_path / "articles" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "0001_initial.py").write_text("operations = []\n")
    monkeypatch.setattr(harness, "ROOT", tmp_path)
    before = dataset.wanted_marker(50)
    assert dataset.wanted_marker(50) == before

    (migrations / "0001_initial.py").write_text("operations = ['an edited field']\n")
    assert dataset.wanted_marker(50) != before
