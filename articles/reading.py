"""
The public side's reading helpers that are not queryset methods: the
paginator the lists share, and the parts of a release page, read when the
template first asks for them (a part served from the cache reads nothing).
Views, feeds, sitemaps, the API and the share page import from here and from
the models, never from one another.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import (
    F,
    Func,
    IntegerField,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.query import QuerySet
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property

from articles.models import Article, Contact, Correction, GalleryImage
from articles.querysets import release_prefetches


class SinglePassPaginator(Paginator):
    """
    A paginator that reads the total with the page itself.

    The total rides along as an uncorrelated scalar subquery, which the
    database evaluates once, so a list page costs one query fewer and its
    count and rows come from the same snapshot. The page's ids are chosen
    first (an index-only walk, cheap even deep into the archive), then only
    those rows are read in full. For querysets without GROUP BY or DISTINCT.

    The page number becomes the query's OFFSET before the total is known, so
    a page whose rows lie past ``max_offset`` (a signed 64-bit integer, as
    PostgreSQL and SQLite count them) is refused first: it cannot exist, and
    the database would fail on the number ("bigint out of range").
    """

    max_offset = 2**63 - 1

    def page(self, number):
        if self.orphans or "count" in self.__dict__ or not isinstance(self.object_list, QuerySet):
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if number * self.per_page > self.max_offset:
            raise EmptyPage(self.error_messages["no_results"])
        # COUNT as a plain function, not an aggregate: no GROUP BY in the subquery.
        total = Subquery(
            self.object_list.order_by()
            .annotate(_n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
            .values("_n")
        )
        bottom = (number - 1) * self.per_page
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        rows = list(self.object_list.filter(pk__in=Subquery(ids)).annotate(_total=total))
        # An empty page past the end says nothing about the total, but it is a 404 anyway.
        self.count = rows[0]._total if rows else 0
        return self._get_page(rows, self.validate_number(number), self)


class ReleaseParts:
    """
    A release page's themes, quotes (with their speakers), photos and related
    releases, each read on first use with one query.
    """

    def __init__(self, article: Article, *, related: bool = True, now=None):
        self.article = article
        self.with_related = related
        self.now = now or timezone.now()

    @cached_property
    def themes(self) -> list:
        self._prefetch("listed_theme_links")
        return self.article.theme_list

    @cached_property
    def quotes(self) -> list:
        self._prefetch("quote_list")
        return self.article.quote_list

    @cached_property
    def gallery(self) -> list[GalleryImage]:
        """The photos whose renditions are made; the others are not shown yet."""
        self._prefetch("image_list")
        photos = [photo for photo in self.article.image_list if photo.has_renditions]
        GalleryImage.load_urls(photos)
        return photos

    @cached_property
    def lead_photo(self) -> GalleryImage | None:
        return self.article.lead_photo(self.gallery)

    @cached_property
    def contacts(self) -> list[Contact]:
        return list(Contact.objects.for_release(self.article))

    @cached_property
    def corrections(self) -> list[Correction]:
        """The public corrections, oldest first; a release never corrected asks for nothing."""
        if self.article.corrected_at is None:
            return []
        return list(self.article.corrections.filter(kind=Correction.Kind.CORRECTION))

    @cached_property
    def media_kit(self):
        """The stored ZIP of the gallery's originals (built by the worker after a change)."""
        from articles.mediakit import media_kit_for

        photos = self.article.image_list if self.gallery else []
        return media_kit_for(self.article, photos, build=False)

    @cached_property
    def related(self) -> list[Article]:
        if not self.with_related:
            return []
        # Read with the release's own row where the view asked for them there.
        found = getattr(self.article, "related_list", None)
        if found is not None:
            return found
        return list(Article.objects.related_to(self.article, self.now))

    def _prefetch(self, name: str) -> None:
        if not hasattr(self.article, name):
            wanted = [p for p in release_prefetches() if p.to_attr == name]
            prefetch_related_objects([self.article], *wanted)

    def context(self) -> dict:
        """For the template: each part read only if the template uses it."""
        names = ["themes", "quotes", "gallery", "lead_photo", "contacts", "corrections"]
        names += ["media_kit"] + (["related"] if self.with_related else [])
        return {name: SimpleLazyObject(lambda name=name: getattr(self, name)) for name in names}
