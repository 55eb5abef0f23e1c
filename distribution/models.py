"""
E-mail alerts to subscribers, embargoed briefings to named journalists, and
what the sending machinery keeps to send each message exactly once.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Correction, ShareLink


def _new_key() -> str:
    return secrets.token_urlsafe(32)


def language_names(codes) -> str:
    names = dict(settings.LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in codes)


class Subscriber(models.Model):
    """
    A confirmed address and what it wants: themes (or everything) and
    languages. Only confirmed addresses are stored: a request to subscribe
    lives in the signed confirmation link until it is followed.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    all_themes = models.BooleanField(
        _("every theme"), default=False, help_text=_("Alerts for every release.")
    )
    themes = models.ManyToManyField(
        Tag, verbose_name=_("themes"), blank=True, related_name="subscribers"
    )
    languages = models.JSONField(
        _("languages"), default=list, help_text=_("Language codes of the releases wanted.")
    )
    key = models.CharField(
        _("key"),
        max_length=64,
        unique=True,
        default=_new_key,
        editable=False,
        help_text=_("The secret in the subscriber's manage and unsubscribe links."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    def get_absolute_url(self):
        return reverse("distribution:manage", kwargs={"key": self.key})

    def unsubscribe_path(self) -> str:
        return reverse("distribution:unsubscribe", kwargs={"key": self.key})

    @property
    def language_names(self) -> str:
        return language_names(self.languages)


class Journalist(models.Model):
    """A journalist who may be briefed on a release before its embargo lifts."""

    name = models.CharField(_("name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), unique=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")

    def __str__(self):
        return f"{self.name} ({self.outlet})" if self.outlet else self.name

    def get_absolute_url(self):
        return reverse("admin:distribution_journalist_change", args=[self.pk])


class Mailing(models.Model):
    """
    One sending of one release to the subscribers it concerns: the alert when
    it becomes public (at most one per release), or a corrected notice to those
    who got the alert.
    """

    class Kind(models.TextChoices):
        ALERT = "alert", _("Alert")
        CORRECTION = "correction", _("Corrected notice")

    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="mailings"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ALERT)
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("What a corrected notice says changed.")
    )
    correction = models.OneToOneField(
        Correction,
        verbose_name=_("correction"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notice",
        help_text=_("The public correction a corrected notice tells of."),
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    prepared_at = models.DateTimeField(
        _("recipients chosen"),
        null=True,
        blank=True,
        help_text=_("When the release was found public and its recipients were chosen."),
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    next_check_at = models.DateTimeField(
        _("next check"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a sending task is next due to look at the mailing."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(kind="alert"), name="one_alert_per_release"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"

    def get_absolute_url(self):
        return reverse("admin:distribution_mailing_change", args=[self.pk])


class Delivery(models.Model):
    """
    One message of a mailing to one subscriber. Workers claim rows before
    sending and record each answer (``distribution.sending``), so that a
    worker killed mid-batch never makes anyone get two copies.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Being sent by a worker")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    mailing = models.ForeignKey(
        Mailing, verbose_name=_("mailing"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("version sent"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The release (or, later, its translation) this subscriber gets."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claim = models.CharField(_("worker claim"), max_length=32, blank=True, editable=False)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(fields=["mailing", "state", "next_attempt_at"], name="delivery_queue_idx")
        ]

    def __str__(self):
        return f"{self.mailing_id} → {self.subscriber_id} ({self.state})"


class Briefing(models.Model):
    """An embargoed release sent ahead of time to one journalist, with a share link of their own."""

    class State(models.TextChoices):
        PENDING = "pending", _("Being sent")
        SENDING = "sending", _("Being handed to the mail server")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    article = models.ForeignKey(
        Article, verbose_name=_("release"), on_delete=models.CASCADE, related_name="briefings"
    )
    journalist = models.ForeignKey(
        Journalist,
        verbose_name=_("journalist"),
        on_delete=models.CASCADE,
        related_name="briefings",
    )
    share_link = models.OneToOneField(
        ShareLink,
        verbose_name=_("share link"),
        on_delete=models.CASCADE,
        related_name="briefing",
        editable=False,
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, editable=False
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    sent_at = models.DateTimeField(_("e-mailed"), null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("embargoed briefing")
        verbose_name_plural = _("embargoed briefings")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "journalist"], name="one_briefing_per_journalist"
            )
        ]

    def __str__(self):
        return f"{self.article} → {self.journalist}"

    def get_absolute_url(self):
        return self.share_link.get_absolute_url()


class ShareLinkAccess(models.Model):
    """
    When a share link was opened: first and last time, and how often. No
    address or browser is kept: the press office learns that the journalist
    read the release, and nothing about where from.
    """

    link = models.OneToOneField(
        ShareLink,
        verbose_name=_("share link"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="access",
    )
    first_opened_at = models.DateTimeField(_("first opened"))
    last_opened_at = models.DateTimeField(_("last opened"))
    opens = models.PositiveIntegerField(_("opens"), default=0)

    class Meta:
        ordering = ["-last_opened_at"]
        verbose_name = _("share link access")
        verbose_name_plural = _("share link accesses")

    def __str__(self):
        return f"{self.link_id}: {self.opens}"


class Attempt(models.Model):
    """
    One request counted by a rate limit (``distribution.ratelimit``). The
    client or address is kept only as a keyed hash, and only for the limit's
    window.
    """

    scope = models.CharField(_("scope"), max_length=20)
    digest = models.CharField(_("digest"), max_length=64)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("rate-limited request")
        verbose_name_plural = _("rate-limited requests")
        indexes = [models.Index(fields=["scope", "digest", "at"], name="attempt_window_idx")]

    def __str__(self):
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"
