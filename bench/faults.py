"""
Fault test: PostgreSQL restarts while the site is under load.

    .venv/bin/python bench/faults.py [--database-url postgres://…/newsroom_faults]
                                     [--wait 120] [--force]

Starts gunicorn (2 workers, production settings, page cache off so that every
request needs the database) on a small dataset, keeps four clients requesting
a release page, the home page and /readyz/, then restarts the machine's
PostgreSQL cluster (``pg_ctlcluster … restart``) and keeps going. It checks:

- every request gets an answer within the timeout (no hang);
- during the outage the answers are 500 with the site's friendly error page
  (or 503 from /readyz/), never a traceback;
- the site recovers by itself, without restarting gunicorn: after the
  restart every answer is 200 again, from the same worker processes.

A restart cuts every connection to the cluster, other people's included, so
the script waits (up to --wait seconds) for a moment when nobody else is
connected, and refuses otherwise unless --force. PostgreSQL is never left
stopped: it is started again whatever happens.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    from bench import harness
except ImportError:  # run as a script: bench/ itself is on sys.path
    import harness

FRIENDLY_500 = b"Something went wrong on our side"
CLIENTS = 4
REQUEST_TIMEOUT = 10.0


def cluster_version() -> str:
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ctl(action: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster_version(), "main", action],
        check=True,
        capture_output=True,
    )


def pg_ready(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(harness.with_database(url, "postgres"), connect_timeout=1) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True


def others_connected(url: str) -> int:
    """Client connections to the cluster that are not this check's."""
    import psycopg

    with psycopg.connect(harness.with_database(url, "postgres"), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
            "AND pid <> pg_backend_pid() AND coalesce(datname, '') <> %s",
            [harness.database_name(url)],
        ).fetchone()
    return row[0]


@dataclass
class Sample:
    started: float
    seconds: float
    path: str
    status: int
    friendly: bool
    error: str = ""


@dataclass
class Outcome:
    samples: list[Sample] = field(default_factory=list)
    restart_began: float = 0.0
    restart_ended: float = 0.0
    workers_before: list[int] = field(default_factory=list)
    workers_after: list[int] = field(default_factory=list)
    recovered_after: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _client(server, paths, stop: threading.Event, samples: list, lock: threading.Lock) -> None:
    index = 0
    while not stop.is_set():
        path = paths[index % len(paths)]
        index += 1
        started = time.monotonic()
        response = server.http(path, timeout=REQUEST_TIMEOUT)
        sample = Sample(
            started=started,
            seconds=response.seconds,
            path=path,
            status=response.status,
            friendly=FRIENDLY_500 in response.body,
            error=response.error,
        )
        with lock:
            samples.append(sample)


def restart_under_load(
    server: harness.Gunicorn, *, before: float = 4.0, after: float = 12.0
) -> Outcome:
    """Load the server, restart PostgreSQL, keep loading; judge the answers."""
    outcome = Outcome(workers_before=server.worker_pids())
    paths = [f"/releases/{harness.DEMO_SLUG}/", "/", "/readyz/"]
    stop, lock = threading.Event(), threading.Lock()
    clients = [
        threading.Thread(target=_client, args=(server, paths, stop, outcome.samples, lock))
        for _ in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(before)
        outcome.restart_began = time.monotonic()
        pg_ctl("restart")
        outcome.restart_ended = time.monotonic()
        time.sleep(after)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=REQUEST_TIMEOUT + 5)
        if not pg_ready(server.env["DATABASE_URL"]):
            pg_ctl("start")
    outcome.workers_after = server.worker_pids()
    _judge(outcome)
    return outcome


def _judge(outcome: Outcome) -> None:
    samples = sorted(outcome.samples, key=lambda s: s.started)
    began, ended = outcome.restart_began, outcome.restart_ended
    steady = [s for s in samples if s.started + s.seconds < began]
    if not steady or any(s.status != 200 for s in steady):
        outcome.problems.append("the site was not answering 200 before the restart")
    hung = [s for s in samples if s.status == 0]
    if hung:
        outcome.problems.append(
            f"{len(hung)} requests got no answer within {REQUEST_TIMEOUT:g} s: {hung[0].error}"
        )
    for sample in samples:
        if sample.status in (200, 0):
            continue
        if sample.path == "/readyz/" and sample.status == 503:
            continue
        if sample.status == 500 and sample.friendly:
            continue
        outcome.problems.append(
            f"{sample.path} answered {sample.status} without the friendly error page"
        )
        break
    # Recovered: from some moment after the restart on, every answer is 200.
    after = [s for s in samples if s.started >= ended]
    last_failure = max((s.started for s in after if s.status != 200), default=None)
    tail = [s for s in after if last_failure is None or s.started > last_failure]
    if len(tail) < 10:
        outcome.problems.append("the site did not recover: it still failed at the end")
    else:
        outcome.recovered_after = (last_failure or ended) - ended
    if outcome.workers_before != outcome.workers_after:
        outcome.problems.append(
            f"gunicorn workers were replaced: {outcome.workers_before} → {outcome.workers_after}"
        )


def report(outcome: Outcome) -> None:
    samples = outcome.samples
    began, ended = outcome.restart_began, outcome.restart_ended
    phases = {
        "before the restart": [s for s in samples if s.started + s.seconds < began],
        "during the restart": [
            s for s in samples if s.started <= ended and s.started + s.seconds >= began
        ],
        "after the restart": [s for s in samples if s.started > ended],
    }
    print(f"PostgreSQL restart took {ended - began:.1f} s.")
    for name, group in phases.items():
        statuses: dict[int, int] = {}
        for sample in group:
            statuses[sample.status] = statuses.get(sample.status, 0) + 1
        slowest = max((s.seconds for s in group), default=0.0)
        summary = ", ".join(
            f"{status or 'no answer'}: {n}" for status, n in sorted(statuses.items())
        )
        print(f"  {name:20} {len(group):5d} requests ({summary}); slowest {slowest:.2f} s")
    friendly = sum(1 for s in samples if s.status == 500 and s.friendly)
    print(f"  500 answers with the friendly error page: {friendly}")
    if outcome.recovered_after is not None:
        print(f"  every answer was 200 again {outcome.recovered_after:.1f} s after the restart")
    print(f"  gunicorn workers: {outcome.workers_before} before, {outcome.workers_after} after")
    for problem in outcome.problems:
        print(f"FAILED: {problem}")
    if outcome.ok:
        print("OK: clean failures during the outage, recovery without restarting gunicorn.")


def wait_for_quiet(database_url: str, wait: float) -> None:
    """Return once nobody else is connected to the cluster; exit after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while busy := others_connected(database_url):
        if time.monotonic() > deadline:
            sys.exit(
                f"{busy} other connections to the PostgreSQL cluster: not restarting it "
                "under someone else's feet. Try again at a quiet moment, or use --force."
            )
        time.sleep(1)


def run(database_url: str, *, releases: int, workdir: Path, quiet=None) -> Outcome:
    """Serve a small dataset, wait for ``quiet()`` (if given), then restart under load."""
    harness.build_dataset(database_url, releases)
    env = harness.production_env(
        database_url=database_url,
        media_root=harness.workdir_for(database_url) / "media",
        static_root=workdir / "static",
        page_cache=False,
    )
    harness.collectstatic(env)
    with harness.Gunicorn(env, workers=2, name="faults", log_dir=workdir) as server:
        if quiet is not None:
            quiet()
        return restart_under_load(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/newsroom_faults"
    )
    parser.add_argument("--releases", type=int, default=200)
    parser.add_argument(
        "--wait", type=float, default=120, help="seconds to wait for a quiet cluster"
    )
    parser.add_argument("--force", action="store_true", help="restart even if others are connected")
    args = parser.parse_args()
    if not harness.is_postgres(args.database_url):
        sys.exit("This check restarts PostgreSQL: give a postgres:// --database-url.")
    quiet = None if args.force else (lambda: wait_for_quiet(args.database_url, args.wait))
    with tempfile.TemporaryDirectory(prefix="newsroom-faults-") as tmp:
        outcome = run(args.database_url, releases=args.releases, workdir=Path(tmp), quiet=quiet)
    report(outcome)
    if not outcome.ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
