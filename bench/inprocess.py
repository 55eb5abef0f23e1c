"""
Single-request cost of each benchmark page, measured inside one process.

    .venv/bin/python bench/inprocess.py [--runs 200] [--sql] [--profile PATH]
                                        [--database-url URL] [--page-cache] [PATH ...]

Calls Django's WSGI handler directly (what gunicorn calls, minus the socket):
the full middleware stack and production settings, page cache off unless
--page-cache. Run by bench/run.py with its environment; run by hand, it uses
the benchmark's database (built by bench/dataset.py or run.py) and collects
static files into bench/.data/static once. Prints the median and 90th
percentile time per page and the SQL queries each page makes. ``--profile``
profiles one page instead (pyinstrument when installed, else cProfile).
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


def fetch(handler, path: str) -> tuple[str, int]:
    status = []
    result = handler(wsgi_environ(path), lambda s, headers, exc_info=None: status.append(s))
    try:
        size = sum(len(chunk) for chunk in result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return status[0], size


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
        # Counted and timed by a wrapper: the handler's request_started signal
        # resets connection.queries, which CaptureQueriesContext relies on.
        queries: list[list] = []

        executed: list[tuple] = []

        def timed(execute, sql, params, many, context, queries=queries, executed=executed):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append([sql, (time.perf_counter() - start) * 1000])
                executed.append((sql, params))

        db_times = []
        for _ in range(5):
            queries.clear()
            executed.clear()
            with connection.execute_wrapper(timed):
                fetch(handler, path)
            db_times.append(sum(ms for _, ms in queries))
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
            "plan": query_plan(connection, executed),
        }
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
    parser.add_argument("paths", nargs="*", help="pages to measure (default: the benchmark's)")
    args = parser.parse_args()
    if os.environ.get("NEWSROOM_BENCH") != "1":
        _by_hand(args)
    sys.path.insert(0, str(harness.ROOT))
    import django

    django.setup()
    if args.profile:
        profile(args.profile, args.runs)
        return
    paths = args.paths or [path for _, path in harness.TARGETS]
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


if __name__ == "__main__":
    main()
