"""
Newsroom's performance benchmark.

    .venv/bin/python bench/run.py [--releases 10000] [--duration 10] [--database-url URL]
                                  [--redis-url URL | --no-redis] [--json FILE] [--strict]

1. Builds (or reuses) a dataset of N public releases shaped like the demo
   release, in the benchmark's own database (bench/dataset.py).
2. Measures in-process (bench/inprocess.py): each page's median time through
   the full middleware stack with the page cache off, and the SQL queries it
   makes; the query counts of pages of the same kind with more or less on
   them (harness.SAME_QUERIES), which must be equal; and, with the page cache
   on in local memory, the release page fully uncached against its first view
   after an edit to another release.
3. Starts three gunicorn servers with production settings (2 sync workers
   each): page cache off (NEWSROOM_PAGE_CACHE_SECONDS=0); page cache on with
   the default cache, local memory in each worker; page cache on in Redis
   (--redis-url, else REDIS_URL, else redis://127.0.0.1:6379/13 when it
   answers; --no-redis leaves it out). Static files are collected into a
   temporary STATIC_ROOT first.
4. Runs wrk for a fixed time on each page of each server (and on a static
   file, as WhiteNoise serves it), round-robin over pages and servers and
   repeated, so that drift in the machine's load falls on all of them alike.
5. Prints requests/s, p50 and p99 latency and the ratio to the trivial view
   (/healthz/: same middleware and settings on the same server, no database,
   no cache), and checks the targets (see ``targets()``). Exits 0 (it
   reports) unless --strict and a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import harness
from dataset import default_database_url

HERE = Path(__file__).resolve().parent
RELEASE = harness.RELEASE
HOME = harness.HOME
PAGE_400 = harness.PAGE_400
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"
# Served by WhiteNoise under its hashed name, measured beside the pages.
STATIC_FILE = "css/site.css"
MODES = {
    "uncached": "uncached",
    "locmem": "cached, local memory",
    "redis": "cached, Redis",
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Newsroom's performance benchmark.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--releases", type=int, default=10_000, help="public releases")
    parser.add_argument(
        "--duration", type=float, default=10, help="seconds of wrk per page and server"
    )
    parser.add_argument("--rounds", type=int, default=3, help="the duration is split over these")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--runs", type=int, default=200, help="in-process runs per page")
    parser.add_argument(
        "--database-url", help="default: DATABASE_URL, else a SQLite file in bench/.data/"
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help=f"the Redis server's page cache (default: REDIS_URL, else {DEFAULT_REDIS} "
        "when it answers)",
    )
    parser.add_argument("--no-redis", action="store_true", help="no server with Redis")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    return parser.parse_args()


def in_process(env: dict[str, str], runs: int, *options: str) -> dict:
    completed = subprocess.run(
        [harness.PYTHON, str(HERE / "inprocess.py"), "--json", "--runs", str(runs), *options],
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        sys.exit(f"In-process measurement failed:\n{completed.stdout}\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def code_version() -> str:
    """The commit measured, and whether application code differed from it (read-only git)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=harness.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "articles", "newsroom", "templates", "static"],
            cwd=harness.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (application code changed since)" if changed else commit


def redis_url(args: argparse.Namespace) -> str:
    """The Redis server's cache URL, or "" when there is none (left out, or not answering)."""
    if args.no_redis:
        return ""
    url = args.redis_url or DEFAULT_REDIS
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping()
    except Exception as exc:
        if args.redis_url:
            sys.exit(f"Redis at {url} does not answer ({exc}); give another --redis-url")
        print(f"No Redis at {url} ({exc.__class__.__name__}): the Redis server is left out.")
        return ""
    return url


def served_pages(static_root: Path) -> list[tuple[str, str]]:
    """The benchmark's pages, and a static file as WhiteNoise serves it (hashed name)."""
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return [*harness.TARGETS, ("static file", f"/static/{manifest['paths'][STATIC_FILE]}")]


def warm(server: harness.Gunicorn, pages: list, workers: int, cached: bool) -> None:
    """
    Every page answers 200 before it is measured. On a cached server, each page
    is asked until its cache answers several times in a row, so that every
    worker holds it (local memory is per worker).
    """
    for label, path in pages:
        hits = 0
        for _ in range(60):
            response = server.http(path)
            if response.status != 200:
                sys.exit(f"{label} ({path}) answered {response.status} on {server.name}")
            # The trivial view and static files bypass the page cache.
            hit = response.headers.get("X-Cache") == "hit" or label in (
                "trivial view",
                "static file",
            )
            hits = hits + 1 if hit or not cached else 0
            if hits >= 4 * workers:
                break
        else:
            sys.exit(f"{label} ({path}) is not served from the page cache on {server.name}")


def measure(servers: dict, pages: list, args: argparse.Namespace) -> dict:
    per_round = args.duration / args.rounds
    totals: dict = {}
    for round_number in range(1, args.rounds + 1):
        print(f"  round {round_number}/{args.rounds}", flush=True)
        for _, path in pages:
            for mode, server in servers.items():
                result = harness.run_wrk(
                    server.base_url, [path], seconds=per_round, connections=args.connections
                )
                entry = totals.setdefault((mode, path), {"runs": []})
                entry["runs"].append(result)
    summary = {}
    for (mode, path), entry in totals.items():
        runs = entry["runs"]
        requests = sum(r.requests for r in runs)
        seconds = sum(r.seconds for r in runs)
        summary[(mode, path)] = {
            "requests": requests,
            "rps": requests / seconds if seconds else 0.0,
            "p50_ms": sorted(r.p50_ms for r in runs)[len(runs) // 2],
            "p99_ms": sorted(r.p99_ms for r in runs)[len(runs) // 2],
            "errors": sum(r.error_count for r in runs),
        }
    return summary


def report(results: dict, args: argparse.Namespace, database: str) -> list[dict]:
    summary, local = results["servers"], results["in_process"]
    counts, edit = results["query_counts"], results["after_edit"]
    modes = [mode for mode in MODES if (mode, harness.TRIVIAL) in summary]
    print()
    print(
        f"{'page':14} {'path':44} {'server':21} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'× trivial':>9} {'errors':>6}"
    )
    for label, path in results["pages"]:
        for mode in modes:
            row = summary[(mode, path)]
            trivial = summary[(mode, harness.TRIVIAL)]["rps"]
            print(
                f"{label:14} {path[:44]:44} {MODES[mode]:21} {row['rps']:7.0f} "
                f"{row['p50_ms']:7.2f} {row['p99_ms']:7.2f} {row['rps'] / trivial:9.3f} "
                f"{row['errors']:6d}"
            )
    print()
    print(
        f"{'in-process, page cache off':59} {'median ms':>9} {'p90 ms':>7} {'SQL ms':>7} "
        f"{'queries':>7}"
    )
    for label, path in [*harness.TARGETS, harness.BROAD_SEARCH]:
        if path not in local:
            continue
        row = local[path]
        print(
            f"{label:14} {path[:44]:44} {row['median_ms']:9.2f} {row['p90_ms']:7.2f} "
            f"{row['db_ms']:7.2f} {row['queries']:7d}"
        )
    print()
    print("queries of pages of the same kind (in-process, page cache off)")
    for kind, paths in harness.SAME_QUERIES.items():
        print(f"  {kind:14} " + ", ".join(f"{path} {counts[path]}" for path in paths))
    print()
    print(f"release page, page cache on ({edit['cache']}), in-process, {edit['runs']} runs each")
    labels = {
        "uncached": "fully uncached (cache cleared first)",
        "after_edit": f"first view after an edit to {edit['edited']}",
        "hit": "page cache hit",
    }
    for mode, label in labels.items():
        row = edit[mode]
        print(
            f"  {label:58} {row['median_ms']:7.2f} ms median {row['p90_ms']:7.2f} ms p90 "
            f"{row['queries']:2d} queries {row['db_ms']:6.2f} ms SQL"
        )

    if any(local[path].get("plan") for _, path in harness.TARGETS):
        print()
        print("query plans (EXPLAIN, PostgreSQL): indexes used; sequential scans")
        for label, path in harness.TARGETS:
            plan = local[path].get("plan")
            if plan and (plan["indexes"] or plan["seq_scans"]):
                print(
                    f"{label:16} {', '.join(plan['indexes']) or '-'}; "
                    f"{', '.join(plan['seq_scans']) or 'none'}"
                )

    checks = targets(results, modes, database)
    print()
    print(f"Targets ({database}, {args.releases} releases):")
    for check in checks:
        mark = {True: "ok", False: "MISSED", None: "--"}[check["ok"]]
        print(f"  [{mark}] {check['target']}: {check['value']}")
    return checks


def targets(results: dict, modes: list[str], database: str) -> list[dict]:
    """The design's targets, as checks: target, value, ok (None: not measured)."""
    summary, local = results["servers"], results["in_process"]
    counts, edit = results["query_counts"], results["after_edit"]

    def ratio(mode, path):
        return summary[(mode, path)]["rps"] / summary[(mode, harness.TRIVIAL)]["rps"]

    checks = []
    for mode in ("locmem", "redis"):
        target = f"release page {MODES[mode]} ≥ 0.9× the trivial view (req/s)"
        if mode in modes:
            value = ratio(mode, RELEASE)
            checks.append({"target": target, "value": f"{value:.3f}×", "ok": value >= 0.9})
        else:
            checks.append({"target": target, "value": "not measured (no Redis)", "ok": None})
    value = ratio("uncached", RELEASE)
    checks.append(
        {
            "target": "release page uncached ≥ 0.035× the trivial view (req/s)",
            "value": f"{value:.3f}×",
            "ok": value >= 0.035,
        }
    )
    deep, first = summary[("uncached", PAGE_400)]["p50_ms"], summary[("uncached", HOME)]["p50_ms"]
    checks.append(
        {
            "target": "list page 400 within 1.5× of page 1 (uncached, p50 under wrk)",
            "value": f"{deep:.1f} ms vs {first:.1f} ms ({deep / first:.2f}×)",
            "ok": deep <= 1.5 * first,
        }
    )
    deep, first = local[PAGE_400]["median_ms"], local[HOME]["median_ms"]
    checks.append(
        {
            "target": "list page 400 within 1.5× of page 1 (uncached, in-process median)",
            "value": f"{deep:.1f} ms vs {first:.1f} ms ({deep / first:.2f}×)",
            "ok": deep <= 1.5 * first,
        }
    )
    postgres = database == "PostgreSQL"
    for label, path in [("search", harness.SEARCH), harness.BROAD_SEARCH]:
        if path not in local:
            continue
        search, first = local[path]["median_ms"], local[HOME]["median_ms"]
        checks.append(
            {
                "target": f"{label} ({path}) within 2× of the list page "
                "(uncached, in-process median; a PostgreSQL target)",
                "value": f"{search:.1f} ms vs {first:.1f} ms ({search / first:.2f}×)",
                "ok": search <= 2 * first if postgres else None,
            }
        )
    search, first = summary[("uncached", harness.SEARCH)], summary[("uncached", HOME)]
    checks.append(
        {
            "target": "search within 2× of the list page (uncached, p50 under wrk; "
            "a PostgreSQL target)",
            "value": f"{search['p50_ms']:.1f} ms vs {first['p50_ms']:.1f} ms "
            f"({search['p50_ms'] / first['p50_ms']:.2f}×)",
            "ok": search["p50_ms"] <= 2 * first["p50_ms"] if postgres else None,
        }
    )
    for kind, paths in harness.SAME_QUERIES.items():
        found = [counts[path] for path in paths]
        same = len(set(found)) == 1
        checks.append(
            {
                "target": f"{kind}: a fixed number of queries, ≤ 6",
                "value": str(found[0]) if same else " vs ".join(map(str, found)) + " (not fixed)",
                "ok": same and max(found) <= 6,
            }
        )
    value = edit["ratio"]
    checks.append(
        {
            "target": "release page: first view after an edit to another release ≥ 2× as fast "
            "as fully uncached (in-process median, page cache in local memory)",
            "value": f"{edit['after_edit']['median_ms']:.2f} ms vs "
            f"{edit['uncached']['median_ms']:.2f} ms: {value:.2f}× "
            f"({edit['after_edit']['queries']} vs {edit['uncached']['queries']} queries)",
            "ok": value >= 2.0,
        }
    )
    errors = sum(row["errors"] for row in summary.values())
    checks.append(
        {"target": "no failed requests under wrk", "value": str(errors), "ok": not errors}
    )
    return checks


def main() -> None:
    args = parse_args()
    load_before = os.getloadavg()[0]
    code = code_version()
    harness.ensure_wrk()
    database_url = default_database_url(args.database_url)
    harness.build_dataset(database_url, args.releases)
    database = "PostgreSQL" if harness.is_postgres(database_url) else "SQLite"
    workdir = harness.workdir_for(database_url)
    redis = redis_url(args)
    prefix = f"bench-{os.getpid()}-{int(time.time())}"
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        static_root = Path(tmp) / "static"
        common = {
            "database_url": database_url,
            "media_root": workdir / "media",
            "static_root": static_root,
        }
        envs = {
            "uncached": harness.production_env(**common, page_cache=False),
            "locmem": harness.production_env(**common, page_cache=True),
        }
        if redis:
            envs["redis"] = harness.production_env(
                **common, page_cache=True, redis_url=redis, cache_prefix=prefix
            )
        print("Collecting static files…", flush=True)
        harness.collectstatic(envs["uncached"])
        pages = served_pages(static_root)
        print(f"Measuring in-process ({args.runs} runs a page)…", flush=True)
        local = in_process(envs["uncached"], args.runs)
        same_kind = [path for paths in harness.SAME_QUERIES.values() for path in paths]
        counts = in_process(envs["uncached"], 1, "--count-only", *same_kind)
        print("Measuring the release page after an edit to another release…", flush=True)
        # Before the servers start: the edits move the site's generation on.
        edit = in_process(envs["locmem"], args.runs, "--after-edit", RELEASE)
        servers = {
            mode: harness.Gunicorn(env, workers=args.workers, name=mode, log_dir=Path(tmp))
            for mode, env in envs.items()
        }
        try:
            for mode, server in servers.items():
                server.start()
                warm(server, pages, args.workers, cached=mode != "uncached")
            print(
                f"Measuring under gunicorn ({len(servers)} servers, {args.workers} workers each, "
                f"wrk {args.connections} connections, {args.duration:g} s a page and server)…",
                flush=True,
            )
            summary = measure(servers, pages, args)
        finally:
            for server in servers.values():
                server.stop()
            if redis:
                _forget_redis_keys(redis, prefix)
    results = {
        "pages": pages,
        "servers": summary,
        "in_process": local,
        "query_counts": counts,
        "after_edit": edit,
    }
    checks = report(results, args, database)
    load = os.getloadavg()[0]
    print(
        f"\nMachine: {harness.machine_summary()}; load average {load_before:.2f} before, "
        f"{load:.2f} after; code {code}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "date": datetime.now(UTC).isoformat(timespec="seconds"),
                    "code": code,
                    "database": database,
                    "servers": {mode: MODES[mode] for mode in servers},
                    "releases": args.releases,
                    "machine": harness.machine_summary(),
                    "load_average": {"before": round(load_before, 2), "after": round(load, 2)},
                    "wrk": {
                        "connections": args.connections,
                        "duration": args.duration,
                        "rounds": args.rounds,
                    },
                    "gunicorn_workers": args.workers,
                    "in_process_runs": args.runs,
                    "wrk_results": {
                        f"{mode} {path}": {
                            **row,
                            "rps": round(row["rps"], 1),
                            "x_trivial": round(
                                row["rps"] / summary[(mode, harness.TRIVIAL)]["rps"], 4
                            ),
                        }
                        for (mode, path), row in summary.items()
                    },
                    "in_process": {
                        path: {k: v for k, v in row.items() if k != "sql"}
                        for path, row in local.items()
                    },
                    "query_counts": counts,
                    "after_edit": {
                        key: (
                            {k: v for k, v in value.items() if k != "sql"}
                            if isinstance(value, dict)
                            else value
                        )
                        for key, value in edit.items()
                    },
                    "checks": checks,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    if args.strict and any(check["ok"] is False for check in checks):
        sys.exit(1)


def _forget_redis_keys(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


if __name__ == "__main__":
    main()
