"""
Scale-out check: two app servers, one PostgreSQL database, one page cache each
way it can be set up.

    .venv/bin/python bench/scale_out.py [--database-url postgres://…/newsroom_scaleout]
                                        [--redis-url redis://127.0.0.1:6379/14] [--locmem]

Starts two gunicorn servers (A and B, 2 workers each, production settings,
page cache on) on different ports, sharing the database and a Redis cache.
Both serve a release page and the home page until the page cache answers
(warm). Then, on server A's side (``manage.py shell`` with A's environment, as
an admin action or an import on A would), a release is edited and a draft is
published. The very next requests to server B must show both changes.

With ``--locmem`` the servers keep the default cache instead, local memory in
each worker: every worker of B holds its own copies, yet none of them is
served after the change, because pages are stored under the site's
generation, which lives in the database (articles/caching.py). The check is
the same and must pass the same way.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

try:
    from bench import harness
except ImportError:  # run as a script: bench/ itself is on sys.path
    import harness

SETUP = """
from datetime import timedelta
from django.utils import timezone
from articles.models import Article
Article.objects.create(
    slug="scale-out-{token}", title="Scale-out check {token}: before",
    lead="A release for the scale-out check.", body="<p>Before.</p>",
    status=Article.Status.PUBLISHED, publish_at=timezone.now() - timedelta(hours=1),
)
Article.objects.create(
    slug="scale-out-draft-{token}", title="Scale-out draft {token}",
    lead="A draft for the scale-out check.", body="<p>Draft.</p>",
    status=Article.Status.DRAFT,
)
"""
# What an editor's save and a publisher's "publish" do, through the model's save().
CHANGE = """
from django.utils import timezone
from articles.models import Article
article = Article.objects.get(slug="scale-out-{token}")
article.title = "Scale-out check {token}: after"
article.save()
draft = Article.objects.get(slug="scale-out-draft-{token}")
draft.status = Article.Status.PUBLISHED
draft.publish_at = timezone.now()
draft.save()
"""
CLEAN_UP = """
from articles.models import Article
Article.objects.filter(slug__in=["scale-out-{token}", "scale-out-draft-{token}"]).delete()
"""


@dataclass
class Outcome:
    cache: str
    warm: bool
    edit_seen_on_b: bool
    publish_seen_on_b: bool
    new_page_on_b: int
    details: list[str]

    @property
    def coherent(self) -> bool:
        return self.warm and self.edit_seen_on_b and self.publish_seen_on_b


def _shell(env: dict[str, str], code: str) -> None:
    harness.manage(["shell", "--no-startup", "-c", code], env, capture_output=True)


def _warm(server: harness.Gunicorn, path: str, workers: int) -> bool:
    """Ask until the page comes from the cache several times in a row (at most 40 asks)."""
    hits = 0
    for _ in range(40):
        response = server.http(path)
        if response.status != 200:
            raise RuntimeError(f"{server.name} answered {response.status} for {path}")
        hits = hits + 1 if response.headers.get("X-Cache") == "hit" else 0
        if hits >= 4 * workers:
            return True
    return False


def check(
    *,
    database_url: str,
    redis_url: str,
    static_root: Path,
    media_root: Path,
    locmem: bool = False,
    workers: int = 2,
    collect_static: bool = True,
    log_dir: Path | None = None,
) -> Outcome:
    """Run the scenario once; the database must be migrated."""
    token = secrets.token_hex(4)
    prefix = f"scale-out-{token}"
    env = harness.production_env(
        database_url=database_url,
        media_root=media_root,
        static_root=static_root,
        page_cache=True,
        redis_url="" if locmem else redis_url,
        cache_prefix=prefix,
    )
    if collect_static:
        harness.collectstatic(env)
    release = f"/releases/scale-out-{token}/"
    draft = f"/releases/scale-out-draft-{token}/"
    details = []
    server_a = harness.Gunicorn(env, workers=workers, name="A", log_dir=log_dir)
    server_b = harness.Gunicorn(env, workers=workers, name="B", log_dir=log_dir)
    _shell(env, SETUP.format(token=token))
    try:
        server_a.start()
        server_b.start()
        pairs = [(server, path) for server in (server_a, server_b) for path in (release, "/")]
        warm = all(_warm(server, path, workers) for server, path in pairs)
        details.append(f"both servers serve {release} and / from their page cache: {warm}")
        # Server A's side: an editor saves, a publisher publishes.
        _shell(env, CHANGE.format(token=token))
        # Several requests, so that each of B's workers is likely to answer
        # (with local memory, each worker has its own copy to forget).
        tries = 4 * workers
        pages = [server_b.http(release) for _ in range(tries)]
        fresh = sum(f"Scale-out check {token}: after" in p.body.decode() for p in pages)
        edit_seen = fresh == tries
        details.append(f"B {release}: new title in {fresh} of {tries} answers")
        homes = [server_b.http("/") for _ in range(tries)]
        listed = sum(f"Scale-out draft {token}" in p.body.decode() for p in homes)
        publish_seen = listed == tries
        details.append(f"B /: newly published release listed in {listed} of {tries} answers")
        new_page = server_b.http(draft).status
        details.append(f"B {draft}: {new_page}")
    finally:
        server_a.stop()
        server_b.stop()
        _shell(env, CLEAN_UP.format(token=token))
        if not locmem:
            _forget_keys(redis_url, prefix)
    return Outcome(
        cache="local memory" if locmem else "Redis",
        warm=warm,
        edit_seen_on_b=edit_seen,
        publish_seen_on_b=publish_seen,
        new_page_on_b=new_page,
        details=details,
    )


def _forget_keys(redis_url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_scaleout"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument(
        "--locmem",
        action="store_true",
        help="local memory in each worker instead of Redis: the change must show all the same",
    )
    args = parser.parse_args()
    if not harness.is_postgres(args.database_url):
        sys.exit("The scale-out check needs PostgreSQL (--database-url postgres://…).")
    _ensure_database(args.database_url)
    with tempfile.TemporaryDirectory(prefix="newsroom-scale-out-") as tmp:
        outcome = check(
            database_url=args.database_url,
            redis_url=args.redis_url,
            static_root=Path(tmp) / "static",
            media_root=Path(tmp) / "media",
            locmem=args.locmem,
            log_dir=Path(tmp),
        )
    print(f"Two servers, one PostgreSQL database, page cache in {outcome.cache}:")
    for line in outcome.details:
        print(f"  {line}")
    if outcome.coherent:
        print("OK: a change made on server A shows on server B's next request.")
    else:
        print("FAILED: server B did not show the change.")
        sys.exit(1)


def _ensure_database(url: str) -> None:
    import psycopg

    name = harness.database_name(url)
    with psycopg.connect(harness.with_database(url, "postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1"}
    harness.manage(["migrate", "--verbosity", "0"], env)


if __name__ == "__main__":
    main()
