from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models import Theme, by_name


class PreferencesForm(forms.Form):
    """Themes (or everything) and languages: what a subscriber chooses, and changes later."""

    all_themes = forms.BooleanField(
        label=_("Every press release, whatever its theme"), required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Or only these themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("In these languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.with_public_releases().select_related(
            "translated_names"
        )

    @cached_property
    def theme_choices(self) -> list:
        """The themes to choose from, by their names in the reader's language."""
        return by_name(self.fields["themes"].queryset)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_themes") and not cleaned.get("themes"):
            raise forms.ValidationError(
                _("Choose at least one theme, or every press release."), code="no_themes"
            )
        return cleaned


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A field people never see (hidden by the style sheet) and bots fill in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email", "all_themes", "themes", "languages", "website"]

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
