import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.backups import DATABASE_FILES, MEDIA_FILE, pg_environment


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an EMPTY database and media "
        "folder (as configured by DATABASE_URL and MEDIA_ROOT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        vendor = connection.vendor
        source = directory / DATABASE_FILES.get(vendor, "?")
        if not source.is_file():
            raise CommandError(f"{source} not found: is this a {vendor} backup folder?")
        if not (directory / MEDIA_FILE).is_file():
            raise CommandError(f"{directory / MEDIA_FILE} not found.")
        if connection.introspection.table_names():
            raise CommandError(
                "The database is not empty. Restore into a new, empty database "
                "(nothing is changed)."
            )
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir() and any(media.iterdir()):
            raise CommandError(f"The media folder {media} is not empty (nothing is changed).")

        if vendor == "postgresql":
            name, env = pg_environment(connection.settings_dict)
            connection.close()
            result = subprocess.run(
                ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={name}", str(source)],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        else:
            connection.close()
            shutil.copyfile(source, connection.settings_dict["NAME"])

        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(directory / MEDIA_FILE, "r:gz") as archive:
            archive.extractall(media, filter="data")
        # A backup from an older release of Newsroom is brought up to date.
        call_command("migrate", verbosity=0)
        # Public copies left from before are taken down where the restored
        # releases are not public; the rest come back as readers ask.
        from articles.media.public import sweep

        removed = sweep()
        if removed:
            self.stdout.write(f"{len(removed)} public photo file(s) taken down.")
        self.stdout.write(self.style.SUCCESS(f"Restored from {directory}"))
