from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.bundles import BundleError, releases_import
from articles.bundles.progress import progress_bar


class Command(BaseCommand):
    help = gettext_lazy(
        "Import speakers, events and releases from a release bundle: a JSON file, a folder "
        "holding bundle.json, or a zip. All or nothing; records are matched by slug, and "
        "unchanged ones are left alone. See docs/bundle-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=gettext_lazy("bundle.json, a folder, or a .zip"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("Check everything and report what would change; write nothing."),
        )
        parser.add_argument(
            "--no-progress",
            action="store_true",
            help=gettext_lazy("No progress bar (it is off anyway when stderr is not a terminal)."),
        )

    def handle(self, *args, path, dry_run=False, no_progress=False, verbosity=1, **options):
        progress = progress_bar(enabled=not no_progress and verbosity > 0)
        try:
            report = releases_import(Path(path), dry_run=dry_run, progress=progress)
        except BundleError as exc:
            raise CommandError(
                _("Nothing was imported. %(problems)s") % {"problems": exc.text()}
            ) from exc

        if verbosity == 0:
            return
        if dry_run:
            self.stdout.write(_("Dry run of %(source)s: nothing was written.") % {"source": path})
        elif not report.changed:
            self.stdout.write(
                _("Nothing to change: the database already matches %(source)s.") % {"source": path}
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported %(source)s.") % {"source": path}))
        if report.changed and (dry_run or verbosity > 1):
            for line in report.changes:
                self.stdout.write(f"  {line}")
        for label, tally in (
            (_("speakers"), report.speakers),
            (_("events"), report.events),
            (_("releases"), report.releases),
        ):
            self.stdout.write(f"{label}: {self._counts(tally, dry_run)}")
        removed = (_("%(n)d to remove") if dry_run else _("%(n)d removed")) % {
            "n": report.images.removed
        }
        self.stdout.write(f"{_('images')}: {self._counts(report.images, dry_run)}, {removed}")

    @staticmethod
    def _counts(tally, dry_run: bool) -> str:
        if dry_run:
            text = _("%(created)d to create, %(updated)d to update, %(unchanged)d unchanged")
        else:
            text = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged")
        return text % {
            "created": tally.created,
            "updated": tally.updated,
            "unchanged": tally.unchanged,
        }
