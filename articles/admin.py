from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_prose_editor.fields import ProseEditorFormField

from articles import images, services
from articles.html import BODY_EXTENSIONS, sanitize_body
from articles.models import Article, Event, GalleryImage, Quote, Speaker


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

    class Meta:
        model = Article
        fields = [
            "title", "slug", "lead", "body", "dateline_city", "dateline_country", "status",
            "publish_at", "unpublish_at", "event", "themes", "language", "reference",
        ]  # fmt: skip

    # Set by ArticleAdmin.get_form for the request's user.
    can_publish = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.can_publish and "status" in self.fields:
            published = self.instance.pk and self.instance.status == Article.Status.PUBLISHED
            if not published:
                self.fields["status"].choices = [
                    c for c in self.fields["status"].choices if c[0] != Article.Status.PUBLISHED
                ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("gallery_upload") and not cleaned.get("gallery_upload_alt_text", "").strip():
            self.add_error(
                "gallery_upload_alt_text", _("Describe the new photos: alt text is required.")
            )
        if not self.can_publish:
            self._check_editor_limits(cleaned)
        return cleaned

    def _check_editor_limits(self, cleaned):
        """Editors write and send for review; publishing and timing are for Publishers."""
        was_published = bool(self.instance.pk) and (
            Article.objects.filter(pk=self.instance.pk, status=Article.Status.PUBLISHED).exists()
        )
        if cleaned.get("status") == Article.Status.PUBLISHED and not was_published:
            raise ValidationError(_("Only Publishers can publish a release."))
        if was_published:
            for field in ("status", "publish_at", "unpublish_at"):
                if field in self.changed_data:
                    raise ValidationError(
                        _("Only Publishers can unpublish a live release or change its timing.")
                    )


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [("speaker", "position"), "text", "context"]


class GalleryImageForm(forms.ModelForm):
    class Meta:
        model = GalleryImage
        fields = ["image", "alt_text", "caption", "credit", "licence", "position"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 2})}

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            images.check_image(upload)
        return upload


class GalleryImageInline(admin.TabularInline):
    model = GalleryImage
    form = GalleryImageForm
    extra = 0
    fields = ["thumbnail", "image", "alt_text", "caption", "credit", "licence", "position"]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("Preview"))
    def thumbnail(self, obj):
        if obj.pk and obj.thumbnail_url:
            return format_html(
                '<img src="{}" alt="" width="120" class="nr-admin-thumb">', obj.thumbnail_url
            )
        return "—"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [QuoteInline, GalleryImageInline]
    list_display = ["title", "state", "publish_at", "event", "theme_list", "language"]
    list_filter = ["status", "language", "event", "themes"]
    list_select_related = ["event"]
    search_fields = ["title", "lead", "body", "reference", "quotes__speaker__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["event"]
    readonly_fields = ["author", "version", "created_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Dateline"), {"fields": [("dateline_city", "dateline_country")]}),
        (_("Publication"), {"fields": ["status", ("publish_at", "unpublish_at")]}),
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = services.user_can_publish(request.user)
        return form

    def has_publish_permission(self, request):
        return services.user_can_publish(request.user)

    def view_on_site(self, obj):
        if obj.is_public():
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"slug": obj.slug})

    @admin.display(description=_("State"), ordering="status")
    def state(self, obj):
        now = timezone.now()
        if obj.status != Article.Status.PUBLISHED:
            label, css = obj.get_status_display(), obj.status
        elif obj.publish_at and obj.publish_at > now:
            when = timezone.localtime(obj.publish_at).strftime("%d %b %Y %H:%M")
            label, css = _("Embargoed until %(when)s") % {"when": when}, "embargoed"
        elif obj.unpublish_at and obj.unpublish_at <= now:
            label, css = _("Expired"), "expired"
        else:
            label, css = _("Live"), "live"
        return format_html('<span class="nr-state nr-state--{}">{}</span>', css, label)

    @admin.display(description=_("Themes"))
    def theme_list(self, obj):
        return format_html_join(", ", "{}", ((t.name,) for t in obj.themes.all()))

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            article = form.instance
            uploads = form.cleaned_data.get("gallery_upload") or []
            for upload in uploads:
                services.gallery_image_create(
                    article=article,
                    file=upload,
                    alt_text=form.cleaned_data["gallery_upload_alt_text"].strip(),
                    credit=form.cleaned_data.get("gallery_upload_credit", ""),
                    licence=form.cleaned_data.get("gallery_upload_licence", ""),
                )
            for image in article.images.all():
                services.gallery_image_renditions_make(image=image)
        if uploads:
            messages.success(
                request,
                ngettext(
                    "%d photo added to the gallery.",
                    "%d photos added to the gallery.",
                    len(uploads),
                )
                % len(uploads),
            )

    @admin.action(description=_("Publish selected releases"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        try:
            count = services.articles_publish(articles=queryset, by=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%d release published.", "%d releases published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected releases"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        try:
            count = services.articles_unpublish(articles=queryset, by=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%d release unpublished.", "%d releases unpublished.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "country"]
    search_fields = ["name", "role", "organisation"]
    list_filter = ["organisation", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "start_date", "end_date", "city", "country", "expected_participants"]
    search_fields = ["name", "city", "country", "venue"]
    list_filter = ["country"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["name"]}
