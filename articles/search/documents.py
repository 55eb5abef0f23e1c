"""
The search documents: written from what a release shows, and rewritten when
any of it changes (the receivers at the end, connected in
``ArticlesConfig.ready()``, and the bundle importer for its bulk writes).
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet

from articles.models import Article, ArticleTheme, Quote
from articles.search.text import body_text, normalise

BATCH_SIZE = 500


def document(article, themes, quotes, event=None) -> tuple[str, str]:
    """
    (search_title, search_text) of a release, from its themes (with a
    ``name``, and its names in other languages where selected with it, so a
    reader finds the release by the theme's name in their language), quotes
    (with ``text``, ``context`` and a ``speaker``) and event
    (``article.event`` unless given).
    """
    title = " ".join([article.title, *(name for theme in themes for name in _all_names(theme))])
    parts = [
        article.lead,
        body_text(article.body),
        article.dateline_city,
        article.dateline_country,
        article.reference,
    ]
    event = article.event if event is None else event
    if event:  # False: no event, without asking the release
        parts += [event.name, event.venue, event.city, event.country]
    for quote in quotes:
        parts += [quote.text, quote.context, quote.speaker.name, quote.speaker.role]
    # Spaces around the words: a word is found where " word" starts (articles.search).
    return f" {normalise(title)} ", f" {normalise(' '.join(p for p in parts if p))} "


def _all_names(theme) -> list[str]:
    """A theme's name, then its names in other languages (none for a theme not yet stored)."""
    try:
        # A migration's historical tag has no names beside it.
        names = theme.translated_names.names if theme.pk else {}
    except (ObjectDoesNotExist, AttributeError):
        names = {}
    return [theme.name, *(name for name in (names or {}).values() if name != theme.name)]


def documents_update(releases) -> int:
    """
    Rewrite the search documents of ``releases`` (ids or a queryset of ids),
    a batch at a time; bulk writes, no signals, no new fingerprints.
    """
    ids = (
        list(releases.values_list("pk", flat=True))
        if isinstance(releases, QuerySet)
        else list(releases)
    )
    quotes = Quote.objects.select_related("speaker").order_by("position", "pk")
    links = ArticleTheme.objects.select_related("tag__translated_names").order_by("pk")
    done = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = (
            Article.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
            .select_related("event")
            .prefetch_related(
                Prefetch("quotes", queryset=quotes, to_attr="search_quotes"),
                Prefetch("theme_links", queryset=links, to_attr="search_themes"),
            )
            .only(
                "title",
                "lead",
                "body",
                "dateline_city",
                "dateline_country",
                "reference",
                "event",
                "search_title",
                "search_text",
            )
        )
        changed = []
        for article in batch:
            themes = [link.tag for link in article.search_themes]
            wanted = document(article, themes, article.search_quotes)
            if (article.search_title, article.search_text) != wanted:
                article.search_title, article.search_text = wanted
                changed.append(article)
        # One plain UPDATE a row: bulk_update's CASE over hundreds of long texts
        # costs more to build than these cost to run.
        for article in changed:
            Article.objects.filter(pk=article.pk).update(
                search_title=article.search_title, search_text=article.search_text
            )
        done += len(changed)
    return done


# --- Keeping the documents current ------------------------------------------------------


def release_saved(sender, instance, raw=False, **kwargs):
    # A fixture's row carries the document it was dumped with.
    if not raw:
        documents_update([instance.pk])


def release_part_changed(sender, instance, raw=False, **kwargs):
    """A quote or theme link of one release."""
    article_id = getattr(instance, "article_id", None) or getattr(
        instance, "content_object_id", None
    )
    if article_id and not raw and Article.objects.filter(pk=article_id).exists():
        documents_update([article_id])


def themes_changed(sender, instance, action, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        documents_update([instance.pk])
    else:  # a theme, with the releases in pk_set
        documents_update(list(pk_set or ()))


def speaker_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(quotes__speaker=instance).values("pk").distinct())


def event_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(event=instance).values("pk"))


def theme_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        documents_update(Article.objects.filter(theme_links__tag=instance).values("pk"))


def theme_names_changed(sender, instance, raw=False, **kwargs):
    """A theme's names in other languages (ThemeNames), which its releases' documents hold."""
    if not raw:
        documents_update(Article.objects.filter(theme_links__tag_id=instance.theme_id).values("pk"))
