"""
What an alert says, as its reader gets it from a real SMTP server: title,
dateline, lead, lead photo (when there is one), link, in the release's
language; and a release that stops being public mid-mailing sends no more.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import Article
from distribution import scheduling, sending
from distribution.models import Delivery, Mailing, Subscriber
from tests.factories import make_article, make_image
from tests.mailserver import mail, smtp_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def everyone(*emails, languages=("en",)):
    for email in emails:
        Subscriber.objects.create(email=email, all_themes=True, languages=list(languages))


def test_an_alert_shows_the_lead_photo_from_its_public_address(mail, settings):
    settings.NEWSROOM_SITE_URL = "https://press.example.org"
    release = make_article(title="With a photo", publish_at=timezone.now())
    make_image(release, alt_text="Delegates in the hall", credit="Photo: A. Kola")
    everyone("reader@example.org")
    scheduling.schedule_alert(release.pk)
    (alert,) = mail.to("reader@example.org")
    html = alert.html
    assert '<img src="https://press.example.org/media/' in html
    assert 'alt="Delegates in the hall"' in html and "Photo: A. Kola" in html
    # The picture's address answers readers: the release is public.
    src = html.split('<img src="https://press.example.org', 1)[1].split('"', 1)[0]
    from django.test import Client

    assert Client().get(src).status_code == 200


def test_an_alert_without_photo_has_none_and_comes_in_the_release_language(mail):
    release = make_article(
        title="Conférence régionale",
        lead="Les chefs de police se réunissent.",
        language="fr",
        dateline_city="Lyon",
        dateline_country="France",
        publish_at=timezone.now(),
    )
    everyone("lecteur@example.org", languages=["fr"])
    everyone("reader@example.org", languages=["en"])
    scheduling.schedule_alert(release.pk)
    assert mail.to("reader@example.org") == []
    (alert,) = mail.to("lecteur@example.org")
    assert "<img" not in alert.html
    assert "Lire le communiqué" in alert.text and "Se désabonner" in alert.text
    assert "LYON, France" in alert.text and "Les chefs de police se réunissent." in alert.text


def test_a_release_withdrawn_mid_mailing_sends_no_more(mail, settings):
    settings.DISTRIBUTION_BATCH_SIZE = 2
    release = make_article(title="Pulled", publish_at=timezone.now())
    everyone(*(f"r{i}@example.org" for i in range(4)))
    mailing = Mailing.objects.create(article=release)
    assert sending.prepare(mailing)
    sender = sending.Sender(mailing)
    worker = "test-worker"
    sender.send_batch(sending.claim(mailing.pk, worker, 2), worker)
    assert len(mail.all()) == 2
    Article.objects.filter(pk=release.pk).update(status=Article.Status.DRAFT)
    sender.send_batch(sending.claim(mailing.pk, worker, 2), worker)
    assert len(mail.all()) == 2
    failed = Delivery.objects.filter(mailing=mailing, state=Delivery.State.FAILED)
    assert failed.count() == 2
    assert all("stopped being public" in row.error for row in failed)
