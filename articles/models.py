from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import Tag, TaggedItemBase

from articles.html import sanitize_body
from articles.images import gallery_upload_to, speaker_upload_to
from articles.links import media_urls, reverse
from articles.querysets import (
    ArticleQuerySet,
    ContactQuerySet,
    EventQuerySet,
    GalleryImageQuerySet,
    QuoteQuerySet,
    SpeakerQuerySet,
    ThemeQuerySet,
)
from articles.text import clean_long_text, clean_one_line

LEAD_MAX_LENGTH = 300
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def to_the_minute(value):
    """A time with its seconds (and fractions) zeroed; None stays None."""
    return value.replace(second=0, microsecond=0) if value else value


def strip_control_characters(value: str) -> str:
    """What a one-line field keeps of ``value``: no control, bidi or zero-width characters."""
    return clean_one_line(value)


class CleanTextModel(models.Model):
    """
    Text fields are cleaned on every save, whatever the path (articles.text):
    a CharField (slug, URL…) as one line, a TextField as longer text unless
    it is named in ``one_line_text_fields``.
    """

    one_line_text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.apply_text_hygiene()
        super().save(*args, **kwargs)

    def apply_text_hygiene(self) -> None:
        """Clean every text field in place, as ``save()`` does; for writes that skip it (bulk)."""
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            setattr(self, field.attname, self.cleaned_text(field.name, value))

    @classmethod
    def cleaned_text(cls, name: str, value):
        """``value`` as ``save()`` stores it in the field ``name`` (other values as they are)."""
        field = cls._meta.get_field(name)
        if not isinstance(value, str) or not isinstance(field, models.CharField | models.TextField):
            return value
        one_line = isinstance(field, models.CharField) or name in cls.one_line_text_fields
        return clean_one_line(value) if one_line else clean_long_text(value)


class SlugNaturalKeyManager(models.Manager):
    """Fixtures refer to speakers, events and releases by slug, never by id."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SpeakerManager(SlugNaturalKeyManager.from_queryset(SpeakerQuerySet)):
    pass


class Speaker(CleanTextModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(
        _("role"),
        max_length=300,
        blank=True,
        help_text=_("As it should appear beside a quote, e.g. “Interior Minister of Albania”."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    photo = models.ImageField(_("photo"), upload_to=speaker_upload_to, blank=True)
    photo_renditions = models.JSONField(
        _("photo renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Square crops made once from the photo: {format: {size: path}}."),
    )
    bio = models.TextField(_("short bio"), blank=True)

    objects = SpeakerManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:speaker", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def portrait(self, ext: str = "jpeg") -> list[tuple[int, str]]:
        """The photo's square renditions, smallest first: [(size, url)]."""
        names = self.photo_renditions.get(ext, {}) if self.photo else {}
        return sorted(zip(map(int, names), media_urls(names.values()), strict=True))

    @property
    def portrait_src(self) -> str:
        sizes = self.portrait()
        return sizes[0][1] if sizes else ""

    @property
    def portrait_srcset(self) -> str:
        return ", ".join(f"{url} {size}w" for size, url in self.portrait("webp"))

    @property
    def title_line(self) -> str:
        """What stands beside the name under a quote: the role, else the organisation."""
        return self.role or self.organisation


class EventManager(SlugNaturalKeyManager.from_queryset(EventQuerySet)):
    pass


class Event(CleanTextModel):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    expected_participants = models.PositiveIntegerField(
        _("expected participants"), null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    link = models.URLField(_("link"), blank=True)

    objects = EventManager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:event", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)


def theme_name(tag, language: str | None = None) -> str:
    """
    A theme's name in ``language`` (the reader's, ``get_language()``, by
    default): its own name in that language where one is kept (ThemeNames),
    else its name. Reads ``tag.translated_names``, which the public querysets
    select with the tag: no query of its own there.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return tag.name
    try:
        names = tag.translated_names.names
    except ThemeNames.DoesNotExist:
        return tag.name
    return name_in(language, tag.name, names)


def name_in(language: str | None, name: str, names: dict | None) -> str:
    """``names[language]`` (``fr`` for ``fr-ca`` too), else ``name``: a theme's shown name."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    names = names or {}
    return names.get(language) or names.get(language.split("-")[0]) or name


def by_name(themes, language: str | None = None) -> list:
    """
    Themes in the order every page lists them: by the name shown (in the
    reader's language), case aside, as the admin shows them.
    """
    return sorted(themes, key=lambda theme: theme_name(theme, language).lower())


class Lifecycle(models.TextChoices):
    """A release's state for readers and editors, from its status and times."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    EMBARGOED = "embargoed", _("Embargoed")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")


class ThemeNamesManager(_TaggableManager):
    """
    A release's themes, with names cleaned (articles.text) before taggit looks
    them up, as they will be stored: "cyber\u200bcrime" joins "Cybercrime"
    instead of failing on, or duplicating, a theme that looks the same.
    """

    def add(self, *tags, **kwargs):
        return super().add(*_clean_theme_names(tags), **kwargs)

    def set(self, tags, **kwargs):
        return super().set(_clean_theme_names(tags), **kwargs)


def _clean_theme_names(tags) -> list:
    cleaned = [clean_one_line(tag).strip() if isinstance(tag, str) else tag for tag in tags]
    return [tag for tag in cleaned if tag != ""]


class ArticleManager(SlugNaturalKeyManager.from_queryset(ArticleQuerySet)):
    pass


class Article(CleanTextModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    dateline_city = models.CharField(_("dateline city"), max_length=100, blank=True)
    dateline_country = models.CharField(_("dateline country"), max_length=100, blank=True)
    lead = models.TextField(
        _("lead"),
        validators=[MaxLengthValidator(LEAD_MAX_LENGTH)],
        help_text=_(
            "Plain text, at most 300 characters. Shown in lists, feeds and search results, "
            "and used as the page description."
        ),
    )
    body = models.TextField(_("body"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("A published release goes live at this time (embargo until then)."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional: the release is withdrawn from the public site at this time."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    themes = TaggableManager(
        verbose_name=_("themes"),
        blank=True,
        through="ArticleTheme",
        manager=ThemeNamesManager,
        help_text=_("Comma-separated themes, e.g. organized crime, cybercrime."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    reference = models.CharField(_("reference number"), max_length=50, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    fingerprint = models.UUIDField(
        _("fingerprint"),
        default=uuid.uuid4,
        editable=False,
        help_text=_(
            "Changes whenever anything its page shows of the release changes (its text, "
            "quotes, speakers, photos, themes or event): the key of its cached parts."
        ),
    )
    lead_image = models.ForeignKey(
        "GalleryImage",
        verbose_name=_("lead photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Shown above the fold and in link previews; the first photo when left empty."),
    )
    boilerplate = models.ForeignKey(
        "Boilerplate",
        verbose_name=_("notes to editors"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("The “About …” text printed under the release."),
    )
    notes_to_editors = models.TextField(
        _("notes to editors for this release"),
        blank=True,
        help_text=_(
            "Optional: replaces the chosen “About …” text on this release only. "
            "Paragraphs separated by a blank line."
        ),
    )
    search_title = models.TextField(
        _("search: title and themes"),
        blank=True,
        default="",
        editable=False,
        help_text=_("The title and theme names, normalised for search (articles.search)."),
    )
    search_text = models.TextField(
        _("search: everything else"),
        blank=True,
        default="",
        editable=False,
        help_text=_(
            "Lead, body text, quotes, speakers, event, dateline and reference number, "
            "normalised for search (articles.search)."
        ),
    )
    corrected_at = models.DateTimeField(
        _("corrected"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a public correction was last made after the release went live."),
    )
    # Translations (articles.translations): a translation is a release of its
    # own, linked to the release it was translated from. The event, dateline,
    # themes and photos are the source's, kept in step when the source is saved.
    source = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The release this one translates."),
    )
    follows_source_times = models.BooleanField(
        _("released with the source"),
        default=True,
        help_text=_(
            "The source's publish and unpublish times apply to this translation: the "
            "languages go live together. Untick to give this translation times of its own."
        ),
    )
    source_confirmed = models.JSONField(
        _("source text last confirmed"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The source's title, lead, body and quotes when the translation was checked."),
    )
    source_changed_at = models.DateTimeField(
        _("source changed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the source's text changed after this translation was last confirmed."),
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        permissions = [("publish_article", _("Can publish, unpublish and schedule releases"))]
        indexes = [
            # Covers the public rule and the list's order, so counts and
            # deep pages are answered from the index alone.
            models.Index(
                fields=["status", "-publish_at", "-id", "unpublish_at"],
                # And what a reader's language asks of each (``in_language``).
                include=["language", "source"],
                name="article_public_list_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "language"],
                name="one_translation_per_language",
                violation_error_message=_(
                    "The release already has a translation in this language."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised on every save, whatever the path (admin, import, shell).
        self.body = sanitize_body(self.body)
        self.lead = self.lead.strip()
        # Entered, shown and kept to the minute: an embargo lifts when it says.
        self.publish_at = to_the_minute(self.publish_at)
        self.unpublish_at = to_the_minute(self.unpublish_at)
        self.fingerprint = uuid.uuid4()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "fingerprint"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The release's page in the reader's interface language (the current one)."""
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def canonical_url(self, name: str = "articles:detail") -> str:
        """
        One of the release's pages under its own language's prefix
        (/fr/releases/…): the canonical address, and the hreflang alternates'.
        """
        if self.language == get_language() or self.language not in LANGUAGE_CODES:
            return reverse(name, kwargs={"slug": self.slug})
        with override(self.language):
            return reverse(name, kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.PUBLISHED and not self.publish_at:
            errors["publish_at"] = _("A published release needs a publication time.")
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            errors["unpublish_at"] = _("The release must be withdrawn after it is published.")
        if errors:
            raise ValidationError(errors)

    @property
    def theme_list(self) -> list:
        """The release's themes by name, from with_themes() when the list prefetched them."""
        links = getattr(self, "listed_theme_links", None)
        if links is None:
            return by_name(self.themes.all())
        return by_name(link.tag for link in links)

    def lifecycle(self, now=None) -> Lifecycle:
        """
        Where the release stands at ``now``: the one answer the admin list,
        the share page and the public site (with ``public()``, its queryset
        twin) give. A published release without a publication time is held
        back, as under an embargo that has no end.
        """
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return Lifecycle.DRAFT
        if self.status == self.Status.REVIEW:
            return Lifecycle.REVIEW
        if self.publish_at is None or self.publish_at > now:
            return Lifecycle.EMBARGOED
        if self.unpublish_at is not None and self.unpublish_at <= now:
            return Lifecycle.EXPIRED
        return Lifecycle.LIVE

    def is_public(self, now=None) -> bool:
        return self.lifecycle(now) == Lifecycle.LIVE

    is_public.boolean = True
    is_public.short_description = _("public")

    def locked_for(self, user) -> bool:
        """
        A published release (live, embargoed or expired) is read-only for
        those who may not publish: changing it, its quotes or its photos is
        publishing.
        """
        from articles.services import user_can_publish

        return self.status == self.Status.PUBLISHED and not user_can_publish(user)

    @property
    def dateline(self) -> str:
        return ", ".join(
            part for part in (self.dateline_city.upper(), self.dateline_country) if part
        )

    @property
    def modified_at(self):
        """When readers last saw the release change: its publication, or its last correction."""
        if self.corrected_at and self.publish_at and self.corrected_at > self.publish_at:
            return self.corrected_at
        return self.publish_at

    @property
    def notes_text(self) -> str:
        """The notes to editors this release prints: its own, else the chosen boilerplate's."""
        if self.notes_to_editors.strip():
            return self.notes_to_editors
        return self.boilerplate.text if self.boilerplate_id else ""

    @property
    def notes_heading(self) -> str:
        if self.boilerplate_id:
            return self.boilerplate.heading
        return str(_("Notes to editors"))

    @property
    def notes_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.notes_text.split("\n\n") if p.strip()]

    def lead_photo(self, gallery):
        """The chosen photo among ``gallery`` (with renditions), else the first of them."""
        for photo in gallery:
            if photo.pk == self.lead_image_id:
                return photo
        return gallery[0] if gallery else None


class ArticleThemeManager(models.Manager):
    def get_by_natural_key(self, article_slug, theme_name):
        return self.get(content_object__slug=article_slug, tag__name=theme_name)


class ArticleTheme(TaggedItemBase):
    """
    The link between a release and a theme. A real foreign key (instead of
    taggit's generic one) gives it a natural key, release slug and theme name,
    so fixtures dumped with natural keys load into any database.
    """

    content_object = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="theme_links"
    )

    objects = ArticleThemeManager()

    class Meta:
        verbose_name = _("release theme")
        verbose_name_plural = _("release themes")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_release_theme")
        ]

    def __str__(self):
        return f"{self.content_object_id}: {self.tag_id}"

    def natural_key(self):
        return (self.content_object.slug, self.tag.name)

    natural_key.dependencies = ["articles.article", "taggit.tag"]


class Quote(CleanTextModel):
    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="quotes"
    )
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("speaker"), on_delete=models.PROTECT, related_name="quotes"
    )
    text = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line."))
    context = models.CharField(
        _("context"),
        max_length=255,
        blank=True,
        help_text=_("Optional, e.g. “opening the conference”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


def _srcset(renditions: list[tuple[int, str]]) -> str:
    return ", ".join([f"{url} {width}w" for width, url in renditions])


class GalleryImage(CleanTextModel):
    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(
        _("image"), upload_to=gallery_upload_to, width_field="width", height_field="height"
    )
    caption = models.TextField(_("caption"), blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source.")
    )
    licence = models.CharField(
        _("licence or usage note"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Free for editorial use”."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("Describes the picture for people who cannot see it. Required."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    keep_metadata = models.BooleanField(
        _("keep photo metadata"),
        default=False,
        help_text=_(
            "Leave off unless the location and camera details must stay in the downloadable "
            "original. Public renditions never carry them."
        ),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    renditions = models.JSONField(
        _("renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Resized copies made once from the original: {format: {width: path}}."),
    )

    objects = GalleryImageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return self.alt_text or self.image.name

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#image-{self.pk}"

    def clean(self):
        super().clean()
        if not strip_control_characters(self.alt_text).strip():
            raise ValidationError({"alt_text": _("Every image needs alt text.")})

    @classmethod
    def load_urls(cls, images) -> None:
        """
        The URLs a page shows of each photo (original, renditions, srcsets),
        for a whole gallery at once: the storage is asked for its base URL
        once, not once a file, and each value is set on the photo, where the
        properties below would otherwise work it out one photo at a time.
        """
        names = []
        for image in images:
            names.append(image.image.name)
            for by_width in image.renditions.values():
                names.extend(by_width.values())
        urls = iter(media_urls(names))
        for image in images:
            original = next(urls)
            # {ext: [(width, url)], narrowest first}
            by_ext = {
                ext: sorted([(int(width), next(urls)) for width in by_width])
                for ext, by_width in image.renditions.items()
            }
            jpegs = by_ext.get("jpeg", [])
            image.__dict__.update(
                original_url=original,
                srcset_webp=_srcset(by_ext.get("webp", [])),
                srcset_jpeg=_srcset(jpegs),
                thumbnail_url=jpegs[0][1] if jpegs else "",
                middle=jpegs[len(jpegs) // 2] if jpegs else (0, ""),
                large_url=jpegs[-1][1] if jpegs else "",
            )

    _URL_NAMES = (
        "original_url",
        "srcset_webp",
        "srcset_jpeg",
        "thumbnail_url",
        "middle",
        "large_url",
    )

    def _loaded(self, name: str):
        self.load_urls([self])
        return self.__dict__[name]

    def forget_urls(self) -> None:
        """After the file or its renditions change: the next read works the URLs out anew."""
        for name in self._URL_NAMES:
            self.__dict__.pop(name, None)

    @cached_property
    def original_url(self) -> str:
        """The uploaded file, for download."""
        return self._loaded("original_url")

    @cached_property
    def srcset_webp(self) -> str:
        return self._loaded("srcset_webp")

    @cached_property
    def srcset_jpeg(self) -> str:
        return self._loaded("srcset_jpeg")

    @cached_property
    def thumbnail_url(self) -> str:
        return self._loaded("thumbnail_url")

    @cached_property
    def middle(self) -> tuple[int, str]:
        """The JPEG rendition used as plain ``src``, for browsers without srcset."""
        return self._loaded("middle")

    @cached_property
    def large_url(self) -> str:
        return self._loaded("large_url")

    @property
    def has_renditions(self) -> bool:
        return bool(self.renditions.get("jpeg"))

    def height_for(self, width: int) -> int:
        if not self.width or not self.height:
            return 0
        return round(self.height * width / self.width)

    @property
    def middle_height(self) -> int:
        return self.height_for(self.middle[0])


class Theme(Tag):
    """Themes are taggit tags; this proxy gives them their own admin and name."""

    objects = ThemeQuerySet.as_manager()

    class Meta:
        proxy = True
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self):
        return reverse("articles:theme", kwargs={"slug": self.slug})


def other_languages() -> list[str]:
    """The site's languages but the default one: those a theme may have a name of its own in."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def clean_theme_names(names: dict) -> dict:
    """
    ``{language: name}`` as stored: names cleaned as theme names are, blanks
    dropped (those languages fall back to the theme's name), in the order of
    ``settings.LANGUAGES``.
    """
    cleaned = {code: clean_one_line(names.get(code) or "").strip() for code in other_languages()}
    return {code: name for code, name in cleaned.items() if name}


def theme_name_clashes(names: dict, *, theme=None) -> dict:
    """
    ``{language: other theme}`` for each of ``names`` ({language: name}) that
    another theme already shows in that language (its own name there, or its
    name where it has none): readers could not tell the two apart.
    """
    clashes = {}
    wanted = {code: name.casefold() for code, name in names.items() if name}
    if not wanted:
        return clashes
    others = Tag.objects.select_related("translated_names").order_by("name", "pk")
    if theme is not None and theme.pk:
        others = others.exclude(pk=theme.pk)
    for other in others:
        for code, name in wanted.items():
            if code not in clashes and theme_name(other, code).casefold() == name:
                clashes[code] = other
    return clashes


class ThemeNamesQuerySet(models.QuerySet):
    def get_by_natural_key(self, theme_name):
        return self.get(theme__name=theme_name)


class ThemeNames(models.Model):
    """
    A theme's name in other languages than the site's default, ``{language:
    name}``; a language without one shows the theme's name. The slug stays the
    same in every language. Natural key: the theme's name.
    """

    theme = models.OneToOneField(
        Tag,
        verbose_name=_("theme"),
        on_delete=models.CASCADE,
        related_name="translated_names",
    )
    names = models.JSONField(
        _("names by language"), default=dict, blank=True, help_text=_("{language: name}")
    )

    objects = ThemeNamesQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme names")
        verbose_name_plural = _("theme names")

    def __str__(self):
        return str(self.theme)

    def natural_key(self):
        return (self.theme.name,)

    natural_key.dependencies = ["taggit.tag"]


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_expiry():
    return timezone.now() + timedelta(days=7)


class ShareLink(models.Model):
    """
    An unguessable, expiring link to a release that is not public yet, for
    accredited journalists to read before the embargo lifts.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="share_links"
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=_new_token, editable=False
    )
    note = models.CharField(
        _("given to"),
        max_length=200,
        blank=True,
        help_text=_("Who the link is for, e.g. a journalist and their outlet."),
    )
    expires_at = models.DateTimeField(_("expires at"), default=_default_expiry)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_on_withdrawal = models.BooleanField(
        _("revoked on withdrawal"),
        default=False,
        editable=False,
        help_text=_("Revoked because the release was withdrawn (unpublished), not by hand."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self):
        return f"{self.article} ({self.note or self.token[:8]})"

    def get_absolute_url(self):
        return reverse("articles:share", kwargs={"token": self.token})

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    is_active.boolean = True
    is_active.short_description = _("active")


class SiteGeneration(models.Model):
    """
    One row whose token changes after every commit that changes what readers
    may see (articles.caching). It lives in the database so that every
    process of every server sees the same one, whatever the cache.
    """

    token = models.UUIDField(default=uuid.uuid4)
    changed_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("When public content last changed, by an edit or by the clock."),
    )
    next_change = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("The next scheduled publish or unpublish time, if any."),
    )

    class Meta:
        verbose_name = _("site generation")
        verbose_name_plural = _("site generation")

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class SearchDocument(models.Model):
    """
    On PostgreSQL, a row's stored, indexed full-text vector: a column the
    database generates in the row's own table (migrations 0006 and 0010).
    These unmanaged models read it, so queries name it like any other field
    (``search_document__vector``); SQLite has no such column and never asks.
    """

    vector = SearchVectorField(db_column="search_vector")

    class Meta:
        abstract = True
        managed = False

    def __str__(self):
        return str(self.pk)


class ReleaseSearchDocument(SearchDocument):
    article = models.OneToOneField(
        Article,
        primary_key=True,
        db_column="id",
        on_delete=models.DO_NOTHING,
        related_name="search_document",
    )
    # The same words without positions and weights, kept in the row: what
    # matching reads (GIN-indexed); ``vector`` is read to rank (migration 0020).
    match = SearchVectorField(db_column="search_match")
    # The words of the title and the themes' names alone (migration 0021):
    # a word found there counts as a title match.
    title_match = SearchVectorField(db_column="search_title_match")

    class Meta(SearchDocument.Meta):
        db_table = "articles_article"


class QuoteSearchDocument(SearchDocument):
    quote = models.OneToOneField(
        Quote,
        primary_key=True,
        db_column="id",
        on_delete=models.DO_NOTHING,
        related_name="search_document",
    )

    class Meta(SearchDocument.Meta):
        db_table = "articles_quote"


def contact_upload_to(instance, filename: str) -> str:
    from articles.images import stored_name

    return stored_name("contacts", filename)


class ContactManager(SlugNaturalKeyManager.from_queryset(ContactQuerySet)):
    pass


class Contact(CleanTextModel):
    """A press officer journalists can call or write to about a release."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("E.g. “Press officer”.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("In international form, e.g. +33 4 72 44 70 00."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("E.g. “English, French”.")
    )
    photo = models.ImageField(_("photo"), upload_to=contact_upload_to, blank=True)
    is_default = models.BooleanField(
        _("default contact"),
        default=False,
        help_text=_("Shown on every release that names no contacts of its own."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order among the default contacts.")
    )

    objects = ContactManager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def get_absolute_url(self):
        return reverse("articles:contact_vcard", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def tel_uri(self) -> str:
        """``tel:+33472447000``: the number as a phone dials it."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if not digits:
            return ""
        return f"tel:{'+' if self.phone.lstrip().startswith('+') else ''}{digits}"


class ArticleContact(models.Model):
    """A press contact named on one release, in the order the release lists them."""

    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="contact_links"
    )
    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), on_delete=models.PROTECT, related_name="release_links"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("release contact")
        verbose_name_plural = _("release contacts")
        constraints = [
            models.UniqueConstraint(fields=["article", "contact"], name="unique_release_contact")
        ]

    def __str__(self):
        return f"{self.article_id}: {self.contact_id}"


class BoilerplateManager(models.Manager):
    def get_by_natural_key(self, organisation, language):
        return self.get(organisation=organisation, language=language)


class Boilerplate(CleanTextModel):
    """
    “About <organisation>”: the notes to editors, kept once per organisation
    and language and attached to releases.
    """

    organisation = models.CharField(_("organisation"), max_length=200)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    heading = models.CharField(
        _("heading"), max_length=200, help_text=_("E.g. “About INTERPOL”, in the text's language.")
    )
    text = models.TextField(
        _("text"), help_text=_("Plain text; paragraphs separated by a blank line.")
    )
    is_default = models.BooleanField(
        _("default"),
        default=False,
        help_text=_("Chosen for new releases in this language."),
    )

    objects = BoilerplateManager()

    class Meta:
        ordering = ["organisation", "language"]
        verbose_name = _("notes to editors")
        verbose_name_plural = _("notes to editors")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language"], name="unique_boilerplate_language"
            )
        ]

    def __str__(self):
        return f"{self.heading} ({self.language})"

    def natural_key(self):
        return (self.organisation, self.language)


class Correction(models.Model):
    """
    A change to a live release: a public correction, with its one-line note
    for readers, or a silent fix (a typo). Both are kept; readers see the first.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction (shown to readers)")
        SILENT = "silent", _("Silent fix (typo, no change of substance)")

    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    made_at = models.DateTimeField(_("made at"), default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["made_at", "id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.note}" if self.note else self.get_kind_display()

    @property
    def is_public(self) -> bool:
        return self.kind == self.Kind.CORRECTION


class MediaKit(models.Model):
    """
    The ZIP of a release's original photos with their credits, built once per
    gallery version (``digest``) and stored; downloads are served from it.
    """

    article = models.OneToOneField(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="media_kit"
    )
    digest = models.CharField(_("gallery version"), max_length=64)
    file = models.CharField(_("stored file"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    photo_sizes = models.JSONField(
        _("photo sizes"), default=dict, help_text=_("Each original's size in bytes, by photo id.")
    )
    built_at = models.DateTimeField(_("built"), default=timezone.now)

    class Meta:
        verbose_name = _("media kit")
        verbose_name_plural = _("media kits")

    def __str__(self):
        return self.file

    @property
    def size_label(self) -> str:
        from articles.images import file_size

        return file_size(self.size)

    def photo_size_label(self, photo) -> str:
        """The size of one photo's original, as the download link says it ("2.3 MB")."""
        from articles.images import file_size

        size = self.photo_sizes.get(str(photo.pk))
        return file_size(size) if size is not None else ""
