"""
The editor's desk: the admin's start page for Editors and Publishers, a list
of sections of what is due, each row a direct link.

A section is a function of the user and the moment that returns a
``DeskSection`` (or ``None`` when it does not apply to this user), registered
with ``@desk_section``; the desk shows them in the order registered. A section
still to come (translations whose source changed) is one function, in the
module of its feature.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.admin.formatting import local_time
from articles.models import Article, Correction

EMBARGO_DAYS = 7
RECENT_DAYS = 30
ROWS = 10


@dataclass
class DeskRow:
    title: str
    url: str
    detail: str = ""


@dataclass
class DeskSection:
    key: str  # for the page's ids and tests: "review", "embargoes", …
    title: str
    empty: str  # what the section says when nothing is due
    rows: list[DeskRow] = field(default_factory=list)


SectionFunction = Callable[[object, datetime], DeskSection | None]
SECTIONS: list[SectionFunction] = []


def desk_section(function: SectionFunction) -> SectionFunction:
    """Register a section of the desk (after those already registered)."""
    SECTIONS.append(function)
    return function


def shows_desk(user) -> bool:
    """The desk is for those who write or publish releases."""
    return bool(user and user.is_active and user.has_perm("articles.change_article"))


def desk_sections(user, now: datetime | None = None) -> list[DeskSection]:
    if not shows_desk(user):
        return []
    now = now or timezone.now()
    return [section for function in SECTIONS if (section := function(user, now)) is not None]


def _change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _author(article: Article) -> str:
    return article.author.get_full_name() or article.author.get_username()


@desk_section
def waiting_for_review(user, now) -> DeskSection:
    releases = Article.objects.filter(status=Article.Status.REVIEW).select_related("author")
    waiting = (
        _("In review, waiting for you")
        if services.user_can_publish(user)
        else _("In review, waiting for a Publisher")
    )
    return DeskSection(
        key="review",
        title=waiting,
        empty=_("No release is waiting for review."),
        rows=[
            DeskRow(
                title=article.title,
                url=_change_url(article),
                detail=_("by %(who)s, last saved %(when)s")
                % {"who": _author(article), "when": local_time(article.updated_at)}
                if article.author
                else _("last saved %(when)s") % {"when": local_time(article.updated_at)},
            )
            for article in releases.order_by("updated_at")[:ROWS]
        ],
    )


@desk_section
def embargoes_lifting(user, now) -> DeskSection:
    """
    Published releases whose embargo lifts within the week, and those an
    Editor scheduled in that week that still wait for a Publisher's approval:
    without it they will not go live at their time.
    """
    window = Q(publish_at__gt=now, publish_at__lte=now + timedelta(days=EMBARGO_DAYS))
    releases = Article.objects.filter(window).filter(
        status__in=[Article.Status.PUBLISHED, Article.Status.REVIEW]
    )

    def detail(article: Article) -> str:
        when = local_time(article.publish_at)
        if article.status == Article.Status.PUBLISHED:
            return _("goes live %(when)s") % {"when": when}
        return _("scheduled for %(when)s, not yet approved: it will not go live until it is") % {
            "when": when
        }

    return DeskSection(
        key="embargoes",
        title=_("Embargoes lifting in the next 7 days"),
        empty=_("No embargo lifts in the next 7 days."),
        rows=[
            DeskRow(title=article.title, url=_change_url(article), detail=detail(article))
            for article in releases.order_by("publish_at")[:ROWS]
        ],
    )


@desk_section
def my_recent_drafts(user, now) -> DeskSection:
    touched = dict(
        LogEntry.objects.filter(
            user=user,
            content_type=ContentType.objects.get_for_model(Article),
            action_time__gte=now - timedelta(days=RECENT_DAYS),
        )
        .values("object_id")
        .annotate(last=Max("action_time"))
        .values_list("object_id", "last")
    )
    ids = [int(pk) for pk in touched if pk.isdigit()]
    drafts = sorted(
        Article.objects.filter(pk__in=ids, status=Article.Status.DRAFT),
        key=lambda article: touched[str(article.pk)],
        reverse=True,
    )
    return DeskSection(
        key="drafts",
        title=_("Drafts I touched lately"),
        empty=_("You have not worked on a draft in the last 30 days."),
        rows=[
            DeskRow(
                title=article.title,
                url=_change_url(article),
                detail=_("you saved it %(when)s") % {"when": local_time(touched[str(article.pk)])},
            )
            for article in drafts[:ROWS]
        ],
    )


@desk_section
def recent_corrections(user, now) -> DeskSection:
    """Public corrections of live releases in the last 30 days, newest first."""
    corrections = (
        Correction.objects.filter(
            kind=Correction.Kind.CORRECTION, made_at__gte=now - timedelta(days=RECENT_DAYS)
        )
        .select_related("article", "made_by")
        .order_by("-made_at", "-pk")
    )

    def detail(correction: Correction) -> str:
        who = correction.made_by.get_username() if correction.made_by else ""
        text = _("corrected %(when)s: %(note)s") % {
            "when": local_time(correction.made_at),
            "note": correction.note,
        }
        return f"{text} ({who})" if who else text

    return DeskSection(
        key="corrections",
        title=_("Corrections in the last 30 days"),
        empty=_("No release was corrected in the last 30 days."),
        rows=[
            DeskRow(title=c.article.title, url=_change_url(c.article), detail=detail(c))
            for c in corrections[:ROWS]
        ],
    )
