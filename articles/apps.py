from django.apps import AppConfig
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Press releases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from taggit.models import Tag

        from articles import caching, press, search
        from articles.models import (
            Article,
            ArticleContact,
            ArticleTheme,
            Boilerplate,
            Contact,
            Correction,
            Event,
            GalleryImage,
            Quote,
            Speaker,
            Theme,
            ThemeNames,
        )

        # Cache invalidation, not business logic: it must follow every write
        # path (admin, services, imports, loaddata, shell), which signals do.
        receivers = [
            (post_save, Article, caching.article_saved),
            (post_delete, Article, caching.article_deleted),
            (post_save, Speaker, caching.speaker_changed),
            (post_delete, Speaker, caching.speaker_changed),
            (post_save, Event, caching.event_changed),
            # Before its releases lose it (SET_NULL sends no signal of its own).
            (pre_delete, Event, caching.event_changed),
            (post_save, Tag, caching.theme_changed),
            (pre_delete, Tag, caching.theme_changed),
            # The admin saves themes through their proxy, which signals as itself.
            (post_save, Theme, caching.theme_changed),
            (pre_delete, Theme, caching.theme_changed),
            (m2m_changed, ArticleTheme, caching.themes_changed),
            (post_save, ThemeNames, caching.theme_names_changed),
            (post_delete, ThemeNames, caching.theme_names_changed),
            (pre_save, Contact, press.contact_changing),
            (post_save, Contact, press.contact_changed),
            (pre_delete, Contact, press.contact_changed),
            (post_save, Boilerplate, press.boilerplate_changed),
            (pre_delete, Boilerplate, press.boilerplate_changed),
        ]
        for model in (Quote, GalleryImage, ArticleTheme, ArticleContact, Correction):
            receivers += [
                (post_save, model, caching.release_part_changed),
                (post_delete, model, caching.release_part_changed),
            ]
        # The search documents hold what the release shows: kept current the same way.
        receivers += [
            (post_save, Article, search.release_saved),
            (post_save, Speaker, search.speaker_changed),
            (post_save, Event, search.event_changed),
            (post_save, Tag, search.theme_changed),
            # The admin saves themes through their proxy, which signals as itself.
            (post_save, Theme, search.theme_changed),
            (m2m_changed, ArticleTheme, search.themes_changed),
            (post_save, ThemeNames, search.theme_names_changed),
            (post_delete, ThemeNames, search.theme_names_changed),
        ]
        for model in (Quote, ArticleTheme):
            receivers += [
                (post_save, model, search.release_part_changed),
                (post_delete, model, search.release_part_changed),
            ]
        for signal, sender, receiver in receivers:
            signal.connect(receiver, sender=sender, weak=False)
        # Public copies of photos go when their release stops being public.
        from articles.media import checks as media_checks  # noqa: F401 (registration)
        from articles.media import public as media

        receivers = [
            (pre_save, Article, media.article_saving),
            (post_save, Article, media.article_saved),
            (pre_delete, Article, media.article_deleting),
            (pre_save, GalleryImage, media.image_saving),
            (post_save, GalleryImage, media.image_saved),
            (post_delete, GalleryImage, media.image_deleted),
            (pre_save, Speaker, media.speaker_saving),
            (post_save, Speaker, media.speaker_saved),
            (post_delete, Speaker, media.speaker_deleted),
            (pre_save, Quote, media.quote_saving),
            (post_save, Quote, media.quote_changed),
            (post_delete, Quote, media.quote_changed),
        ]
        for signal, sender, receiver in receivers:
            signal.connect(receiver, sender=sender, weak=False)
        post_migrate.connect(caching.after_migrate, sender=self, weak=False)
        # Theme names get the same hygiene as Newsroom's own text fields.
        pre_save.connect(_clean_tag_name, sender=Tag, weak=False)
        pre_save.connect(_clean_tag_name, sender=Theme, weak=False)


def _clean_tag_name(sender, instance, **kwargs):
    import hashlib

    from articles.text import clean_one_line

    # A theme name is one line: no control, bidi or zero-width characters.
    instance.name = clean_one_line(instance.name)
    # A theme named only in symbols or emoji slugifies to nothing; its pages
    # still need an address.
    if not instance.slug:
        digest = hashlib.sha256(instance.name.encode()).hexdigest()[:10]
        instance.slug = f"theme-{digest}"
