"""Who belongs to a release's group of translations, and which of them readers see."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article


def source_id(article: Article) -> int:
    """The id of the release the group is built around (a release alone is its own source)."""
    return article.source_id or article.pk


def with_slug(slug: str) -> Q:
    """The release ``slug`` and every other release of its group, as a condition."""
    root = Article.objects.filter(slug=slug).values(root=Coalesce("source_id", "pk"))[:1]
    return Q(slug=slug) | Q(pk=Subquery(root)) | Q(source_id=Subquery(root))


def members(article: Article):
    """The source and every translation of ``article``'s group, ``article`` included."""
    root = source_id(article)
    return Article.objects.filter(Q(pk=root) | Q(source_id=root))


def language_order(language: str) -> int:
    codes = [code for code, _name in settings.LANGUAGES]
    return codes.index(language) if language in codes else len(codes)


def by_language(articles) -> list[Article]:
    """Releases in the order of ``settings.LANGUAGES`` (the switcher's and the admin's order)."""
    return sorted(articles, key=lambda article: (language_order(article.language), article.pk))


def public_versions_of(articles, now=None) -> dict[int, list[Article]]:
    """
    For several releases at once (a list page of the API): each group's
    public releases by language, keyed by the group's source id. One query.
    """
    roots = {source_id(article) for article in articles}
    if not roots:
        return {}
    rows = (
        Article.objects.public(now)
        .filter(Q(pk__in=roots) | Q(source_id__in=roots))
        .only("pk", "slug", "language", "source_id")
        .order_by()
    )
    found: dict[int, list[Article]] = {}
    for row in by_language(rows):
        found.setdefault(source_id(row), []).append(row)
    return found


def public_versions(article: Article, now=None) -> list[Article]:
    """
    The group's releases readers may see now, ``article`` included when it is
    public, by language: the page's hreflang alternates and language switcher,
    in one query.
    """
    return public_versions_of([article], now).get(source_id(article), [])
