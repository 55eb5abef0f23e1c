"""
Newsroom's performance benchmark.

    .venv/bin/python bench/run.py [--releases 10000] [--duration 10] [--database-url URL]

1. Builds (or reuses) a dataset of N public releases shaped like the demo
   release, in the benchmark's own database (bench/dataset.py).
2. Measures each page in-process: median time of one request through the full
   middleware stack, uncached, and the SQL queries it makes (bench/inprocess.py).
3. Starts two gunicorn servers with production settings (2 sync workers each):
   one with the page cache off, one with it on (local memory per worker, or
   Redis when --redis-url or REDIS_URL is given). Static files are collected
   into a temporary STATIC_ROOT first.
4. Runs wrk for a fixed time on each page of each server, round-robin over
   pages and servers and repeated, so that drift in the machine's load falls
   on all of them alike.
5. Prints requests/s, p50 and p99 latency and the ratio to the trivial view
   (/healthz/: same middleware and settings, no database) and checks the
   targets of DESIGN.md. Exits 0 (it reports) unless --strict and a target
   is missed.
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
RELEASE = harness.TARGETS[1][1]
HOME = "/"
PAGE_400 = "/?page=400"


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
        help="shared page cache (default: REDIS_URL; without it, local memory per worker)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    return parser.parse_args()


def in_process(env: dict[str, str], runs: int) -> dict:
    completed = subprocess.run(
        [harness.PYTHON, str(HERE / "inprocess.py"), "--json", "--runs", str(runs)],
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        sys.exit(f"In-process measurement failed:\n{completed.stdout}\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def warm(server: harness.Gunicorn, workers: int) -> None:
    """Every page answers 200 before it is measured; a cached server fills each worker's cache."""
    for label, path in harness.TARGETS:
        for _ in range(4 * workers):
            response = server.http(path)
            if response.status != 200:
                sys.exit(f"{label} ({path}) answered {response.status} on {server.name}")


def measure(servers: dict, args: argparse.Namespace) -> dict:
    per_round = args.duration / args.rounds
    totals: dict = {}
    for round_number in range(1, args.rounds + 1):
        print(f"  round {round_number}/{args.rounds}", flush=True)
        for _, path in harness.TARGETS:
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


def report(summary: dict, local: dict, args, cache_label: str, database: str) -> list[dict]:
    print()
    print(
        f"{'page':16} {'path':50} {'mode':9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'× trivial':>9} {'errors':>6}"
    )
    for label, path in harness.TARGETS:
        for mode in ("uncached", "cached"):
            row = summary[(mode, path)]
            trivial = summary[(mode, harness.TRIVIAL)]["rps"]
            print(
                f"{label:16} {path[:50]:50} {mode:9} {row['rps']:8.0f} {row['p50_ms']:8.2f} "
                f"{row['p99_ms']:8.2f} {row['rps'] / trivial:9.2f} {row['errors']:6d}"
            )
    print()
    print(
        f"{'in-process, uncached':68} {'median ms':>9} {'p90 ms':>8} {'SQL ms':>8} {'queries':>7}"
    )
    for label, path in harness.TARGETS:
        row = local[path]
        print(
            f"{label:16} {path[:50]:50} {row['median_ms']:10.2f} {row['p90_ms']:8.2f} "
            f"{row['db_ms']:8.2f} {row['queries']:7d}"
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

    def ratio(mode, path):
        return summary[(mode, path)]["rps"] / summary[(mode, harness.TRIVIAL)]["rps"]

    checks = [
        {
            "target": "release page renders in ≤ 3 ms (in-process median, uncached)",
            "value": f"{local[RELEASE]['median_ms']:.2f} ms",
            "ok": local[RELEASE]["median_ms"] <= 3.0,
        },
        {
            "target": "release page uncached ≥ 0.15× the trivial view (req/s)",
            "value": f"{ratio('uncached', RELEASE):.3f}×",
            "ok": ratio("uncached", RELEASE) >= 0.15,
        },
        {
            "target": f"release page cached ({cache_label}) ≥ 0.7× the trivial view (req/s)",
            "value": f"{ratio('cached', RELEASE):.3f}×",
            "ok": ratio("cached", RELEASE) >= 0.7,
        },
        {
            "target": "list page 400 within 1.5× of page 1 (uncached p50 under wrk)",
            "value": f"{summary[('uncached', PAGE_400)]['p50_ms']:.1f} ms vs "
            f"{summary[('uncached', HOME)]['p50_ms']:.1f} ms",
            "ok": summary[("uncached", PAGE_400)]["p50_ms"]
            <= 1.5 * summary[("uncached", HOME)]["p50_ms"],
        },
        {
            "target": "list page 400 within 1.5× of page 1 (in-process median)",
            "value": f"{local[PAGE_400]['median_ms']:.1f} ms vs {local[HOME]['median_ms']:.1f} ms",
            "ok": local[PAGE_400]["median_ms"] <= 1.5 * local[HOME]["median_ms"],
        },
        {
            "target": "release page makes ≤ 6 SQL queries",
            "value": str(local[RELEASE]["queries"]),
            "ok": local[RELEASE]["queries"] <= 6,
        },
    ]
    for label, path in harness.TARGETS[2:]:
        checks.append(
            {
                "target": f"{label} makes ≤ 6 SQL queries",
                "value": str(local[path]["queries"]),
                "ok": local[path]["queries"] <= 6,
            }
        )
    errors = sum(row["errors"] for row in summary.values())
    checks.append(
        {"target": "no failed requests under wrk", "value": str(errors), "ok": not errors}
    )
    print()
    print(f"Targets ({database}, {args.releases} releases):")
    for check in checks:
        print(f"  [{'ok' if check['ok'] else 'MISSED'}] {check['target']}: {check['value']}")
    return checks


def main() -> None:
    args = parse_args()
    harness.ensure_wrk()
    database_url = default_database_url(args.database_url)
    harness.build_dataset(database_url, args.releases)
    database = "PostgreSQL" if harness.is_postgres(database_url) else "SQLite"
    workdir = harness.workdir_for(database_url)
    cache_label = "Redis" if args.redis_url else "local memory per worker"
    prefix = f"bench-{os.getpid()}-{int(time.time())}"
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        static_root = Path(tmp) / "static"
        common = {"database_url": database_url, "media_root": workdir / "media"}
        uncached_env = harness.production_env(**common, static_root=static_root, page_cache=False)
        cached_env = harness.production_env(
            **common,
            static_root=static_root,
            page_cache=True,
            redis_url=args.redis_url,
            cache_prefix=prefix,
        )
        print("Collecting static files…", flush=True)
        harness.collectstatic(uncached_env)
        print(f"Measuring in-process ({args.runs} runs a page)…", flush=True)
        local = in_process(uncached_env, args.runs)
        servers = {
            "uncached": harness.Gunicorn(
                uncached_env, workers=args.workers, name="uncached", log_dir=Path(tmp)
            ),
            "cached": harness.Gunicorn(
                cached_env, workers=args.workers, name="cached", log_dir=Path(tmp)
            ),
        }
        try:
            for server in servers.values():
                server.start()
                warm(server, args.workers)
            print(
                f"Measuring under gunicorn ({args.workers} workers, wrk {args.connections} "
                f"connections, {args.duration:g} s a page and server)…",
                flush=True,
            )
            summary = measure(servers, args)
        finally:
            for server in servers.values():
                server.stop()
            if args.redis_url:
                _forget_redis_keys(args.redis_url, prefix)
    checks = report(summary, local, args, cache_label, database)
    print(f"\nMachine: {harness.machine_summary()}; load average now {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "date": datetime.now(UTC).isoformat(timespec="seconds"),
                    "database": database,
                    "cache": cache_label,
                    "releases": args.releases,
                    "machine": harness.machine_summary(),
                    "wrk": {"connections": args.connections, "duration": args.duration},
                    "gunicorn_workers": args.workers,
                    "servers": {f"{m} {p}": row for (m, p), row in summary.items()},
                    "in_process": {
                        p: {k: v for k, v in row.items() if k != "sql"} for p, row in local.items()
                    },
                    "checks": checks,
                },
                indent=2,
            )
        )
    if args.strict and not all(check["ok"] for check in checks):
        sys.exit(1)


def _forget_redis_keys(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


if __name__ == "__main__":
    main()
