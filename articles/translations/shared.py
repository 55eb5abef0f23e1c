"""
Making a translation, and keeping what the group shares in step with its source.

The shared parts live on every release of the group, copied from the source
when the source is saved (``group_sync``): so the lists, feeds, sitemaps,
API, theme, event and search pages read a translation exactly as they read
any release. Photos are shared files: each translation has its own rows for
the source's photos, pointing at the same stored files, with its own caption
and alt text; adding, removing, replacing or reordering a photo on the source
does the same on the translations.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, ArticleContact, Boilerplate, GalleryImage, Quote
from articles.translations import tracking

# The release fields a translation takes from its source on every sync.
SHARED_FIELDS = ["event_id", "dateline_city", "dateline_country"]
TIMES = ["publish_at", "unpublish_at"]
# A shared photo's fields; caption and alt text are each translation's own.
PHOTO_FIELDS = ["image", "credit", "licence", "position", "keep_metadata", "width", "height"]
PHOTO_FIELDS += ["renditions"]


def _unique_slug(base: str) -> str:
    from articles.services import _unique_slug as unique

    return unique(Article, base)


def _boilerplate_for(source: Article, language: str) -> Boilerplate | None:
    """The source's "About …" text in the translation's language, where one is kept."""
    if source.boilerplate_id is None:
        return None
    return (
        Boilerplate.objects.filter(organisation=source.boilerplate.organisation, language=language)
        .only("pk")
        .first()
    )


@transaction.atomic
def translation_create(*, source: Article, language: str, by=None) -> Article:
    """
    A draft translation of ``source`` into ``language``, pre-filled with the
    source's text, quotes (speakers and order), photos, contacts and shared
    parts, for a translator to rewrite. A translation of a translation is made
    from the group's source.
    """
    from articles.services import article_save

    if source.source_id is not None:
        source = source.source
    taken = {source.language, *source.translations.values_list("language", flat=True)}
    if language in taken:
        raise ValidationError(
            _("The release already exists in %(language)s.") % {"language": language}
        )
    boilerplate = _boilerplate_for(source, language)
    translation = Article(
        source=source,
        language=language,
        title=source.title,
        slug=_unique_slug(f"{source.slug}-{language}"),
        lead=source.lead,
        body=source.body,
        status=Article.Status.DRAFT,
        reference=source.reference,
        boilerplate=boilerplate,
        notes_to_editors="" if boilerplate else source.notes_to_editors,
        follows_source_times=True,
        source_confirmed=tracking.source_text(source),
        **{field: getattr(source, field) for field in SHARED_FIELDS + TIMES},
    )
    translation.full_clean(exclude=["slug"])
    article_save(article=translation, by=by)
    for quote in source.quotes.order_by("position", "pk"):
        Quote.objects.create(
            article=translation,
            speaker_id=quote.speaker_id,
            text=quote.text,
            context=quote.context,
            position=quote.position,
        )
    ArticleContact.objects.bulk_create(
        ArticleContact(article=translation, contact_id=link.contact_id, position=link.position)
        for link in source.contact_links.all()
    )
    _sync_themes(source, translation)
    _sync_photos(source, translation)
    return translation


@transaction.atomic
def group_sync(source: Article) -> list[Article]:
    """
    After ``source`` (or one of its translations: its source is taken) was
    saved: give every translation the group's shared parts and, where it is
    released with the source, its times; then mark the translations the
    source's text has moved away from. Each translation that changed is saved
    (signals, cache and media follow as for any save). Returns them.
    """
    if source.source_id is not None:
        source = source.source
    translations = list(source.translations.all())
    changed = []
    for translation in translations:
        fields = SHARED_FIELDS + (TIMES if translation.follows_source_times else [])
        different = [f for f in fields if getattr(translation, f) != getattr(source, f)]
        for field in different:
            setattr(translation, field, getattr(source, field))
        if different:
            translation.save()
        photos = _sync_photos(source, translation)
        themes = _sync_themes(source, translation)
        if different or photos or themes:
            changed.append(translation)
    if translations:
        tracking.mark_out_of_date(source)
    return changed


def _sync_themes(source: Article, translation: Article) -> bool:
    wanted = set(source.theme_links.values_list("tag_id", flat=True))
    have = set(translation.theme_links.values_list("tag_id", flat=True))
    if wanted == have:
        return False
    from taggit.models import Tag

    translation.themes.set(list(Tag.objects.filter(pk__in=wanted)))
    return True


def _sync_photos(source: Article, translation: Article) -> bool:
    """The translation's photo rows follow the source's: same files, order and credits."""
    originals = list(source.images.order_by("position", "pk"))
    copies = {image.image.name: image for image in translation.images.all()}
    changed = False
    by_name = {}
    for original in originals:
        copy = copies.pop(original.image.name, None)
        if copy is None:
            # Built with every field at once: the stored file's size is taken
            # from the source, never read again from storage.
            copy = GalleryImage(
                article=translation,
                caption=original.caption,
                alt_text=original.alt_text,
                **_shared_values(original),
            )
        shared = _shared_values(original)
        different = [f for f in PHOTO_FIELDS if _shared_values(copy)[f] != shared[f]]
        for field in different:
            setattr(copy, field, shared[field])
        if copy.pk is None or different:
            copy.save()
            changed = True
        by_name[original.image.name] = copy
    for gone in copies.values():
        gone.delete()
        changed = True
    lead = source.lead_image.image.name if source.lead_image_id else None
    lead_id = by_name[lead].pk if lead in by_name else None
    if translation.lead_image_id != lead_id:
        Article.objects.filter(pk=translation.pk).update(lead_image_id=lead_id)
        translation.lead_image_id = lead_id
        changed = True
    return changed


def _shared_values(image: GalleryImage) -> dict:
    values = {field: getattr(image, field) for field in PHOTO_FIELDS}
    values["image"] = image.image.name
    return values


def photo_siblings(image: GalleryImage):
    """The other rows of the group that show the same stored photo."""
    return GalleryImage.objects.filter(image=image.image.name).exclude(pk=image.pk)
