"""
Releases: their own fields, quotes and history, and their search documents.
"""

from __future__ import annotations

from collections import defaultdict

import reversion
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import search
from articles.bundles.importer.lookups import _by_slug, _chunks
from articles.bundles.importer.plans import ARTICLE_FIELDS, BATCH_SIZE, KEEP, TIMES, ReleasePlan
from articles.bundles.importer.themes import theme_key
from articles.html import sanitize_body
from articles.models import (
    Article,
    ArticleTheme,
    Event,
    GalleryImage,
    Quote,
    Speaker,
    to_the_minute,
)


class ReleaseChecks:
    """Releases and their quotes in the check phase."""

    def plan_releases(self) -> None:
        records = [r for r in self.bundle.releases if r.ok]
        self._resolve_references(records)
        existing = _by_slug(Article, (r.slug for r in records))
        ids = [a.pk for a in existing.values()]
        themes, quotes, gallery = self._children(ids)
        contacts = self._contacts(ids)
        self._stored_follows = {a.slug: a.follows_source_times for a in existing.values()}
        self._stored_themes = dict(themes)
        self._translated_photos: dict[str, dict] = {}
        self._event_slugs = dict(Event.objects.filter(
            pk__in={a.event_id for a in existing.values() if a.event_id}
        ).values_list("pk", "slug"))  # fmt: skip
        groups = self.plan_groups(records, existing)
        self._more_sources(groups, existing)
        # Sources first: a translation's photos are found among its source's.
        records.sort(key=lambda r: groups.get(r.slug) is not None)
        plans: dict[str, ReleasePlan] = {}
        for record in self.progress(records, desc=_("Checking releases"), unit=_("release")):
            current = existing.get(record.slug)
            article_id = current.pk if current else None
            plan = self.plan_release(
                record,
                current,
                themes.get(article_id, set()),
                quotes.get(article_id, []),
                gallery.get(article_id, []),
            )
            if "contacts" in record.values:
                self._plan_contacts(record, plan, record.values["contacts"], contacts[article_id])
            if record.slug in groups:
                self._plan_group(
                    record, plan, groups[record.slug], plans, gallery.get(article_id, [])
                )
            plans[record.slug] = plan
            self.releases.append(plan)
            self.tally(self.report.releases, _("release"), record.slug, plan.is_new, plan.changed)

    def _children(self, ids: list[int]):
        themes: dict[int, set[str]] = defaultdict(set)
        quotes: dict[int, list[Quote]] = defaultdict(list)
        gallery: dict[int, list[GalleryImage]] = defaultdict(list)
        for chunk in _chunks(ids):
            for article_id, name in ArticleTheme.objects.filter(
                content_object_id__in=chunk
            ).values_list("content_object_id", "tag__name"):
                themes[article_id].add(theme_key(name))
            for quote in Quote.objects.filter(article_id__in=chunk):
                quotes[quote.article_id].append(quote)
            for image in GalleryImage.objects.filter(article_id__in=chunk):
                gallery[image.article_id].append(image)
        return themes, quotes, gallery

    def plan_release(self, record, current, old_themes, old_quotes, old_images) -> ReleasePlan:
        values = record.values
        article = current or Article(slug=record.slug)
        fields = {n: values[n] for n in ("slug", *ARTICLE_FIELDS) if n in values}
        if "lead" in fields:
            fields["lead"] = fields["lead"].strip()
        if "body" in fields:
            fields["body"] = sanitize_body(fields["body"])
        if "dateline" in values:
            for part in ("city", "country"):
                if part in values["dateline"]:
                    fields[f"dateline_{part}"] = values["dateline"][part]
        if "released_with_source" in values:
            fields["follows_source_times"] = values["released_with_source"]
        for name in TIMES:
            if fields.get(name):
                # As save() stores them: a translation saved in step must match.
                fields[name] = to_the_minute(fields[name])
        plan = ReleasePlan(
            article=article, is_new=current is None, changed=self.apply(record, article, fields)
        )
        if "event" in values:
            self._plan_event(record, plan, values["event"])
        self.clean(record, article)
        if "themes" in values:
            self._plan_themes(record, plan, values["themes"], old_themes)
        if "quotes" in values:
            self._plan_quotes(record, plan, values["quotes"], old_quotes)
        if "gallery" in values:
            self._plan_gallery(record, plan, values["gallery"], old_images)
        return plan

    def _plan_quotes(self, record, plan: ReleasePlan, quotes: list[dict], old) -> None:
        wanted = []
        for index, quote in enumerate(quotes):
            prefix = f"quotes[{index}]."
            if quote["speaker"] not in self.speaker_ids:
                self.problem(
                    record,
                    prefix + "speaker",
                    _("no speaker with slug “%(slug)s” in this bundle or the database")
                    % {"slug": quote["speaker"]},
                )
            for name in ("text", "context"):
                if name in quote:
                    try:
                        Quote._meta.get_field(name).clean(quote[name], None)
                    except ValidationError as exc:
                        self.problem(record, prefix + name, " ".join(exc.messages))
            wanted.append(
                {
                    "speaker": quote["speaker"],
                    "text": Quote.cleaned_text("text", quote["text"]),
                    "context": Quote.cleaned_text("context", quote.get("context", "")),
                }
            )
        stored = [(q.speaker_id, q.text, q.context) for q in old]
        target = [(self.speaker_ids.get(q["speaker"]), q["text"], q["context"]) for q in wanted]
        if stored != target:
            plan.quotes = wanted
            plan.old_quotes = old
            plan.changed.append("quotes")


class ReleaseWrites:
    """Releases, their quotes, search documents and history in the write phase."""

    def write_releases(self) -> None:
        plans = self.plan.releases
        for plan in plans:
            article = plan.article
            if plan.event is not KEEP:
                article.event_id = self.plan.event_ids[plan.event] if plan.event else None
            if not plan.is_new and plan.changed:
                article.updated_at = self.now
                # Counted in the database: an admin save since the plan was
                # made must still see its version superseded.
                article.version = F("version") + 1
        self.write_new_search_documents(plans)
        model_fields = {f.name for f in Article._meta.concrete_fields}
        self._save_all(
            Article,
            plans,
            lambda p: p.article,
            lambda p: [n for n in p.changed if n in model_fields] + ["updated_at", "version"],
        )
        self.write_sources(plans)
        self.write_quotes(plans)
        self.write_themes(plans)
        self.write_theme_names()
        self.write_gallery(plans)
        self.write_release_contacts(plans)
        self.sync_groups(plans)

    def write_quotes(self, plans: list[ReleasePlan]) -> None:
        create, update, delete = [], [], []
        for plan in plans:
            if plan.quotes is None:
                continue
            old = plan.old_quotes
            for position, quote in enumerate(plan.quotes):
                values = {
                    "speaker_id": self.plan.speaker_ids[quote["speaker"]],
                    "text": quote["text"],
                    "context": quote["context"],
                    "position": position,
                }
                if position < len(old):
                    for name, value in values.items():
                        setattr(old[position], name, value)
                    update.append(old[position])
                else:
                    create.append(Quote(article_id=plan.article.pk, **values))
            delete.extend(q.pk for q in old[len(plan.quotes) :])
        for chunk in _chunks(delete):
            Quote.objects.filter(pk__in=chunk).delete()
        if update:
            Quote.objects.bulk_update(
                update, ["speaker", "text", "context", "position"], batch_size=BATCH_SIZE
            )
        Quote.objects.bulk_create(create, batch_size=BATCH_SIZE)

    def write_new_search_documents(self, plans: list[ReleasePlan]) -> None:
        """
        A new release's search document, written with its row: everything it
        holds is in the bundle (or already stored), and a second write of
        every new row would double an archive's import time.
        """
        new = [p for p in plans if p.is_new]
        speakers = {p.speaker.slug: p.speaker for p in self.plan.speakers}
        wanted = {q["speaker"] for p in new for q in p.quotes or ()} - speakers.keys()
        speakers.update(_by_slug(Speaker, wanted))
        events = {p.event.slug: p.event for p in self.plan.events}
        wanted = {p.event for p in new if isinstance(p.event, str)} - events.keys()
        events.update(_by_slug(Event, wanted))
        for plan in new:
            themes = [Tag(name=name) for name in plan.themes or ()]
            quotes = [
                Quote(text=q["text"], context=q["context"], speaker=speakers[q["speaker"]])
                for q in plan.quotes or ()
            ]
            event = events.get(plan.event) if isinstance(plan.event, str) else None
            article = plan.article
            article.search_title, article.search_text = search.document(
                article, themes, quotes, event=event or False
            )
            plan.search_written = True

    def update_search_documents(self) -> None:
        """The documents the bulk writes changed, but for new releases written with them."""
        releases = {
            p.article.pk
            for p in self.plan.releases
            if (p.is_new or p.changed) and not p.search_written
        }
        speakers = [p.speaker.pk for p in self.plan.speakers if not p.is_new and p.changed]
        events = [p.event.pk for p in self.plan.events if not p.is_new and p.changed]
        if speakers:
            quoting = Quote.objects.filter(speaker__in=speakers).values_list("article", flat=True)
            releases.update(quoting)
        if events:
            releases.update(Article.objects.filter(event__in=events).values_list("pk", flat=True))
        for chunk in _chunks(getattr(self, "theme_ids", [])):
            themed = ArticleTheme.objects.filter(tag_id__in=chunk)
            releases.update(themed.values_list("content_object_id", flat=True))
        search.documents_update(sorted(releases))

    def record_history(self) -> None:
        """
        One entry in each new or changed release's history ("Imported from …"),
        holding its quotes, gallery and themes, as an admin save would.
        """
        if not reversion.is_registered(Article):
            return
        changed = [p.article.pk for p in self.plan.releases if p.is_new or p.changed]
        comment = _("Imported from %(source)s") % {"source": self.plan.bundle.source}
        # Releases are read in batches, keeping the "IN (…)" lookups within
        # SQLite's limit on query parameters, and each gets a revision of its
        # own: restoring one release's import never touches another release.
        for chunk in _chunks(changed):
            for article in Article.objects.filter(pk__in=chunk).prefetch_related(
                Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
                "images",
                Prefetch("theme_links", queryset=ArticleTheme.objects.select_related("tag")),
            ):
                # Each version records str(obj); a theme link's names its
                # release, which would otherwise be fetched once per link.
                for link in article.theme_links.all():
                    link.content_object = article
                with reversion.create_revision(atomic=False):
                    reversion.set_comment(comment)
                    reversion.add_to_revision(article)
