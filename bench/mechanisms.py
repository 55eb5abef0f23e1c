"""
What each read-side mechanism gains, measured in one process by turning it off.

    .venv/bin/python bench/mechanisms.py [--runs 200] [--database-url URL] [--json FILE]

Each mechanism is turned off inside this process only (a module attribute
swapped, an index dropped in a transaction that is rolled back, a connection
option changed), never in the application's code or the database's schema.
Pages go through Django's WSGI handler with production settings and the page
cache off (bench/inprocess.py), on the benchmark's dataset (bench/dataset.py;
run bench/run.py or bench/dataset.py first). On and off alternate in blocks of
ten requests, so that drift in the machine's load falls on both alike; the
result is the median time of each side and the queries each makes.

- ``urls``: remembered URLs (articles/links.py) against Django's reverse(),
  static() and the storage's url() on every call;
- ``paginator``: SinglePassPaginator (articles/reading.py) against Django's
  Paginator, on the list pages;
- ``index``: the covering index article_public_list_idx against none (dropped
  in a transaction, rolled back after each block);
- ``binding``: PostgreSQL server-side binding (prepared statements) against
  client-side binding (PostgreSQL only);
- ``static``: a static file served by WhiteNoise, against the trivial view.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import harness
import inprocess

BLOCK = 10
LIST_PAGES = [harness.HOME, harness.PAGE_400]


class _Rollback(Exception):
    pass


def compare(handler, paths, off, runs: int, *, warm_block: int = 0) -> dict:
    """Each path with the mechanism on and off (``off``: a context manager factory)."""
    results = {}
    for path in paths:
        times = {"on": [], "off": []}
        queries = {}
        sides = {"on": nullcontext, "off": off}
        for side, context in sides.items():
            with context():
                for _ in range(10):
                    inprocess.fetch(handler, path)
                queries[side] = len(inprocess.count_queries(handler, path))
        for _ in range(max(1, runs // BLOCK)):
            for side, context in sides.items():
                with context():
                    for _ in range(warm_block):
                        inprocess.fetch(handler, path)
                    for _ in range(BLOCK):
                        start = time.perf_counter()
                        status, _ = inprocess.fetch(handler, path)
                        times[side].append((time.perf_counter() - start) * 1000)
                    if not status.startswith("200"):
                        raise SystemExit(f"{path} answered {status} ({side})")
        on, off_ms = statistics.median(times["on"]), statistics.median(times["off"])
        results[path] = {
            "on_ms": on,
            "off_ms": off_ms,
            "on_queries": queries["on"],
            "off_queries": queries["off"],
            "saved": 1 - on / off_ms,
        }
    return results


@contextmanager
def urls_not_remembered():
    """Django's reverse(), static() and the storage's url() on every call."""
    from django.core.files.storage import default_storage

    from articles import links, models

    def media_urls(names, storage=default_storage):
        return [storage.url(name) for name in names]

    saved = links._reverse, links._static, links.media_urls, models.media_urls
    links._reverse = links._reverse.__wrapped__
    links._static = links._static.__wrapped__
    links.media_urls = models.media_urls = media_urls
    try:
        yield
    finally:
        links._reverse, links._static, links.media_urls, models.media_urls = saved


@contextmanager
def django_paginator():
    from django.core.paginator import Paginator

    from articles import views

    saved = views.PublicArticleMixin.paginator_class
    views.PublicArticleMixin.paginator_class = Paginator
    try:
        yield
    finally:
        views.PublicArticleMixin.paginator_class = saved


@contextmanager
def without_index(name: str = "article_public_list_idx"):
    """The index dropped in a transaction that is rolled back (requests run inside it)."""
    from django.db import connection, transaction

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"DROP INDEX {name}")
            yield
            raise _Rollback
    except _Rollback:
        pass


@contextmanager
def client_side_binding():
    from django.db import connection

    options = connection.settings_dict.setdefault("OPTIONS", {})
    saved = dict(options)
    connection.close()
    options.pop("server_side_binding", None)
    options.pop("prepare_threshold", None)
    try:
        yield
    finally:
        connection.close()
        options.clear()
        options.update(saved)


@contextmanager
def requests_keep_their_connection():
    """
    Requests leave the connection open and its transaction alone: Django
    closes a connection at the start of a request when it is in a transaction
    (here, the one that drops the index).
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def static_file_path() -> str:
    from django.conf import settings

    from articles import links

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        raise SystemExit(f"no {manifest}: collect static files first")
    return links.static("css/site.css")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="timed requests a side and page")
    parser.add_argument("--database-url", help="default: DATABASE_URL, else bench/.data SQLite")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "only", nargs="*", help="mechanisms to measure (urls, paginator, index, binding, static)"
    )
    args = parser.parse_args()
    args.page_cache = False
    inprocess._by_hand(args)
    sys.path.insert(0, str(harness.ROOT))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    handler = WSGIHandler()
    wanted = set(args.only) or {"urls", "paginator", "index", "binding", "static"}
    results: dict = {"database": connection.vendor, "runs": args.runs}
    pages = [harness.RELEASE, harness.HOME]
    if "urls" in wanted:
        print("remembered URLs…", flush=True)
        results["urls"] = compare(handler, pages, urls_not_remembered, args.runs)
    if "paginator" in wanted:
        print("SinglePassPaginator…", flush=True)
        results["paginator"] = compare(handler, LIST_PAGES, django_paginator, args.runs)
    if "index" in wanted:
        print("the covering index…", flush=True)
        with requests_keep_their_connection():
            results["index"] = compare(handler, LIST_PAGES, without_index, args.runs)
    if "binding" in wanted and connection.vendor == "postgresql":
        print("server-side binding…", flush=True)
        results["binding"] = compare(
            handler,
            [harness.RELEASE, harness.HOME, harness.PAGE_400],
            client_side_binding,
            args.runs,
            warm_block=6,
        )
    if "static" in wanted:
        print("a static file (WhiteNoise)…", flush=True)
        static = static_file_path()
        measured = inprocess.measure([harness.TRIVIAL, static], args.runs)
        results["static"] = {
            path: {"median_ms": row["median_ms"], "queries": row["queries"], "bytes": row["bytes"]}
            for path, row in measured.items()
        }
    report(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def report(results: dict) -> None:
    labels = {
        "urls": "remembered URLs (off: Django's reverse/static/url on every call)",
        "paginator": "SinglePassPaginator (off: Django's Paginator)",
        "index": "covering index article_public_list_idx (off: dropped)",
        "binding": "PostgreSQL server-side binding (off: client-side)",
    }
    print()
    print(f"{results['database']}, in-process medians, page cache off")
    for key, label in labels.items():
        if key not in results:
            continue
        print(f"{label}")
        for path, row in results[key].items():
            print(
                f"  {path[:52]:52} on {row['on_ms']:7.2f} ms ({row['on_queries']} q)  "
                f"off {row['off_ms']:7.2f} ms ({row['off_queries']} q)  saves {row['saved']:6.1%}"
            )
    if "static" in results:
        print("a static file (WhiteNoise) and the trivial view")
        for path, row in results["static"].items():
            print(f"  {path[:52]:52} {row['median_ms']:7.3f} ms  {row['bytes']} bytes")


if __name__ == "__main__":
    main()
