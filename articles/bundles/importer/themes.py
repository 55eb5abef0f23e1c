"""
Themes: a release's themes and each theme's names in other languages.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import caching
from articles.bundles.importer.lookups import _chunks, _ensure_pks
from articles.bundles.importer.plans import BATCH_SIZE, THEME_MAX_LENGTH, ReleasePlan, ThemePlan
from articles.models import ArticleTheme, ThemeNames, clean_theme_names, name_in
from articles.text import clean_one_line


def theme_key(name: str) -> str:
    # Themes are case-insensitive (TAGGIT_CASE_INSENSITIVE).
    return name.lower()


def _unique_tag_slug(name: str, taken: set[str]) -> str:
    """The slug taggit itself would give a new tag (name, then name_1, name_2…)."""
    base = slugify(name, allow_unicode=True)
    slug, n = base, 0
    while slug in taken:
        n += 1
        slug = f"{base}_{n}"
    taken.add(slug)
    return slug


class ThemeChecks:
    """Themes in the check phase."""

    def plan_themes(self) -> None:
        """
        Each theme's names in other languages: languages of the site's, names
        cleaned as theme names are, and no name another theme shows in the
        same language (counting the bundle's themes as they will be).
        """
        records = [r for r in self.bundle.themes if r.ok]
        if not records:
            return
        languages = {code for code, _label in settings.LANGUAGES}
        shown: dict[str, tuple[str, dict]] = {}  # theme key -> (name, names) after the import
        for tag in Tag.objects.select_related("translated_names"):
            try:
                names = tag.translated_names.names or {}
            except ThemeNames.DoesNotExist:
                names = {}
            shown[theme_key(tag.name)] = (tag.name, names)
        stored = dict(shown)
        wanted = []
        for record in records:
            name = clean_one_line(record.values["name"]).strip()
            if not name:
                self.problem(record, "name", _("a theme cannot be empty"))
                continue
            if len(name) > THEME_MAX_LENGTH:
                self.problem(
                    record,
                    "name",
                    _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                )
                continue
            if "names" not in record.values:
                continue
            raw = record.values["names"]
            bad = False
            for language, value in raw.items():
                where = f"names.{language}"
                if language not in languages:
                    self.problem(
                        record,
                        where,
                        _("“%(language)s” is not one of the site's languages (%(languages)s)")
                        % {"language": language, "languages": ", ".join(sorted(languages))},
                    )
                    bad = True
                elif language == settings.LANGUAGE_CODE:
                    self.problem(
                        record,
                        where,
                        _("the theme's name is its name in %(language)s; leave it out here")
                        % {"language": language},
                    )
                    bad = True
                elif len(clean_one_line(value).strip()) > THEME_MAX_LENGTH:
                    self.problem(
                        record,
                        where,
                        _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                    )
                    bad = True
            if bad:
                continue
            names = clean_theme_names(raw)
            key = theme_key(name)
            current = stored.get(key)
            shown[key] = (current[0] if current else name, names)
            wanted.append((record, key, name, names, current))
        for record, key, name, names, current in wanted:
            for language, value in names.items():
                for other_key, (other_name, other_names) in shown.items():
                    if other_key != key and (
                        name_in(language, other_name, other_names).casefold() == value.casefold()
                    ):
                        self.problem(
                            record,
                            f"names.{language}",
                            _(
                                "“%(name)s” is already the name of the theme “%(other)s” "
                                "in %(language)s"
                            )
                            % {"name": value, "other": other_name, "language": language},
                        )
                        break
            changed = current is None or (current[1] or {}) != names
            self.themes.append(ThemePlan(name=name, names=names, is_new=current is None,
                                         changed=changed))  # fmt: skip
            tally = self.report.themes
            if changed and names:
                tally.updated += 1
                self.report.changes.append(_("theme “%(name)s”: changes names") % {"name": name})
            elif changed and current is None:
                tally.created += 1
            else:
                tally.unchanged += 1

    def _plan_themes(self, record, plan: ReleasePlan, names: list[str], old: set[str]) -> None:
        themes: dict[str, str] = {}
        for index, raw in enumerate(names):
            name = clean_one_line(raw).strip()
            if not name:
                self.problem(record, f"themes[{index}]", _("a theme cannot be empty"))
            elif len(name) > THEME_MAX_LENGTH:
                self.problem(
                    record,
                    f"themes[{index}]",
                    _("a theme has at most %(max)d characters") % {"max": THEME_MAX_LENGTH},
                )
            else:
                themes.setdefault(theme_key(name), name)
        if set(themes) != old:
            plan.themes = list(themes.values())
            plan.changed.append("themes")


def _stored_themes(names) -> dict:
    """Every stored theme by its ``theme_key()``, once those of ``names`` not stored yet are."""
    tags = {theme_key(tag.name): tag for tag in Tag.objects.all()}
    slugs = {tag.slug for tag in tags.values()}
    new_tags = []
    for name in names:
        if theme_key(name) not in tags:
            tag = Tag(name=name, slug=_unique_tag_slug(name, slugs))
            tags[theme_key(name)] = tag
            new_tags.append(tag)
    Tag.objects.bulk_create(new_tags, batch_size=BATCH_SIZE)
    _ensure_pks(Tag, new_tags, key="name")
    return tags


class ThemeWrites:
    """Themes in the write phase."""

    def write_theme_names(self) -> None:
        """Themes' names in other languages; the pages and search documents showing them follow."""
        plans = [p for p in self.plan.themes if p.changed]
        if not plans:
            return
        tags = _stored_themes(p.name for p in plans)
        ids = [tags[theme_key(p.name)].pk for p in plans]
        for chunk in _chunks(ids):
            ThemeNames.objects.filter(theme_id__in=chunk).delete()
        ThemeNames.objects.bulk_create(
            (
                ThemeNames(theme_id=tags[theme_key(p.name)].pk, names=p.names)
                for p in plans
                if p.names
            ),
            batch_size=BATCH_SIZE,
        )
        caching.content_changed(releases=(), themes=ids)
        self.theme_ids = ids

    def write_themes(self, plans: list[ReleasePlan]) -> None:
        plans = [p for p in plans if p.themes is not None]
        if not plans:
            return
        tags = _stored_themes(name for plan in plans for name in plan.themes)
        replaced = [p.article.pk for p in plans if not p.is_new]
        for chunk in _chunks(replaced):
            ArticleTheme.objects.filter(content_object_id__in=chunk).delete()
        ArticleTheme.objects.bulk_create(
            (
                ArticleTheme(
                    content_object_id=plan.article.pk,
                    tag_id=tags[theme_key(name)].pk,
                )
                for plan in plans
                for name in plan.themes
            ),
            batch_size=BATCH_SIZE,
        )
