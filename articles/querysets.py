"""
What the public side reads, as queryset methods.

``Article.objects.public()`` is the one rule for what readers may see; every
other method here starts from it, so a theme, speaker or event that exists
only in drafts or under embargo has no page, no count and no feed. Each
method chooses its ``select_related`` and ``Prefetch`` once, here, and the
query counts are held by tests.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

RELATED_RELEASES = 4
# Only the newest releases sharing a theme are scored for "related releases":
# a short walk down the publication index, whatever the archive's size.
RELATED_CANDIDATES = 100
# The home page's theme strip counts over the latest releases only.
RECENT_RELEASES = 100
TOP_THEMES = 12


def _model(name: str):
    return apps.get_model("articles", name)


def public_releases(now=None, language: str | None = None):
    """Public releases; with ``language``, as a reader of it is shown them (``in_language``)."""
    releases = _model("Article").objects.public(now)
    return releases.in_language(language, now) if language else releases


def public_rule(now=None, prefix: str = "") -> Q:
    """
    The one rule for what readers may see, as a condition on a release (or,
    with ``prefix`` such as ``"article__"``, on a row that points to one).
    """
    now = now or timezone.now()
    return Q(**{f"{prefix}status": "published", f"{prefix}publish_at__lte": now}) & (
        Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": now})
    )


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """
        The one rule for what readers may see, used by every public surface.
        The search documents (as long as the body) are searched, never shown:
        they are left in the database.
        """
        return self.filter(public_rule(now)).defer(
            "search_title", "search_text", "source_confirmed"
        )

    def in_language(self, language: str, now=None):
        """
        What a reader of ``language`` is shown: the releases written in it,
        and the releases not translated into it (each group once, by its
        source, when no public translation in ``language`` exists).
        """
        # The sources translated into ``language``, as a set the database
        # builds once (a hashed NOT IN), not a probe for every release.
        translated = (
            self.model.objects.public(now)
            .filter(language=language, source__isnull=False)
            .values("source_id")
        )
        return self.filter(Q(language=language) | Q(source__isnull=True) & ~Q(pk__in=translated))

    def in_state(self, state: str, now=None):
        """
        The releases whose ``lifecycle(now)`` is ``state``: the same branches,
        in the database (live is ``public()`` itself). An unknown state: none.
        """
        now = now or timezone.now()
        status = self.model.Status
        published = Q(status=status.PUBLISHED)
        conditions = {
            "draft": Q(status=status.DRAFT),
            "review": Q(status=status.REVIEW),
            "embargoed": published & (Q(publish_at__isnull=True) | Q(publish_at__gt=now)),
            "expired": published & Q(publish_at__lte=now, unpublish_at__lte=now),
        }
        if state == "live":
            return self.public(now)
        if state not in conditions:
            return self.none()
        return self.filter(conditions[state])

    def with_themes(self):
        """
        The releases' themes in one query, as ``theme_list``. Through the link
        rows rather than taggit's manager, whose prefetching builds a queryset
        per release.
        """
        return self.prefetch_related(theme_prefetch())

    def with_lead_photos(self):
        """Each release's lead photo, in one query, as ``lead_photos`` (a list of one or none)."""
        photos = _model("GalleryImage").objects.lead_photos()
        return self.prefetch_related(Prefetch("images", queryset=photos, to_attr="lead_photos"))

    def for_listing(self):
        """What a release card shows: title, dateline, date, lead, event, themes and lead photo."""
        return self.select_related("event").with_themes().with_lead_photos()

    def for_release_page(self):
        """
        The release with its event, notes to editors, themes, quotes (with
        their speakers) and photos: four queries, whatever their numbers.
        Pages that cache the release's own parts ask for the row alone
        (``with_release_row()``) and read the rest through
        ``articles.reading.ReleaseParts``.
        """
        return self.with_release_row().prefetch_related(*release_prefetches())

    def with_release_row(self):
        """The release's row with what it points to: its event, notes to editors and media kit."""
        return self.select_related("event", "boilerplate", "media_kit")

    def for_export(self):
        """Everything a release object of the bundle format (and the API) holds."""
        quotes = _model("Quote").objects.select_related("speaker")
        contacts = _model("ArticleContact").objects.select_related("contact")
        corrections = _model("Correction").objects.filter(kind="correction")
        return self.select_related("event", "boilerplate", "source").prefetch_related(
            theme_prefetch(),
            Prefetch("quotes", queryset=quotes),
            Prefetch("images", queryset=_model("GalleryImage").objects.all()),
            Prefetch("contact_links", queryset=contacts),
            Prefetch("corrections", queryset=corrections, to_attr="public_corrections"),
        )

    def related_to(self, article=None, now=None, *, slug=None):
        """
        Public releases sharing the most themes with ``article`` (or the
        release ``slug``, for a query that reads the release and its related
        releases together: ``ArticleDetailView``), newest first among equals.
        Only the newest RELATED_CANDIDATES releases that share a theme are
        scored, so the cost stays flat as the archive grows.
        """
        release = {"slug": slug} if article is None else {"pk": article.pk}
        candidates = (
            self.public(now)
            .in_language(get_language(), now)
            .filter(Exists(_shared_theme_links(**release)))
            .exclude(**release)
            .order_by("-publish_at", "-pk")
            .values("pk")[:RELATED_CANDIDATES]
        )
        return (
            self.model.objects.filter(pk__in=Subquery(candidates))
            .only("slug", "language", "title", "publish_at", "dateline_city", "dateline_country")
            .annotate(shared_themes=shared_themes(**release))
            .order_by("-shared_themes", "-publish_at", "-pk")[:RELATED_RELEASES]
        )


def _shared_theme_links(**release):
    """The theme links of the outer release (``OuterRef("pk")``) to a theme of ``release``."""
    themes = (
        _model("ArticleTheme")
        .objects.filter(**{f"content_object__{key}": value for key, value in release.items()})
        .values("tag")
    )
    return _model("ArticleTheme").objects.filter(content_object=OuterRef("pk"), tag__in=themes)


def shared_themes(**release) -> Subquery:
    """For ``annotate()``: how many themes a release shares with ``release`` (slug= or pk=)."""
    links = _shared_theme_links(**release)
    return Subquery(links.order_by().values("content_object").annotate(n=Count("pk")).values("n"))


def theme_prefetch() -> Prefetch:
    """
    A release's themes through the link rows, as ``listed_theme_links``
    (``theme_list``), with their names in other languages.
    """
    links = _model("ArticleTheme").objects.select_related("tag__translated_names").order_by("pk")
    return Prefetch("theme_links", queryset=links, to_attr="listed_theme_links")


def release_prefetches() -> list[Prefetch]:
    """A release's themes, its quotes with their speakers, and its photos, in page order."""
    quotes = _model("Quote").objects.select_related("speaker").order_by("position", "pk")
    photos = _model("GalleryImage").objects.order_by("position", "pk")
    return [
        theme_prefetch(),
        Prefetch("quotes", queryset=quotes, to_attr="quote_list"),
        Prefetch("images", queryset=photos, to_attr="image_list"),
    ]


class GalleryImageQuerySet(models.QuerySet):
    def lead_photos(self):
        """
        Each release's lead photo: the one chosen, else its first photo by
        position. Releases without photos have none.
        """
        first = (
            self.model.objects.filter(article=OuterRef("pk"))
            .order_by("position", "pk")
            .values("pk")[:1]
        )
        chosen = (
            _model("Article")
            .objects.filter(pk=OuterRef("article_id"))
            .annotate(lead_photo_pk=Coalesce("lead_image_id", Subquery(first)))
            .values("lead_photo_pk")[:1]
        )
        return self.annotate(lead_pk=Subquery(chosen)).filter(pk=F("lead_pk"))


class ContactQuerySet(models.QuerySet):
    def for_release(self, article):
        """
        The press contacts a release shows, in its order: those it names, else
        the site's default set. One query either way.
        """
        links = _model("ArticleContact").objects.filter(article=article)
        own = links.filter(contact=OuterRef("pk")).values("position")[:1]
        return (
            self.filter(Q(pk__in=links.values("contact")) | (Q(is_default=True) & ~Exists(links)))
            .annotate(shown_position=Coalesce(Subquery(own), F("position")))
            .order_by("shown_position", "name", "pk")
        )


class EventQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(end_date__gte=timezone.localdate()).order_by("start_date")

    def past(self):
        return self.filter(end_date__lt=timezone.localdate()).order_by("-start_date")

    def with_public_releases(self):
        """Events with at least one public release; the others may still be under wraps."""
        return self.filter(Exists(public_releases().filter(event=OuterRef("pk"))))


class SpeakerQuerySet(models.QuerySet):
    def with_public_releases(self):
        """Speakers quoted in at least one public release."""
        quotes = _model("Quote").objects.public().filter(speaker=OuterRef("pk"))
        return self.filter(Exists(quotes))


class QuoteQuerySet(models.QuerySet):
    def public(self, now=None):
        """Quotes in public releases (through the join: SQLite would list every public id)."""
        return self.filter(public_rule(now, prefix="article__"))

    def for_speaker_page(self, speaker, language: str):
        """
        A speaker's public quotes with their releases, newest release first:
        each group's once, in ``language`` where the group has it.
        """
        return (
            self.public()
            .filter(speaker=speaker, article__in=public_releases(language=language).values("pk"))
            .select_related("article")
            .order_by("-article__publish_at", "-article__pk", "position", "pk")
        )


class ThemeQuerySet(models.QuerySet):
    """
    Themes are taggit tags; only those of public releases exist for readers.
    Each comes with its names in other languages (``theme_name()``).
    """

    def with_public_releases(self):
        public = public_releases().filter(themes=OuterRef("pk"))
        return self.filter(Exists(public)).exclude(slug="").select_related("translated_names")

    def with_public_counts(self, language: str | None = None):
        """
        Themes of public releases, each with its number of public releases (as
        a reader of ``language`` sees them: a translated release once), by name.
        """
        return (
            self.filter(article__in=public_releases(language=language))
            .exclude(slug="")
            .select_related("translated_names")
            .annotate(public_count=Count("article"))
            .order_by("name")
        )

    def recent(self, language: str | None = None):
        """
        The themes most used by the latest public releases: what the press
        office is talking about now. Counting over a fixed number of releases
        keeps the cost of the home page's strip the same however large the
        archive grows.
        """
        latest = public_releases(language=language).order_by("-publish_at", "-pk")
        latest = latest.values("pk")[:RECENT_RELEASES]
        return (
            self.filter(article__in=latest)
            .exclude(slug="")
            .select_related("translated_names")
            .annotate(recent_count=Count("article"))
            .order_by("-recent_count", "name")[:TOP_THEMES]
        )
