"""
The import from start to end: the Planner checks everything and writes
nothing; the Writer then carries out its plan in one transaction.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import caching
from articles.bundles.errors import BundleError, Problem
from articles.bundles.importer.groups import GroupChecks, GroupWrites
from articles.bundles.importer.lookups import _ensure_pks
from articles.bundles.importer.photos import ImageFile, PhotoChecks, PhotoWrites
from articles.bundles.importer.plans import (
    BATCH_SIZE,
    BUNDLE_NAMES,
    ContactPlan,
    EventPlan,
    ReleasePlan,
    SpeakerPlan,
    ThemePlan,
)
from articles.bundles.importer.references import ReferenceChecks, ReferenceWrites
from articles.bundles.importer.releases import ReleaseChecks, ReleaseWrites
from articles.bundles.importer.report import ImportReport, Progress, no_progress
from articles.bundles.importer.themes import ThemeChecks, ThemeWrites
from articles.bundles.parse import Bundle, Record, parse_bundle
from articles.bundles.sources import Source, open_source
from articles.media.public import media_changed
from articles.models import Article
from articles.signals import releases_written


class Planner(ReferenceChecks, ThemeChecks, GroupChecks, ReleaseChecks, PhotoChecks):
    """
    Checks a bundle against the database and works out what would change;
    writes nothing. Its parts check one kind each; here are the checks shared
    by every kind.
    """

    def __init__(self, source: Source, bundle: Bundle, progress: Progress):
        self.source = source
        self.bundle = bundle
        self.progress = progress
        self.problems: list[Problem] = list(bundle.problems)
        self.report = ImportReport(source=bundle.source, dry_run=False)
        self.speakers: list[SpeakerPlan] = []
        self.events: list[EventPlan] = []
        self.contacts: list[ContactPlan] = []
        self.themes: list[ThemePlan] = []
        self.releases: list[ReleasePlan] = []
        # Slug -> id of rows that exist already; a slug known only from the
        # bundle maps to None until the write phase creates it.
        self.speaker_ids: dict[str, int | None] = {}
        self.event_ids: dict[str, int | None] = {}
        self.contact_ids: dict[str, int | None] = {}
        self._images: dict[str, ImageFile | str] = {}  # by path; a str is the problem
        self._stripped_sha256: dict[str, str] = {}  # by path

    def problem(self, record: Record, field_name: str, message: str) -> None:
        self.problems.append(Problem(record.where, field_name, str(message)))

    def run(self) -> Planner:
        self.plan_speakers()
        self.plan_events()
        self.plan_contacts()
        self.plan_themes()
        self.plan_releases()
        if self.problems:
            raise BundleError(self.bundle.source, self.problems)
        return self

    def apply(self, record: Record, instance: Model, values: dict) -> list[str]:
        """
        Set ``values`` on ``instance`` and check them by the model's own field
        rules; return the names of the model fields whose value changes.
        """
        changed = []
        for name, value in values.items():
            # As save() would store it: bulk writes skip save().
            value = instance.cleaned_text(name, value)
            model_field = instance._meta.get_field(name)
            try:
                model_field.clean(value, instance)
            except ValidationError as exc:
                for message in exc.messages:
                    self.problem(record, BUNDLE_NAMES.get(name, name), message)
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                if name != "slug":
                    changed.append(name)
        return changed

    def clean(self, record: Record, instance: Model, prefix: str = "") -> None:
        """The model's cross-field rules (end after start, unpublish after publish…)."""
        try:
            instance.clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                label = "" if name == NON_FIELD_ERRORS else BUNDLE_NAMES.get(name, name)
                for message in messages:
                    self.problem(record, prefix + label, message)

    def tally(self, tally, kind: str, slug: str, is_new: bool, changed: list[str]) -> None:
        if is_new:
            tally.created += 1
            self.report.changes.append(_("%(kind)s “%(slug)s”: new") % {"kind": kind, "slug": slug})
        elif changed:
            tally.updated += 1
            self.report.changes.append(
                _("%(kind)s “%(slug)s”: changes %(fields)s")
                % {
                    "kind": kind,
                    "slug": slug,
                    "fields": ", ".join(BUNDLE_NAMES.get(n, n) for n in changed),
                }
            )
        else:
            tally.unchanged += 1


class Writer(ReferenceWrites, ReleaseWrites, GroupWrites, ThemeWrites, PhotoWrites):
    """
    Carries out a plan in one transaction. Files it stores are removed again if
    the transaction fails; files it replaces are removed only once it commits.
    """

    def __init__(self, planner: Planner, progress: Progress):
        self.plan = planner
        self.source = planner.source
        self.progress = progress
        self.now = timezone.now()
        self.new_files: list[tuple[object, str]] = []
        self.old_files: list[tuple[object, str]] = []

    def run(self) -> None:
        try:
            with transaction.atomic():
                self.write_speakers()
                self.write_events()
                self.write_contacts()
                self.write_releases()
                self.record_history()
                transaction.on_commit(self.delete_old_files)
                # Bulk queries send no signals: tell the page cache what changed,
                changed = [p.article.pk for p in self.plan.releases if p.is_new or p.changed]
                speakers = [pk for pk in self.plan.speaker_ids.values() if pk]
                caching.content_changed(
                    releases=changed,
                    speakers=speakers,
                    events=[pk for pk in self.plan.event_ids.values() if pk],
                )
                # ... and the public copies of photos that may no longer be public.
                media_changed(
                    releases=changed,
                    speakers=speakers,
                    names=[name for _storage, name in self.old_files],
                )
                # ... and whoever acts on saved releases (e-mail alerts).
                transaction.on_commit(
                    partial(releases_written.send, sender=Article, release_ids=changed),
                    robust=True,
                )
                # ... nor to the search documents.
                self.update_search_documents()
        except IntegrityError as exc:
            self.delete_new_files()
            raise BundleError(
                self.plan.bundle.source,
                [
                    Problem(
                        "",
                        "",
                        _("the database changed during the import (%(error)s); run it again")
                        % {"error": exc},
                    )
                ],
            ) from exc
        except BaseException:
            self.delete_new_files()
            raise

    @staticmethod
    def _save_all(model, plans, instance_of, fields_of) -> None:
        new = [instance_of(p) for p in plans if p.is_new]
        changed = [p for p in plans if not p.is_new and p.changed]
        model.objects.bulk_create(new, batch_size=BATCH_SIZE)
        fields = sorted({f for p in changed for f in fields_of(p)})
        if changed and fields:
            model.objects.bulk_update(
                [instance_of(p) for p in changed], fields, batch_size=BATCH_SIZE
            )
        _ensure_pks(model, new)


def releases_import(
    path: Path, *, dry_run: bool = False, progress: Progress = no_progress
) -> ImportReport:
    """
    Import a bundle (a JSON file, a folder holding bundle.json, or a zip):
    all of it or, on any problem, none of it. Raises BundleError listing every
    problem found.
    """
    with open_source(Path(path)) as source:
        bundle = parse_bundle(source.json_bytes(), source.name)
        planner = Planner(source, bundle, progress).run()
        planner.report.dry_run = dry_run
        if planner.report.changed and not dry_run:
            Writer(planner, progress).run()
        return planner.report
