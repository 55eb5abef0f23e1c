from argparse import ArgumentTypeError
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.bundles import ExportError, releases_export, releases_for_export
from articles.bundles.progress import progress_bar
from articles.models import Article


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(
            _("“%(value)s” is not a date (YYYY-MM-DD)") % {"value": value}
        ) from None


class Command(BaseCommand):
    help = gettext_lazy(
        "Export releases, with their speakers, events and original images, as a release "
        "bundle: a zip if PATH ends in .zip, otherwise a new folder. See docs/bundle-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("a .zip file, or a new or empty folder"))
        parser.add_argument(
            "--theme",
            action="append",
            default=[],
            help=gettext_lazy("Only releases with this theme (repeat for any of several)."),
        )
        parser.add_argument(
            "--since",
            type=iso_date,
            help=gettext_lazy("Only releases published on or after this date (YYYY-MM-DD)."),
        )
        parser.add_argument(
            "--until",
            type=iso_date,
            help=gettext_lazy("Only releases published on or before this date (YYYY-MM-DD)."),
        )
        parser.add_argument(
            "--status",
            action="append",
            default=[],
            choices=Article.Status.values,
            help=gettext_lazy("Only releases with this status (repeat for several)."),
        )
        parser.add_argument(
            "--no-progress",
            action="store_true",
            help=gettext_lazy("No progress bar (it is off anyway when stderr is not a terminal)."),
        )

    def handle(self, *args, path, theme, since, until, status, no_progress=False, **options):
        chosen = theme or since or until or status
        releases = (
            releases_for_export(themes=theme, since=since, until=until, statuses=status)
            if chosen
            else None
        )
        try:
            report = releases_export(
                Path(path),
                releases=releases,
                progress=progress_bar(enabled=not no_progress and options["verbosity"] > 0),
            )
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Exported %(releases)d releases, %(speakers)d speakers, %(events)d events "
                    "and %(images)d images to %(path)s."
                )
                % {
                    "releases": report.releases,
                    "speakers": report.speakers,
                    "events": report.events,
                    "images": report.images,
                    "path": path,
                }
            )
        )
