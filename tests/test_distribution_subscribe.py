"""
Subscribing to e-mail alerts (/subscribe/): double opt-in, managing,
one-click unsubscribe (RFC 8058), and what keeps it from being abused:
rate limits, a honeypot, expiring links, and answers that never tell
whether an address is subscribed. Messages go to a real SMTP server.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from articles.models import Theme
from distribution.models import Subscriber
from tests.factories import make_article
from tests.mailserver import mail, smtp_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    make_article(themes=["Cybercrime", "Terrorism"])
    return {theme.name: theme for theme in Theme.objects.all()}


def ask(client, email, themes=(), languages=("en",), everything=False, **extra):
    data = {"email": email, "themes": [t.pk for t in themes], "languages": list(languages)}
    if everything:
        data["all_themes"] = "on"
    data.update(extra)
    return client.post("/subscribe/", data, follow=True)


def confirmation_link(message) -> str:
    (link,) = [url for url in message.links() if "/subscribe/confirm/" in url]
    return link.removeprefix("http://127.0.0.1:8000")


def test_subscribing_takes_a_confirmed_link(
    client, mail, themes, django_capture_on_commit_callbacks
):
    page = client.get("/subscribe/").content.decode()
    assert "Cybercrime" in page and "Terrorism" in page and 'name="email"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, "Reader@Example.org", [themes["Cybercrime"]], ["en", "fr"])
    assert "Check your inbox" in response.content.decode()
    # Nothing is stored before the address is confirmed.
    assert not Subscriber.objects.exists()

    (message,) = mail.to("reader@example.org")
    assert "Confirm" in message.subject
    assert "Cybercrime" in message.text and "English, French" in message.text
    link = confirmation_link(message)

    # Opening the link (a mail scanner does) confirms nothing: a button does.
    shown = client.get(link).content.decode()
    assert "Confirm my subscription" in shown and "reader@example.org" in shown
    assert not Subscriber.objects.exists()

    done = client.post(link).content.decode()
    assert "You are subscribed" in done
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert [t.name for t in subscriber.themes.all()] == ["Cybercrime"]
    assert subscriber.languages == ["en", "fr"]
    assert subscriber.get_absolute_url() in done


def test_a_confirmation_link_expires_and_cannot_be_altered(
    client, mail, themes, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, "late@example.org", [themes["Terrorism"]])
    link = confirmation_link(mail.to("late@example.org")[0])

    tampered = link.replace("/confirm/", "/confirm/x")
    assert client.post(tampered).status_code == 410

    later = timezone.now() + timedelta(seconds=settings.DISTRIBUTION_CONFIRM_SECONDS + 60)
    with time_machine.travel(later):
        response = client.post(link)
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_answer_is_the_same_for_subscribed_and_unknown_addresses(
    client, mail, themes, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="known@example.org", all_themes=True, languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, "known@example.org", [themes["Cybercrime"]])
        unknown = ask(client, "unknown@example.org", [themes["Cybercrime"]])
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    # Both get the same kind of message; only following the link changes anything.
    assert mail.to("known@example.org")[0].subject == mail.to("unknown@example.org")[0].subject
    assert Subscriber.objects.get(email="known@example.org").all_themes


def test_the_honeypot_sends_nothing_and_says_nothing(
    client, mail, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, "bot@example.org", [themes["Cybercrime"]], website="http://spam")
    assert "Check your inbox" in response.content.decode()
    assert mail.all() == []


def test_a_form_without_theme_or_language_is_refused_with_a_message(client, mail, themes):
    response = client.post("/subscribe/", {"email": "a@example.org"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one theme, or every press release." in page
    assert "Choose at least one language." in page
    assert 'value="a@example.org"' in page


def test_rate_limits_per_address_and_per_client(
    client, mail, themes, settings, django_capture_on_commit_callbacks
):
    settings.DISTRIBUTION_LIMIT_PER_ADDRESS = 2
    settings.DISTRIBUTION_LIMIT_PER_CLIENT = 4
    with django_capture_on_commit_callbacks(execute=True):
        answers = [ask(client, "victim@example.org", [themes["Cybercrime"]]) for _ in range(4)]
    # An address is not flooded with confirmations, and the asker is not told.
    assert len(mail.to("victim@example.org")) == 2
    assert all("Check your inbox" in a.content.decode() for a in answers)

    # The client has used its four requests: the fifth is refused, whatever the address.
    with django_capture_on_commit_callbacks(execute=True):
        refused = ask(client, "other@example.org", [themes["Cybercrime"]])
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert mail.to("other@example.org") == []

    # Another client is not held back by this one.
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    with django_capture_on_commit_callbacks(execute=True):
        ask(elsewhere, "other@example.org", [themes["Cybercrime"]])
    assert len(mail.to("other@example.org")) == 1


def test_managing_choices_exporting_and_erasing(client, themes):
    subscriber = Subscriber.objects.create(email="me@example.org", languages=["en"])
    subscriber.themes.set([themes["Cybercrime"]])
    page = client.get(subscriber.get_absolute_url())
    assert "me@example.org" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"

    saved = client.post(
        subscriber.get_absolute_url(),
        {"themes": [themes["Terrorism"].pk], "languages": ["fr", "es"]},
    ).content.decode()
    assert "Your choices are saved." in saved
    subscriber.refresh_from_db()
    assert [t.name for t in subscriber.themes.all()] == ["Terrorism"]
    assert subscriber.languages == ["fr", "es"]

    exported = client.get(f"{subscriber.get_absolute_url()}data.json")
    assert exported["Content-Disposition"].startswith("attachment")
    assert exported.json()["email"] == "me@example.org"
    assert exported.json()["themes"] == ["Terrorism"]

    erased = client.post(subscriber.get_absolute_url(), {"erase": "1"}).content.decode()
    assert "You are unsubscribed" in erased
    assert not Subscriber.objects.exists()
    assert client.get(subscriber.get_absolute_url()).status_code == 404


def test_one_click_unsubscribe_needs_no_cookie_or_form(themes):
    subscriber = Subscriber.objects.create(email="gone@example.org", languages=["en"])
    mail_client = Client(enforce_csrf_checks=True)
    url = subscriber.unsubscribe_path()
    # What a mail client sends for RFC 8058's one click: no cookie, no token.
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not Subscriber.objects.exists()
    # Again (a retried request): the same answer.
    again = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 200


def test_opening_the_unsubscribe_link_asks_before_unsubscribing(client, themes):
    subscriber = Subscriber.objects.create(email="stay@example.org", languages=["en"])
    page = client.get(subscriber.unsubscribe_path()).content.decode()
    assert re.search(r"<button[^>]*>\s*Unsubscribe\s*</button>", page)
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_subscription_pages_are_never_cached_or_indexed(client, themes, page_cache):
    for url in ("/subscribe/", "/subscribe/sent/"):
        response = client.get(url)
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]


def test_bad_characters_in_links_are_not_found(client):
    for url in (
        "/subscribe/confirm/%00/",
        "/subscribe/manage/a%00b/",
        "/subscribe/unsubscribe/%E2%80%AE/",
        "/subscribe/manage/x/data.json",
    ):
        assert client.get(url).status_code in (404, 410), url


def test_the_confirmation_comes_in_the_language_of_the_form(
    client, mail, themes, django_capture_on_commit_callbacks
):
    page = client.get("/fr/subscribe/").content.decode()
    assert "Alertes par e-mail" in page and "Votre adresse e-mail" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/subscribe/",
            {"email": "lectrice@example.org", "all_themes": "on", "languages": ["fr"]},
        )
    (message,) = mail.to("lectrice@example.org")
    assert message.subject == "Confirmez vos alertes par e-mail de Newsroom"
    assert "tous les communiqués" in message.text and "Français" in message.text


def test_themes_are_offered_and_confirmed_by_their_names_in_the_readers_language(
    client, mail, themes, django_capture_on_commit_callbacks
):
    from articles import services

    services.theme_names_set(theme=themes["Cybercrime"], names={"fr": "Cybercriminalité"})
    services.theme_names_set(theme=themes["Terrorism"], names={"fr": "Antiterrorisme"})
    page = client.get("/fr/subscribe/").content.decode()
    labels = re.findall(r'<label for="theme-\d+">([^<]+)</label>', page)
    # In French and in the order of the French names.
    assert labels == ["Antiterrorisme", "Cybercriminalité"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/subscribe/",
            {
                "email": "lectrice@example.org",
                "themes": [themes["Cybercrime"].pk],
                "languages": ["fr"],
            },
        )
    (message,) = mail.to("lectrice@example.org")
    assert "Cybercriminalité" in message.text and "Cybercrime\n" not in message.text
    confirm = client.get(confirmation_link(message)).content.decode()
    assert "Cybercriminalité" in confirm

    english = Client().get("/subscribe/").content.decode()
    assert re.findall(r'<label for="theme-\d+">([^<]+)</label>', english) == [
        "Cybercrime",
        "Terrorism",
    ]
