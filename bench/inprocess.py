"""
Single-request cost of each benchmark page, measured inside one process.

    .venv/bin/python bench/inprocess.py [--runs 200] [--sql] [--profile PATH]
                                        [--database-url URL] [--page-cache] [PATH ...]
    .venv/bin/python bench/inprocess.py --after-edit [--runs 200] [--database-url URL]

Calls Django's WSGI handler directly (what gunicorn calls, minus the socket):
the full middleware stack and production settings, page cache off unless
--page-cache. Run by bench/run.py with its environment; run by hand, it uses
the benchmark's database (built by bench/dataset.py or run.py) and collects
static files into bench/.data/static once. Prints the median and 90th
percentile time per page and the SQL queries each page makes. ``--profile``
profiles one page instead (pyinstrument when installed, else cProfile).

``--after-edit`` measures the release page with the page cache on in local
memory, three ways, interleaved: fully uncached (the cache cleared before each
timed request), the first view after an edit to another release (that release
saved before each timed request, outside the timing: the page misses, the
release's own parts hit) and a page-cache hit.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import time

import harness


def wsgi_environ(path: str) -> dict:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def fetch(handler, path: str, headers: dict | None = None) -> tuple[str, int]:
    """One GET through the handler: its status and body size (``headers`` filled if given)."""
    status = []

    def start_response(s, response_headers, exc_info=None):
        status.append(s)
        if headers is not None:
            headers.update(response_headers)

    result = handler(wsgi_environ(path), start_response)
    try:
        size = sum(len(chunk) for chunk in result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return status[0], size


def count_queries(handler, path: str, headers: dict | None = None) -> list[tuple]:
    """The SQL one request makes: (sql, params, ms) each, timed by a wrapper."""
    from django.db import connection

    # Counted by a wrapper: the handler's request_started signal resets
    # connection.queries, which CaptureQueriesContext relies on.
    executed: list[tuple[str, tuple, float]] = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            executed.append((sql, params, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(timed):
        status, _ = fetch(handler, path, headers)
    if not status.startswith("200"):
        raise SystemExit(f"{path} answered {status}")
    return executed


def measure(paths: list[str], runs: int, warmup: int = 20) -> dict[str, dict]:
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    handler = WSGIHandler()
    results = {}
    for path in paths:
        for _ in range(warmup):
            status, size = fetch(handler, path)
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")
        db_times = []
        for _ in range(5):
            executed = count_queries(handler, path)
            db_times.append(sum(ms for _, _, ms in executed))
        queries = [[sql, ms] for sql, _, ms in executed]
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fetch(handler, path)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results[path] = {
            "median_ms": statistics.median(times),
            "p90_ms": times[int(len(times) * 0.9) - 1],
            "queries": len(queries),
            "db_ms": statistics.median(db_times),
            "sql": queries,
            "bytes": size,
            "plan": query_plan(connection, [(sql, params) for sql, params, _ in executed]),
        }
    return results


def query_counts(paths: list[str]) -> dict[str, int]:
    """How many queries each page makes (one counted request after a warm-up)."""
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    counts = {}
    for path in paths:
        for _ in range(3):
            fetch(handler, path)
        counts[path] = len(count_queries(handler, path))
    return counts


def measure_after_edit(path: str, runs: int, warmup: int = 10) -> dict:
    """
    The release page at ``path`` with the page cache on (local memory), three
    ways, interleaved so that drift falls on all alike:

    - ``uncached``: the cache cleared before the request (pages and parts);
    - ``after_edit``: another release saved before the request (a title
      change and ``save()`` in autocommit, so the generation moves on): the
      page misses, the release's own parts hit;
    - ``hit``: the same page again, from the page cache.

    The edit and the clearing are outside the timing. The other release is
    the oldest public one (on no list page near the top, in no related list)
    and gets its title back at the end.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler

    from articles.models import Article

    if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0:
        raise SystemExit("--after-edit needs the page cache on (NEWSROOM_PAGE_CACHE_SECONDS > 0)")
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    slug = path.strip("/").rsplit("/", 1)[-1]
    other = Article.objects.public().exclude(slug=slug).order_by("publish_at", "pk").first()
    title = other.title
    edits = 0

    def edit() -> None:
        nonlocal edits
        edits += 1
        other.title = f"{title} (edit {edits})"
        other.save()

    handler = WSGIHandler()

    def prepare(mode: str) -> None:
        if mode == "uncached":
            cache.clear()
        elif mode == "after_edit":
            edit()

    def request(mode: str) -> tuple[float, str]:
        prepare(mode)
        headers: dict = {}
        start = time.perf_counter()
        status, _ = fetch(handler, path, headers)
        elapsed = (time.perf_counter() - start) * 1000
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")
        return elapsed, headers.get("X-Cache", "")

    modes = ("after_edit", "hit", "uncached")
    try:
        for _ in range(warmup):
            for mode in modes:
                request(mode)
        # What each way costs in SQL, and that it is what it claims (a miss or a hit).
        found = {}
        for mode in modes:
            prepare(mode)
            headers: dict = {}
            executed = count_queries(handler, path, headers)
            found[mode] = {
                "queries": len(executed),
                "db_ms": sum(ms for _, _, ms in executed),
                "x_cache": headers.get("X-Cache", ""),
                "sql": [[sql, ms] for sql, _, ms in executed],
            }
        times: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(runs):
            for mode in modes:
                elapsed, x_cache = request(mode)
                expected = "hit" if mode == "hit" else "miss"
                if x_cache != expected:
                    raise SystemExit(f"{mode}: X-Cache {x_cache!r}, expected {expected!r}")
                times[mode].append(elapsed)
    finally:
        other.title = title
        other.save()
    results = {"path": path, "cache": backend, "edited": other.slug, "runs": runs}
    for mode in modes:
        ordered = sorted(times[mode])
        results[mode] = {
            "median_ms": statistics.median(ordered),
            "p90_ms": ordered[int(len(ordered) * 0.9) - 1],
            **found[mode],
        }
    results["ratio"] = results["uncached"]["median_ms"] / results["after_edit"]["median_ms"]
    return results


_INDEX_SCAN = re.compile(
    r"(?:Index Scan|Index Only Scan)(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)"
)
_SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


def query_plan(connection, executed: list[tuple]) -> dict | None:
    """On PostgreSQL, the indexes and sequential scans of the page's queries' plans (EXPLAIN)."""
    if connection.vendor != "postgresql":
        return None
    indexes, scans = set(), set()
    with connection.cursor() as cursor:
        for sql, params in executed:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            indexes.update(a or b for a, b in _INDEX_SCAN.findall(plan))
            scans.update(_SEQ_SCAN.findall(plan))
    return {"indexes": sorted(indexes), "seq_scans": sorted(scans)}


def profile(path: str, runs: int) -> None:
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    for _ in range(20):
        fetch(handler, path)
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    if Profiler is not None:
        profiler = Profiler(interval=0.0001)
        profiler.start()
        for _ in range(runs):
            fetch(handler, path)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        fetch(handler, path)
    prof.disable()
    stats = pstats.Stats(prof).strip_dirs().sort_stats("cumulative")
    stats.print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def _by_hand(args) -> None:
    from dataset import default_database_url

    url = default_database_url(args.database_url)
    static_root = harness.DATA / "static"
    env = harness.production_env(
        database_url=url,
        media_root=harness.workdir_for(url) / "media",
        static_root=static_root,
        page_cache=args.page_cache,
    )
    if not (static_root / "staticfiles.json").exists():
        harness.collectstatic(env)
    os.environ.clear()
    os.environ.update(env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--sql", action="store_true", help="also print each page's SQL")
    parser.add_argument("--profile", metavar="PATH", help="profile this page instead")
    parser.add_argument("--database-url", help="by hand: default DATABASE_URL, else SQLite")
    parser.add_argument("--page-cache", action="store_true", help="by hand: page cache on")
    parser.add_argument(
        "--after-edit",
        action="store_true",
        help="the release page uncached, after an edit to another release, and from the cache",
    )
    parser.add_argument(
        "--count-only",
        action="store_true",
        help="only count the queries of each page (one request after a warm-up)",
    )
    parser.add_argument("paths", nargs="*", help="pages to measure (default: the benchmark's)")
    args = parser.parse_args()
    if os.environ.get("NEWSROOM_BENCH") != "1":
        if args.after_edit:
            args.page_cache = True
        _by_hand(args)
    sys.path.insert(0, str(harness.ROOT))
    import django

    django.setup()
    if args.profile:
        profile(args.profile, args.runs)
        return
    if args.after_edit:
        after_edit(args)
        return
    paths = args.paths or [path for _, path in [*harness.TARGETS, harness.BROAD_SEARCH]]
    if args.count_only:
        counts = query_counts(paths)
        if args.json:
            print(json.dumps(counts))
        else:
            for path, count in counts.items():
                print(f"{path:60} {count:3d} queries")
        return
    results = measure(paths, args.runs)
    if args.json:
        print(json.dumps(results))
        return
    for path, result in results.items():
        print(
            f"{path:60} {result['median_ms']:7.2f} ms median  {result['p90_ms']:7.2f} ms p90  "
            f"{result['queries']:3d} queries  {result['db_ms']:7.2f} ms in SQL  "
            f"{result['bytes'] // 1024:4d} KiB"
        )
        if args.sql:
            for sql, ms in result["sql"]:
                print(f"    {ms:7.2f} ms  {sql}")


def after_edit(args) -> None:
    path = args.paths[0] if args.paths else harness.RELEASE
    results = measure_after_edit(path, args.runs)
    if args.json:
        print(json.dumps(results))
        return
    print(f"{path}, page cache in {results['cache']}, {args.runs} runs each:")
    labels = {
        "uncached": "fully uncached (cache cleared)",
        "after_edit": f"after an edit to {results['edited']}",
        "hit": "page cache hit",
    }
    for mode, label in labels.items():
        row = results[mode]
        print(
            f"  {label:52} {row['median_ms']:7.2f} ms median  {row['p90_ms']:7.2f} ms p90  "
            f"{row['queries']:2d} queries  {row['db_ms']:6.2f} ms in SQL  "
            f"(X-Cache {row['x_cache']})"
        )
        if args.sql:
            for sql, ms in row["sql"]:
                print(f"      {ms:7.2f} ms  {sql[:160]}")
    print(f"  uncached / after an edit: {results['ratio']:.2f}×")


if __name__ == "__main__":
    main()
