"""
The benchmark's dataset: N public releases shaped like the demo release.

    .venv/bin/python bench/dataset.py [--releases 10000] [--database-url URL]

The demo release itself (``load_demo``: 13 photos, 3 quotes, 6 themes) plus
releases with 3 quotes and 6 themes each from a pool of 40, an event on one in
three, and 1–4 photos on a few hundred of them (rows sharing a handful of
stored photos whose renditions are made once). Everything after the demo is
written with ``bulk_create``, so 10,000 releases take seconds.

The database is the benchmark's own (a SQLite file under bench/.data/ by
default, or the PostgreSQL database named by the URL, created if missing). A
marker table records what was built; a later run with the same shape and
schema reuses it. A database that has tables but no marker is not the
benchmark's and is never touched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from datetime import timedelta
from pathlib import Path

try:
    from bench import harness
except ImportError:  # run as a script: bench/ itself is on sys.path
    import harness

DATASET_VERSION = 4
PHOTO_SIZE = (1600, 1067)
POOL_PHOTOS = 4
RELEASES_WITH_PHOTOS = 300
MARKER_TABLE = "bench_dataset"

THEMES = [
    "organized crime", "cybercrime", "migration", "drug trafficking", "terrorism",
    "climate change", "money laundering", "human trafficking", "firearms", "corruption",
    "border security", "financial crime", "maritime security", "counterfeiting",
    "environmental crime", "child protection", "forensics", "training", "cooperation",
    "databases", "fugitives", "stolen vehicles", "cultural heritage", "wildlife crime",
    "fraud", "ransomware", "online scams", "aviation security", "public health",
    "illicit goods", "sports integrity", "police leadership", "women in policing",
    "capacity building", "red notices", "identity documents", "biometrics",
    "crisis response", "major events", "research",
]  # fmt: skip
CITIES = [
    ("Lyon", "France"), ("Tirana", "Albania"), ("Singapore", "Singapore"),
    ("Nairobi", "Kenya"), ("Buenos Aires", "Argentina"), ("Abu Dhabi", "United Arab Emirates"),
    ("Vienna", "Austria"), ("Lisbon", "Portugal"), ("Seoul", "Korea"), ("Accra", "Ghana"),
]  # fmt: skip
SUBJECTS = [
    "Police leaders", "Investigators", "Border officials", "Prosecutors", "Analysts",
    "Cybercrime units", "Customs officers", "Forensic experts", "Member countries",
    "Regional bureaus",
]  # fmt: skip
VERBS = [
    "agree on", "step up", "review", "launch", "coordinate", "share data on", "train for",
    "report progress on", "plan", "strengthen",
]  # fmt: skip
OBJECTS = [
    "joint operations against organized crime", "the tracing of criminal money",
    "checks against stolen passports", "the rescue of trafficking victims",
    "responses to ransomware", "maritime drug routes", "the protection of children online",
    "cooperation across borders", "the identification of missing persons",
    "the recovery of stolen cultural goods",
]  # fmt: skip


VIENNA = (
    "The meeting follows the declaration adopted at the General Assembly in Vienna, "
    "which set out long-term steps against organized crime."
)


def _sentences(rng: random.Random, count: int) -> list[str]:
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, "
        f"with a focus on {rng.choice(THEMES)} and {rng.choice(THEMES)}."
        for _ in range(count)
    ]


def migrations_fingerprint() -> str:
    """A digest of the project's migration files.

    A migration edited before it was released changes no migration name, so
    Django sees nothing pending; the digest tells such a database apart.
    """
    digest = hashlib.sha256()
    for path in sorted(harness.ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(harness.ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def wanted_marker(releases: int) -> str:
    return json.dumps(
        {
            "version": DATASET_VERSION,
            "releases": releases,
            "photo_size": PHOTO_SIZE,
            "migrations": migrations_fingerprint(),
        },
        sort_keys=True,
    )


# --- the database itself, before Django -----------------------------------------


def _pg_admin(url: str):
    import psycopg

    return psycopg.connect(harness.with_database(url, "postgres"), autocommit=True)


def _pg_create_if_missing(url: str) -> None:
    name = harness.database_name(url)
    with _pg_admin(url) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _pg_recreate(url: str) -> None:
    name = harness.database_name(url)
    with _pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


# --- with Django ---------------------------------------------------------------------


def _read_marker(connection) -> tuple[str | None, list[str]]:
    tables = connection.introspection.table_names()
    if MARKER_TABLE not in tables:
        return None, tables
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {MARKER_TABLE} WHERE name = 'dataset'")  # noqa: S608
        row = cursor.fetchone()
    return (row[0] if row else None), tables


def _write_marker(connection, value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (name varchar(50) PRIMARY KEY, value text)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (name, value) VALUES ('dataset', %s)",  # noqa: S608
            [value],
        )


def _pending_migrations(connection) -> bool:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _theme_link(through, article_id: int, tag_id: int):
    """A row of the release–theme link, whether a real foreign key or taggit's generic one."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import ForeignKey

    from articles.models import Article

    if isinstance(through._meta.get_field("content_object"), ForeignKey):
        return through(content_object_id=article_id, tag_id=tag_id)
    content_type = ContentType.objects.get_for_model(Article)
    return through(content_type=content_type, object_id=article_id, tag_id=tag_id)


def build(releases: int) -> dict[str, float]:
    """Fill a migrated, empty database. Returns the seconds each step took."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag

    from articles import images, services
    from articles.demo import demo_photo, load_demo
    from articles.models import Article, Event, GalleryImage, Quote, Speaker

    timings: dict[str, float] = {}
    rng = random.Random(2024)

    start = time.perf_counter()
    demo = load_demo(photo_size=PHOTO_SIZE)
    # Uploads leave renditions to a background worker, and a photo without them
    # is not shown: the benchmark makes the demo's at once, so that its release
    # page shows the whole gallery.
    photos = list(demo.images.all())
    for photo in photos:
        services.gallery_image_renditions_make(image=photo)
    if not photos or not all(photo.has_renditions for photo in photos):
        sys.exit("The demo release's photos have no renditions: the release page would lack them.")
    timings[f"demo release (load_demo, {len(photos)} photos and renditions)"] = (
        time.perf_counter() - start
    )

    start = time.perf_counter()
    pool = []
    for index in range(POOL_PHOTOS):
        name = default_storage.save(
            f"gallery/bench/pool-{index:02d}.jpg", ContentFile(demo_photo(20 + index, PHOTO_SIZE))
        )
        pool.append((name, images.make_renditions(name)))
    timings[f"{POOL_PHOTOS} shared photos and their renditions"] = time.perf_counter() - start

    start = time.perf_counter()
    with transaction.atomic():
        speakers = Speaker.objects.bulk_create(
            Speaker(
                name=f"Speaker {n:03d}",
                slug=f"bench-speaker-{n:03d}",
                role="Head of delegation",
                organisation="National police",
                country=CITIES[n % len(CITIES)][1],
            )
            for n in range(60)
        )
        events = Event.objects.bulk_create(
            Event(
                name=f"Regional conference {n:03d}",
                slug=f"bench-conference-{n:03d}",
                venue="Conference centre",
                city=CITIES[n % len(CITIES)][0],
                country=CITIES[n % len(CITIES)][1],
                start_date=(timezone.now() - timedelta(days=60 * n)).date(),
                end_date=(timezone.now() - timedelta(days=60 * n - 2)).date(),
                expected_participants=160,
                description="Three days on the security threats of the region.",
            )
            for n in range(40)
        )
        existing = {tag.name.lower(): tag for tag in Tag.objects.all()}
        Tag.objects.bulk_create(
            Tag(name=name, slug=slugify(name)) for name in THEMES if name not in existing
        )
        tag_ids = list(
            Tag.objects.filter(name__in=THEMES).order_by("name").values_list("pk", flat=True)
        )

        count = releases - Article.objects.count()
        sentences = _sentences(rng, 400)
        newest = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=1)
        articles = []
        for n in range(count):
            city, country = CITIES[n % len(CITIES)]
            lead = " ".join(rng.sample(sentences, 2))[:300]
            body = "".join(f"<p>{' '.join(rng.sample(sentences, 4))}</p>" for _ in range(5))
            if n % 50 == 0:
                # A word found in one release in fifty: the benchmark's search.
                body += f"<p>{VIENNA}</p>"
            articles.append(
                Article(
                    title=f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
                    f" ({n + 1})",
                    slug=f"bench-release-{n:05d}",
                    dateline_city=city,
                    dateline_country=country,
                    lead=lead,
                    body=body,
                    status=Article.Status.PUBLISHED,
                    publish_at=newest - timedelta(hours=6 * n),
                    event=events[n % len(events)] if n % 3 == 0 else None,
                    language="en",
                    reference=f"PR-B{n:05d}",
                )
            )
        articles = Article.objects.bulk_create(articles, batch_size=2000)
        if any(article.pk is None for article in articles):
            by_slug = dict(Article.objects.values_list("slug", "pk"))
            for article in articles:
                article.pk = by_slug[article.slug]
        timings[f"{count} releases"] = time.perf_counter() - start

        start = time.perf_counter()
        Quote.objects.bulk_create(
            (
                Quote(
                    article_id=article.pk,
                    speaker=speaker,
                    text=" ".join(rng.sample(sentences, 2))
                    + ("\n\n" + rng.choice(sentences) if position == 0 else ""),
                    context="opening the meeting" if position == 0 else "",
                    position=position,
                )
                for article in articles
                for position, speaker in enumerate(rng.sample(speakers, 3))
            ),
            batch_size=5000,
        )
        timings[f"{3 * count} quotes"] = time.perf_counter() - start

        start = time.perf_counter()
        through = Article.themes.through
        through.objects.bulk_create(
            (
                _theme_link(through, article.pk, tag_id)
                for article in articles
                for tag_id in rng.sample(tag_ids, 6)
            ),
            batch_size=5000,
        )
        timings[f"{6 * count} theme links"] = time.perf_counter() - start

        start = time.perf_counter()
        width, height = PHOTO_SIZE
        gallery = []
        for article in rng.sample(articles, min(RELEASES_WITH_PHOTOS, len(articles))):
            for position in range(rng.randint(1, 4)):
                name, renditions = rng.choice(pool)
                gallery.append(
                    GalleryImage(
                        article_id=article.pk,
                        image=name,
                        caption="Delegates during the meeting.",
                        credit="Newsroom benchmark (generated image)",
                        licence="Free for editorial use",
                        alt_text="Delegates seated in a conference hall (generated image)",
                        position=position,
                        width=width,
                        height=height,
                        renditions=renditions,
                    )
                )
        GalleryImage.objects.bulk_create(gallery, batch_size=2000)
        timings[f"{len(gallery)} gallery rows"] = time.perf_counter() - start

        # Bulk writes send no signals: the search documents are written here,
        # as the bundle importer writes them for the releases it creates.
        from articles import search

        start = time.perf_counter()
        search.documents_update([article.pk for article in articles])
        timings[f"{count} search documents"] = time.perf_counter() - start
    return timings


def prepare(database_url: str, releases: int, *, quiet: bool = False) -> bool:
    """Build the dataset unless the database already holds it; True when it was built."""
    workdir = harness.workdir_for(database_url)
    media = workdir / "media"
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY=harness.BENCH_SECRET_KEY,
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="0",
        MEDIA_ROOT=str(media),
        NEWSROOM_PAGE_CACHE_SECONDS="0",
    )
    os.environ.pop("REDIS_URL", None)
    if harness.is_postgres(database_url):
        _pg_create_if_missing(database_url)
    sys.path.insert(0, str(harness.ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    wanted = wanted_marker(releases)
    marker, tables = _read_marker(connection)
    if marker == wanted and not _pending_migrations(connection):
        if not quiet:
            print(f"Dataset: reusing {releases} releases in {_describe(database_url)}")
        return False
    if tables and marker is None:
        sys.exit(
            f"{_describe(database_url)} has tables but is not a benchmark database "
            f"(no {MARKER_TABLE} table): refusing to touch it. Name a dedicated database."
        )
    if tables:
        connection.close()
        if harness.is_postgres(database_url):
            _pg_recreate(database_url)
        else:
            Path(connection.settings_dict["NAME"]).unlink()
    shutil.rmtree(media, ignore_errors=True)

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    # Marked at once, so that a build cut short is recognised as ours and redone.
    _write_marker(connection, "building")
    migrated = time.perf_counter() - start
    start = time.perf_counter()
    timings = build(releases)
    # Planner statistics and the visibility map (index-only scans without
    # heap fetches), as PostgreSQL's autovacuum would make them in time.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    _write_marker(connection, wanted)
    total = time.perf_counter() - start
    if not quiet:
        print(f"Dataset: built {releases} releases in {_describe(database_url)}")
        print(f"  {migrated:6.1f} s  migrate")
        for step, seconds in timings.items():
            print(f"  {seconds:6.1f} s  {step}")
        print(f"  {total:6.1f} s  in all (after migrate)")
    return True


def _describe(url: str) -> str:
    if harness.is_postgres(url):
        return f"PostgreSQL database {harness.database_name(url)}"
    return f"SQLite {url.removeprefix('sqlite:///')}"


def default_database_url(given: str | None) -> str:
    return given or os.environ.get("DATABASE_URL") or harness.sqlite_url(harness.DEFAULT_SQLITE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--database-url", help="default: DATABASE_URL, else bench/.data SQLite")
    args = parser.parse_args()
    if args.releases < 10:
        parser.error("--releases must be at least 10")
    prepare(default_database_url(args.database_url), args.releases)


if __name__ == "__main__":
    main()
