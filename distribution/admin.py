"""
Subscribers (with counts per theme, export and erasure), journalists,
mailings with their failures, and the release page's briefings inline.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from articles.models import Correction, Lifecycle
from articles.services import user_can_publish
from distribution import briefings, corrections, subscriptions
from distribution.models import (
    Briefing,
    Delivery,
    Journalist,
    Mailing,
    Subscriber,
    language_names,
)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d %b %Y %H:%M") if moment else "—"


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "theme_names", "languages_shown", "confirmed_at"]
    list_filter = ["all_themes", "themes"]
    search_fields = ["email"]
    date_hierarchy = "confirmed_at"
    fields = ["email", "all_themes", "themes", "languages", "confirmed_at"]
    readonly_fields = ["email", "confirmed_at"]
    filter_horizontal = ["themes"]
    actions = ["export_data", "erase"]
    change_list_template = "admin/distribution/subscriber/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def has_add_permission(self, request):
        # Only the subscriber confirms a subscription (double opt-in).
        return False

    @admin.display(description=_("Themes"))
    def theme_names(self, obj):
        if obj.all_themes:
            return _("Every theme")
        return ", ".join(sorted(theme.name for theme in obj.themes.all())) or "—"

    @admin.display(description=_("Languages"))
    def languages_shown(self, obj):
        return language_names(obj.languages)

    def changelist_view(self, request, extra_context=None):
        per_theme = (
            Tag.objects.annotate(subscriber_count=Count("subscribers"))
            .filter(subscriber_count__gt=0)
            .order_by("-subscriber_count", "name")
        )
        counts = Subscriber.objects.aggregate(
            total=Count("pk"), everything=Count("pk", filter=Q(all_themes=True))
        )
        context = {"per_theme": per_theme, "counts": counts, **(extra_context or {})}
        return super().changelist_view(request, extra_context=context)

    @admin.action(description=_("Export the selected subscribers' data (JSON)"))
    def export_data(self, request, queryset):
        parts = [subscriptions.subscriber_export(subscriber=s) for s in queryset]
        response = HttpResponse(
            "[\n" + ",\n".join(parts) + "\n]", content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="subscribers.json"'
        return response

    @admin.action(
        description=_("Erase the selected subscribers and their data"), permissions=["delete"]
    )
    def erase(self, request, queryset):
        count = 0
        for subscriber in queryset:
            subscriptions.subscriber_erase(subscriber=subscriber)
            count += 1
        self.message_user(
            request,
            ngettext("%d subscriber erased.", "%d subscribers erased.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Journalist)
class JournalistAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "email", "languages_shown"]
    search_fields = ["name", "outlet", "email"]
    fields = ["name", "outlet", "email", "languages"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "languages":
            from django.conf import settings

            return forms.TypedMultipleChoiceField(
                label=db_field.verbose_name,
                choices=settings.LANGUAGES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("Languages"))
    def languages_shown(self, obj):
        return language_names(obj.languages)


class FailedDeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ["subscriber", "attempts", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Messages that failed")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(state=Delivery.State.FAILED)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "scheduled_for", "progress", "finished_at"]
    list_filter = ["kind"]
    search_fields = ["article__title"]
    fields = ["article", "kind", "note", "scheduled_for", "prepared_at", "finished_at", "progress"]
    readonly_fields = fields
    inlines = [FailedDeliveryInline]

    def get_queryset(self, request):
        state = Delivery.State
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .annotate(
                sent=Count("deliveries", filter=Q(deliveries__state=state.SENT)),
                failed=Count("deliveries", filter=Q(deliveries__state=state.FAILED)),
                waiting=Count(
                    "deliveries",
                    filter=Q(deliveries__state__in=[state.PENDING, state.CLAIMED]),
                ),
            )
        )

    @admin.display(description=_("Messages"))
    def progress(self, obj):
        if obj.prepared_at is None:
            return _("Waiting for the release to be public")
        return _("%(sent)d sent, %(waiting)d waiting, %(failed)d failed") % {
            "sent": obj.sent,
            "waiting": obj.waiting,
            "failed": obj.failed,
        }

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- On the release's page ---------------------------------------------------------------


class BriefingForm(forms.ModelForm):
    revoke = forms.BooleanField(label=_("Revoke link"), required=False)
    resend = forms.BooleanField(label=_("E-mail again"), required=False)

    class Meta:
        model = Briefing
        fields = ["journalist"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["journalist"].disabled = True


class BriefingFormSet(forms.BaseInlineFormSet):
    """New rows brief a journalist; ticked boxes revoke or resend, through the services."""

    request = None

    def clean(self):
        super().clean()
        if any(form.has_changed() and not form.instance.pk for form in self.forms):
            if not user_can_publish(self.request.user):
                raise ValidationError(_("Only Publishers can brief journalists on a release."))
            try:
                briefings.check_briefable(self.instance)
            except ValidationError as exc:
                raise ValidationError(exc.messages) from exc

    def save(self, commit=True):
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        user = self.request.user
        try:
            for form in self.forms:
                if not form.has_changed():
                    continue
                if form.instance.pk is None:
                    briefing = briefings.briefing_create(
                        article=self.instance, journalist=form.cleaned_data["journalist"], by=user
                    )
                    self.new_objects.append(briefing)
                    continue
                if form.cleaned_data.get("revoke"):
                    briefings.briefing_revoke(briefing=form.instance, by=user)
                    self.changed_objects.append((form.instance, ["revoke"]))
                elif form.cleaned_data.get("resend"):
                    briefings.briefing_resend(briefing=form.instance, by=user)
                    self.changed_objects.append((form.instance, ["resend"]))
        except (PermissionDenied, ValidationError) as exc:
            messages.error(self.request, " ".join(getattr(exc, "messages", [str(exc)])))
        return self.new_objects


class BriefingInline(admin.TabularInline):
    """
    Embargoed briefings on the release's page: who got a personal link, when
    it was e-mailed, who opened it and when. Adding a row sends; nothing
    else does, unless "E-mail again" is ticked.
    """

    model = Briefing
    form = BriefingForm
    formset = BriefingFormSet
    extra = 0
    can_delete = False
    autocomplete_fields = ["journalist"]
    fields = ["journalist", "mail_state", "opened", "link_state", "revoke", "resend"]
    readonly_fields = ["mail_state", "opened", "link_state"]
    verbose_name = _("embargoed briefing")
    verbose_name_plural = _(
        "Embargoed briefings (each journalist gets a personal link by e-mail; opens are logged)"
    )

    def get_queryset(self, request):
        # Not super()'s: it asks has_view_permission without the release, and
        # this inline's permissions depend on the release (it is only shown
        # where they hold).
        return Briefing.objects.select_related("journalist", "share_link", "share_link__access")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset

    def concerns(self, obj) -> bool:
        """Only an embargoed release can be briefed; one that was keeps its list."""
        if obj is None or obj.pk is None:
            return False
        return obj.lifecycle() == Lifecycle.EMBARGOED or obj.briefings.exists()

    def has_view_permission(self, request, obj=None):
        return self.concerns(obj) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return (
            self.concerns(obj)
            and user_can_publish(request.user)
            and super().has_add_permission(request, obj)
        )

    def has_change_permission(self, request, obj=None):
        return (
            self.concerns(obj)
            and user_can_publish(request.user)
            and super().has_change_permission(request, obj)
        )

    @admin.display(description=_("E-mail"))
    def mail_state(self, obj):
        if not obj.pk:
            return _("Sent when you save")
        if obj.state == Briefing.State.SENT:
            return _("Sent %(when)s") % {"when": _local(obj.sent_at)}
        if obj.state == Briefing.State.FAILED:
            return _("Failed: %(error)s") % {"error": obj.error}
        return obj.get_state_display()

    @admin.display(description=_("Opened"))
    def opened(self, obj):
        access = getattr(obj.share_link, "access", None) if obj.pk else None
        if access is None:
            return _("Not opened")
        return ngettext(
            "%(count)d time: first %(first)s, last %(last)s",
            "%(count)d times: first %(first)s, last %(last)s",
            access.opens,
        ) % {
            "count": access.opens,
            "first": _local(access.first_opened_at),
            "last": _local(access.last_opened_at),
        }

    @admin.display(description=_("Link"))
    def link_state(self, obj):
        if not obj.pk:
            return "—"
        link = obj.share_link
        if link.revoked_at:
            return _("Revoked %(when)s") % {"when": _local(link.revoked_at)}
        if not link.is_active():
            return _("Expired")
        return _("Active until %(when)s") % {"when": _local(link.expires_at)}


class CorrectionNoticeForm(forms.ModelForm):
    send_notice = forms.BooleanField(label=_("Send a corrected notice"), required=False)

    class Meta:
        model = Correction
        fields = []


class CorrectionNoticeFormSet(forms.BaseInlineFormSet):
    request = None
    recipients = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            # Nobody to tell, or told already: nothing to tick.
            if not self.recipients or getattr(form.instance, "notice", None) is not None:
                form.fields["send_notice"].disabled = True

    def save(self, commit=True):
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        for form in self.forms:
            if form.instance.pk and form.cleaned_data.get("send_notice"):
                try:
                    corrections.correction_notice_send(
                        correction=form.instance, by=self.request.user
                    )
                except (PermissionDenied, ValidationError) as exc:
                    messages.error(self.request, " ".join(getattr(exc, "messages", [str(exc)])))
                else:
                    self.changed_objects.append((form.instance, ["send_notice"]))
        return []


class CorrectionNoticeInline(admin.TabularInline):
    """
    The release's public corrections, each with a box to tell those who got
    its alert: a short "corrected" notice, once per correction, if ticked.
    """

    model = Correction
    form = CorrectionNoticeForm
    formset = CorrectionNoticeFormSet
    extra = 0
    can_delete = False
    fields = ["made_at", "note", "notice_state", "send_notice"]
    readonly_fields = ["made_at", "note", "notice_state"]
    verbose_name = _("corrected notice to alert subscribers")
    verbose_name_plural = _("Corrected notices to alert subscribers")

    def get_queryset(self, request):
        # Not super()'s, as for briefings: shown only where the permissions hold.
        return Correction.objects.filter(kind=Correction.Kind.CORRECTION).select_related("notice")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        self.recipients = corrections.alert_recipients(obj) if obj else 0
        formset.recipients = self.recipients
        return formset

    def concerns(self, obj) -> bool:
        """Shown once the release has a public correction."""
        if obj is None or obj.pk is None:
            return False
        return obj.corrections.filter(kind=Correction.Kind.CORRECTION).exists()

    def has_add_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and self.concerns(obj)

    def has_change_permission(self, request, obj=None):
        return user_can_publish(request.user) and self.concerns(obj)

    @admin.display(description=_("Notice"))
    def notice_state(self, obj):
        mailing = getattr(obj, "notice", None)
        if mailing is not None:
            return _("Sent to those who got the alert (%(when)s)") % {
                "when": _local(mailing.created_at)
            }
        if not self.recipients:
            return _("No alert went out for this release: nobody to tell")
        return ngettext(
            "Not sent; would go to %(count)d subscriber who got the alert",
            "Not sent; would go to %(count)d subscribers who got the alert",
            self.recipients,
        ) % {"count": self.recipients}


# Added to the release admin (articles/admin/releases.py).
RELEASE_INLINES = [BriefingInline, CorrectionNoticeInline]
