"""Subscribing, confirming, managing and unsubscribing: public pages, never cached."""

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from distribution import ratelimit, subscriptions
from distribution.forms import PreferencesForm, SubscribeForm
from distribution.models import Subscriber


def _page(request, template: str, context: dict | None = None, status: int = 200):
    response = TemplateResponse(
        request, f"distribution/{template}", {"noindex": True, **(context or {})}, status=status
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The links carry secrets: they must not leave the site in a Referer
    # header. "same-origin", not "no-referrer": the forms' POSTs must carry
    # the site's Origin, which CSRF checks ("no-referrer" sends "null").
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        language = getattr(request, "LANGUAGE_CODE", "en")
        form = SubscribeForm(initial={"languages": [language]})
        return _page(request, "subscribe.html", {"form": form})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _page(request, "subscribe.html", {"form": form})
    if not form.is_bot():
        asked = subscriptions.Request(
            email=form.cleaned_data["email"],
            all_themes=form.cleaned_data["all_themes"],
            theme_ids=[]
            if form.cleaned_data["all_themes"]
            else [theme.pk for theme in form.cleaned_data["themes"]],
            languages=form.cleaned_data["languages"],
        )
        try:
            subscriptions.subscription_request(request=asked, client=ratelimit.client_of(request))
        except subscriptions.Throttled:
            return _page(request, "throttled.html", status=429)
    # The same answer for every address, subscribed or not.
    return redirect("distribution:sent")


@never_cache
def subscribe_sent(request):
    return _page(request, "sent.html", {"hours": settings.DISTRIBUTION_CONFIRM_SECONDS // 3600})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """
    The link shows what will be subscribed and a button: mail scanners that
    open links do not confirm anything by themselves.
    """
    try:
        asked = subscriptions.read_token(token)
    except signing.BadSignature:
        return _page(request, "link_expired.html", status=410)
    if request.method != "POST":
        return _page(request, "confirm.html", {"asked": asked, **asked.summary()})
    subscriber = subscriptions.subscription_confirm(request=asked)
    return _page(request, "confirmed.html", {"subscriber": subscriber, **asked.summary()})


def _subscriber(key: str) -> Subscriber | None:
    return Subscriber.objects.filter(key=key).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, key: str):
    subscriber = _subscriber(key)
    if subscriber is None:
        return _page(request, "unsubscribed.html", {"unknown": True}, status=404)
    if request.method == "POST" and "erase" in request.POST:
        subscriptions.subscriber_erase(subscriber=subscriber)
        return _page(request, "unsubscribed.html", {"erased": True})
    initial = {
        "all_themes": subscriber.all_themes,
        "themes": list(subscriber.themes.all()),
        "languages": subscriber.languages,
    }
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        subscriptions.subscription_update(
            subscriber=subscriber,
            all_themes=form.cleaned_data["all_themes"],
            themes=[] if form.cleaned_data["all_themes"] else form.cleaned_data["themes"],
            languages=form.cleaned_data["languages"],
        )
        saved = True
    return _page(request, "manage.html", {"subscriber": subscriber, "form": form, "saved": saved})


@never_cache
def export(request, key: str):
    subscriber = _subscriber(key)
    if subscriber is None:
        return _page(request, "unsubscribed.html", {"unknown": True}, status=404)
    response = HttpResponse(
        subscriptions.subscriber_export(subscriber=subscriber),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-alerts-data.json"'
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, key: str):
    """
    RFC 8058: a POST here (the mail client's one click, without cookies or a
    form of ours) ends the subscription at once; a GET shows the button.
    Answers alike for a key that no longer exists.
    """
    if request.method != "POST":
        return _page(request, "unsubscribe.html", {"known": _subscriber(key) is not None})
    subscriber = _subscriber(key)
    if subscriber is not None:
        subscriptions.subscriber_erase(subscriber=subscriber)
    return _page(request, "unsubscribed.html", {"erased": True})
