"""A backup taken with `manage.py backup` restores into an empty database and media folder."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from articles.demo import DEMO_SLUG, load_demo

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import json
from django.test import Client
from articles.models import Article, GalleryImage
article = Article.objects.get(slug=%r)
page = Client().get(article.get_absolute_url())
print(json.dumps({
    "releases": sorted(Article.objects.public().values_list("slug", flat=True)),
    "images": GalleryImage.objects.count(),
    "files": all(i.image.storage.exists(i.image.name) for i in GalleryImage.objects.all()),
    "renditions": all(
        i.image.storage.exists(n) for i in GalleryImage.objects.all()
        for names in i.renditions.values() for n in names.values()
    ),
    "status": page.status_code,
    "quotes": page.content.decode().count('class="quote"'),
}))
"""


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def restore_target(tmp_path):
    """An empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"{params['NAME']}_restored"
    server = f"{params['HOST'] or 'localhost'}:{params['PORT'] or 5432}"
    admin_url = f"postgresql://{params['USER']}@{server}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_and_media_folder(tmp_path, restore_target):
    load_demo(photo_size=(480, 320))
    backup = tmp_path / "backup"
    call_command("backup", str(backup), verbosity=0)
    assert sorted(p.name for p in backup.iterdir()) in (
        ["database.sqlite3", "media.tar.gz"],
        ["database.dump", "media.tar.gz"],
    )
    env = {"DATABASE_URL": restore_target, "MEDIA_ROOT": str(tmp_path / "restored-media")}
    result = run_manage("restore", str(backup), env=env)
    assert result.returncode == 0, result.stderr
    check = run_manage("shell", "-c", CHECK % DEMO_SLUG, env=env)
    assert check.returncode == 0, check.stderr
    restored = json.loads(check.stdout.strip().splitlines()[-1])
    from articles.models import Article

    assert restored["releases"] == sorted(Article.objects.public().values_list("slug", flat=True))
    # The 13 photos, and the rows of the release's French, Spanish and Arabic versions.
    assert restored["images"] == 4 * 13 and restored["files"] and restored["renditions"]
    assert restored["status"] == 200 and restored["quotes"] == 3

    # Restoring again over data is refused and changes nothing.
    again = run_manage("restore", str(backup), env=env)
    assert again.returncode != 0 and "not empty" in again.stderr


@pytest.mark.django_db
def test_backup_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path))
