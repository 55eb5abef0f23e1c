"""
"Source changed": a translation remembers the source's text as it was when
the translation was made or last confirmed. When the source's title, lead,
body or quotes change after that, the translation is marked with the time,
and the admin shows what changed, word by word, until a translator confirms
the translation against the new text.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

# Block-level ends become paragraph breaks; every other tag goes.
_BLOCK_END = re.compile(r"(?i)</(p|h[1-6]|li|blockquote)>|<br\s*/?>")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\S+|\s+")

FIELDS = {
    "title": _("Title"),
    "lead": _("Lead"),
    "body": _("Body"),
    "quotes": _("Quotes"),
}


def plain_paragraphs(body: str) -> str:
    """The body's text, one paragraph a line: what a translator compares."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", body or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def source_text(article: Article) -> dict:
    """What a translation follows of its source: title, lead, body text and quotes in order."""
    quotes = article.quotes.select_related("speaker").order_by("position", "pk")
    return {
        "title": article.title,
        "lead": article.lead,
        "body": plain_paragraphs(article.body),
        "quotes": "\n".join(f"{quote.speaker.name}: {quote.text}" for quote in quotes),
    }


@dataclass
class Change:
    """One field's change: a list of (kind, text) runs, kind being "same", "removed" or "added"."""

    field: str
    label: str
    runs: list[tuple[str, str]]


def changes(before: dict, after: dict) -> list[Change]:
    """The fields whose text differs, each as runs of words kept, removed and added."""
    result = []
    for name, label in FIELDS.items():
        old, new = before.get(name, ""), after.get(name, "")
        if old != new:
            result.append(Change(name, str(label), _word_runs(old, new)))
    return result


def _word_runs(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _WORD.findall(old), _WORD.findall(new)
    runs = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("replace", "delete"):
            runs.append(("removed", "".join(a[i1:i2])))
        if op in ("replace", "insert"):
            runs.append(("added", "".join(b[j1:j2])))
    return runs


def pending_changes(translation: Article) -> list[Change]:
    """What changed in the source since the translation was last confirmed."""
    if translation.source_id is None:
        return []
    return changes(translation.source_confirmed or {}, source_text(translation.source))


def mark_out_of_date(source: Article, now=None) -> int:
    """
    After the source was saved: mark its translations whose confirmed text is
    no longer the source's (and unmark those it came back to). Returns how
    many are marked now.
    """
    now = now or timezone.now()
    current = source_text(source)
    marked = 0
    for translation in source.translations.only("pk", "source_confirmed", "source_changed_at"):
        stale = translation.source_confirmed != current
        if stale and translation.source_changed_at is None:
            Article.objects.filter(pk=translation.pk).update(source_changed_at=now)
        elif not stale and translation.source_changed_at is not None:
            Article.objects.filter(pk=translation.pk).update(source_changed_at=None)
        marked += stale
    return marked


@transaction.atomic
def translation_confirm(*, translation: Article) -> Article:
    """The translator has checked the translation against the source as it is now."""
    translation.source_confirmed = source_text(translation.source)
    translation.source_changed_at = None
    Article.objects.filter(pk=translation.pk).update(
        source_confirmed=translation.source_confirmed, source_changed_at=None
    )
    return translation
