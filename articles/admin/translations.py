"""
Translations in the release admin (articles.translations does the work).

On a release's change form: the group's languages, each with its state and a
link, and "Add translation" for a language the group lacks. On a
translation's form: what the group shares (event, dateline, themes, the
photos' files, order and credits) read-only, edited on the source; its times
following the source's while "released with the source" is ticked; and,
once the source's text changed, a banner with what changed and "Mark as up
to date". In the list: a filter on "source changed" and each release's
languages.
"""

from __future__ import annotations

import json

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.admin.formatting import local_time
from articles.models import Article
from articles.translations import group, tracking
from articles.translations.shared import translation_create

# The release form's fields a translation takes from its source, read-only there.
SHARED_FORM_FIELDS = ["event", "dateline_city", "dateline_country", "themes", "lead_image"]
# A shared photo's fields (articles.translations.shared.PHOTO_FIELDS); caption and alt text stay.
SHARED_PHOTO_FIELDS = ["image", "credit", "licence", "keep_metadata", "position"]
TIMES = ["publish_at", "unpublish_at"]
# The form fields that add photos, which a translation takes from its source.
UPLOAD_FIELDS = [
    "gallery_upload",
    "gallery_upload_alt_text",
    "gallery_upload_credit",
    "gallery_upload_licence",
]
# Unchanged text longer than this (in words) is shortened in the diff, around the changes.
DIFF_CONTEXT_WORDS = 25

# The fields the list reads of each release's group.
_LISTED = ["pk", "language", "source_id", "source_changed_at"]


def is_translation(article: Article | None) -> bool:
    return article is not None and article.source_id is not None


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def shared_note(article: Article) -> str:
    """The note on a translation's shared parts, with a link to its source's form."""
    url = reverse("admin:articles_article_change", args=[quote(article.source_id)])
    return format_html(
        '<span class="nr-shared-note">{} <a href="{}">{}</a></span>',
        gettext("Shared with the source — edit them there."),
        url,
        gettext("Open the source"),
    )


def with_group_languages(queryset):
    """
    The list's releases with what its rows show of their groups (languages,
    "source changed"), in at most three queries whatever the page's length.
    """
    listed = Article.objects.only(*_LISTED).order_by()
    return queryset.prefetch_related(
        Prefetch("translations", queryset=listed, to_attr="listed_translations"),
        Prefetch(
            "source",
            queryset=Article.objects.only(*_LISTED)
            .order_by()
            .prefetch_related(
                Prefetch("translations", queryset=listed, to_attr="listed_translations")
            ),
        ),
    )


def listed_group(article: Article) -> list[Article]:
    """The group of a listed release (``with_group_languages``), by language."""
    root = article.source if article.source_id else article
    translations = getattr(root, "listed_translations", None)
    if translations is None:
        return group.by_language(group.members(article).only(*_LISTED))
    return group.by_language([root, *translations])


def shortened(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Long unchanged stretches of a diff cut down to the words around the changes."""
    result = []
    last = len(runs) - 1
    for index, (kind, text) in enumerate(runs):
        words = text.split(" ")
        if kind != "same" or len(words) <= 2 * DIFF_CONTEXT_WORDS:
            result.append((kind, text))
            continue
        head = " ".join(words[:DIFF_CONTEXT_WORDS]) if index > 0 else ""
        tail = " ".join(words[-DIFF_CONTEXT_WORDS:]) if index < last else ""
        result.append((kind, f"{head} … {tail}".strip()))
    return result


class TranslationListFilter(admin.SimpleListFilter):
    title = _("Translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("changed", _("Source changed")),
            ("current", _("Up to date")),
            ("none", _("Not a translation")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "changed":
                return queryset.filter(source__isnull=False, source_changed_at__isnull=False)
            case "current":
                return queryset.filter(source__isnull=False, source_changed_at__isnull=True)
            case "none":
                return queryset.filter(source__isnull=True)
        return None


class TranslationAddForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"))

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages


class TranslationFormMixin(forms.Form):
    """
    The release form of a release in a group: its language may not be another
    one's of the group; a translation adds no photos of its own (they are the
    source's) and its times are the source's while it is released with it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.instance
        self.group_languages = {}
        if article.pk:
            others = group.members(article).exclude(pk=article.pk)
            self.group_languages = dict(others.values_list("language", "title"))
        if article.source_id is None:
            return
        for name in UPLOAD_FIELDS:
            self.fields.pop(name, None)
        if all(name in self.fields for name in [*TIMES, "follows_source_times"]):
            self._times_from_source(article.source)

    def _times_from_source(self, source: Article):
        """
        Ticked, the times are the source's, shown and kept whatever is posted;
        unticked, they are the translation's own. (static/js/admin-translation.js
        unlocks them as the box is unticked; without it they unlock on saving.)
        """
        follows_field = self.fields["follows_source_times"]
        if self.is_bound:
            name = self.add_prefix("follows_source_times")
            follows = follows_field.widget.value_from_datadict(self.data, self.files, name)
        else:
            follows = self.instance.follows_source_times
        shown = {}
        for name in TIMES:
            field = self.fields[name]
            omitted = field.widget.value_omitted_from_data(
                self.data, self.files, self.add_prefix(name)
            )
            if follows:
                self.initial[name] = getattr(source, name)
                field.help_text = _("The source's time, while released with the source.")
            # A time left out of the post (locked when the form was shown) stays as it is.
            field.disabled = bool(follows or (self.is_bound and omitted))
            values = field.widget.decompress(getattr(source, name))
            for index, widget in enumerate(field.widget.widgets):
                shown[f"id_{self.add_prefix(name)}_{index}"] = widget.format_value(values[index])
        follows_field.widget.attrs.update(
            {"data-nr-source-times": json.dumps({k: v or "" for k, v in shown.items()})}
        )

    def clean_language(self):
        language = self.cleaned_data.get("language")
        if language in self.group_languages:
            raise ValidationError(
                _(
                    "This release already exists in %(language)s (“%(title)s”): choose a "
                    "language the group does not have yet."
                ),
                code="language_taken",
                params={
                    "language": language_name(language),
                    "title": self.group_languages[language],
                },
            )
        return language


class TranslationAdminMixin:
    """For the release admin: its translations' views, form, read-only parts and list."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/translations/add/",
                self.admin_site.admin_view(self.translation_add_view),
                name="{}_{}_translation_add".format(*info),
            ),
            path(
                "<path:object_id>/translations/confirm/",
                self.admin_site.admin_view(self.translation_confirm_view),
                name="{}_{}_translation_confirm".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return with_group_languages(super().get_queryset(request))

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationListFilter]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_translation(obj):
            fields += [name for name in SHARED_FORM_FIELDS if name not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not is_translation(obj):
            return fieldsets
        changed = []
        for name, options in fieldsets:
            fields = options["fields"]
            if "gallery_upload" in fields:
                continue  # A translation shows its source's photos.
            if "event" in fields:
                options = {**options, "description": shared_note(obj)}
            if "status" in fields:
                # The box first: it says whether the times below are the source's.
                at = fields.index("status") + 1
                fields = [*fields[:at], "follows_source_times", *fields[at:]]
                options = {**options, "fields": fields}
            changed.append((name, options))
        return changed

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type("TranslationArticleForm", (TranslationFormMixin, base), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context = {**(extra_context or {}), **self.translation_context(request, article)}
        return super().change_view(request, object_id, form_url, extra_context)

    def translation_context(self, request, article: Article) -> dict:
        """What the change form shows of the group: languages, states, the source's changes."""
        shown = ["pk", "title", "language", "status", "publish_at", "unpublish_at", *_LISTED]
        members = group.by_language(group.members(article).only(*shown).order_by())
        taken = {member.language for member in members}
        available = [(code, name) for code, name in settings.LANGUAGES if code not in taken]
        rows = [
            {
                "article": member,
                "language": language_name(member.language),
                "url": reverse("admin:articles_article_change", args=[quote(member.pk)]),
                "current": member.pk == article.pk,
                "is_source": member.source_id is None and len(members) > 1,
                "source_changed": member.source_changed_at is not None,
                "state": format_html(
                    "{}{}", self.state(member), self.source_changed_marker(member)
                ),
            }
            for member in members
        ]
        context = {
            "translation_group": rows,
            "translation_add_form": (
                TranslationAddForm(languages=available)
                if available and self.has_add_permission(request)
                else None
            ),
            "translation_add_url": reverse(
                "admin:articles_article_translation_add", args=[quote(article.pk)]
            ),
        }
        if is_translation(article) and article.source_changed_at:
            context["source_changes"] = [
                {"label": change.label, "runs": shortened(change.runs)}
                for change in tracking.pending_changes(article)
            ]
            context["source_changed_at"] = local_time(article.source_changed_at)
            context["source_url"] = reverse(
                "admin:articles_article_change", args=[quote(article.source_id)]
            )
            context["can_confirm"] = self.has_change_permission(request, article)
            context["translation_confirm_url"] = reverse(
                "admin:articles_article_translation_confirm", args=[quote(article.pk)]
            )
        return context

    def _change_url(self, article: Article) -> str:
        return reverse("admin:articles_article_change", args=[quote(article.pk)])

    def translation_add_view(self, request, object_id):
        """A draft translation of the release in the chosen language, then its form."""
        source = self.get_object(request, unquote(object_id))
        if source is None:
            raise Http404(_("No press release has this id."))
        if not self.has_add_permission(request) or not self.has_view_or_change_permission(
            request, source
        ):
            raise PermissionDenied
        taken = {member.language for member in group.members(source)}
        available = [(code, name) for code, name in settings.LANGUAGES if code not in taken]
        form = TranslationAddForm(request.POST or None, languages=available)
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Add a translation of “%(title)s”") % {"title": source.title},
                "source": source,
                "form": form,
                "available": available,
            }
            return TemplateResponse(
                request, "admin/articles/article/translations/add.html", context
            )
        if not form.is_valid():
            messages.error(request, _("Choose a language the release does not exist in yet."))
            return redirect(self._change_url(source))
        language = form.cleaned_data["language"]
        try:
            translation = self._create_translation(request, source, language)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self._change_url(source))
        messages.success(
            request,
            _(
                "The %(language)s translation was made as a draft from the source. Translate its "
                "title, lead, body, quotes and photo captions, then save."
            )
            % {"language": language_name(language)},
        )
        return redirect(self._change_url(translation))

    def _create_translation(self, request, source: Article, language: str) -> Article:
        """The draft and a line in the history of both releases."""
        with transaction.atomic():
            with reversion.create_revision():
                reversion.set_user(request.user)
                translation = translation_create(source=source, language=language, by=request.user)
                reversion.add_to_revision(translation)
                self.log_addition(
                    request,
                    translation,
                    gettext("Created as the %(language)s translation of “%(title)s”.")
                    % {"language": language_name(language), "title": translation.source.title},
                )
            root = translation.source
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.add_to_revision(root)
                self.log_change(
                    request,
                    root,
                    gettext("%(language)s translation added.")
                    % {"language": language_name(language)},
                )
        return translation

    def translation_confirm_view(self, request, object_id):
        """The translator has checked the translation against the source's text as it is now."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        translation = self.get_object(request, unquote(object_id))
        if translation is None or not is_translation(translation):
            raise Http404(_("No translation has this id."))
        if not self.has_change_permission(request, translation):
            raise PermissionDenied
        if translation.source_changed_at is None:
            messages.info(request, _("This translation was already up to date with its source."))
            return redirect(self._change_url(translation))
        changed_at = local_time(translation.source_changed_at)
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            tracking.translation_confirm(translation=translation)
            reversion.add_to_revision(translation)
            self.log_change(
                request,
                translation,
                gettext("Marked as up to date with the source (changed %(when)s).")
                % {"when": changed_at},
            )
        messages.success(request, _("The translation is marked as up to date with its source."))
        return redirect(self._change_url(translation))

    # The list

    @admin.display(description=_("Languages"))
    def group_languages(self, obj):
        members = listed_group(obj)
        if len(members) < 2:
            return ""
        return format_html(
            '<span class="nr-list-languages">{}</span>',
            format_html_join(
                " ",
                '<abbr title="{}"{}>{}</abbr>',
                (
                    (
                        language_name(member.language),
                        mark_safe(' class="nr-lang--current"') if member.pk == obj.pk else "",
                        member.language.upper(),
                    )
                    for member in members
                ),
            ),
        )

    def source_changed_marker(self, obj) -> str:
        if obj.source_id is None or obj.source_changed_at is None:
            return ""
        return format_html(
            '<span class="nr-source-changed" title="{}">{}</span>',
            gettext("The source changed on %(when)s") % {"when": local_time(obj.source_changed_at)},
            gettext("Source changed"),
        )
