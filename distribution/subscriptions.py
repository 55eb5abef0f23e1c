"""
Subscribing without an account: a request becomes a signed, expiring
confirmation link e-mailed to the address (double opt-in); following it
stores the subscription. The answer to a request is the same whether the
address is new, subscribed already, rate-limited or a bot's: nobody can learn
from the site whether an address is subscribed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag

from articles.models import by_name, theme_name
from distribution import ratelimit
from distribution.messages import absolute
from distribution.models import Delivery, Subscriber, language_names

SALT = "distribution.subscribe"


@dataclass
class Request:
    email: str
    all_themes: bool
    theme_ids: list[int]
    languages: list[str]

    def summary(self) -> dict:
        themes = Tag.objects.filter(pk__in=self.theme_ids).select_related("translated_names")
        return {
            # In the reader's language: the page's, or the e-mail's.
            "themes": [theme_name(theme) for theme in by_name(themes)],
            "all_themes": self.all_themes,
            "languages": language_names(self.languages),
        }


def normalise(email: str) -> str:
    return email.strip().lower()


def confirmation_token(request: Request) -> str:
    payload = {
        "e": normalise(request.email),
        "a": request.all_themes,
        "t": sorted(request.theme_ids),
        "l": request.languages,
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> Request:
    """The request a confirmation link carries; ``signing.BadSignature`` (or its
    ``SignatureExpired``) when it was tampered with or is too old."""
    payload = signing.loads(token, salt=SALT, max_age=settings.DISTRIBUTION_CONFIRM_SECONDS)
    return Request(
        email=payload["e"], all_themes=payload["a"], theme_ids=payload["t"], languages=payload["l"]
    )


def subscription_request(*, request: Request, client: str) -> None:
    """
    Send the confirmation link, unless this address or this client asked too
    often lately: then nothing is sent, and the caller answers as always.
    Raises ``Throttled`` for a client over its limit (the page says so).
    """
    if not ratelimit.allow("client", client, settings.DISTRIBUTION_LIMIT_PER_CLIENT):
        raise Throttled
    if not ratelimit.allow("address", request.email, settings.DISTRIBUTION_LIMIT_PER_ADDRESS):
        return
    from distribution.tasks import send_confirmation

    url = absolute(reverse("distribution:confirm", kwargs={"token": confirmation_token(request)}))
    transaction.on_commit(
        partial(
            send_confirmation.enqueue,
            normalise(request.email),
            url,
            request.summary(),
            translation.get_language(),
        ),
        robust=True,
    )


class Throttled(Exception):
    """Too many requests from one client."""


@transaction.atomic
def subscription_confirm(*, request: Request) -> Subscriber:
    """Store (or replace) the subscription a confirmation link carries."""
    subscriber, _ = Subscriber.objects.update_or_create(
        email=normalise(request.email),
        defaults={
            "all_themes": request.all_themes,
            "languages": request.languages,
            "confirmed_at": timezone.now(),
        },
    )
    subscriber.themes.set(Tag.objects.filter(pk__in=request.theme_ids))
    return subscriber


@transaction.atomic
def subscription_update(
    *, subscriber: Subscriber, all_themes: bool, themes, languages: list[str]
) -> Subscriber:
    subscriber.all_themes = all_themes
    subscriber.languages = languages
    subscriber.save(update_fields=["all_themes", "languages", "updated_at"])
    subscriber.themes.set(themes)
    return subscriber


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Unsubscribe and forget: the address, its choices and its deliveries go."""
    subscriber.delete()


def subscriber_export(*, subscriber: Subscriber) -> str:
    """Everything kept about a subscriber, as JSON."""
    deliveries = Delivery.objects.filter(subscriber=subscriber).select_related("article")
    data = {
        "email": subscriber.email,
        "confirmed_at": subscriber.confirmed_at.isoformat(),
        "every_theme": subscriber.all_themes,
        "themes": sorted(subscriber.themes.values_list("name", flat=True)),
        "languages": subscriber.languages,
        "messages": [
            {
                "release": delivery.article.title,
                "url": absolute(delivery.article.get_absolute_url()),
                "kind": delivery.mailing.kind,
                "state": delivery.state,
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in deliveries.select_related("mailing")
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
