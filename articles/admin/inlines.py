"""The release's inlines: quotes, gallery photos and share links."""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.admin.formatting import local_time
from articles.admin.forms import GalleryImageForm, ShareLinkForm, ShareLinkFormSet
from articles.admin.translations import SHARED_PHOTO_FIELDS, is_translation
from articles.models import (
    Article,
    GalleryImage,
    Quote,
    ShareLink,
)


def locked_for_user(request, obj: Article | None) -> bool:
    """The release is read-only for this user; an add view has no release to lock."""
    return obj is not None and obj.locked_for(request.user)


def release_url(article: Article, anchor: str = "") -> str:
    """
    Where "View on site" goes: the public page of a public release, the staff
    preview of any other, at ``anchor`` (a quote's or photo's place on the page).
    """
    if article.is_public():
        url = article.get_absolute_url()
    else:
        url = reverse("articles:preview", kwargs={"slug": article.slug})
    return f"{url}#{anchor}" if anchor else url


class ParentRightsMixin:
    """The inlines of a published release are read-only for Editors, like the release."""

    def has_add_permission(self, request, obj=None):
        return not locked_for_user(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not locked_for_user(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not locked_for_user(request, obj) and super().has_delete_permission(request, obj)


class CardsInline(admin.StackedInline):
    """
    An inline shown as cards (templates/admin/articles/article/edit_inline/cards.html),
    reordered by dragging or by keyboard (static/js/admin-reorder.js), which
    renumbers the position fields; without JavaScript those fields are shown.
    """

    template = "admin/articles/article/edit_inline/cards.html"
    # For the cards' CSS: "photos" lay out as a grid, "quotes" as wider cards.
    card_style = ""


class QuoteInline(ParentRightsMixin, CardsInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "context", "text", "position"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}
    card_style = "quotes"

    def get_queryset(self, request):
        # Each card links to its release and names its speaker: read with the rows.
        return super().get_queryset(request).select_related("article", "speaker")

    def view_on_site(self, obj):
        return release_url(obj.article, f"quote-{obj.pk}")


class GalleryImageInline(ParentRightsMixin, CardsInline):
    model = GalleryImage
    form = GalleryImageForm
    extra = 0
    fieldsets = [
        (None, {"fields": ["thumbnail", "alt_text", "caption", "credit", "licence", "position"]}),
        (
            _("File and metadata"),
            {"fields": ["image", "keep_metadata"], "classes": ["collapse"]},
        ),
    ]
    readonly_fields = ["thumbnail"]
    card_style = "photos"
    verbose_name = _("photo")
    verbose_name_plural = _("gallery")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    # A translation's photos are its source's (articles.translations): its
    # own are the captions and alt texts; files, order and credits are the source's.
    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, *SHARED_PHOTO_FIELDS] if is_translation(obj) else fields

    def has_add_permission(self, request, obj=None):
        return not is_translation(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_translation(obj) and super().has_delete_permission(request, obj)

    def view_on_site(self, obj):
        return release_url(obj.article, f"image-{obj.pk}")

    @admin.display(description=_("Preview"))
    def thumbnail(self, obj):
        if obj.pk and obj.thumbnail_url:
            return format_html(
                '<img src="{}" alt="" width="240" class="nr-admin-thumb">', obj.thumbnail_url
            )
        if obj.pk:
            # The worker has not made its renditions yet (articles.tasks).
            return format_html(
                '<span class="nr-admin-thumb nr-admin-thumb--pending">{}</span>',
                _("Being prepared…"),
            )
        return "—"


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
                "when": local_time(obj.revoked_at)
            }
        if obj.revoked_at:
            return _("Revoked %(when)s") % {"when": local_time(obj.revoked_at)}
        if not obj.is_active():
            return _("Expired")
        return _("Active until %(when)s") % {"when": local_time(obj.expires_at)}

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
