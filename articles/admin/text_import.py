"""New release from text: the admin page in front of the plain-text parser."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.textimport import MAX_TEXT_BYTES, TextTooLarge, check_size, decode_bytes


class ReleaseFromTextForm(forms.Form):
    text = forms.CharField(
        label=_("Release text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "vLargeTextField"}),
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
        if not (cleaned.get("text") or "").strip():
            raise ValidationError(_("Paste the text of a release or choose a text file."))
        try:
            check_size(cleaned["text"])
        except TextTooLarge as exc:
            raise ValidationError(str(exc)) from exc
        return cleaned


class ReleaseFromTextMixin:
    """The release admin's "New release from text" page."""

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
