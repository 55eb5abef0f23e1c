"""The release admin: its list, its form's behaviour, its actions."""

import copy

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import Script
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from articles import images, services
from articles.admin import history
from articles.admin.csp import EDITOR_STYLE_HASH, inline_script_hashes
from articles.admin.formatting import local_time
from articles.admin.forms import ArticleAdminForm
from articles.admin.inlines import (
    GalleryImageInline,
    QuoteInline,
    ShareLinkInline,
    locked_for_user,
    release_url,
)
from articles.admin.press import ArticleContactInline, PressAdminMixin
from articles.admin.text_import import ReleaseFromTextMixin
from articles.admin.themes import theme_suggestions
from articles.admin.translations import TranslationAdminMixin
from articles.admin_lists import CheckedListMixin
from articles.models import (
    Article,
    ArticleContact,
    ArticleTheme,
    GalleryImage,
    Lifecycle,
    Quote,
    ShareLink,
    by_name,
)
from articles.translations.shared import group_sync
from distribution.admin import RELEASE_INLINES

# A release's history holds its quotes, gallery, themes and press contacts
# with it, so that restoring a version restores all of them.
reversion.register(Quote)
reversion.register(GalleryImage)
reversion.register(ArticleTheme)
reversion.register(ArticleContact)
reversion.register(Article, follow=["quotes", "images", "theme_links", "contact_links"])

# Themes shown in a row of the list; the rest are counted ("+2").
LIST_THEMES = 3


def _timing_note(article: Article) -> str:
    """The times a release just published carries from before: an embargo, a withdrawal."""
    when = {"title": article.title}
    if article.lifecycle() == Lifecycle.EMBARGOED:
        when["embargo"] = local_time(article.publish_at)
    if article.unpublish_at:
        when["withdrawal"] = local_time(article.unpublish_at)
    if "embargo" in when and "withdrawal" in when:
        note = _("“%(title)s” is embargoed until %(embargo)s and withdrawn at %(withdrawal)s.")
    elif "embargo" in when:
        note = _("“%(title)s” is embargoed until %(embargo)s.")
    elif "withdrawal" in when:
        note = _("“%(title)s” will be withdrawn at %(withdrawal)s.")
    else:
        return ""
    later = _("These times were set before it was published; change them if they are not meant.")
    return f"{note % when} {later}"


class StateListFilter(admin.SimpleListFilter):
    """The releases in one state of ``Article.lifecycle()``, chosen in the database."""

    title = _("State")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Lifecycle.choices

    def queryset(self, request, queryset):
        if self.value() in Lifecycle.values:
            return queryset.in_state(self.value())
        # No choice, or one the list does not offer: every release.
        return None


@admin.register(Article)
class ArticleAdmin(
    PressAdminMixin, TranslationAdminMixin, ReleaseFromTextMixin, CheckedListMixin, VersionAdmin
):
    form = ArticleAdminForm
    inlines = [
        QuoteInline,
        GalleryImageInline,
        ArticleContactInline,
        ShareLinkInline,
        *RELEASE_INLINES,
    ]
    history_latest_first = True

    save_on_top = True
    # Only on the copy that shows the form again after storage failed (_storage_safe).
    storage_error: OSError | None = None

    class Media:
        css = {"all": ["css/admin.css"]}
        # Small ES modules, each working on its own data-nr-* attributes.
        js = [
            Script("js/admin-reorder.js", type="module"),
            Script("js/admin-translation.js", type="module"),
            Script("js/admin-themes.js", type="module"),
            Script("js/admin-lead.js", type="module"),
        ]

    # "published" (the date, in the state column's format) is PressAdminMixin's.
    list_display = ["release", "state", "published", "event_short", "theme_list"]
    list_filter = [StateListFilter, "language", "event", "themes"]
    list_select_related = ["event"]
    search_fields = ["title", "lead", "body", "reference", "quotes__speaker__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["event"]
    readonly_fields = ["state", "author", "version", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "lead", "body", "expected_version"], "classes": ["nr-main"]},
        ),
        (
            _("Publication"),
            {"fields": ["state", "status", ("publish_at", "unpublish_at")]},
        ),
        (
            _("Dateline and context"),
            {"fields": [("dateline_city", "dateline_country"), "event", "themes"]},
        ),
        (
            _("Add photos to the gallery"),
            {
                "fields": [
                    "gallery_upload",
                    "gallery_upload_alt_text",
                    ("gallery_upload_credit", "gallery_upload_licence"),
                ]
            },
        ),
        (
            _("Language, reference and web address"),
            {"fields": [("language", "reference"), "slug"], "classes": ["collapse"]},
        ),
        (
            _("Record"),
            {
                "fields": [("author", "version"), ("created_at", "updated_at")],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def get_urls(self):
        return [
            path(
                "themes/suggest/",
                self.admin_site.admin_view(self.theme_suggest_view),
                name="articles_article_theme_suggest",
            ),
            *super().get_urls(),
        ]

    def theme_suggest_view(self, request):
        """Existing themes for the chips' autocomplete: names starting with the term first."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").replace("\x00", "").strip()[:100]
        return JsonResponse({"themes": theme_suggestions(term)})

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        # The rich-text editor's one inline script (an import map) is allowed
        # by its hash; the Content-Security-Policy stays free of unsafe-inline.
        if digest := inline_script_hashes(str(context.get("media", ""))):
            response._csp_update = {
                "script-src": digest,
                # The editor injects one fixed stylesheet (ProseMirror's base CSS).
                "style-src": [EDITOR_STYLE_HASH],
            }
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = services.user_can_publish(request.user)
        form.storage_error = self.storage_error
        return form

    def has_publish_permission(self, request):
        return services.user_can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return not locked_for_user(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not locked_for_user(request, obj) and super().has_delete_permission(request, obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version is publishing when either side of it is published."""
        from reversion.models import Version

        article = self.get_object(request, object_id)
        version = (
            Version.objects.get_for_object_reference(Article, object_id)
            .filter(pk=version_id)
            .first()
        )
        if article is None or version is None:
            # Not a version of this release (a quote's or a photo's, say):
            # reversion would restore whatever it belongs to.
            raise Http404(_("This release has no such version."))
        # A revision saved with other releases (an older import) would restore
        # them all: only the release in hand may change.
        releases = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(Article)
        )
        if releases.exclude(object_id=str(article.pk)).exists():
            raise PermissionDenied(
                _(
                    "This version was saved together with other releases (an import); "
                    "restoring it here would change them too. Import the release again instead."
                )
            )
        restores_published = version.field_dict.get("status") == Article.Status.PUBLISHED
        if article.locked_for(request.user) or (
            restores_published and not services.user_can_publish(request.user)
        ):
            raise PermissionDenied(_("Only Publishers can restore a version of a live release."))
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            # django-reversion words the restore its own way; the history uses ours.
            from reversion.models import Revision

            latest = Version.objects.get_for_object(article).first()
            entry = (
                LogEntry.objects.filter(
                    content_type=ContentType.objects.get_for_model(Article),
                    object_id=str(article.pk),
                )
                .order_by("-action_time", "-pk")
                .first()
            )
            if latest and entry:
                Revision.objects.filter(pk=latest.revision_id).update(
                    comment=entry.get_change_message()
                )
        return response

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted release comes back alone; a published one, by a Publisher only."""
        from reversion.models import Version

        version = Version.objects.get_deleted(Article).filter(pk=version_id).first()
        if version is None:
            raise Http404(_("No deleted release has this version."))
        published = version.field_dict.get("status") == Article.Status.PUBLISHED
        if published and not services.user_can_publish(request.user):
            raise PermissionDenied(_("Only Publishers can bring back a published release."))
        others = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(Article)
        ).exclude(object_id=version.object_id)
        if others.exists():
            raise PermissionDenied(
                _(
                    "This version was saved together with other releases; "
                    "it cannot be recovered alone."
                )
            )
        return super().recover_view(request, version_id, extra_context)

    def view_on_site(self, obj):
        return release_url(obj)

    @admin.display(description=_("State"), ordering="status")
    def state(self, obj):
        lifecycle = obj.lifecycle()
        label = lifecycle.label
        if lifecycle == Lifecycle.EMBARGOED and obj.publish_at:
            label = _("Embargoed until %(when)s") % {"when": local_time(obj.publish_at)}
        # The CSS classes (static/css/admin.css) are named after the states.
        return format_html('<span class="nr-state nr-state--{}">{}</span>', lifecycle.value, label)

    @admin.display(description=_("Press release"), ordering="title")
    def release(self, obj):
        """The title, with the dateline, reference number and language (or group's) under it."""
        languages = self.group_languages(obj)
        parts = (obj.dateline, obj.reference, "" if languages else obj.language.upper())
        meta = " · ".join(part for part in parts if part)
        if languages:
            meta = format_html("{}{}{}", meta, " · " if meta else "", languages)
        # A translation whose source changed since it was last confirmed says so here.
        meta = format_html("{}{}", meta, self.source_changed_marker(obj))
        return format_html('{}<span class="nr-list-meta">{}</span>', obj.title, meta)

    @admin.display(description=_("Event"), ordering="event__name")
    def event_short(self, obj):
        if obj.event is None:
            return "—"
        return format_html(
            '<span title="{}">{}</span>', obj.event.name, history.excerpt(obj.event.name, 30)
        )

    @admin.display(description=_("Themes"))
    def theme_list(self, obj):
        themes = by_name(obj.themes.all())
        shown = ", ".join(theme.name for theme in themes[:LIST_THEMES])
        if len(themes) > LIST_THEMES:
            more = len(themes) - LIST_THEMES
            return format_html(
                '{} <span class="nr-list-more" title="{}">+{}</span>',
                shown,
                ", ".join(theme.name for theme in themes),
                more,
            )
        return shown or "—"

    def save_model(self, request, obj, form, change):
        # A change is saved in save_related, once the inlines say whether
        # anything changed at all: a save that changes nothing leaves the
        # release, its version and its history as they were.
        if not change:
            services.article_save(article=obj, by=request.user)

    def _restored_from(self, request) -> str:
        """When the version being restored was saved, on a restore; "" otherwise."""
        from reversion.models import Version

        match = request.resolver_match
        if match is None or not match.url_name.endswith("_revision"):
            return ""
        version_id = match.kwargs.get("version_id") or match.args[-1]
        version = Version.objects.select_related("revision").get(pk=version_id)
        return local_time(version.revision.date_created)

    def construct_change_message(self, request, form, formsets, add=False):
        changes = history.changes_from_form(
            form, formsets, add=add, restored_from=self._restored_from(request)
        )
        return changes.sentence()

    def log_change(self, request, obj, message):
        # Nothing changed, nothing to tell (a restore always says so).
        if not message:
            return None
        return super().log_change(request, obj, message)

    def add_view(self, request, form_url="", extra_context=None):
        return self._storage_safe("add_view", request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._storage_safe("change_view", request, object_id, form_url, extra_context)

    def _storage_safe(self, view_name, request, *args):
        """
        A save whose photos cannot be stored (full disk, storage down) is rolled
        back with the files it already wrote, and the form comes back with the
        editor's input and a clear error instead of a server error: the view
        runs again on a copy of this admin whose form knows the error and
        refuses to save (``ArticleAdminForm.clean``).
        """
        try:
            with images.removed_on_error():
                return getattr(super(), view_name)(request, *args)
        except OSError as exc:
            again = copy.copy(self)
            again.storage_error = exc
            return getattr(super(ArticleAdmin, again), view_name)(request, *args)

    def save_formset(self, request, form, formset, change):
        if formset.model is GalleryImage:
            instances = formset.save(commit=False)
            for image in formset.deleted_objects:
                image.delete()
            for image in instances:
                image.save()
                images.record_write(image.image.storage, image.image.name)
            return formset.save_m2m()
        if formset.model is not ShareLink:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for link_form in formset.forms:
            # Forms this user may not change say they have not changed.
            if not link_form.has_changed():
                continue
            link = link_form.instance
            if link.pk is None:
                link = services.share_link_create(
                    article=form.instance,
                    note=link_form.cleaned_data.get("note", ""),
                    expires_at=link_form.cleaned_data["expires_at"],
                    by=request.user,
                )
                formset.new_objects.append(link)
                continue
            services.share_link_update(
                link=link, by=request.user, revoke=bool(link_form.cleaned_data.get("revoke"))
            )
            formset.changed_objects.append((link, link_form.changed_data))

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            restoring = bool(self._restored_from(request))
            if change and (
                restoring or form.has_changed() or any(fs.has_changed() for fs in formsets)
            ):
                services.article_save(article=form.instance, by=request.user)
            # Themes set again unchanged would still tell django-reversion
            # they changed (an m2m signal), and history would list a non-event.
            many = {f.name for f in Article._meta.many_to_many} | {"themes"}
            if not change or many & set(form.changed_data):
                form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            article = form.instance
            uploads = form.cleaned_data.get("gallery_upload") or []
            added = set()
            for upload in uploads:
                image = services.gallery_image_create(
                    article=article,
                    file=upload,
                    alt_text=form.cleaned_data["gallery_upload_alt_text"].strip(),
                    credit=form.cleaned_data.get("gallery_upload_credit", ""),
                    licence=form.cleaned_data.get("gallery_upload_licence", ""),
                )
                added.add(image.pk)
            # Rows added or whose file was replaced get renditions of their
            # picture, made by the worker after the commit (articles.tasks).
            replaced = {
                row.instance.pk
                for formset in formsets
                if formset.model is GalleryImage
                for row in formset.forms
                if row.instance.pk and "image" in row.changed_data
            }
            # A translation's photos are its source's files: the source's renditions.
            remade = article.images.none() if article.source_id else article.images
            for image in remade.exclude(pk__in=added):
                if image.pk in replaced or not image.has_renditions:
                    services.gallery_image_renditions_enqueue(
                        image=image, replaced=image.pk in replaced
                    )
            # The group's shared parts follow the source (articles.translations).
            group_sync(article)
        if uploads:
            messages.success(
                request,
                ngettext(
                    "%d photo added; its renditions are being made.",
                    "%d photos added; their renditions are being made.",
                    len(uploads),
                )
                % len(uploads),
            )

    @admin.action(description=_("Publish selected releases"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        try:
            report = services.articles_publish(articles=queryset, by=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        for _article, reason in report.refused:
            self.message_user(request, reason, messages.ERROR)
        for article in report.published:
            words = history.publication_words(article)
            self.log_change(request, article, history.ReleaseChanges(publication=words).sentence())
            # Times set before publishing (by an Editor, before they could not)
            # are kept, but never without the Publisher seeing them.
            if note := _timing_note(article):
                self.message_user(request, note, messages.WARNING)
        count = len(report.published)
        if count or not report.refused:
            self.message_user(
                request,
                ngettext("%d release published.", "%d releases published.", count) % count,
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish selected releases"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._change_status(
            request,
            queryset,
            services.articles_unpublish,
            lambda n: ngettext("%d release unpublished.", "%d releases unpublished.", n) % n,
        )

    def _change_status(self, request, queryset, change, done_message):
        live = [article for article in queryset if article.status == Article.Status.PUBLISHED]
        try:
            count = change(articles=queryset, by=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        for article in live:
            article.refresh_from_db()
            changes = history.ReleaseChanges(
                publication=history.publication_words(article, Article.Status.PUBLISHED),
                links_revoked=history.links_stopped_by_withdrawal(article),
            )
            self.log_change(request, article, changes.sentence())
        self.message_user(request, done_message(count), messages.SUCCESS)
