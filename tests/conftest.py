import contextlib
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

# CI runs the suite twice, on SQLite and on PostgreSQL, side by side. Tests
# that do not depend on the database run in only one of the two runs when
# NEWSROOM_SPLIT_SUITES is set (.ci/run sets it); without it (a developer's
# ./scripts/test) every test runs. Which run takes them, by kind:
# (All on SQLite: the same tests take longer on PostgreSQL, whose run is the
# longer of the two even without them.)
ONE_DATABASE_SUITE = {
    # Chromium walk-throughs.
    "browser": "sqlite",
    # Tests marked ``any_database``: nginx, S3 on loopback, hypothesis.
    "any_database": "sqlite",
    # Tests that never touch the database (pytest-django would refuse them):
    # parsers, templates, links, translation catalogues.
    "no_database": "sqlite",
}
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


@pytest.fixture(autouse=True)
def _default_language():
    """
    Each test starts in the default language: a request to /fr/… leaves
    French active in the thread (as LocaleMiddleware does for each request).
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True, scope="session")
def _jinja_templates_reported():
    """
    The test client's ``response.context`` and ``templates``, for the public
    site's Jinja2 templates too: Django instruments only its own engine.
    """
    from django.test.signals import template_rendered

    from articles.templating import Template

    render = Template.render

    def reported(self, context=None, request=None):
        html = render(self, context, request)
        template_rendered.send(sender=self, template=self, context=context or {})
        return html

    Template.render = reported
    yield
    Template.render = render


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """
    Passwords the tests set are hashed with a fast hasher (Django's advice for
    test suites): the production hasher (PBKDF2, a million rounds) took about
    half a second for each user a test made. It stays in the list, so hashes
    made elsewhere (by another process) are still checked.
    """
    from django.conf import settings
    from django.test import override_settings

    fast = "django.contrib.auth.hashers.MD5PasswordHasher"
    with override_settings(PASSWORD_HASHERS=[fast, *settings.PASSWORD_HASHERS]):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every test writes uploads and renditions (and their public copies) to its own folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLIC_MEDIA_ROOT = tmp_path / "public-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "public_media": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "public-media", "base_url": settings.MEDIA_URL},
        },
    }


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True, scope="session")
def _tasks_at_once():
    """
    Tasks (photo renditions) run at once, where they are enqueued: a test's
    transaction is never committed, so ``on_commit`` would never enqueue them,
    and most tests expect a photo's renditions as soon as it is stored. For the
    whole session, session fixtures included (the browser tests' demo).
    """
    from django.test import override_settings

    from articles import tasks

    real = tasks.enqueue_on_commit
    tasks.enqueue_on_commit = lambda task, *args: task.enqueue(*args)
    try:
        with override_settings(TASKS=IMMEDIATE_TASKS):
            yield real
    finally:
        tasks.enqueue_on_commit = real


@pytest.fixture(autouse=True)
def _real_tasks(request, _tasks_at_once, settings, monkeypatch):
    """Tests marked ``real_tasks``: the database queue, after the commit, as in production."""
    if request.node.get_closest_marker("real_tasks"):
        from articles import tasks

        settings.TASKS = DATABASE_TASKS
        monkeypatch.setattr(tasks, "enqueue_on_commit", _tasks_at_once)


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Query counts are measured on the uncached path; cache tests use ``page_cache``."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _search_archive_off(settings):
    """
    Tests edit without committing, so the generation that keys what search
    keeps never moves on: search reads the archive each time, unless a test
    asks for ``search_archive`` (and commits its edits).
    """
    settings.NEWSROOM_SEARCH_ARCHIVE_SECONDS = 0


@pytest.fixture
def search_archive(settings):
    settings.NEWSROOM_SEARCH_ARCHIVE_SECONDS = 3600


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 3600


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    def clear():
        # A cache server a test stopped on purpose cannot be cleared.
        with contextlib.suppress(Exception):
            cache.clear()

    clear()
    yield
    clear()


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings, page_cache):
    """The page cache on, in local memory and in Redis (required in CI)."""
    from django.core.cache import caches

    if request.param == "redis":
        if not redis_available():
            if os.environ.get("CI"):
                pytest.fail(f"Redis is not reachable at {REDIS_URL}")
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": "newsroom-test",
            }
        }
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """
    Makes SQLite database files as ``manage.py migrate`` leaves them, for
    tests whose other processes need a database file: each call copies one
    file migrated once per session by ``manage.py migrate`` in a process of its
    own (migrating takes seconds; copying the result gives the same file).
    """
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    template = tmp_path_factory.mktemp("migrated-sqlite") / "template.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASKS_BACKEND")}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=root,
        env={**env, "DATABASE_URL": f"sqlite:///{template}", "DATABASE_CONN_MAX_AGE": "0"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    def copy_to(path: Path) -> str:
        shutil.copy(template, path)
        return f"sqlite:///{path}"

    return copy_to


def _database_in_use() -> str:
    from django.conf import settings

    return "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def _independent_kind(item) -> str | None:
    """Which kind of database-independent test ``item`` is, or None if it uses the database."""
    if item.get_closest_marker("browser"):
        return "browser"
    if item.get_closest_marker("any_database"):
        return "any_database"
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    uses_database = (
        item.get_closest_marker("django_db")
        or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        or (cls is not None and issubclass(cls, TransactionTestCase))
    )
    return None if uses_database else "no_database"


def pytest_collection_modifyitems(config, items):
    """In CI (NEWSROOM_SPLIT_SUITES), leaves database-independent tests to one run of the two."""
    if not os.environ.get("NEWSROOM_SPLIT_SUITES"):
        return
    database = _database_in_use()
    kept, left = [], []
    for item in items:
        kind = _independent_kind(item)
        (left if kind and ONE_DATABASE_SUITE[kind] != database else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(autouse=True, scope="session")
def _flush_by_delete_on_postgresql():
    """
    After each transactional test the database is emptied (Django's flush).
    On PostgreSQL, flush truncates every table, which costs most of a second
    each time whatever the tables hold; deleting the few rows a test left is
    much quicker and leaves the same empty tables. (Django's foreign keys are
    deferred, so the order of the deletes does not matter; no table has
    triggers.) Flushes that also reset the sequences keep Django's TRUNCATE.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))}"
            for table in tables
        ]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


def rows_for_the_class(django_db_blocker, build):
    """
    For a class-scoped fixture: the rows ``build()`` makes, once for a class
    of tests that only add to them, instead of once for each test. They are
    made in a transaction held open for the class; each test runs inside it
    as usual (in a savepoint rolled back after the test), and the whole is
    rolled back after the class, so no row outlives it. Yields what
    ``build()`` returns (keep ids, not instances: a test re-reads its rows).
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
