"""
How long after an embargo lifts have 10,000 subscribers been e-mailed?

    .venv/bin/python bench/alerts.py [--subscribers 10000] [--workers 2]

Migrates a scratch database (a SQLite file in a temporary folder, or, when
DATABASE_URL points at PostgreSQL, a temporary database on that server,
dropped at the end), adds SUBSCRIBERS matching subscribers (and a quarter as
many who do not match: another theme or another language) and a release
under an embargo that lifts a few seconds later, as a Publisher's save
schedules it. WORKERS ``manage.py db_worker`` processes run the queue and
hand the alerts to a local SMTP server (aiosmtpd, in this process), which
counts them. Prints the seconds from the embargo lifting to the last message
accepted (the target: within 60 s), and writes bench/results/alerts-<db>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Counter:
    """An SMTP handler that counts accepted messages and notes when the last one came."""

    def __init__(self):
        self.lock = threading.Lock()
        self.count = 0
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):
        now = time.time()
        with self.lock:
            self.count += len(envelope.rcpt_tos)
            self.first = self.first or now
            self.last = now
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_database(tmp: Path) -> tuple[str, callable]:
    """A DATABASE_URL for an empty database, and how to drop it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'alerts.sqlite3'}", lambda: None
    import psycopg

    name = f"newsroom_bench_alerts_{os.getpid()}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--lead-seconds", type=float, default=8.0)
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    tmp = Path(tempfile.mkdtemp(prefix="newsroom-alerts-"))
    database_url, drop = scratch_database(tmp)
    port = free_port()
    counter = Counter()
    smtp = Controller(counter, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASKS_BACKEND")},
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "SITE_URL": "https://press.example.org",
        "DEBUG": "1",
        "LOG_LEVEL": "ERROR",
        "DISTRIBUTION_SENDERS": str(args.workers),
    }
    workers = []
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
        import django

        django.setup()
        release_id = populate(args.subscribers, args.lead_seconds)
        for _ in range(args.workers):
            workers.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
                    + ["--interval", "0.5", "-v0"],
                    cwd=ROOT,
                    env=env,
                )
            )
        from articles.models import Article

        lifts = Article.objects.get(pk=release_id).publish_at.timestamp()
        deadline = lifts + 180
        while counter.count < args.subscribers and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # anything extra (a second copy) would have arrived by now
        result = report(args, counter, lifts, database_url)
        print(json.dumps(result, indent=2))
        name = "postgresql" if database_url.startswith("postgres") else "sqlite"
        out = ROOT / "bench" / "results" / f"alerts-{name}.json"
        out.write_text(json.dumps(result, indent=2) + "\n")
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        smtp.stop()
        from django.db import connections

        connections.close_all()
        if not os.environ.get("BENCH_KEEP"):
            drop()
        else:
            print("kept", database_url)


def populate(count: int, lead_seconds: float) -> int:
    """Subscribers (matching and not), and a release whose embargo lifts shortly."""
    from datetime import timedelta

    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article
    from distribution import scheduling
    from distribution.models import Subscriber

    cyber = Tag.objects.create(name="Cybercrime")
    other = Tag.objects.create(name="Terrorism")
    matching = [Subscriber(email=f"reader{i}@example.org", languages=["en"]) for i in range(count)]
    others = [
        Subscriber(email=f"other{i}@example.org", languages=["fr"] if i % 2 else ["en"])
        for i in range(count // 4)
    ]
    Subscriber.objects.bulk_create(matching + others, batch_size=2000)
    through = Subscriber.themes.through
    links = [
        through(subscriber_id=pk, tag_id=cyber.pk)
        for pk in Subscriber.objects.filter(email__startswith="reader").values_list("pk", flat=True)
    ]
    # Those who do not match read French only, or want another theme.
    links += [
        through(subscriber_id=pk, tag_id=(cyber if languages == ["fr"] else other).pk)
        for pk, languages in Subscriber.objects.filter(email__startswith="other").values_list(
            "pk", "languages"
        )
    ]
    through.objects.bulk_create(links, batch_size=5000)
    release = Article.objects.create(
        title="Regional conference on cybercrime",
        slug="regional-conference-on-cybercrime",
        lead="Police chiefs meet in Tirana to work together against online fraud.",
        dateline_city="Tirana",
        dateline_country="Albania",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(days=1),
    )
    release.themes.set(["Cybercrime"])
    # Times are kept to the minute; the short embargo is written directly and
    # scheduled as a save schedules it.
    Article.objects.filter(pk=release.pk).update(
        publish_at=timezone.now() + timedelta(seconds=lead_seconds)
    )
    scheduling.schedule_alert(release.pk)
    return release.pk


def report(args, counter: Counter, lifts: float, database_url: str) -> dict:
    from distribution.models import Delivery

    states = dict.fromkeys(Delivery.State.values, 0)
    for state in Delivery.objects.values_list("state", flat=True):
        states[state] += 1
    return {
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
        "subscribers_matching": args.subscribers,
        "subscribers_not_matching": args.subscribers // 4,
        "workers": args.workers,
        "messages_received": counter.count,
        "seconds_from_lift_to_first": round(counter.first - lifts, 2) if counter.first else None,
        "seconds_from_lift_to_last": round(counter.last - lifts, 2) if counter.last else None,
        "deliveries": states,
        "target_seconds": 60,
    }


if __name__ == "__main__":
    main()
