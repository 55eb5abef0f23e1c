"""
Writes with side effects. Views, admin actions and commands call these; each
one is a transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import caching, images, tasks
from articles.models import (
    Article,
    ArticleTheme,
    Event,
    GalleryImage,
    Quote,
    ShareLink,
    Speaker,
    ThemeNames,
    clean_theme_names,
)
from articles.textimport import TextTooLarge, body_paragraphs, check_size, parse_release_text

PUBLISH_PERMISSION = "articles.publish_article"


def user_can_publish(user: AbstractBaseUser | None) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def _require_publisher(user: AbstractBaseUser | None) -> None:
    if not user_can_publish(user):
        raise PermissionDenied(_("Only Publishers may publish or unpublish releases."))


def _check_publishable(article: Article) -> None:
    """
    The release's full validation, at the moment it is published: what a
    draft may lack (a lead, a withdrawal after publication) is refused here,
    in a message that names the release.
    """
    try:
        article.full_clean()
        errors = {}
    except ValidationError as exc:
        errors = exc.message_dict
    passed = article.unpublish_at and article.unpublish_at <= timezone.now()
    if passed and "unpublish_at" not in errors:
        errors["unpublish_at"] = [_("Its withdrawal time has already passed.")]
    if not errors:
        return
    problems = [
        message
        if name == NON_FIELD_ERRORS
        else f"{capfirst(Article._meta.get_field(name).verbose_name)}: {message}"
        for name, messages in errors.items()
        for message in messages
    ]
    raise ValidationError(
        _("“%(title)s” was not published: %(problems)s")
        % {"title": article.title, "problems": " ".join(problems)},
        code="not_publishable",
    )


@transaction.atomic
def article_publish(
    *, article: Article, by: AbstractBaseUser | None, at: datetime | None = None
) -> Article:
    """
    Publish now, or at ``at`` (a future time puts the release under embargo).
    A release that is not valid is refused with a ``ValidationError`` and
    left as it was.
    """
    _require_publisher(by)
    before = article.status, article.publish_at
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.publish_at = at
    elif article.publish_at is None:
        article.publish_at = timezone.now()
    try:
        _check_publishable(article)
    except ValidationError:
        article.status, article.publish_at = before
        raise
    article.version += 1
    article.save(update_fields=["status", "publish_at", "version", "updated_at"])
    _group_follows(article)
    return article


def _group_follows(article: Article) -> None:
    """A source's new times reach the translations released with it."""
    from articles.translations.shared import group_sync

    if article.source_id is None:
        group_sync(article)


def share_links_revoke_on_withdrawal(*, article: Article) -> int:
    """A withdrawn release is handed out no more: its active share links stop working."""
    return article.share_links.active().update(
        revoked_at=timezone.now(), revoked_on_withdrawal=True
    )


@transaction.atomic
def article_unpublish(*, article: Article, by: AbstractBaseUser | None) -> Article:
    """Take a release off the public site; it goes back to draft and its share links stop."""
    _require_publisher(by)
    article.status = Article.Status.DRAFT
    article.version += 1
    article.save(update_fields=["status", "version", "updated_at"])
    share_links_revoke_on_withdrawal(article=article)
    return article


@dataclass
class PublishReport:
    """What ``articles_publish`` did: the releases it published, and why it refused others."""

    published: list[Article] = field(default_factory=list)
    refused: list[tuple[Article, str]] = field(default_factory=list)


def articles_publish(*, articles: Iterable[Article], by: AbstractBaseUser | None) -> PublishReport:
    """Publish each valid release (already published ones are left alone); refuse the others."""
    _require_publisher(by)
    report = PublishReport()
    with transaction.atomic():
        for article in articles:
            if article.status == Article.Status.PUBLISHED:
                continue
            try:
                article_publish(article=article, by=by)
            except ValidationError as exc:
                report.refused.append((article, " ".join(exc.messages)))
            else:
                report.published.append(article)
    return report


def articles_unpublish(*, articles: Iterable[Article], by: AbstractBaseUser | None) -> int:
    _require_publisher(by)
    count = 0
    with transaction.atomic():
        for article in articles:
            if article.status == Article.Status.PUBLISHED:
                article_unpublish(article=article, by=by)
                count += 1
    return count


def gallery_image_renditions_make(*, image: GalleryImage, force: bool = False) -> GalleryImage:
    """Make the public renditions of one image, once (again only with ``force``)."""
    if image.has_renditions and not force:
        return image
    old = image.renditions
    name, storage = image.image.name, image.image.storage
    renditions = images.make_renditions(name, storage=storage)
    # Made by a worker, the photo may have been replaced or deleted meanwhile:
    # renditions of a file the row no longer names are never recorded.
    if not GalleryImage.objects.filter(pk=image.pk, image=name).update(renditions=renditions):
        images.delete_renditions(renditions, storage=storage)
        return image
    image.renditions = renditions
    image.forget_urls()
    # Translations show the same file through rows of their own: same renditions.
    siblings = GalleryImage.objects.filter(image=name).exclude(pk=image.pk)
    releases = [image.article_id, *siblings.values_list("article_id", flat=True)]
    siblings.update(renditions=renditions)
    # A queryset update sends no signal; the page shows only photos with renditions.
    caching.content_changed(releases=releases)
    images.retire_replaced_renditions(old, image.renditions, storage=storage)
    return image


def gallery_image_renditions_enqueue(*, image: GalleryImage, replaced: bool = False) -> None:
    """
    Have the worker make the image's renditions once this transaction commits
    (``articles.tasks``): a request never spends seconds a photo on them. The
    renditions of a ``replaced`` file are dropped at once, so that the photo,
    like a new one, stays off public pages until its own exist.
    """
    if replaced and image.renditions:
        images.retire_replaced_renditions(image.renditions, {}, storage=image.image.storage)
        image.renditions = {}
        image.forget_urls()
        GalleryImage.objects.filter(pk=image.pk).update(renditions={})
        caching.content_changed(releases=[image.article_id])
    tasks.enqueue_on_commit(tasks.make_renditions, image.pk)


def speaker_photo_renditions_make(*, speaker: Speaker) -> Speaker:
    """
    Make the square renditions of a speaker's photo (or forget them without one);
    those of the photo it replaces are deleted.
    """
    old = speaker.photo_renditions
    speaker.photo_renditions = (
        images.make_portraits(speaker.photo.name, storage=speaker.photo.storage)
        if speaker.photo
        else {}
    )
    Speaker.objects.filter(pk=speaker.pk).update(photo_renditions=speaker.photo_renditions)
    caching.content_changed(releases=(), speakers=[speaker.pk])
    images.retire_replaced_renditions(old, speaker.photo_renditions, storage=speaker.photo.storage)
    return speaker


def speaker_photo_renditions_enqueue(*, speaker: Speaker) -> None:
    """Have the worker make the speaker's portraits once this transaction commits."""
    tasks.enqueue_on_commit(tasks.make_speaker_renditions, speaker.pk)


@transaction.atomic
def gallery_image_create(
    *, article: Article, file, alt_text: str, keep_metadata: bool = False, **fields
) -> GalleryImage:
    """
    Check, clean and store an uploaded photo; its renditions are made by the
    worker once the photo is committed (``gallery_image_renditions_enqueue``).
    """
    fmt = images.check_image(file)[0]
    # Stored with the extension of the format found, whatever the upload was called.
    stem = os.path.splitext(os.path.basename(getattr(file, "name", None) or ""))[0]
    name = f"{stem or 'photo'}.{images.STORED_EXTENSIONS[fmt]}"
    if not keep_metadata:
        file = images.strip_metadata(file)
    position = fields.pop("position", None)
    if position is None:
        position = article.images.count()
    image = GalleryImage(
        article=article,
        alt_text=alt_text,
        position=position,
        keep_metadata=keep_metadata,
        **fields,
    )
    image.image.save(name, file, save=False)
    images.record_write(image.image.storage, image.image.name)
    image.full_clean()
    image.save()
    gallery_image_renditions_enqueue(image=image)
    return image


@transaction.atomic
def themes_merge(*, themes: Iterable[Tag], into: str) -> Tag:
    """
    Move every release of ``themes`` to the theme named ``into`` (one of them,
    an existing theme, or a new one) and delete the others. Releases are never
    deleted; a release that had several of the themes ends up with one.
    """
    themes = list(themes)
    name = into.strip()
    target = next((t for t in themes if t.name == name), None)
    if target is None:
        target = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
    if target.name != name:
        target.name = name
        target.save()
    others = [t.pk for t in themes if t.pk != target.pk]
    already = set(
        ArticleTheme.objects.filter(tag=target).values_list("content_object_id", flat=True)
    )
    for link in ArticleTheme.objects.filter(tag_id__in=others):
        if link.content_object_id in already:
            link.delete()
        else:
            already.add(link.content_object_id)
            link.tag = target
            link.save(update_fields=["tag"])
    _move_other_links(others, target)
    # The theme kept keeps its names in other languages and takes the merged
    # themes' names where it has none.
    names = {}
    for row in ThemeNames.objects.filter(theme__in=[target.pk, *others]):
        for language, other_name in row.names.items():
            if row.theme_id == target.pk or language not in names:
                names[language] = other_name
    Tag.objects.filter(pk__in=others).delete()
    if names:
        theme_names_set(theme=target, names=names)
    return target


def _move_other_links(others: list[int], target: Tag) -> None:
    """
    What else points at the merged themes through a many-to-many field (e-mail
    subscriptions to a theme) moves to the theme kept, instead of going with
    the deleted ones.
    """
    for relation in Tag._meta.related_objects:
        field = relation.field
        if not isinstance(field, models.ManyToManyField):
            continue
        through = field.remote_field.through
        to_tag, to_owner = field.m2m_reverse_field_name(), field.m2m_field_name()
        have = set(through.objects.filter(**{to_tag: target}).values_list(to_owner, flat=True))
        for row in through.objects.filter(**{f"{to_tag}__in": others}):
            owner = getattr(row, f"{to_owner}_id")
            if owner in have:
                row.delete()
            else:
                have.add(owner)
                setattr(row, to_tag, target)
                row.save()


@transaction.atomic
def themes_merge_case_duplicates(*, themes: Iterable[Tag]) -> int:
    """Merge each group of themes whose names differ only in case; returns the groups merged."""
    groups: dict[str, list[Tag]] = {}
    for theme in themes:
        groups.setdefault(theme.name.casefold(), []).append(theme)
    merged = 0
    for group in groups.values():
        # Duplicates outside the selection belong to the group too.
        group = list(Tag.objects.filter(name__iexact=group[0].name))
        if len(group) < 2:
            continue
        counts = {t.pk: ArticleTheme.objects.filter(tag=t).count() for t in group}
        keep = max(group, key=lambda t: (counts[t.pk], -t.pk))
        themes_merge(themes=group, into=keep.name)
        merged += 1
    return merged


@transaction.atomic
def theme_names_set(*, theme: Tag, names: dict) -> dict:
    """
    Give ``theme`` its names in other languages (``{language: name}``; a blank
    or missing language falls back to the theme's name). Returns the names
    kept. The pages and search documents showing the theme follow (signals).
    """
    names = clean_theme_names(names)
    current = ThemeNames.objects.filter(theme=theme).first()
    if not names:
        if current is not None:
            current.delete()
        return names
    if current is None:
        ThemeNames.objects.create(theme=theme, names=names)
    elif current.names != names:
        current.names = names
        current.save()
    return names


@transaction.atomic
def themes_delete(*, themes: Iterable[Tag]) -> None:
    """Delete themes; their releases stay, without the theme."""
    pks = [t.pk for t in themes]
    ArticleTheme.objects.filter(tag_id__in=pks).delete()
    Tag.objects.filter(pk__in=pks).delete()


@dataclass
class TextImportReport:
    """What ``article_create_from_text`` found, made and could not place."""

    article: Article | None
    found: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Found: {item}" for item in self.found]
        out += [f"Created: {item}" for item in self.created]
        out += [f"Dropped as debris: {item}" for item in self.dropped]
        out += [f"Could not place: {item}" for item in self.unplaced]
        return out


def _unique_slug(model, base: str, max_length: int = 80) -> str:
    base = slugify(base)[:max_length].strip("-") or "release"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug


@transaction.atomic
def article_create_from_text(
    *,
    text: str,
    title: str | None = None,
    year: int | None = None,
    author: AbstractBaseUser | None = None,
    dry_run: bool = False,
) -> TextImportReport:
    """
    Turn a pasted or scraped release into a *draft* for an editor to review:
    title, dateline, lead, body, speakers (reused by name), quotes, event
    (reused by dates) and themes (only known ones). Never publishes.
    """
    try:
        check_size(text)  # the same limit for the admin and import_text
    except TextTooLarge as exc:
        raise ValidationError({"text": str(exc)}) from exc
    known_themes = list(Tag.objects.values_list("name", flat=True))
    parsed = parse_release_text(text, title=title, known_themes=known_themes, year=year)
    report = TextImportReport(article=None, dropped=list(parsed.dropped))
    report.unplaced = list(parsed.unplaced)
    if not parsed.title and not parsed.paragraphs:
        report.unplaced.append("no text to make a release from")
        return report

    body = body_paragraphs(parsed)  # the lead and the quotes apart

    article = Article(
        title=parsed.title[:255] or _("Untitled release"),
        dateline_city=parsed.dateline_city[:100],
        dateline_country=parsed.dateline_country[:100],
        lead=parsed.lead[:300],
        body="".join(f"<p>{escape(p)}</p>" for p in body),
        status=Article.Status.DRAFT,
        author=author,
    )
    article.slug = _unique_slug(Article, article.title)
    report.found.append(f"title “{article.title}”")
    if article.dateline_city or article.dateline_country:
        report.found.append(f"dateline {article.dateline}")
    report.found.append(f"{len(body)} body paragraphs")

    speakers: dict[str, Speaker] = {}
    for person in parsed.speakers:
        speaker = Speaker.objects.filter(name__iexact=person.name).first()
        if speaker is None:
            speaker = Speaker(name=person.name[:200], role=person.role[:300])
            speaker.slug = _unique_slug(Speaker, person.name)
            if not dry_run:
                speaker.save()
            report.created.append(f"speaker {person.name} ({person.role or 'no role found'})")
        else:
            report.found.append(f"existing speaker {speaker.name}")
        speakers[person.name] = speaker
    for quote in parsed.quotes:
        report.found.append(f"quote by {quote.speaker.name}: “{quote.text[:60]}…”")

    event = None
    if parsed.events:
        found = parsed.events[0]
        event = Event.objects.filter(start_date=found.start, end_date=found.end).first()
        if event is None:
            place = article.dateline_city or _("Event")
            event = Event(
                name=f"{place} {found.start:%d %b %Y}"[:255],
                city=article.dateline_city,
                country=article.dateline_country,
                start_date=found.start,
                end_date=found.end,
                expected_participants=found.participants,
            )
            event.slug = _unique_slug(Event, event.name)
            if not dry_run:
                event.save()
            report.created.append(
                f"event “{event.name}” {found.start:%d %b %Y} – {found.end:%d %b %Y} "
                "(give it its real name)"
            )
        else:
            report.found.append(f"existing event {event.name}")
        for extra in parsed.events[1:]:
            report.unplaced.append(f"another date range: {extra.source}")
    article.event = event if not dry_run else None
    if parsed.themes:
        report.found.append("themes: " + ", ".join(parsed.themes))

    if dry_run:
        report.article = article
        transaction.set_rollback(True)
        return report
    article.full_clean()
    article.save()
    article.themes.set(parsed.themes)
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=speakers[q.speaker.name],
            # As save() would store them (bulk_create skips it).
            text=Quote.cleaned_text("text", q.text),
            context=Quote.cleaned_text("context", q.context[:255]),
            position=i,
        )
        for i, q in enumerate(parsed.quotes)
        if q.speaker.name in speakers
    )
    report.article = article
    return report


@transaction.atomic
def article_create_from_review(
    *,
    title: str,
    dateline_city: str,
    dateline_country: str,
    lead: str,
    paragraphs: list[str],
    language: str,
    speakers: list[Speaker],
    quotes: list[tuple[int, str, str]],
    event: Event | None,
    themes: list[str],
    by: AbstractBaseUser | None,
) -> Article:
    """
    Save a release reviewed on "New release from text" as a draft. ``speakers``
    are existing ones or new, unsaved ones; each quote is (index into
    ``speakers``, text, context); a new ``event`` is unsaved too. Either
    everything is saved or nothing.
    """
    for speaker in speakers:
        if speaker.pk is None:
            speaker.slug = _unique_slug(Speaker, speaker.name)
            speaker.full_clean()
            speaker.save()
    if event is not None and event.pk is None:
        event.slug = _unique_slug(Event, event.name)
        event.full_clean()
        event.save()
    article = Article(
        title=title,
        dateline_city=dateline_city,
        dateline_country=dateline_country,
        lead=lead,
        body="".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs if p.strip()),
        status=Article.Status.DRAFT,
        language=language,
        event=event,
        author=by,
    )
    article.slug = _unique_slug(Article, article.title)
    article.full_clean()
    article_save(article=article, by=by)
    article.themes.set(themes)
    for position, (index, text, context) in enumerate(quotes):
        quote = Quote(
            article=article,
            speaker=speakers[index],
            text=text,
            context=context,
            position=position,
        )
        quote.full_clean()
        quote.save()
    return article


# --- The release form's writes (the admin calls these) -----------------------


def _latest_recorded_version(article: Article) -> int:
    """The version number in the release's newest history entry (0 without one)."""
    from reversion.models import Version

    latest = Version.objects.get_for_object(article).first()
    return int(latest.field_dict.get("version") or 0) if latest else 0


@transaction.atomic
def article_save(*, article: Article, by: AbstractBaseUser | None) -> Article:
    """
    Save a release as its editor left it. A new one gets its author; a
    changed one moves its version on, past any number it ever had, so that a
    restored version (which carries its old number) never repeats one that an
    open form still holds. Taking a live release out of publication this way
    stops its share links, as ``article_unpublish`` does.
    """
    previous_status = None
    if article.pk is None:
        if article.author_id is None and by is not None and by.pk:
            article.author = by
    else:
        current = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values_list("version", "status")
            .first()
        )
        if current is not None:
            previous_status = current[1]
            article.version = max(current[0], _latest_recorded_version(article)) + 1
    article.save()
    withdrawn = previous_status == Article.Status.PUBLISHED
    if withdrawn and article.status != Article.Status.PUBLISHED:
        share_links_revoke_on_withdrawal(article=article)
    return article


@transaction.atomic
def share_link_create(
    *, article: Article, note: str, expires_at: datetime, by: AbstractBaseUser | None
) -> ShareLink:
    """Hand a release to a few before it is public: a Publisher's decision."""
    if not user_can_publish(by):
        raise PermissionDenied(_("Only Publishers can share a release before it is public."))
    link = ShareLink(article=article, note=note, expires_at=expires_at, created_by=by)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def share_link_update(
    *, link: ShareLink, by: AbstractBaseUser | None, revoke: bool = False
) -> ShareLink:
    """Save a share link's new note or expiry, and revoke it if asked (once)."""
    if not user_can_publish(by):
        raise PermissionDenied(_("Only Publishers can change a release's share links."))
    if revoke and link.revoked_at is None:
        link.revoked_at = timezone.now()
    link.save()
    return link
