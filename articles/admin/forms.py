"""The release form and the forms of its inlines."""

import re

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from articles import images
from articles.html import BODY_EXTENSIONS, sanitize_body
from articles.models import LEAD_MAX_LENGTH, Article, GalleryImage, ShareLink


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleImageInput

    def has_changed(self, initial, data):
        # An empty picker (no files chosen) is no change.
        return bool(data)

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


class BodyField(ProseEditorFormField):
    """
    The rich-text body. The editor writes the same text in its own way (spacing
    between tags, entities); it has changed only if it differs once both sides
    are sanitised and that spacing is set aside, so history does not report a
    body nobody touched.
    """

    @staticmethod
    def _comparable(html) -> str:
        return re.sub(r">\s+<", "><", sanitize_body(html or "")).strip()

    def has_changed(self, initial, data):
        return self._comparable(initial) != self._comparable(data)


class ArticleAdminForm(forms.ModelForm):
    body = BodyField(
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
        self._equip_widgets()

    def _equip_widgets(self):
        """Attributes the admin's modules (static/js/admin-*.js) work from."""
        fields = self.fields
        if "title" in fields:
            fields["title"].widget.attrs.update({"class": "vTextField nr-title-input"})
        if "lead" in fields:
            fields["lead"].widget.attrs.update({"rows": 3, "data-nr-limit": LEAD_MAX_LENGTH})
        if "themes" in fields:
            fields["themes"].help_text = _(
                "Separated by commas. Existing themes are suggested as you type, in their "
                "spelling; a new name makes a new theme."
            )
            fields["themes"].widget.attrs.update(
                {
                    "data-nr-suggest-url": reverse("admin:articles_article_theme_suggest"),
                    "data-nr-remove-label": _("Remove theme"),
                    "data-nr-new-label": _("new theme"),
                    "data-nr-placeholder": _("Type a theme, then Enter or a comma"),
                }
            )

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
