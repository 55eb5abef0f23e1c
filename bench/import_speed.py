"""
How fast is import_releases compared with loaddata of the same data?

    .venv/bin/python bench/import_speed.py [--count 10000] [--repeat 1]

Generates a bundle of COUNT releases (3 quotes and 4 themes each, no images),
imports it once into a scratch database and dumps that with the documented
fixture command (``dumpdata articles taggit --natural-foreign``) to get the
same data as a Django fixture. Then it times ``import_releases`` and
``loaddata`` each into a fresh, migrated, empty database and prints both times
and their ratio (import / loaddata; the target is ≤ 1).

The databases are SQLite files in a temporary folder, or, when DATABASE_URL
points at PostgreSQL, temporary databases on that server (dropped at the end).
Each timing runs in its own process, so neither side benefits from the other's
warm caches; only the command itself is timed, not Django's start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
THEMES = [
    "organized crime",
    "cybercrime",
    "migration",
    "drug trafficking",
    "terrorism",
    "climate change",
    "money laundering",
    "human trafficking",
    "firearms",
    "corruption",
    "border security",
    "financial crime",
    "maritime security",
    "counterfeiting",
    "environmental crime",
    "child protection",
    "forensics",
    "training",
    "cooperation",
    "databases",
]
CITIES = [
    ("Lyon", "France"),
    ("Tirana", "Albania"),
    ("Singapore", "Singapore"),
    ("Nairobi", "Kenya"),
]


def make_bundle(count: int) -> dict:
    rng = random.Random(2024)
    speakers = [
        {
            "slug": f"speaker-{n:03d}",
            "name": f"Speaker {n:03d}",
            "role": "Head of delegation",
            "organisation": "Police",
            "country": "Albania",
            "bio": "",
            "photo": None,
        }
        for n in range(60)
    ]
    events = [
        {
            "slug": f"conference-{n:03d}",
            "name": f"Regional conference {n:03d}",
            "start_date": f"2024-{n % 12 + 1:02d}-10",
            "end_date": f"2024-{n % 12 + 1:02d}-12",
            "venue": "Conference centre",
            "city": "Tirana",
            "country": "Albania",
            "expected_participants": 160,
            "description": "Three days on security threats.",
            "link": "",
        }
        for n in range(30)
    ]
    releases = []
    for n in range(count):
        city, country = rng.choice(CITIES)
        releases.append(
            {
                "slug": f"release-{n:05d}",
                "title": f"Police leaders agree on closer cooperation, release {n}",
                "language": "en",
                "reference": f"PR-{n:05d}",
                "status": "published",
                "publish_at": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}T09:{n % 60:02d}:00+02:00",
                "unpublish_at": None,
                "dateline": {"city": city, "country": country},
                "lead": "Senior police representatives meet for three days to discuss "
                "organized crime, cybercrime, migration and drug trafficking.",
                "body": "<p>Senior police representatives meet for three days.</p>"
                "<p>Organized crime sets the agenda.</p>" * 3,
                "event": rng.choice(events)["slug"] if n % 3 == 0 else None,
                "themes": sorted(rng.sample(THEMES, 4)),
                "quotes": [
                    {
                        "speaker": speaker["slug"],
                        "text": "We can only take on these challenges together.",
                        "context": "",
                    }
                    for speaker in rng.sample(speakers, 3)
                ],
                "gallery": [],
            }
        )
    return {
        "format": "newsroom-bundle",
        "version": 1,
        "speakers": speakers,
        "events": events,
        "releases": releases,
    }


class Databases:
    """Fresh, migrated databases of the chosen backend, cloned from one template."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.url = os.environ.get("DATABASE_URL", "")
        self.postgres = self.url.startswith(("postgres://", "postgresql://"))
        self.created: list[str] = []
        self.prefix = f"newsroom_bench_{os.getpid()}"

    def _url_for(self, name: str) -> str:
        if self.postgres:
            parts = urlsplit(self.url)
            return urlunsplit(parts._replace(path=f"/{name}"))
        return f"sqlite:///{self.workdir / (name + '.sqlite3')}"

    def _admin(self):
        import psycopg

        parts = urlsplit(self.url)
        return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)

    def template(self) -> str:
        name = f"{self.prefix}_template"
        if self.postgres:
            with self._admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            self.created.append(name)
        url = self._url_for(name)
        run_manage(["migrate", "--verbosity", "0"], url, self.workdir)
        return name

    def fresh(self, template: str, label: str) -> str:
        name = f"{self.prefix}_{label}"
        if self.postgres:
            with self._admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            self.created.append(name)
        else:
            shutil.copy(self.workdir / f"{template}.sqlite3", self.workdir / f"{name}.sqlite3")
        return self._url_for(name)

    def drop_all(self) -> None:
        if not self.postgres:
            return
        with self._admin() as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def child_env(database_url: str, workdir: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        MEDIA_ROOT=str(workdir / "media"),
        DATABASE_CONN_MAX_AGE="0",
    )
    return env


def run_manage(args: list[str], database_url: str, workdir: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=child_env(database_url, workdir),
        check=True,
    )


def timed(command: str, path: Path, database_url: str, workdir: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--worker", command, str(path)],
        cwd=ROOT,
        env=child_env(database_url, workdir),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker(command: str, path: str) -> None:
    """Runs in a child process: one timed command against DATABASE_URL."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from articles.models import Article, ArticleTheme, Quote

    started = time.perf_counter()
    if command == "import":
        call_command("import_releases", path, no_progress=True, verbosity=0)
    else:
        call_command("loaddata", path, verbosity=0)
    seconds = time.perf_counter() - started
    counts = {
        "releases": Article.objects.count(),
        "quotes": Quote.objects.count(),
        "themes": ArticleTheme.objects.count(),
    }
    print(json.dumps({"seconds": seconds, **counts}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="releases (default 10000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    databases = Databases(workdir)
    try:
        backend = "PostgreSQL" if databases.postgres else "SQLite"
        print(f"{args.count} releases, 3 quotes and 4 themes each; {backend}")
        bundle = workdir / "bundle.json"
        bundle.write_text(json.dumps(make_bundle(args.count)), encoding="utf-8")
        fixture = workdir / "fixture.json"
        template = databases.template()

        scratch = databases.fresh(template, "scratch")
        timed("import", bundle, scratch, workdir)
        run_manage(
            ["dumpdata", "articles", "taggit", "--natural-foreign", "-o", str(fixture)],
            scratch,
            workdir,
        )

        results: dict[str, list[dict]] = {"import": [], "loaddata": []}
        for run in range(args.repeat):
            for command, path in (("import", bundle), ("loaddata", fixture)):
                url = databases.fresh(template, f"{command}_{run}")
                results[command].append(timed(command, path, url, workdir))

        best = {command: min(r["seconds"] for r in runs) for command, runs in results.items()}
        counts = {
            command: {k: v for k, v in runs[0].items() if k != "seconds"}
            for command, runs in results.items()
        }
        if counts["import"] != counts["loaddata"]:
            sys.exit(f"The two databases differ: {counts}")
        print(f"rows: {counts['import']}")
        print(f"import_releases: {best['import']:.2f} s")
        print(f"loaddata:        {best['loaddata']:.2f} s")
        print(f"ratio import/loaddata: {best['import'] / best['loaddata']:.2f} (target ≤ 1)")
    finally:
        databases.drop_all()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
