import base64
import hashlib
import re

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_prose_editor.fields import ProseEditorFormField
from reversion.admin import VersionAdmin
from taggit.models import Tag

from articles import images, services
from articles.admin_lists import CheckedListMixin
from articles.html import BODY_EXTENSIONS, sanitize_body
from articles.models import (
    Article,
    ArticleTheme,
    Event,
    GalleryImage,
    Lifecycle,
    Quote,
    ShareLink,
    Speaker,
    Theme,
    by_name,
)

# A release's history holds its quotes, gallery and themes with it, so that
# restoring a version restores all of them.
reversion.register(Quote)
reversion.register(GalleryImage)
reversion.register(ArticleTheme)
reversion.register(Article, follow=["quotes", "images", "theme_links"])


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleImageInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        errors = []
        for upload in files:
            try:
                images.check_image(upload)
            except ValidationError as exc:
                errors.extend(f"{upload.name}: {message}" for message in exc.messages)
        if errors:
            raise ValidationError(errors)
        return list(files)


class ArticleAdminForm(forms.ModelForm):
    body = ProseEditorFormField(
        label=_("Body"),
        required=False,
        extensions=BODY_EXTENSIONS,
        sanitize=sanitize_body,
        widget=AdminTextareaWidget,
    )
    gallery_upload = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_("Select several JPEG, PNG or WebP files at once; they join the gallery."),
    )
    gallery_upload_alt_text = forms.CharField(
        label=_("Alt text for these photos"),
        required=False,
        max_length=300,
        help_text=_("Required with new photos; refine each one in the gallery below."),
    )
    gallery_upload_credit = forms.CharField(
        label=_("Credit for these photos"), required=False, max_length=255
    )
    gallery_upload_licence = forms.CharField(
        label=_("Licence for these photos"), required=False, max_length=255
    )
    # The version the editor started from: a save over a newer one is refused.
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title", "slug", "lead", "body", "dateline_city", "dateline_country", "status",
            "publish_at", "unpublish_at", "event", "themes", "language", "reference",
        ]  # fmt: skip

    # Set by ArticleAdmin.get_form for the request.
    can_publish = False
    storage_error = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            current = Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            self.fields["expected_version"].initial = current.first()
        if not self.can_publish and "status" in self.fields:
            published = self.instance.pk and self.instance.status == Article.Status.PUBLISHED
            if not published:
                self.fields["status"].choices = [
                    c for c in self.fields["status"].choices if c[0] != Article.Status.PUBLISHED
                ]

    def clean(self):
        cleaned = super().clean()
        if self.storage_error is not None:
            raise ValidationError(
                _(
                    "The photos could not be stored (%(reason)s). Nothing was saved; save "
                    "again once storage is available."
                )
                % {"reason": self.storage_error.strerror or self.storage_error},
                code="storage",
            )
        if self.instance.pk:
            self._check_edit_conflict(cleaned)
        if cleaned.get("gallery_upload") and not cleaned.get("gallery_upload_alt_text", "").strip():
            self.add_error(
                "gallery_upload_alt_text", _("Describe the new photos: alt text is required.")
            )
        if not self.can_publish:
            self._check_editor_limits(cleaned)
        return cleaned

    def _check_edit_conflict(self, cleaned):
        # The admin runs this inside its transaction; the row lock holds a
        # concurrent save back until this one is decided.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        expected = cleaned.get("expected_version")
        if current is None or expected == current:
            return
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Article),
                object_id=str(self.instance.pk),
            )
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        who = entry.user.get_username() if entry and entry.user else _("someone else")
        when = (
            timezone.localtime(entry.action_time).strftime("%d %b %Y %H:%M")
            if entry
            else _("a moment ago")
        )
        # The form keeps this editor's input; saving again, after a look at
        # the other version, is a deliberate overwrite.
        self.data = self.data.copy()
        self.data[self.add_prefix("expected_version")] = current
        raise ValidationError(
            _(
                "%(who)s saved this release at %(when)s while you were editing it, so your "
                "changes were not saved. They are still in the form below. Open the release in "
                "another tab to see the other version; save again to replace it with yours."
            )
            % {"who": who, "when": when},
            code="edit_conflict",
        )

    def _check_editor_limits(self, cleaned):
        """Editors write and send for review; publishing and timing are for Publishers."""
        was_published = bool(self.instance.pk) and (
            Article.objects.filter(pk=self.instance.pk, status=Article.Status.PUBLISHED).exists()
        )
        if cleaned.get("status") == Article.Status.PUBLISHED and not was_published:
            raise ValidationError(_("Only Publishers can publish a release."))
        if not was_published and "unpublish_at" in self.changed_data:
            # Refused, not dropped: a value kept quietly would be published
            # by a Publisher who never decided it.
            self.add_error(
                "unpublish_at",
                _(
                    "Only Publishers decide when a release is withdrawn. Leave this as it was; "
                    "the Publisher sets it when publishing."
                ),
            )
        if was_published:
            for field in ("status", "publish_at", "unpublish_at"):
                if field in self.changed_data:
                    raise ValidationError(
                        _("Only Publishers can unpublish a live release or change its timing.")
                    )


class ReleaseFromTextForm(forms.Form):
    text = forms.CharField(
        label=_("Release text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "vLargeTextField"}),
        help_text=_("Paste the release as plain text, as copied from a page, e-mail or PDF."),
    )
    file = forms.FileField(
        label=_("…or a text file"), required=False, help_text=_("UTF-8 plain text, up to 1 MB.")
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to take it from the text."),
    )
    year = forms.IntegerField(
        label=_("Year of the event dates"),
        required=False,
        min_value=1900,
        max_value=2200,
        help_text=_("For date ranges written without a year, such as “11–13 June”."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > 1_000_000:
                raise ValidationError(_("The file is larger than 1 MB."))
            raw = upload.read()
            if b"\0" in raw[:4096]:
                raise ValidationError(_("The file is not plain text."))
            cleaned["text"] = raw.decode("utf-8", errors="replace")
        if not (cleaned.get("text") or "").strip():
            raise ValidationError(_("Paste the text of a release or choose a text file."))
        return cleaned


def _locked(request, obj: Article | None) -> bool:
    """The release is read-only for this user; an add view has no release to lock."""
    return obj is not None and obj.locked_for(request.user)


class ParentRightsMixin:
    """The inlines of a published release are read-only for Editors, like the release."""

    def has_add_permission(self, request, obj=None):
        return not _locked(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _locked(request, obj) and super().has_delete_permission(request, obj)


class QuoteInline(ParentRightsMixin, admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [("speaker", "position"), "text", "context"]


class GalleryImageForm(forms.ModelForm):
    class Meta:
        model = GalleryImage
        fields = ["image", "alt_text", "caption", "credit", "licence", "keep_metadata", "position"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 2})}

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            images.check_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("image")
        if upload and "image" in self.changed_data and not cleaned.get("keep_metadata"):
            cleaned["image"] = images.strip_metadata(upload)
        return cleaned


class GalleryImageInline(ParentRightsMixin, admin.TabularInline):
    model = GalleryImage
    form = GalleryImageForm
    extra = 0
    fields = [
        "thumbnail", "image", "alt_text", "caption", "credit", "licence", "keep_metadata",
        "position",
    ]  # fmt: skip
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("Preview"))
    def thumbnail(self, obj):
        if obj.pk and obj.thumbnail_url:
            return format_html(
                '<img src="{}" alt="" width="120" class="nr-admin-thumb">', obj.thumbnail_url
            )
        if obj.pk:
            # The worker has not made its renditions yet (articles.tasks).
            return format_html(
                '<span class="nr-admin-thumb nr-admin-thumb--pending">{}</span>',
                _("Being prepared…"),
            )
        return "—"


class ShareLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(label=_("Revoke"), required=False)

    class Meta:
        model = ShareLink
        fields = ["note", "expires_at"]

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        if "expires_at" in self.changed_data and expires_at <= timezone.now():
            raise ValidationError(_("The expiry time must be in the future."))
        return expires_at


class ShareLinkFormSet(forms.BaseInlineFormSet):
    # Set by ShareLinkInline.get_formset for the request.
    can_add = True

    def clean(self):
        super().clean()
        # The admin quietly ignores new rows from those who may not add them;
        # a link to an unpublished release is refused outright instead.
        if not self.can_add and any(form.changed_data for form in self.extra_forms):
            raise PermissionDenied(_("Only Publishers can share a release before it is public."))


class ShareLinkInline(admin.TabularInline):
    """
    Handing a release out before it is public is publishing it to a few: a
    Publisher's decision. Editors see the links, read-only.
    """

    model = ShareLink
    form = ShareLinkForm
    formset = ShareLinkFormSet
    extra = 0
    can_delete = False
    fields = ["note", "expires_at", "link", "state", "created_by", "created_at", "revoke"]
    readonly_fields = ["link", "state", "created_by", "created_at"]
    verbose_name = _("share link for journalists")
    verbose_name_plural = _(
        "Share links for journalists (read the release before it is public; noindex)"
    )

    @admin.display(description=_("Link"))
    def link(self, obj):
        if not obj.pk:
            return _("Made when you save")
        url = self.request_absolute(obj.get_absolute_url())
        return format_html(
            '<input type="text" readonly value="{}" size="40" class="vTextField">', url
        )

    @admin.display(description=_("State"))
    def state(self, obj):
        if not obj.pk:
            return "—"
        if obj.revoked_at and obj.revoked_on_withdrawal:
            return _("Revoked %(when)s, when the release was withdrawn") % {
                "when": _local(obj.revoked_at)
            }
        if obj.revoked_at:
            return _("Revoked %(when)s") % {"when": _local(obj.revoked_at)}
        if not obj.is_active():
            return _("Expired")
        return _("Active until %(when)s") % {"when": _local(obj.expires_at)}

    def has_add_permission(self, request, obj=None):
        return services.user_can_publish(request.user) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return services.user_can_publish(request.user) and super().has_change_permission(
            request, obj
        )

    def get_formset(self, request, obj=None, **kwargs):
        self.request_absolute = request.build_absolute_uri
        formset = super().get_formset(request, obj, **kwargs)
        formset.can_add = self.has_add_permission(request, obj)
        return formset


# The hash of the <style> that django-prose-editor 0.28's bundled editor
# injects; the admin browser test fails if an upgrade changes it.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


def _sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def _inline_script_hashes(html: str) -> list[str]:
    pattern = r"<script type=\"importmap\"[^>]*>(.*?)</script>"
    return [_sha256_source(body) for body in re.findall(pattern, html, re.S)]


def _local(moment):
    return timezone.localtime(moment).strftime("%d %b %Y %H:%M")


def _timing_note(article: Article) -> str:
    """The times a release just published carries from before: an embargo, a withdrawal."""
    when = {"title": article.title}
    if article.lifecycle() == Lifecycle.EMBARGOED:
        when["embargo"] = _local(article.publish_at)
    if article.unpublish_at:
        when["withdrawal"] = _local(article.unpublish_at)
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
class ArticleAdmin(CheckedListMixin, VersionAdmin):
    form = ArticleAdminForm
    inlines = [QuoteInline, GalleryImageInline, ShareLinkInline]
    history_latest_first = True

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = ["title", "state", "publish_at", "event", "theme_list", "language"]
    list_filter = [StateListFilter, "language", "event", "themes"]
    list_select_related = ["event"]
    search_fields = ["title", "lead", "body", "reference", "quotes__speaker__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["event"]
    readonly_fields = ["state", "author", "version", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "expected_version"]}),
        (_("Dateline"), {"fields": [("dateline_city", "dateline_country")]}),
        (_("Publication"), {"fields": ["state", "status", ("publish_at", "unpublish_at")]}),
        (_("Context"), {"fields": ["event", "themes", "language", "reference"]}),
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
            _("Record"),
            {
                "fields": [("author", "version"), ("created_at", "updated_at")],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        # The rich-text editor's one inline script (an import map) is allowed
        # by its hash; the Content-Security-Policy stays free of unsafe-inline.
        if digest := _inline_script_hashes(str(context.get("media", ""))):
            response._csp_update = {
                "script-src": digest,
                # The editor injects one fixed stylesheet (ProseMirror's base CSS).
                "style-src": [EDITOR_STYLE_HASH],
            }
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = services.user_can_publish(request.user)
        form.storage_error = getattr(request, "newsroom_storage_error", None)
        return form

    def has_publish_permission(self, request):
        return services.user_can_publish(request.user)

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "from-text/",
                self.admin_site.admin_view(self.from_text_view),
                name="articles_article_from_text",
            ),
            *super().get_urls(),
        ]

    def from_text_view(self, request):
        """New release from text: the plain-text parser makes a draft to review."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ReleaseFromTextForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = services.article_create_from_text(
                    text=form.cleaned_data["text"],
                    title=form.cleaned_data.get("title") or None,
                    year=form.cleaned_data.get("year"),
                    author=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if report.article is not None:
                    self.log_addition(request, report.article, _("Created from text."))
                    self.message_user(
                        request,
                        _("Draft created from the text. Review every part before sending it on."),
                        messages.SUCCESS,
                    )
                    for line in report.lines()[:30]:
                        level = messages.WARNING if line.startswith("Could not") else messages.INFO
                        self.message_user(request, line, level)
                    return redirect("admin:articles_article_change", report.article.pk)
                form.add_error(None, _("No release could be made from this text."))
        return TemplateResponse(
            request,
            "admin/articles/article/from_text.html",
            {
                **self.admin_site.each_context(request),
                "title": _("New release from text"),
                "opts": self.model._meta,
                "form": form,
            },
        )

    def has_change_permission(self, request, obj=None):
        return not _locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _locked(request, obj) and super().has_delete_permission(request, obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version is publishing when either side of it is published."""
        from reversion.models import Version

        article = self.get_object(request, object_id)
        version = Version.objects.filter(pk=version_id, object_id=object_id).first()
        if article is None or version is None:
            return super().revision_view(request, object_id, version_id, extra_context)
        restores_published = version.field_dict.get("status") == Article.Status.PUBLISHED
        if article.locked_for(request.user) or (
            restores_published and not services.user_can_publish(request.user)
        ):
            raise PermissionDenied(_("Only Publishers can restore a version of a live release."))
        request.newsroom_current_version = article.version
        return super().revision_view(request, object_id, version_id, extra_context)

    def view_on_site(self, obj):
        if obj.is_public():
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"slug": obj.slug})

    @admin.display(description=_("State"), ordering="status")
    def state(self, obj):
        lifecycle = obj.lifecycle()
        label = lifecycle.label
        if lifecycle == Lifecycle.EMBARGOED and obj.publish_at:
            label = _("Embargoed until %(when)s") % {"when": _local(obj.publish_at)}
        # The CSS classes (static/css/admin.css) are named after the states.
        return format_html('<span class="nr-state nr-state--{}">{}</span>', lifecycle.value, label)

    @admin.display(description=_("Themes"))
    def theme_list(self, obj):
        return format_html_join(", ", "{}", ((t.name,) for t in obj.themes.all()))

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        if change:
            current = Article.objects.filter(pk=obj.pk).values_list("version", flat=True).first()
            # A restored version carries its old number; numbering only moves on.
            obj.version = max(current or 0, getattr(request, "newsroom_current_version", 0)) + 1
        super().save_model(request, obj, form, change)
        withdrawn = form.initial.get("status") == Article.Status.PUBLISHED
        if change and withdrawn and obj.status != Article.Status.PUBLISHED:
            # Unpublished through the form: as services.article_unpublish does.
            services.share_links_revoke_on_withdrawal(article=obj)

    def add_view(self, request, form_url="", extra_context=None):
        return self._storage_safe(super().add_view, request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._storage_safe(super().change_view, request, object_id, form_url, extra_context)

    def _storage_safe(self, view, request, *args):
        """
        A save whose photos cannot be stored (full disk, storage down) is rolled
        back with the files it already wrote, and the form comes back with the
        editor's input and a clear error instead of a server error.
        """
        try:
            with images.removed_on_error():
                return view(request, *args)
        except OSError as exc:
            request.newsroom_storage_error = exc
            return view(request, *args)

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
        for link_form in formset.forms:
            # Forms this user may not change say they have not changed.
            if not link_form.has_changed():
                continue
            link = link_form.instance
            if link_form.cleaned_data.get("revoke") and link.revoked_at is None:
                link.revoked_at = timezone.now()
            if link.pk is None:
                link.created_by = request.user
            link.article = form.instance
            link.save()
        formset.new_objects = formset.changed_objects = formset.deleted_objects = []

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
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
            for image in article.images.exclude(pk__in=added):
                if image.pk in replaced or not image.has_renditions:
                    services.gallery_image_renditions_enqueue(
                        image=image, replaced=image.pk in replaced
                    )
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
            self.log_change(request, article, [{"changed": {"fields": ["Status"]}}])
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
        try:
            count = change(articles=queryset, by=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        for article in queryset:
            self.log_change(request, article, [{"changed": {"fields": ["Status"]}}])
        self.message_user(request, done_message(count), messages.SUCCESS)


class PublishedPartMixin:
    """
    A speaker, event or theme shown on a published release (live, embargoed
    or expired) is part of that release: renaming, merging or deleting it
    changes published pages, so it is for Publishers only, as changing the
    release is (``Article.locked_for``). Editors still add new ones and
    change those that only drafts and releases in review use.
    """

    # The lookup from a release to this model.
    release_lookup: str

    def used_by_published(self, objs) -> set:
        """The primary keys of those of ``objs`` that appear on a published release."""
        return set(
            Article.objects.filter(
                status=Article.Status.PUBLISHED,
                **{f"{self.release_lookup}__in": [obj.pk for obj in objs]},
            ).values_list(self.release_lookup, flat=True)
        )

    def locked_for(self, request, objs) -> set:
        """Those of ``objs`` this user may not change: none for Publishers."""
        if services.user_can_publish(request.user):
            return set()
        return self.used_by_published(objs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and self.locked_for(request, [obj])
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (
            obj is not None and self.locked_for(request, [obj])
        )


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "slug", "role", "organisation", "country", "photo", "bio"]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and "photo" in self.changed_data:
            images.check_image(photo)
            # Portraits lose location and camera details like gallery photos.
            photo = images.strip_metadata(photo)
        return photo


@admin.register(Speaker)
class SpeakerAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    release_lookup = "quotes__speaker"
    form = SpeakerForm
    list_display = ["name", "role", "organisation", "country"]
    search_fields = ["name", "role", "organisation"]
    list_filter = ["organisation", "country"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "photo" in form.changed_data or (obj.photo and not obj.photo_renditions):
            services.speaker_photo_renditions_enqueue(speaker=obj)


@admin.register(Event)
class EventAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    release_lookup = "event"
    # Django 6's default, chosen now: without it the form warns of the change.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "start_date", "end_date", "city", "country", "expected_participants"]
    search_fields = ["name", "city", "country", "venue"]
    list_filter = ["country"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["name"]}


admin.site.unregister(Tag)


class ThemeMergeForm(forms.Form):
    into = forms.CharField(
        label=_("Merge into the theme named"),
        max_length=100,
        help_text=_("One of the selected themes, or a new name."),
    )


@admin.register(Theme)
class ThemeAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    release_lookup = "theme_links__tag"
    list_display = ["name", "slug", "release_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_themes", "merge_case_duplicates"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(release_count=Count("articles_articletheme_items"))
        )

    @admin.display(description=_("Releases"), ordering="release_count")
    def release_count(self, obj):
        return obj.release_count

    def delete_queryset(self, request, queryset):
        services.themes_delete(themes=queryset)

    def delete_model(self, request, obj):
        services.themes_delete(themes=[obj])

    def refused_for_published(self, request, themes) -> bool:
        """Tell an Editor which of ``themes`` only a Publisher may merge, if any."""
        locked = self.locked_for(request, themes)
        if locked:
            names = ", ".join(f"“{t.name}”" for t in by_name(themes) if t.pk in locked)
            self.message_user(
                request,
                _(
                    "Only Publishers can merge themes of published releases, and these are: "
                    "%(names)s. Nothing was merged."
                )
                % {"names": names},
                messages.ERROR,
            )
        return bool(locked)

    @admin.action(description=_("Merge selected themes into one…"), permissions=["change"])
    def merge_themes(self, request, queryset):
        themes = list(queryset.order_by("-release_count", "name"))
        if self.refused_for_published(request, themes):
            return None
        if "apply" in request.POST:
            form = ThemeMergeForm(request.POST)
            # An existing theme merged into is renamed if the case typed differs.
            into = form.data.get("into", "").strip()
            renamed = [t for t in Theme.objects.filter(name__iexact=into) if t.name != into]
            if self.refused_for_published(request, renamed):
                return None
            if form.is_valid():
                target = services.themes_merge(themes=themes, into=form.cleaned_data["into"])
                self.message_user(
                    request,
                    _("%(count)d themes merged into “%(name)s”.")
                    % {"count": len(themes), "name": target.name},
                    messages.SUCCESS,
                )
                return redirect(request.get_full_path())
        else:
            form = ThemeMergeForm(initial={"into": themes[0].name if themes else ""})
        return TemplateResponse(
            request,
            "admin/articles/theme/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Merge themes"),
                "opts": self.model._meta,
                "themes": themes,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(
        description=_("Merge themes that differ only in case (e.g. Cybercrime, cybercrime)"),
        permissions=["change"],
    )
    def merge_case_duplicates(self, request, queryset):
        if self.refused_for_published(request, _case_duplicates(queryset)):
            return
        merged = services.themes_merge_case_duplicates(themes=queryset)
        self.message_user(
            request,
            ngettext(
                "%d group of case duplicates merged.",
                "%d groups of case duplicates merged.",
                merged,
            )
            % merged,
            messages.SUCCESS if merged else messages.INFO,
        )


def _case_duplicates(themes) -> list[Theme]:
    """
    The themes ``services.themes_merge_case_duplicates`` would change for
    this selection: each group of two or more, duplicates outside the
    selection included, found as it finds them.
    """
    first_of_group = {}
    for theme in themes:
        first_of_group.setdefault(theme.name.casefold(), theme)
    found = []
    for theme in first_of_group.values():
        group = list(Theme.objects.filter(name__iexact=theme.name))
        if len(group) > 1:
            found += group
    return found
