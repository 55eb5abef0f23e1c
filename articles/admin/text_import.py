"""New release from text: paste or upload, review what the parser found, then save a draft.

Nothing is written until the editor confirms the review screen. The review
form is built from the parsed release, so it is built again from the same
text (carried in a hidden field) when the editor confirms: the parser is
deterministic, and what the editor changed comes from the posted fields.
"""

import difflib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from articles import services
from articles.models import Article, Event, Speaker
from articles.textimport import (
    MAX_TEXT_BYTES,
    TextTooLarge,
    body_paragraphs,
    check_size,
    decode_bytes,
    parse_release_text,
    themes,
)

#: How close a name must be to an existing speaker's to be offered as "did you mean".
NEAR_MATCH = 0.85
NEW = "new"


class ReleaseFromTextForm(forms.Form):
    text = forms.CharField(
        label=_("Release text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 24, "class": "text-import-source"}),
        help_text=_("Paste the release as plain text, as copied from a page, e-mail or PDF."),
    )
    file = forms.FileField(
        label=_("…or a text file"),
        required=False,
        help_text=format_lazy(
            _("Plain text in any common encoding, up to {size} KB."), size=MAX_TEXT_BYTES // 1024
        ),
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
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE[:2]
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_TEXT_BYTES:
                raise ValidationError(str(TextTooLarge(upload.size)))
            text = decode_bytes(upload.read())
            if text is None:
                raise ValidationError(_("The file is not plain text."))
            cleaned["text"] = text
        if self.has_error("text") and "text" not in cleaned:
            return cleaned  # a pasted text refused for what it holds has its own message
        if not (cleaned.get("text") or "").strip():
            raise ValidationError(_("Paste the text of a release or choose a text file."))
        try:
            check_size(cleaned["text"])
        except TextTooLarge as exc:
            raise ValidationError(str(exc)) from exc
        return cleaned


def _speaker_choices(name: str) -> tuple[list[tuple[str, str]], str | None, bool]:
    """Choices for one parsed speaker, the initial one, and whether a near match was found."""
    exact = Speaker.objects.filter(name__iexact=name).first()
    if exact is not None:
        label = _t("Existing speaker: %(name)s") % {"name": exact.name}
        return [(str(exact.pk), label), (NEW, _t("New speaker"))], str(exact.pk), False
    names = dict(Speaker.objects.values_list("name", "pk"))
    near = difflib.get_close_matches(name, list(names), n=3, cutoff=NEAR_MATCH)
    choices = [(str(names[n]), _t("Did you mean %(name)s?") % {"name": n}) for n in near]
    choices.append((NEW, _t("New speaker “%(name)s”") % {"name": name}))
    # A near match is a question for the editor: nothing is ticked for them.
    return choices, (None if near else NEW), bool(near)


class ReviewForm(forms.Form):
    """Every part of the parsed release, editable; built from the parse of ``source``."""

    source = forms.CharField(widget=forms.HiddenInput)
    given_title = forms.CharField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    language = forms.ChoiceField(widget=forms.HiddenInput, choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=255)
    dateline_city = forms.CharField(label=_("Dateline city"), max_length=100, required=False)
    dateline_country = forms.CharField(label=_("Dateline country"), max_length=100, required=False)
    lead = forms.CharField(
        label=_("Lead"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.CharField(
        label=_("Body"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paragraphs separated by a blank line; the quotes below are kept apart."),
    )

    def __init__(self, *args, parsed, known_themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.parsed = parsed
        self.speaker_rows = []
        for i, person in enumerate(parsed.speakers):
            choices, initial, near = _speaker_choices(person.name)
            self.fields[f"speaker_{i}_match"] = forms.ChoiceField(
                label=person.name,
                choices=choices,
                initial=initial,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the existing speaker or a new one.")},
            )
            self.fields[f"speaker_{i}_name"] = forms.CharField(
                label=_("Name"), max_length=200, initial=person.name
            )
            self.fields[f"speaker_{i}_role"] = forms.CharField(
                label=_("Role"), max_length=300, required=False, initial=person.role
            )
            self.speaker_rows.append((i, near))
        speaker_choices = [(str(i), p.name) for i, p in enumerate(parsed.speakers)]
        self.quote_rows = []
        for j, quote in enumerate(parsed.quotes):
            self.fields[f"quote_{j}_keep"] = forms.BooleanField(
                label=_("Keep this quote"), required=False, initial=True
            )
            self.fields[f"quote_{j}_speaker"] = forms.ChoiceField(
                label=_("Speaker"),
                choices=speaker_choices,
                initial=str(parsed.speakers.index(quote.speaker)),
            )
            self.fields[f"quote_{j}_text"] = forms.CharField(
                label=_("Quote"), widget=forms.Textarea(attrs={"rows": 4}), initial=quote.text
            )
            self.fields[f"quote_{j}_context"] = forms.CharField(
                label=_("Context"),
                max_length=255,
                required=False,
                initial=quote.context,
                help_text=_("Optional, e.g. “opening the conference”."),
            )
            self.quote_rows.append(j)
        self.event = parsed.events[0] if parsed.events else None
        self.existing_event = None
        if self.event is not None:
            self.existing_event = Event.objects.filter(
                start_date=self.event.start, end_date=self.event.end
            ).first()
            choices = [(NEW, _("A new event")), ("none", _("No event"))]
            if self.existing_event is not None:
                choices.insert(0, (str(self.existing_event.pk), self.existing_event.name))
            self.fields["event_choice"] = forms.ChoiceField(
                label=_("Event"),
                choices=choices,
                initial=choices[0][0],
                widget=forms.RadioSelect,
            )
            place = parsed.dateline_city or _t("Event")
            self.fields["event_name"] = forms.CharField(
                label=_("Name of a new event"),
                max_length=255,
                required=False,
                initial=f"{place} {self.event.start:%d %b %Y}",
            )
            self.fields["event_participants"] = forms.IntegerField(
                label=_("Expected participants"),
                required=False,
                min_value=0,
                initial=self.event.participants,
            )
        self.theme_reasons = themes.explain(parsed)
        self.fields["themes"] = forms.MultipleChoiceField(
            label=_("Themes"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(name, f"{name} — {reason}") for name, reason, _about in self.theme_reasons],
            initial=[name for name, _reason, about in self.theme_reasons if about],
        )

    def speakers(self):
        """(index, fields, near match) for the template."""
        return [
            (
                i,
                self[f"speaker_{i}_match"],
                self[f"speaker_{i}_name"],
                self[f"speaker_{i}_role"],
                near,
            )
            for i, near in self.speaker_rows
        ]

    def quotes(self):
        return [
            (
                j,
                self[f"quote_{j}_keep"],
                self[f"quote_{j}_speaker"],
                self[f"quote_{j}_text"],
                self[f"quote_{j}_context"],
            )
            for j in self.quote_rows
        ]

    def duplicates(self):
        """Releases with the same title or the same lead: the text may be in already."""
        title = self.parsed.title.strip()
        lead = self.parsed.lead.strip()
        if not title and not lead:
            return Article.objects.none()
        query = Q(title__iexact=title) if title else Q()
        if lead:
            query |= Q(lead=lead)
        return Article.objects.filter(query)[:5]


def _review_form(data, *, source, given_title, year, language):
    known_themes = list(Tag.objects.values_list("name", flat=True))
    parsed = parse_release_text(
        source, title=given_title or None, known_themes=known_themes, year=year
    )
    initial = {
        "source": source,
        "given_title": given_title or "",
        "year": year,
        "language": language,
        "title": parsed.title,
        "dateline_city": parsed.dateline_city,
        "dateline_country": parsed.dateline_country,
        "lead": parsed.lead,
        "body": "\n\n".join(body_paragraphs(parsed)),
    }
    return ReviewForm(data, initial=initial, parsed=parsed, known_themes=known_themes)


def _create_from_review(*, form: ReviewForm, by) -> tuple[Article, list[str]]:
    """Hand the reviewed parts to the service; the summary for the editor's one message."""
    data = form.cleaned_data
    speakers: list[Speaker] = []
    rows: dict[int, int] = {}
    for i, _near in form.speaker_rows:
        match = data[f"speaker_{i}_match"]
        if match == NEW:
            speaker = Speaker(name=data[f"speaker_{i}_name"], role=data[f"speaker_{i}_role"])
        else:
            speaker = Speaker.objects.get(pk=match)
        rows[i] = len(speakers)
        speakers.append(speaker)
    new_speakers = sum(speaker.pk is None for speaker in speakers)
    summary = []
    event = None
    if form.event is not None and data.get("event_choice") not in (None, "none"):
        if data["event_choice"] == NEW:
            event = Event(
                name=data["event_name"] or _t("Event"),
                city=data["dateline_city"],
                country=data["dateline_country"],
                start_date=form.event.start,
                end_date=form.event.end,
                expected_participants=data.get("event_participants"),
            )
            summary.append(_t("new event “%(name)s”") % {"name": event.name})
        else:
            event = Event.objects.get(pk=data["event_choice"])
            summary.append(_t("event “%(name)s”") % {"name": event.name})
    quotes = [
        (
            rows[int(data[f"quote_{j}_speaker"])],
            data[f"quote_{j}_text"],
            data[f"quote_{j}_context"],
        )
        for j in form.quote_rows
        if data[f"quote_{j}_keep"]
    ]
    article = services.article_create_from_review(
        title=data["title"],
        dateline_city=data["dateline_city"],
        dateline_country=data["dateline_country"],
        lead=data["lead"],
        paragraphs=data["body"].split("\n\n"),
        language=data["language"],
        speakers=speakers,
        quotes=quotes,
        event=event,
        themes=data["themes"],
        by=by,
    )
    summary.insert(
        0,
        ngettext("%(n)d quote", "%(n)d quotes", len(quotes)) % {"n": len(quotes)}
        + " "
        + ngettext("by %(n)d speaker", "by %(n)d speakers", len(speakers)) % {"n": len(speakers)}
        + (f" ({_t('%(n)d new') % {'n': new_speakers}})" if new_speakers else ""),
    )
    if data["themes"]:
        summary.append(_t("themes: %(themes)s") % {"themes": ", ".join(data["themes"])})
    return article, summary


class ReleaseFromTextMixin:
    """The release admin's "New release from text" page and its review screen."""

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
        """Step 1, the text; step 2, the review; step 3, the draft."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("New release from text"),
        }
        if request.method == "POST" and "source" in request.POST:
            try:
                year = int(request.POST.get("year") or 0) or None
            except ValueError:
                year = None
            review = _review_form(
                request.POST,
                source=request.POST["source"],
                given_title=request.POST.get("given_title", ""),
                year=year,
                language=request.POST.get("language", "en"),
            )
            if review.is_valid():
                article, summary = _create_from_review(form=review, by=request.user)
                self.log_addition(request, article, _("Created from text."))
                self.message_user(
                    request,
                    _(
                        "Draft “%(title)s” created from the text: %(summary)s. "
                        "Review it before sending it on."
                    )
                    % {"title": article.title, "summary": "; ".join(summary)},
                    messages.SUCCESS,
                )
                return redirect("admin:articles_article_change", article.pk)
            return self._review_response(request, context, review)
        form = ReleaseFromTextForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            review = _review_form(
                None,
                source=form.cleaned_data["text"],
                given_title=form.cleaned_data.get("title") or "",
                year=form.cleaned_data.get("year"),
                language=form.cleaned_data["language"],
            )
            if review.parsed.paragraphs or review.parsed.title:
                return self._review_response(request, context, review)
            form.add_error(None, _("No release could be made from this text."))
        return TemplateResponse(
            request, "admin/articles/text_import.html", {**context, "form": form}
        )

    def _review_response(self, request, context, review):
        parsed = review.parsed
        return TemplateResponse(
            request,
            "admin/articles/text_import_review.html",
            {
                **context,
                "title": _("Review the release before saving"),
                "form": review,
                "duplicates": review.duplicates(),
                "dropped": parsed.dropped,
                "unplaced": parsed.unplaced,
                "event": review.event,
            },
        )
