"""
A release's history in an editor's words: what one save, action or restore
changed ("title changed; 3 photos added; quote by Jurgen Stock edited"), and
nothing for a save that changed nothing.

``ReleaseChanges`` holds what changed and says it (``sentence()``);
``changes_from_form`` fills one in from the release form and its inlines
after they are saved. The sentence is stored as the LogEntry's message and as
the django-reversion revision's comment, which the history page lists with
who and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.admin.formatting import local_time
from articles.models import Article, GalleryImage, Lifecycle, Quote, ShareLink

# Fields of the release form that are not the release's own, or not worth a line.
UNTOLD_FIELDS = frozenset(
    {
        "expected_version",
        "gallery_upload",
        "gallery_upload_alt_text",
        "gallery_upload_credit",
        "gallery_upload_licence",
        "themes",
        "status",
        "publish_at",
        "unpublish_at",
        "dateline_country",
        # The press office's: whether a change to a live release is a
        # correction is recorded in its own log (articles.press).
        "change_kind",
        "correction_note",
    }
)


def excerpt(text: str, limit: int = 40) -> str:
    """``text`` shortened to at most ``limit`` characters at a word boundary, with "…"."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return cut.rstrip(" ,;:.–-") + "…"


def _names(names: list[str]) -> str:
    """“A”, “A and B”, “A, B and C”."""
    quoted = [f"“{name}”" for name in names]
    if len(quoted) < 2:
        return "".join(quoted)
    return _("%(first)s and %(last)s") % {"first": ", ".join(quoted[:-1]), "last": quoted[-1]}


def _speakers(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    if len(unique) < 2:
        return "".join(unique)
    return _("%(first)s and %(last)s") % {"first": ", ".join(unique[:-1]), "last": unique[-1]}


@dataclass
class ReleaseChanges:
    created: bool = False
    restored_from: str = ""  # when the restored version was saved
    fields: list[str] = field(default_factory=list)  # labels, e.g. "title"
    publication: str = ""  # "published", "sent for review", …
    themes_added: list[str] = field(default_factory=list)
    themes_removed: list[str] = field(default_factory=list)
    quotes_added: list[str] = field(default_factory=list)  # speakers' names
    quotes_edited: list[str] = field(default_factory=list)
    quotes_removed: list[str] = field(default_factory=list)
    quotes_reordered: bool = False
    photos_added: int = 0
    photos_edited: list[str] = field(default_factory=list)  # captions or alt texts
    photos_removed: int = 0
    photos_reordered: bool = False
    links_added: list[str] = field(default_factory=list)  # who each link is for
    links_revoked: list[str] = field(default_factory=list)
    links_changed: list[str] = field(default_factory=list)
    # Inlines this module does not know by name: "contact added", …
    other: list[str] = field(default_factory=list)

    def parts(self) -> list[str]:
        parts = []
        if self.created:
            parts.append(_("created"))
        if self.restored_from:
            parts.append(_("restored the version of %(when)s") % {"when": self.restored_from})
        if self.publication:
            parts.append(self.publication)
        parts += [_("%(field)s changed") % {"field": name} for name in self.fields]
        for names, one, many in (
            (self.themes_added, _("theme %(names)s added"), _("themes %(names)s added")),
            (self.themes_removed, _("theme %(names)s removed"), _("themes %(names)s removed")),
        ):
            if names:
                parts.append((one if len(names) == 1 else many) % {"names": _names(names)})
        for names, one, many in (
            (self.quotes_added, _("quote by %(who)s added"), _("quotes by %(who)s added")),
            (self.quotes_edited, _("quote by %(who)s edited"), _("quotes by %(who)s edited")),
            (self.quotes_removed, _("quote by %(who)s removed"), _("quotes by %(who)s removed")),
        ):
            if names:
                parts.append((one if len(names) == 1 else many) % {"who": _speakers(names)})
        if self.quotes_reordered:
            parts.append(_("quotes reordered"))
        if self.photos_added:
            parts.append(
                ngettext("%d photo added", "%d photos added", self.photos_added) % self.photos_added
            )
        if len(self.photos_edited) == 1:
            parts.append(_("photo “%(what)s” edited") % {"what": excerpt(self.photos_edited[0])})
        elif self.photos_edited:
            parts.append(_("%d photos edited") % len(self.photos_edited))
        if self.photos_removed:
            parts.append(
                ngettext("%d photo removed", "%d photos removed", self.photos_removed)
                % self.photos_removed
            )
        if self.photos_reordered:
            parts.append(_("photos reordered"))
        for notes, with_note, without in (
            (self.links_added, _("share link for %(who)s added"), _("share link added")),
            (self.links_changed, _("share link for %(who)s changed"), _("share link changed")),
            (self.links_revoked, _("share link for %(who)s revoked"), _("share link revoked")),
        ):
            parts += [with_note % {"who": note} if note else without for note in notes]
        return parts + self.other

    def sentence(self) -> str:
        """The changes as one line, or "" when nothing changed."""
        parts = self.parts()
        return f"{capfirst('; '.join(parts))}." if parts else ""


def publication_words(article: Article, before: str | None = None) -> str:
    """What a change of status or publication time did, as the history says it."""
    now_status = article.status
    if now_status == Article.Status.PUBLISHED:
        if article.lifecycle() == Lifecycle.EMBARGOED:
            return _("scheduled for %(when)s") % {"when": local_time(article.publish_at)}
        return _("published") if before != Article.Status.PUBLISHED else ""
    if before == Article.Status.PUBLISHED:
        return _("unpublished")
    if now_status == Article.Status.REVIEW:
        return _("sent for review")
    if before == Article.Status.REVIEW:
        return _("sent back to draft")
    return ""


def links_stopped_by_withdrawal(article: Article) -> list[str]:
    """Who the share links were for that the save withdrawing ``article`` stopped."""
    stopped = article.share_links.filter(
        revoked_on_withdrawal=True, revoked_at__gte=article.updated_at
    )
    return list(stopped.order_by("pk").values_list("note", flat=True))


def _theme_names(value) -> list[str]:
    return [getattr(theme, "name", theme) for theme in value or []]


def changes_from_form(form, formsets, *, add: bool, restored_from: str = "") -> ReleaseChanges:
    """What one save of the release form changed, read after it was saved."""
    changes = ReleaseChanges(created=add, restored_from=restored_from)
    changed = set(form.changed_data)
    if not add:
        for name in form.changed_data:
            if name in UNTOLD_FIELDS:
                continue
            label = form.fields[name].label or name
            if name == "dateline_city":
                label = _("dateline")
            changes.fields.append(str(label).lower())
        if "dateline_country" in changed and "dateline_city" not in changed:
            changes.fields.append(_("dateline"))
        before = {t.casefold(): t for t in _theme_names(form.initial.get("themes"))}
        after = {t.casefold(): t for t in _theme_names(form.cleaned_data.get("themes"))}
        changes.themes_added = [after[k] for k in after if k not in before]
        changes.themes_removed = [before[k] for k in before if k not in after]
    timing = {"status", "publish_at", "unpublish_at"} & changed
    if timing:
        article = form.instance
        changes.publication = publication_words(article, form.initial.get("status"))
        if changes.publication == _("unpublished"):
            changes.links_revoked += links_stopped_by_withdrawal(article)
        if not changes.publication and "publish_at" in changed:
            changes.fields.append(_("publication time"))
        if "unpublish_at" in changed:
            changes.publication = ", ".join(
                filter(
                    None,
                    [
                        changes.publication,
                        _("withdrawal set for %(when)s")
                        % {"when": local_time(article.unpublish_at)}
                        if article.unpublish_at
                        else _("withdrawal time removed"),
                    ],
                )
            )
    changes.photos_added = len(form.cleaned_data.get("gallery_upload") or [])
    for formset in formsets:
        _read_formset(changes, formset)
    return changes


def _read_formset(changes: ReleaseChanges, formset) -> None:
    model = formset.model
    new = getattr(formset, "new_objects", [])
    edited = getattr(formset, "changed_objects", [])
    deleted = getattr(formset, "deleted_objects", [])
    if model is Quote:
        changes.quotes_added += [quote.speaker.name for quote in new]
        changes.quotes_removed += [quote.speaker.name for quote in deleted]
        for quote, fields in edited:
            if set(fields) - {"position"}:
                changes.quotes_edited.append(quote.speaker.name)
            if "position" in fields:
                changes.quotes_reordered = True
    elif model is GalleryImage:
        changes.photos_added += len(new)
        changes.photos_removed += len(deleted)
        for image, fields in edited:
            if set(fields) - {"position"}:
                changes.photos_edited.append(image.caption or image.alt_text)
            if "position" in fields:
                changes.photos_reordered = True
    elif model is ShareLink:
        changes.links_added += [link.note for link in new]
        for link, fields in edited:
            if "revoke" in fields:
                changes.links_revoked.append(link.note)
            else:
                changes.links_changed.append(link.note)
    else:
        name = str(model._meta.verbose_name)
        changes.other += [_("%(what)s added") % {"what": name} for _obj in new]
        changes.other += [_("%(what)s edited") % {"what": name} for _obj in edited]
        changes.other += [_("%(what)s removed") % {"what": name} for _obj in deleted]
