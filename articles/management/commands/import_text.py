from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.services import article_create_from_text
from articles.textimport import MAX_TEXT_BYTES, TextTooLarge, decode_bytes


class Command(BaseCommand):
    help = (
        "Turn pasted or scraped plain-text press releases into draft releases for an "
        "editor to review. Reports what was found and what could not be placed; never "
        "publishes."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--title", help="The title, when the text has none (one file only).")
        parser.add_argument(
            "--year", type=int, help="Year for date ranges written without one (e.g. '11-13 June')."
        )
        parser.add_argument("--author", help="Username recorded as the drafts' author.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be created; save nothing."
        )

    def handle(self, *args, files, title=None, year=None, author=None, dry_run=False, **options):
        if title and len(files) > 1:
            raise CommandError("--title applies to one file; give one FILE with it.")
        user = None
        if author:
            user = get_user_model().objects.filter(username=author).first()
            if user is None:
                raise CommandError(f"--author: no user named {author!r}.")
        # Every file is read before anything is imported: one bad name stops the batch.
        texts = {path: self.read(path) for path in files}
        failures = 0
        for path, text in texts.items():
            self.stdout.write(self.style.MIGRATE_HEADING(str(path)))
            try:
                report = article_create_from_text(
                    text=text, title=title, year=year, author=user, dry_run=dry_run
                )
            except ValidationError as exc:
                failures += 1
                for field, messages in exc.message_dict.items():
                    self.stderr.write(f"{path}: {field}: {' '.join(messages)}")
                continue
            for line in report.lines():
                self.stdout.write(f"  {line}")
            if report.article is None:
                failures += 1
                self.stderr.write(f"{path}: nothing to import.")
            elif dry_run:
                self.stdout.write(f"  Would create the draft “{report.article.title}”.")
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"  Draft created: {report.article.title} "
                        f"(/admin/articles/article/{report.article.pk}/change/)"
                    )
                )
        if failures:
            raise CommandError(f"{failures} of {len(files)} files could not be imported.")

    @staticmethod
    def read(path: Path) -> str:
        """The file's text in whatever common encoding it is in, within the size limit."""
        try:
            size = path.stat().st_size
            if size > MAX_TEXT_BYTES:  # refused before reading, whatever its size
                raise TextTooLarge(size)
            text = decode_bytes(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"{path}: cannot read it ({exc.strerror}).") from exc
        except TextTooLarge as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if text is None:
            raise CommandError(f"{path}: not a text file (no known encoding fits its bytes).")
        return text
