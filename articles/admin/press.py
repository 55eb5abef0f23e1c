"""
The press office's part of the admin: press contacts, notes to editors, and
on the release form its contacts (inline), lead photo, notes to editors and,
for a live release, whether a change is a public correction or a silent fix.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles import press
from articles.admin.formatting import local_time
from articles.admin.inlines import ParentRightsMixin
from articles.models import (
    Article,
    ArticleContact,
    Boilerplate,
    Contact,
    Correction,
    GalleryImage,
    Lifecycle,
)

# Fields of the release form that are not what readers see: changing only
# these is no correction.
NOT_CONTENT = {
    "expected_version",
    "gallery_upload",
    "gallery_upload_alt_text",
    "gallery_upload_credit",
    "gallery_upload_licence",
    "change_kind",
    "correction_note",
    "status",
    "publish_at",
    "unpublish_at",
}


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "phone", "email", "is_default", "position"]
    list_editable = ["is_default", "position"]
    list_filter = ["is_default", "organisation"]
    search_fields = ["name", "role", "organisation", "email"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        ("name", "slug"),
        ("role", "organisation"),
        ("phone", "email"),
        "languages",
        "photo",
        ("is_default", "position"),
    ]


@admin.register(Boilerplate)
class BoilerplateAdmin(admin.ModelAdmin):
    list_display = ["heading", "organisation", "language", "is_default"]
    list_filter = ["language", "is_default"]
    search_fields = ["organisation", "heading", "text"]
    fields = [("organisation", "language"), "heading", "text", "is_default"]


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """The corrections log, both kinds, as it was recorded: nothing here is edited."""

    list_display = ["article", "kind", "note", "made_at", "made_by"]
    list_filter = ["kind", "made_at"]
    list_select_related = ["article", "made_by"]
    search_fields = ["note", "article__title"]
    date_hierarchy = "made_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ArticleContactInline(ParentRightsMixin, admin.TabularInline):
    model = ArticleContact
    extra = 0
    autocomplete_fields = ["contact"]
    fields = ["contact", "position"]
    verbose_name = _("press contact")
    verbose_name_plural = _("press contacts (the default contacts when none are chosen)")


class PressFormMixin(forms.Form):
    """The release form's press-office fields."""

    change_kind = forms.ChoiceField(
        label=_("This change to a live release is"),
        choices=Correction.Kind.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("A correction is listed at the foot of the release and in the feeds."),
    )
    correction_note = forms.CharField(
        label=_("Correction note for readers"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
        help_text=_("One line, e.g. “Corrects the number of participants to 160.”"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "notes_to_editors" in self.fields:
            self.fields["notes_to_editors"].widget.attrs["rows"] = 4
        if "lead_image" in self.fields:
            photos = GalleryImage.objects.filter(article=self.instance.pk or 0)
            self.fields["lead_image"].queryset = photos
            self.fields["lead_image"].empty_label = _("The first photo")
        for name in ("publish_at", "unpublish_at"):
            # Entered to the minute, as they are kept (Article.save zeroes the seconds).
            widget = self.fields[name].widget if name in self.fields else None
            for part in getattr(widget, "widgets", ()):
                if isinstance(part, forms.TimeInput):
                    part.format = "%H:%M"
        if "boilerplate" in self.fields and not self.instance.pk:
            # The default notes in the new release's language.
            language = self.initial.get("language") or self.instance.language
            defaults = Boilerplate.objects.filter(is_default=True, language=language)
            default = defaults.order_by("organisation").first()
            self.fields["boilerplate"].initial = default.pk if default else None

    def was_live(self) -> bool:
        """Whether the release, as stored, is live: its changes are seen by readers."""
        if not self.instance.pk:
            return False
        stored = Article.objects.filter(pk=self.instance.pk).first()
        return stored is not None and stored.lifecycle() == Lifecycle.LIVE

    def content_changed(self) -> bool:
        return bool(set(self.changed_data) - NOT_CONTENT)

    newsroom_request = None

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("change_kind")
        if self.was_live() and (self.content_changed() or kind):
            if self.newsroom_request is not None:
                # A change made without a word is a silent fix: history keeps it too.
                note = cleaned.get("correction_note", "")
                self.newsroom_request.newsroom_change_kind = (kind or Correction.Kind.SILENT, note)
            if not kind and self.content_changed():
                self.add_error(
                    "change_kind",
                    _("Say whether this change is a correction for readers or a silent fix."),
                )
            elif (
                kind == Correction.Kind.CORRECTION
                and not cleaned.get("correction_note", "").strip()
            ):
                self.add_error(
                    "correction_note", _("A correction needs a one-line note for readers.")
                )
        return cleaned


class PressAdminMixin:
    """For the release admin: its press-office fields, inline and corrections log."""

    press_fieldset = (
        _("Press office"),
        {
            "fields": [
                "lead_image",
                "boilerplate",
                "notes_to_editors",
                "change_kind",
                "correction_note",
            ]
        },
    )

    @admin.display(description=_("Publish at"), ordering="publish_at")
    def published(self, obj):
        """The list's dates in one format, the state column's: "11 Jun 2024 09:00"."""
        return local_time(obj.publish_at) if obj.publish_at else "—"

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), self.press_fieldset]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "form" not in kwargs:
            # The form tells the request what kind of change it carries (response_change).
            attrs = {"newsroom_request": request}
            kwargs["form"] = type("PressArticleForm", (PressFormMixin, self.form), attrs)
        return super().get_form(request, obj, change=change, **kwargs)

    def response_change(self, request, obj):
        # The release and its inlines are saved: record what kind of change it was.
        if decided := getattr(request, "newsroom_change_kind", None):
            kind, note = decided
            press.article_correction_record(article=obj, kind=kind, note=note, by=request.user)
        return super().response_change(request, obj)
