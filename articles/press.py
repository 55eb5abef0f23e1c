"""
The press office's parts of a release: its contacts (and their vCards), its
notes to editors and its corrections log.

``article_correction_record`` is the one way a change to a live release is
recorded; the receivers at the end keep the page cache right when a contact
or the notes to editors change (connected in ``ArticlesConfig.ready()``).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles import caching
from articles.models import Article, ArticleContact, Contact, Correction, Lifecycle

# --- Corrections --------------------------------------------------------------------------


@transaction.atomic
def article_correction_record(
    *, article: Article, kind: str, note: str = "", by: AbstractBaseUser | None = None, at=None
) -> Correction | None:
    """
    Record a change to a live release: a public correction (with its note,
    and the release's "Updated" time moved to now) or a silent fix. A release
    that is not live has no readers to tell: nothing is recorded.
    """
    at = at or timezone.now()
    if article.lifecycle(at) != Lifecycle.LIVE:
        return None
    correction = Correction.objects.create(
        article=article, kind=kind, note=note.strip(), made_at=at, made_by=by
    )
    if correction.is_public:
        article.corrected_at = at
        # Through save(): the page's parts are keyed on the new fingerprint.
        article.save(update_fields=["corrected_at", "updated_at"])
    return correction


# --- vCard --------------------------------------------------------------------------------


def _escape(value: str) -> str:
    """A vCard text value (RFC 6350, 3.4): backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _folded(line: str) -> str:
    """Lines of at most 75 octets, continued with a leading space (RFC 6350, 3.2)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def contact_vcard(contact: Contact, *, photo_url: str = "") -> str:
    """The contact as a vCard 3.0, which every address book reads."""
    # N is family;given: "Anna Kovacs" gives Kovacs;Anna.
    given, _sep, family = contact.name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(contact.name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
    ]
    if contact.organisation:
        lines.append(f"ORG:{_escape(contact.organisation)}")
    if contact.role:
        lines.append(f"TITLE:{_escape(contact.role)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(contact.phone)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(contact.email)}")
    if contact.languages:
        lines.append(f"NOTE:{_escape(contact.languages)}")
    if photo_url:
        lines.append(f"PHOTO;VALUE=URI:{photo_url}")
    lines.append("END:VCARD")
    return "".join(_folded(line) + "\r\n" for line in lines)


# --- Page cache ---------------------------------------------------------------------------


def releases_showing(contact: Contact):
    """The releases showing ``contact``: those naming it; if a default, those naming none."""
    own = Q(pk__in=ArticleContact.objects.filter(contact=contact).values("article"))
    if contact.is_default or getattr(contact, "_was_default", False):
        own |= ~Exists(ArticleContact.objects.filter(article=OuterRef("pk")))
    return Article.objects.filter(own).values("pk")


def contact_changing(sender, instance, raw=False, **kwargs):
    """Before a save: a contact that stops being a default leaves the pages it was on."""
    if instance.pk and not raw:
        instance._was_default = Contact.objects.filter(pk=instance.pk, is_default=True).exists()


def contact_changed(sender, instance, raw=False, using=None, **kwargs):
    caching.content_changed(releases=() if raw else releases_showing(instance), using=using)


def boilerplate_changed(sender, instance, raw=False, using=None, **kwargs):
    releases = () if raw else Article.objects.filter(boilerplate=instance).values("pk")
    caching.content_changed(releases=releases, using=using)
