"""
Load test: many concurrent readers for a minute, with no errors and no memory growth.

    .venv/bin/python bench/load.py [--connections 64] [--duration 60] [--workers 4]
                                   [--releases 10000] [--database-url URL] [--no-cache]

Serves the benchmark dataset (bench/dataset.py) with gunicorn and production
settings, then runs wrk with 64 connections round-robin over release pages
(the demo release and 50 others), the first list pages and a few searches.
Resident memory of the gunicorn master and workers is read from /proc before
the load (after a warm-up that fills the page cache and loads every template),
every few seconds during it, and after it.

Exits 1 when any request failed (a non-2xx/3xx answer, a socket error or a
timeout), when a worker was replaced, or when memory grew by more than
--max-growth (20 % by default).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import harness
from dataset import default_database_url

SEARCHES = ["vienna", "declaration", "ransomware", "tirana", "cybercrime"]


def paths() -> list[str]:
    release_pages = [f"/releases/{harness.DEMO_SLUG}/"] + [
        f"/releases/bench-release-{n:05d}/" for n in range(0, 5000, 100)
    ]
    lists = ["/", "/?page=2", "/?page=3", "/?page=50", "/?page=400"]
    searches = [f"/search/?q={word}" for word in SEARCHES]
    return release_pages + lists * 4 + searches * 3


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Newsroom load test.", formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""))
    parser.add_argument("--no-cache", action="store_true", help="page cache off")
    parser.add_argument(
        "--max-growth", type=float, default=0.20, help="largest allowed memory growth"
    )
    parser.add_argument("--timeout", type=float, default=10, help="wrk's request timeout, s")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    harness.ensure_wrk()
    database_url = default_database_url(args.database_url)
    harness.build_dataset(database_url, args.releases)
    targets = paths()
    with tempfile.TemporaryDirectory(prefix="newsroom-load-") as tmp:
        env = harness.production_env(
            database_url=database_url,
            media_root=harness.workdir_for(database_url) / "media",
            static_root=Path(tmp) / "static",
            page_cache=not args.no_cache,
            redis_url=args.redis_url,
        )
        harness.collectstatic(env)
        with harness.Gunicorn(env, workers=args.workers, name="load", log_dir=Path(tmp)) as server:
            workers_before = server.worker_pids()
            print(f"Warming up ({len(targets)} pages, 5 s)…", flush=True)
            harness.run_wrk(server.base_url, targets, seconds=5, connections=args.workers * 2)
            time.sleep(1)
            before = server.rss_kib()
            samples: list[dict[int, int]] = []
            result: dict = {}

            def load():
                result["wrk"] = harness.run_wrk(
                    server.base_url,
                    targets,
                    seconds=args.duration,
                    connections=args.connections,
                    threads=2,
                    timeout=args.timeout,
                )

            print(
                f"Load: {args.connections} connections for {args.duration:g} s on "
                f"{len(set(targets))} pages, {args.workers} workers, page cache "
                f"{'off' if args.no_cache else 'on'}…",
                flush=True,
            )
            thread = threading.Thread(target=load)
            thread.start()
            while thread.is_alive():
                thread.join(timeout=2)
                samples.append(server.rss_kib())
            time.sleep(1)
            after = server.rss_kib()
            workers_after = server.worker_pids()
            log = server.log()
    wrk = result["wrk"]
    failed = report(args, wrk, before, samples, after)
    replaced = sorted(set(workers_before) - set(workers_after))
    if replaced:
        print(f"Workers replaced during the load: {replaced}\n{log}")
    if failed or replaced:
        sys.exit(1)


def report(args, wrk: harness.WrkResult, before: dict, samples: list, after: dict) -> bool:
    print()
    print(f"Requests:   {wrk.requests} in {wrk.seconds:.1f} s ({wrk.rps:.0f}/s)")
    print(
        f"Latency:    p50 {wrk.p50_ms:.1f} ms, p90 {wrk.p90_ms:.1f} ms, "
        f"p99 {wrk.p99_ms:.1f} ms, max {wrk.max_ms:.1f} ms"
    )
    errors = ", ".join(f"{kind} {count}" for kind, count in wrk.errors.items())
    print(f"Errors:     {wrk.error_count} ({errors}; 'status' = non-2xx/3xx answers)")
    peak = max(samples, key=lambda sample: sum(sample.values()), default=after)
    print()
    print(f"{'memory (RSS, MiB)':22} {'before':>8} {'peak':>8} {'after':>8}")
    for index, pid in enumerate(before):
        name = "master" if index == 0 else f"worker {pid}"
        print(
            f"{name:22} {before[pid] / 1024:8.1f} {peak.get(pid, 0) / 1024:8.1f} "
            f"{after.get(pid, 0) / 1024:8.1f}"
        )
    total_before, total_after = sum(before.values()), sum(after.values())
    growth = total_after / total_before - 1 if total_before else 0.0
    print(
        f"{'all':22} {total_before / 1024:8.1f} {sum(peak.values()) / 1024:8.1f} "
        f"{total_after / 1024:8.1f}   growth {growth:+.1%} (limit {args.max_growth:.0%})"
    )
    failed = False
    if wrk.error_count:
        print("FAILED: some requests failed.")
        failed = True
    if growth > args.max_growth:
        print("FAILED: memory grew past the limit.")
        failed = True
    if not failed:
        print("OK: no failed request, memory steady.")
    return failed


if __name__ == "__main__":
    main()
