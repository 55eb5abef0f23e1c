import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.backups import DATABASE_FILES, MEDIA_FILE, pg_environment


class Command(BaseCommand):
    help = (
        "Back up the database and the media folder into DIR: a consistent database copy "
        "(pg_dump custom format on PostgreSQL, SQLite's online backup otherwise) and "
        "media.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        directory.mkdir(parents=True, exist_ok=True)
        if any(directory.iterdir()):
            raise CommandError(f"{directory} is not empty; back up into a new folder.")
        vendor = connection.vendor
        target = directory / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            name, env = pg_environment(connection.settings_dict)
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", name],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        elif vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(target) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            raise CommandError(f"Backups of {vendor} databases are not supported.")
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(directory / MEDIA_FILE, "w:gz") as archive:
            if media.is_dir():
                archive.add(media, arcname=".")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {directory}"))
