"""
Translation groups: which release translates which, what a translation
shares with its source, and a translation's captions on its source's photos.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from articles.bundles.importer.lookups import _by_slug, _chunks
from articles.bundles.importer.plans import (
    BATCH_SIZE,
    KEEP,
    SHARED,
    TIMES,
    TRANSLATED_PHOTO_FIELDS,
    ReleasePlan,
)
from articles.bundles.importer.themes import theme_key
from articles.bundles.parse import Record
from articles.models import Article, Event, GalleryImage
from articles.text import clean_one_line


def _shown(value) -> str:
    if isinstance(value, set):
        return ", ".join(f"“{v}”" for v in sorted(value)) or _("none")
    if isinstance(value, dict):
        return ", ".join(f"{k} “{v}”" for k, v in value.items())
    return _("none") if value is None else f"“{value}”"


class GroupChecks:
    """Translation groups in the check phase."""

    def plan_groups(self, records: list[Record], existing: dict) -> dict[str, str | None]:
        """
        Each release's group after the import (the slug of its source, or
        None), checked: the source exists and is no translation itself, one
        release a language in each group, and what translations share with
        their source (event, dateline, themes and, when released with it, the
        times) as the source has it. What is shared is then left to the
        source; a translation's photos are the source's, with their captions.
        """
        if self.bundle.version < 2:
            return {}
        by_slug = {r.slug: r for r in records}
        named = {r.values["translation_of"] for r in records if r.values.get("translation_of")}
        outside = _by_slug(Article, named - by_slug.keys())
        stored = {**outside, **existing}
        # What the sources outside the bundle share with their translations.
        outside_themes, _quotes, _gallery = self._children([a.pk for a in outside.values()])
        self._stored_themes.update(outside_themes)
        events = {a.event_id for a in outside.values() if a.event_id}
        self._event_slugs.update(Event.objects.filter(pk__in=events).values_list("pk", "slug"))
        ids = {a.source_id for a in stored.values() if a.source_id} | {
            a.pk for a in stored.values()
        }
        slug_of = {}
        for chunk in _chunks(sorted(ids)):
            slug_of.update(Article.objects.filter(pk__in=chunk).values_list("pk", "slug"))
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # source -> (slug, language)
        relevant = sorted(by_slug.keys() | named)
        for chunk in _chunks(relevant):
            rows = Article.objects.filter(source__slug__in=chunk).values_list(
                "slug", "language", "source__slug"
            )
            for slug, language, source in rows:
                if slug not in by_slug:
                    members[source].append((slug, language))

        def source_of(slug: str) -> str | None:
            record = by_slug.get(slug)
            if record is not None and "translation_of" in record.values:
                return record.values["translation_of"]
            article = stored.get(slug)
            return slug_of.get(article.source_id) if article and article.source_id else None

        def language_of(slug: str) -> str:
            record = by_slug.get(slug)
            if record is not None and "language" in record.values:
                return record.values["language"]
            article = stored.get(slug)
            return article.language if article else Article._meta.get_field("language").default

        groups = {r.slug: source_of(r.slug) for r in records}
        for record in records:
            source = groups[record.slug]
            named_source = record.values.get("translation_of")
            if named_source is not None:
                if named_source == record.slug:
                    self.problem(record, "translation_of", _("a release cannot translate itself"))
                    continue
                if named_source not in by_slug and named_source not in outside:
                    self.problem(
                        record,
                        "translation_of",
                        _("no release with slug “%(slug)s” in this bundle or the database")
                        % {"slug": named_source},
                    )
                    continue
                above = source_of(named_source)
                if above is not None:
                    self.problem(
                        record,
                        "translation_of",
                        _(
                            "“%(slug)s” is itself a translation (of “%(source)s”); a translation "
                            "names its group's source, “%(source)s”"
                        )
                        % {"slug": named_source, "source": above},
                    )
                    continue
            if source is None:
                if "released_with_source" in record.values:
                    self.problem(
                        record,
                        "released_with_source",
                        _("only a translation (with translation_of) is released with its source"),
                    )
                continue
            children = [slug for slug, _language in members.get(record.slug, [])]
            if children:
                self.problem(
                    record,
                    "translation_of",
                    _("“%(slug)s” has translations of its own (%(children)s); it cannot be one")
                    % {"slug": record.slug, "children": ", ".join(sorted(children))},
                )
                continue
            self._check_shared(record, source, by_slug.get(source), stored.get(source))
        # One release a language in each group.
        for source in sorted({s for s in groups.values() if s}):
            seen = {language_of(source): source}
            for slug, language in members.get(source, []):
                seen.setdefault(language, slug)
            for record in records:
                if groups[record.slug] != source:
                    continue
                language = language_of(record.slug)
                if language in seen and seen[language] != record.slug:
                    self.problem(
                        record,
                        "language",
                        _("the group of “%(source)s” already has “%(other)s” in %(language)s")
                        % {"source": source, "other": seen[language], "language": language},
                    )
                else:
                    seen[language] = record.slug
        return groups

    def _check_shared(self, record: Record, source: str, source_record, source_article) -> None:
        """A translation repeats what it shares with its source only as the source has it."""
        values = record.values
        mine = source_record.values if source_record is not None else {}
        follows = values.get(
            "released_with_source",
            self._stored_follows.get(record.slug, True),
        )
        shared = [*SHARED, *(TIMES if follows else ())]
        for name in shared:
            if name not in values:
                continue
            theirs = self._source_value(name, mine, source_article)
            ours = values[name]
            if name == "themes":
                ours = {theme_key(clean_one_line(t).strip()) for t in ours}
            elif name == "dateline":
                theirs = {part: theirs.get(part, "") for part in ours}
            if theirs is not KEEP and ours != theirs:
                self.problem(
                    record,
                    name,
                    _(
                        "a translation shares this with its source; leave it out or give "
                        "the source's (“%(source)s” has %(value)s)"
                    )
                    % {"source": source, "value": _shown(theirs)},
                )
        if "gallery" in values:
            self._plan_translated_photos(record, source, mine)
        record.values = {k: v for k, v in values.items() if k not in SHARED and k != "gallery"}
        if follows:
            # Released with its source: the source's times, given or not.
            for name in TIMES:
                theirs = self._source_value(name, mine, source_article)
                if theirs is not KEEP:
                    record.values[name] = theirs

    def _source_value(self, name: str, values: dict, article: Article | None):
        """The source's ``name`` after the import: the bundle's, else the stored one."""
        if name in values:
            value = values[name]
            if name == "themes":
                return {theme_key(clean_one_line(t).strip()) for t in value}
            return value
        if article is None:
            return KEEP
        if name == "event":
            return self._event_slugs.get(article.event_id) if article.event_id else None
        if name == "dateline":
            return {"city": article.dateline_city, "country": article.dateline_country}
        if name == "themes":
            return self._stored_themes.get(article.pk, set())
        return getattr(article, name)

    def _plan_translated_photos(self, record: Record, source: str, source_values: dict) -> None:
        paths = {entry["path"] for entry in source_values.get("gallery") or () if entry}
        photos = {}
        for index, entry in enumerate(record.values["gallery"]):
            prefix = f"gallery[{index}]."
            if entry is None:
                continue
            for name in sorted(entry.keys() - TRANSLATED_PHOTO_FIELDS):
                self.problem(
                    record,
                    prefix + name,
                    _(
                        "set on the source's photo; a translation's photo has only path, "
                        "alt_text and caption"
                    ),
                )
            path = entry["path"]
            if path not in paths:
                self.problem(
                    record,
                    prefix + "path",
                    _("“%(path)s” is not a photo of the source “%(source)s” in this bundle")
                    % {"path": path, "source": source},
                )
                continue
            if path in photos:
                self.problem(
                    record, prefix + "path", _("“%(path)s” is listed twice") % {"path": path}
                )
                continue
            values = {
                name: GalleryImage.cleaned_text(name, entry.get(name, ""))
                for name in ("alt_text", "caption")
            }
            probe = GalleryImage(**values)
            for name, value in values.items():
                try:
                    GalleryImage._meta.get_field(name).clean(value, probe)
                except ValidationError as exc:
                    self.problem(record, prefix + name, " ".join(exc.messages))
            if values["alt_text"]:
                self.clean(record, probe, prefix=prefix)
            photos[path] = values
        self._translated_photos[record.slug] = photos

    def _more_sources(self, groups: dict, existing: dict) -> None:
        """The ids of stored sources outside the bundle, for the write phase."""
        self.article_ids = {a.slug: a.pk for a in existing.values()}
        wanted = {s for s in groups.values() if s} - self.article_ids.keys()
        self.article_ids.update((slug, a.pk) for slug, a in _by_slug(Article, wanted).items())

    def _plan_group(self, record, plan: ReleasePlan, source, plans: dict, old_images) -> None:
        plan.group_source = source
        if "translation_of" in record.values:
            plan.source = source
            target = self.article_ids.get(source) if source else None
            if plan.article.source_id != target or (source and target is None):
                plan.changed.append("translation_of")
        photos = self._translated_photos.get(record.slug)
        if photos is None:
            return
        plan.translated_photos = photos
        source_plan = plans.get(source)
        stored = {image.image.name: image for image in old_images}
        for path, values in photos.items():
            original = source_plan.photos_by_path.get(path) if source_plan else None
            mine = stored.get(original.image.name) if original is not None else None
            if mine is None or any(getattr(mine, n) != v for n, v in values.items()):
                plan.changed.append("gallery")
                break


class GroupWrites:
    """Translation groups in the write phase."""

    def write_sources(self, plans: list[ReleasePlan]) -> None:
        """Translations point to their sources, which may have been created just now."""
        ids = self.plan.article_ids
        ids.update((p.article.slug, p.article.pk) for p in plans)
        changed = []
        for plan in plans:
            if plan.source is KEEP:
                continue
            target = ids[plan.source] if plan.source else None
            if plan.article.source_id != target:
                plan.article.source_id = target
                changed.append(plan.article)
        Article.objects.bulk_update(changed, ["source"], batch_size=BATCH_SIZE)

    def sync_groups(self, plans: list[ReleasePlan]) -> None:
        """
        Every group the import touched gets its shared parts from its source
        (articles.translations.shared.group_sync): event, dateline, themes,
        photos and, for translations released with it, the publish and
        unpublish times, so an embargoed group lifts at one moment. A new
        translation counts as checked against its source as imported; then
        each translation's own captions and alt texts go on its photos.
        """
        from articles.translations import shared, tracking

        touched = [p for p in plans if p.is_new or p.changed]
        if not touched:
            return
        ids = self.plan.article_ids
        linked = [p for p in touched if p.source and "translation_of" in p.changed]
        for plan in linked:
            source = Article.objects.get(pk=ids[plan.source])
            Article.objects.filter(pk=plan.article.pk).update(
                source_confirmed=tracking.source_text(source), source_changed_at=None
            )
        candidates = {p.article.source_id or p.article.pk for p in touched}
        sources = set()
        for chunk in _chunks(sorted(candidates)):
            sources.update(
                Article.objects.filter(source_id__in=chunk).values_list("source_id", flat=True)
            )
        for source in Article.objects.filter(pk__in=sorted(sources)).order_by("pk"):
            shared.group_sync(source)
        by_slug = {p.article.slug: p for p in plans}
        for plan in touched:
            if not plan.translated_photos or plan.group_source not in by_slug:
                continue
            originals = by_slug[plan.group_source].photos_by_path
            for path, values in plan.translated_photos.items():
                GalleryImage.objects.filter(
                    article_id=plan.article.pk, image=originals[path].image.name
                ).update(**values)
