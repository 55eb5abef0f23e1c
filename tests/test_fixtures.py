"""
Moving a site's data with Django fixtures, as docs/bundle-format.md describes:

    dumpdata auth.user --natural-foreign --natural-primary -o users.json
    dumpdata articles taggit reversion --natural-foreign -o content.json
    loaddata users.json content.json        (into a new, migrated database)

Content keeps its ids; everything else (content types, users, speakers and
releases referred to from other rows) travels by natural key, so the target's
own ids do not matter. Content alone also moves with --natural-primary: the
release-theme links have a natural key of their own (see the last tests).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from reversion.models import Revision, Version
from taggit.models import Tag

from articles.demo import load_demo
from articles.models import (
    Article,
    ArticleTheme,
    Event,
    GalleryImage,
    Quote,
    ShareLink,
    Speaker,
    ThemeNames,
)
from articles.translations import shared
from tests.factories import make_article, make_quote, make_speaker, tomorrow
from tests.test_bundles import empty_content, export_folder

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
CONTENT_MODELS = [
    get_user_model(),
    Speaker,
    Event,
    Article,
    Quote,
    GalleryImage,
    ShareLink,
    Tag,
    ThemeNames,
    ArticleTheme,
    Revision,
    Version,
]


def content_rows() -> dict:
    """
    Every content row, as the fixtures can keep it: Django's JSON serializer
    writes times to the millisecond, and users are matched by name, so their
    ids (and references to them) are compared by user name.
    """
    User = get_user_model()
    names = dict(User.objects.values_list("pk", "username"))

    def comparable(row: dict) -> dict:
        for key, value in row.items():
            if isinstance(value, datetime):
                row[key] = value.replace(microsecond=value.microsecond // 1000 * 1000)
            elif key in ("author_id", "created_by_id", "user_id"):
                row[key] = names.get(value)
        row.pop("id" if "username" in row else "", None)
        return row

    return {
        model._meta.label: [
            comparable(row) for row in model._default_manager.order_by("pk").values()
        ]
        for model in CONTENT_MODELS
    }


def dump(tmp_path: Path) -> tuple[Path, Path]:
    users, content = tmp_path / "users.json", tmp_path / "content.json"
    call_command(
        "dumpdata", "auth.user", natural_foreign=True, natural_primary=True, output=str(users)
    )
    call_command(
        "dumpdata", "articles", "taggit", "reversion", natural_foreign=True, output=str(content)
    )
    return users, content


def empty_site() -> None:
    """A new site's database: migrated, no content, no users. Media files stay:
    fixtures name them, and they are copied beside the fixtures."""
    Version.objects.all().delete()
    Revision.objects.all().delete()
    ShareLink.objects.all().delete()
    empty_content(keep_media=True)
    get_user_model().objects.all().delete()


@pytest.fixture
def site(tmp_path):
    """The demo, an author, a gap in the ids, a share link and some history."""
    editor = get_user_model().objects.create_user("editor", password="x")
    make_article(slug="deleted-long-ago").delete()
    demo = load_demo(photo_size=(60, 40))
    # The demo's translation group (French, Spanish, Arabic), one more, and a
    # theme named in other languages.
    assert demo.translations.count() == 3
    other = make_article(slug="to-translate", themes=["Cybercrime"])
    shared.translation_create(source=other, language="fr")
    cyber = demo.themes.get(name__iexact="cybercrime")
    ThemeNames.objects.update_or_create(
        theme=cyber, defaults={"names": {"fr": "cybercriminalité", "es": "ciberdelito"}}
    )
    draft = make_article(
        slug="draft-with-author",
        status=Article.Status.REVIEW,
        publish_at=tomorrow(),
        author=editor,
        themes=["Cybercrime", "elections"],
    )
    make_quote(draft, make_speaker(slug="spokesperson"))
    ShareLink.objects.create(article=draft, note="A journalist", created_by=editor)
    # An import that changes a release records history, which must travel too.
    bundle = tmp_path / "history"
    document = export_folder(bundle, "--status", "review")
    document["releases"][0]["title"] = "Draft, as revised by the archive"
    (bundle / "bundle.json").write_text(json.dumps(document))
    call_command("import_releases", str(bundle), stdout=io.StringIO())


class TestNaturalKeyFixtures:
    def test_dump_empty_load_gives_back_the_same_rows(self, site, tmp_path):
        before = content_rows()
        assert before["articles.ArticleTheme"] and before["reversion.Version"]
        users, content = dump(tmp_path)

        empty_site()
        assert not Article.objects.exists()
        call_command("loaddata", str(users), str(content), verbosity=0)

        assert content_rows() == before
        # The demo's themes are on the demo release, not shifted onto another.
        demo = Article.objects.get(slug="european-regional-conference-tirana-2024")
        assert len(demo.themes.names()) == 6

    def test_new_rows_after_loading_get_new_ids(self, site, tmp_path):
        # PostgreSQL's sequences must be moved past the loaded ids.
        users, content = dump(tmp_path)
        empty_site()
        call_command("loaddata", str(users), str(content), verbosity=0)
        highest = Article.objects.order_by("-pk").first().pk
        article = make_article(slug="after-the-move", themes=["new theme"])
        assert article.pk > highest
        make_quote(article, Speaker.objects.first())

    def test_references_travel_by_natural_key(self, site, tmp_path):
        users, content = dump(tmp_path)
        rows = json.loads(content.read_text())
        by_model = {}
        for row in rows:
            by_model.setdefault(row["model"], []).append(row)
        link = by_model["articles.articletheme"][0]["fields"]
        assert isinstance(link["content_object"], list)  # the release's slug
        assert isinstance(link["tag"], list)  # the theme's name
        quote = by_model["articles.quote"][0]["fields"]
        assert isinstance(quote["article"], list) and isinstance(quote["speaker"], list)
        draft = next(
            r for r in by_model["articles.article"] if r["fields"]["slug"] == "draft-with-author"
        )
        assert draft["fields"]["author"] == ["editor"]
        user = json.loads(users.read_text())[0]
        assert "pk" not in user and user["fields"]["username"] == "editor"


class TestNaturalPrimaryKeys:
    """
    dumpdata --natural-foreign --natural-primary: content travels without its
    ids, and lands on the target's own ids with every reference intact.
    """

    def test_content_moves_without_its_ids(self, site, tmp_path):
        def content():
            return {
                a.slug: (
                    sorted(a.themes.names()),
                    [(q.speaker.slug, q.text) for q in a.quotes.all()],
                    [(i.alt_text, i.image.name) for i in a.images.all()],
                    a.event.slug if a.event else None,
                    a.source.slug if a.source else None,
                )
                for a in Article.objects.all()
            } | {"names": {n.theme.name: n.names for n in ThemeNames.objects.all()}}

        before = content()
        ids_before = set(Article.objects.values_list("pk", flat=True))
        fixture = tmp_path / "all-natural.json"
        call_command(
            "dumpdata",
            "articles.speaker",
            "articles.event",
            "articles.article",
            "articles.articletheme",
            "articles.quote",
            "articles.galleryimage",
            "articles.themenames",
            "taggit.tag",
            natural_foreign=True,
            natural_primary=True,
            output=str(fixture),
        )
        rows = json.loads(fixture.read_text())
        names = [r for r in rows if r["model"] == "articles.themenames"]
        assert ["cybercrime"] in [r["fields"]["theme"] for r in names]
        assert all("pk" not in r for r in rows if r["model"] != "articles.quote" and
                   r["model"] != "articles.galleryimage")  # fmt: skip
        empty_site()
        # The target has rows of its own: the loaded ones cannot keep their ids.
        make_article(slug="already-here", themes=["cybercrime"])
        get_user_model().objects.create_user("editor")
        call_command("loaddata", str(fixture), verbosity=0)
        after = content()
        assert after.pop("already-here") == (["cybercrime"], [], [], None, None)
        assert after == before
        assert set(Article.objects.values_list("pk", flat=True)).isdisjoint(ids_before)

    def test_loading_twice_updates_instead_of_duplicating(self, site, tmp_path):
        fixture = tmp_path / "content.json"
        call_command(
            "dumpdata",
            "articles.article",
            "articles.articletheme",
            "taggit.tag",
            natural_foreign=True,
            natural_primary=True,
            output=str(fixture),
        )
        links = ArticleTheme.objects.count()
        call_command("loaddata", str(fixture), verbosity=0)
        call_command("loaddata", str(fixture), verbosity=0)
        assert ArticleTheme.objects.count() == links
        assert Article.objects.filter(slug="draft-with-author").count() == 1


# --- a real move: SQLite to this test run's database, through both paths --------------------


def manage(url: str, media: Path, *args: str) -> str:
    """manage.py in a child process, on its own database and media folder."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "DATABASE_CONN_MAX_AGE": "0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def commands(*calls: str) -> str:
    """One child process for several commands: start-up is the slow part."""
    return "; ".join(["from django.core.management import call_command as c", *calls])


@pytest.fixture
def new_database(request, tmp_path):
    """
    Makes migrated, empty databases on the backend under test: SQLite files, or
    PostgreSQL databases when DATABASE_URL points there (dropped afterwards).
    Each is a copy of one migrated template, as migrating is slow.
    """
    url = os.environ.get("DATABASE_URL", "")
    media = tmp_path / "unused-media"
    if not url.startswith(("postgres://", "postgresql://")):
        migrated_sqlite = request.getfixturevalue("migrated_sqlite")

        def make(label: str) -> str:
            return migrated_sqlite(tmp_path / f"{label}.sqlite3")

        yield make
        return

    import psycopg

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    prefix = f"newsroom_move_{uuid.uuid4().hex[:8]}"
    created = [f"{prefix}_template"]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{created[0]}"')
    manage(urlunsplit(parts._replace(path=f"/{created[0]}")), media, "migrate", "--verbosity", "0")

    def make(label: str) -> str:
        name = f"{prefix}_{label}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{created[0]}"')
        created.append(name)
        return urlunsplit(parts._replace(path=f"/{name}"))

    yield make
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for name in reversed(created):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_moving_a_sqlite_site_by_fixtures_and_by_bundle(tmp_path, new_database, migrated_sqlite):
    """
    From a SQLite site to a new database of the backend under test (PostgreSQL
    in CI's second run): both paths give a site whose export is byte for byte
    the old site's export.
    """
    users, content = tmp_path / "users.json", tmp_path / "content.json"
    old_media = tmp_path / "old-media"
    old = migrated_sqlite(tmp_path / "old.sqlite3")
    manage(old, old_media, "shell", "-c", commands(
        "from articles.demo import load_demo",
        "from articles.models import Article",
        "Article.objects.create(slug='gone', title='Gone', lead='x').delete()",
        "load_demo(photo_size=(60, 40))",
        f"c('dumpdata', 'auth.user', natural_foreign=True, natural_primary=True, "
        f"output='{users}')",
        f"c('dumpdata', 'articles', 'taggit', 'reversion', natural_foreign=True, "
        f"output='{content}')",
        f"c('export_releases', '{tmp_path / 'old.zip'}')",
    ))  # fmt: skip

    # Fixtures name files; the media folder is copied beside them.
    fixture_media = tmp_path / "fixture-media"
    shutil.copytree(old_media, fixture_media)
    manage(new_database("fixture"), fixture_media, "shell", "-c", commands(
        # A content type id the old site never had: references must go by name.
        "from django.contrib.contenttypes.models import ContentType as C",
        "t = C.objects.get(app_label='articles', model='article')",
        "C.objects.filter(pk=t.pk).update(model='placeholder')",
        "C.objects.create(app_label='articles', model='article')",
        f"c('loaddata', '{users}', '{content}')",
        f"c('export_releases', '{tmp_path / 'by-fixture.zip'}')",
    ))  # fmt: skip

    manage(new_database("bundle"), tmp_path / "bundle-media", "shell", "-c", commands(
        f"c('import_releases', '{tmp_path / 'old.zip'}')",
        f"c('export_releases', '{tmp_path / 'by-bundle.zip'}')",
    ))  # fmt: skip

    old_zip = (tmp_path / "old.zip").read_bytes()
    assert (tmp_path / "by-fixture.zip").read_bytes() == old_zip
    assert (tmp_path / "by-bundle.zip").read_bytes() == old_zip
