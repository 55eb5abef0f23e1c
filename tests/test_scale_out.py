"""
Several app servers share one PostgreSQL database and one Redis cache: a
change made on one server shows on the next request to another, page cache on.

Runs two real gunicorn servers (bench/scale_out.py) against the test
database, so it needs PostgreSQL (DATABASE_URL) and a reachable Redis
(TEST_REDIS_URL, redis://127.0.0.1:6379/15 by default); it is skipped
otherwise, and fails in CI if Redis is missing there.
"""

import os

import pytest
from django.db import connection

from bench import harness, scale_out
from tests.conftest import REDIS_URL, redis_available


@pytest.fixture
def shared_services(transactional_db):
    """The URL of the test database (committed data, visible to other processes)."""
    url = os.environ.get("DATABASE_URL", "")
    if not harness.is_postgres(url):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    if not redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return harness.with_database(url, connection.settings_dict["NAME"])


def test_a_change_on_one_server_shows_on_the_other(shared_services, tmp_path):
    # Server A and B hold connections to the test database only while the check runs.
    connection.close()
    outcome = scale_out.check(
        database_url=shared_services,
        redis_url=REDIS_URL,
        static_root=tmp_path / "static",
        media_root=tmp_path / "media",
        log_dir=tmp_path,
    )
    assert outcome.warm, outcome.details
    assert outcome.edit_seen_on_b, outcome.details
    assert outcome.publish_seen_on_b, outcome.details
    assert outcome.new_page_on_b == 200, outcome.details
