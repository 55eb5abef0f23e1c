"""
What releases name by slug: speakers, events and contacts, in the bundle or
already stored.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from articles import caching
from articles import images as image_checks
from articles.bundles.importer.lookups import _by_slug, _chunks
from articles.bundles.importer.photos import _own_renditions, stored_sha256
from articles.bundles.importer.plans import (
    BATCH_SIZE,
    CONTACT_FIELDS,
    EVENT_FIELDS,
    KEEP,
    SPEAKER_FIELDS,
    ContactPlan,
    EventPlan,
    ReleasePlan,
    SpeakerPlan,
)
from articles.bundles.parse import Record
from articles.models import ArticleContact, Contact, Event, Speaker


class ReferenceChecks:
    """Speakers, events and contacts in the check phase."""

    def plan_speakers(self) -> None:
        records = [r for r in self.bundle.speakers if r.ok]
        existing = _by_slug(Speaker, (r.slug for r in records))
        self.speaker_ids = dict.fromkeys(self.bundle.slugs("speakers"))
        self.speaker_ids.update((slug, s.pk) for slug, s in existing.items())
        for record in records:
            current = existing.get(record.slug)
            speaker = current or Speaker(slug=record.slug)
            values = {n: record.values[n] for n in ("slug", *SPEAKER_FIELDS) if n in record.values}
            changed = self.apply(record, speaker, values)
            plan = SpeakerPlan(speaker=speaker, is_new=current is None, changed=changed)
            if "photo" in record.values:
                path = record.values["photo"]
                if path is None:
                    if speaker.photo:
                        plan.photo = None
                        changed.append("photo")
                else:
                    photo = self.image(record, "photo", path)
                    # Portraits lose location and camera details, as in the admin.
                    stored = photo and self.stored_form(photo, keep_metadata=False)
                    if stored and (
                        not speaker.photo or stored_sha256(speaker.photo) != stored.sha256
                    ):
                        plan.photo = stored
                        changed.append("photo")
            self.speakers.append(plan)
            self.tally(self.report.speakers, _("speaker"), record.slug, plan.is_new, changed)

    def plan_events(self) -> None:
        records = [r for r in self.bundle.events if r.ok]
        existing = _by_slug(Event, (r.slug for r in records))
        self.event_ids = dict.fromkeys(self.bundle.slugs("events"))
        self.event_ids.update((slug, e.pk) for slug, e in existing.items())
        for record in records:
            current = existing.get(record.slug)
            event = current or Event(slug=record.slug)
            values = {n: record.values[n] for n in ("slug", *EVENT_FIELDS) if n in record.values}
            changed = self.apply(record, event, values)
            self.clean(record, event)
            self.events.append(EventPlan(event=event, is_new=current is None, changed=changed))
            self.tally(self.report.events, _("event"), record.slug, current is None, changed)

    def plan_contacts(self) -> None:
        records = [r for r in self.bundle.contacts if r.ok]
        existing = _by_slug(Contact, (r.slug for r in records))
        self.contact_ids = dict.fromkeys(self.bundle.slugs("contacts"))
        self.contact_ids.update((slug, c.pk) for slug, c in existing.items())
        for record in records:
            current = existing.get(record.slug)
            contact = current or Contact(slug=record.slug)
            names = ("slug", *CONTACT_FIELDS)
            values = {n: record.values[n] for n in names if n in record.values}
            changed = self.apply(record, contact, values)
            self.contacts.append(
                ContactPlan(contact=contact, is_new=current is None, changed=changed)
            )
            self.tally(self.report.contacts, _("contact"), record.slug, current is None, changed)

    def _resolve_references(self, records: list[Record]) -> None:
        """Speakers and events a release names may be in the bundle or already stored."""
        speakers = {q["speaker"] for r in records for q in r.values.get("quotes", [])}
        events = {r.values["event"] for r in records if r.values.get("event")}
        for slug, speaker in _by_slug(Speaker, speakers - self.speaker_ids.keys()).items():
            self.speaker_ids[slug] = speaker.pk
        for slug, event in _by_slug(Event, events - self.event_ids.keys()).items():
            self.event_ids[slug] = event.pk

    def _contacts(self, ids: list[int]) -> dict[int | None, list[str]]:
        """Each stored release's contacts, by slug, in order."""
        found: dict[int | None, list[str]] = defaultdict(list)
        for chunk in _chunks(ids):
            links = ArticleContact.objects.filter(article_id__in=chunk).order_by("position", "pk")
            for article_id, slug in links.values_list("article_id", "contact__slug"):
                found[article_id].append(slug)
        return found

    def _plan_contacts(self, record, plan: ReleasePlan, slugs: list[str], old: list[str]) -> None:
        missing = False
        for index, slug in enumerate(slugs):
            if slug not in self.contact_ids:
                self.problem(
                    record,
                    f"contacts[{index}]",
                    _("no contact with slug “%(slug)s” in this bundle or the database")
                    % {"slug": slug},
                )
                missing = True
        wanted = list(dict.fromkeys(slugs))
        if not missing and wanted != old:
            plan.contacts = wanted
            plan.changed.append("contacts")

    def _plan_event(self, record, plan: ReleasePlan, slug: str | None) -> None:
        if slug is not None and slug not in self.event_ids:
            self.problem(
                record,
                "event",
                _("no event with slug “%(slug)s” in this bundle or the database") % {"slug": slug},
            )
            return
        target = self.event_ids[slug] if slug else None
        plan.event = slug
        if plan.article.event_id != target or (slug and target is None):
            plan.changed.append("event")


class ReferenceWrites:
    """Speakers, events and contacts in the write phase."""

    def write_speakers(self) -> None:
        for plan in self.plan.speakers:
            speaker = plan.speaker
            if plan.photo is KEEP:
                continue
            if speaker.photo:
                self.old_files.append((speaker.photo.storage, speaker.photo.name))
                self.old_files.extend(_own_renditions(speaker.photo, speaker.photo_renditions))
            if plan.photo is None:
                speaker.photo = ""
                speaker.photo_renditions = {}
            else:
                speaker.photo.save(
                    plan.photo.file.name,
                    self.read(plan.photo.file, strip=plan.photo.strip),
                    save=False,
                )
                self.new_files.append((speaker.photo.storage, speaker.photo.name))
                speaker.photo_renditions = image_checks.make_portraits(
                    speaker.photo.name, storage=speaker.photo.storage
                )
                self.new_files.extend(
                    (speaker.photo.storage, name)
                    for names in speaker.photo_renditions.values()
                    for name in names.values()
                )
            if not plan.is_new and "photo_renditions" not in plan.changed:
                plan.changed.append("photo_renditions")
        self._save_all(
            Speaker,
            self.plan.speakers,
            lambda p: p.speaker,
            lambda p: p.changed,
        )
        for plan in self.plan.speakers:
            self.plan.speaker_ids[plan.speaker.slug] = plan.speaker.pk

    def write_events(self) -> None:
        self._save_all(
            Event,
            self.plan.events,
            lambda p: p.event,
            lambda p: p.changed,
        )
        for plan in self.plan.events:
            self.plan.event_ids[plan.event.slug] = plan.event.pk

    def write_contacts(self) -> None:
        self._save_all(Contact, self.plan.contacts, lambda p: p.contact, lambda p: p.changed)
        for plan in self.plan.contacts:
            self.plan.contact_ids[plan.contact.slug] = plan.contact.pk
        if any(p.is_new or p.changed for p in self.plan.contacts):
            # A contact shows on the releases naming it (or on all, as a default).
            caching.content_changed(releases=None)

    def write_release_contacts(self, plans: list[ReleasePlan]) -> None:
        plans = [p for p in plans if p.contacts is not None]
        for chunk in _chunks([p.article.pk for p in plans if not p.is_new]):
            ArticleContact.objects.filter(article_id__in=chunk).delete()
        ArticleContact.objects.bulk_create(
            (
                ArticleContact(
                    article_id=plan.article.pk,
                    contact_id=self.plan.contact_ids[slug],
                    position=position,
                )
                for plan in plans
                for position, slug in enumerate(plan.contacts)
            ),
            batch_size=BATCH_SIZE,
        )
