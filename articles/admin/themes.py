from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Case, Count, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from articles import services
from articles.admin.parts import PublishedPartMixin
from articles.admin_lists import CheckedListMixin
from articles.models import (
    Theme,
    ThemeNames,
    by_name,
    clean_theme_names,
    other_languages,
    theme_name_clashes,
)

admin.site.unregister(Tag)


class ThemeMergeForm(forms.Form):
    into = forms.CharField(
        label=_("Merge into the theme named"),
        max_length=100,
        help_text=_("One of the selected themes, or a new name."),
    )


def name_field(language: str) -> str:
    return f"name_{language}"


class ThemeForm(forms.ModelForm):
    """
    A theme with its name in each of the site's other languages (one field a
    language; blank: readers of that language see the theme's name).
    """

    class Meta:
        model = Theme
        fields = ["name", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = {}
        if self.instance.pk:
            row = ThemeNames.objects.filter(theme_id=self.instance.pk).first()
            names = row.names if row else {}
        labels = dict(settings.LANGUAGES)
        default = labels.get(settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)
        for language in other_languages():
            self.fields[name_field(language)] = forms.CharField(
                label=_("Name in %(language)s") % {"language": labels[language]},
                max_length=Theme._meta.get_field("name").max_length,
                required=False,
                initial=names.get(language, ""),
                help_text=_("Blank: the name above (in %(default)s) is shown.")
                % {"default": default},
            )

    def clean(self):
        cleaned = super().clean()
        names = clean_theme_names(
            {language: cleaned.get(name_field(language)) for language in other_languages()}
        )
        labels = dict(settings.LANGUAGES)
        for language, other in theme_name_clashes(names, theme=self.instance).items():
            self.add_error(
                name_field(language),
                _("The theme “%(other)s” is already called “%(name)s” in %(language)s.")
                % {"other": other.name, "name": names[language], "language": labels[language]},
            )
        self.translated_names = names
        return cleaned


@admin.register(Theme)
class ThemeAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    form = ThemeForm
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

    def get_fieldsets(self, request, obj=None):
        names = [name_field(language) for language in other_languages()]
        return [
            (None, {"fields": ["name", "slug"]}),
            (_("Names in other languages"), {"fields": names}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The names in other languages are the form's own fields, not the model's.
        kwargs["fields"] = ThemeForm.Meta.fields
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.theme_names_set(theme=obj, names=form.translated_names)

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


def theme_suggestions(term: str, limit: int = 10) -> list[str]:
    """
    Existing theme names for the release form's chips, matched case-aside:
    those starting with ``term`` first, then those containing it, the most
    used first; with no term, the most used.
    """
    themes = Theme.objects.annotate(uses=Count("articles_articletheme_items"))
    if term:
        themes = themes.filter(name__icontains=term).annotate(
            starts=Case(When(name__istartswith=term, then=0), default=1)
        )
        themes = themes.order_by("starts", "-uses", "name")
    else:
        themes = themes.order_by("-uses", "name")
    return list(themes.values_list("name", flat=True)[:limit])
