"""
Embargoed briefings: a Publisher sends an embargoed release ahead of time to
named journalists from the release's admin page; each gets a personal share
link by e-mail (to a real SMTP server); the page shows who opened it and when,
and a Publisher can revoke one journalist's link. Also: subscribers in the
admin, with counts per theme, export and erasure.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from distribution.models import Briefing, Journalist, ShareLinkAccess, Subscriber
from tests.factories import make_article
from tests.formdata import form_data
from tests.mailserver import mail, smtp_server  # noqa: F401 (fixtures)
from tests.test_admin import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(client):
    client.force_login(staff("Publishers"))
    return client


@pytest.fixture
def embargoed():
    make_article(title="Another public release", lead="Another lead")
    make_article(
        title="DRAFT not for anyone",
        lead="Draft lead",
        status=Article.Status.DRAFT,
        publish_at=None,
    )
    return make_article(
        title="Embargoed: new cybercrime unit",
        lead="A new unit will fight online fraud across the region.",
        dateline_city="Tirana",
        dateline_country="Albania",
        publish_at=timezone.now() + timedelta(days=1),
    )


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def brief(client, article, *journalists, **row_changes):
    """The release's change form, saved with new briefing rows (and ticked boxes)."""
    data = form_data(client.get(change_url(article)).content.decode(), "article_form")
    existing = int(data["briefings-TOTAL_FORMS"])
    for offset, journalist in enumerate(journalists):
        data[f"briefings-{existing + offset}-journalist"] = [str(journalist.pk)]
    data["briefings-TOTAL_FORMS"] = [str(existing + len(journalists))]
    data.update({name: [value] for name, value in row_changes.items()})
    return client.post(change_url(article), data, follow=True)


def test_a_publisher_briefs_journalists_with_personal_links_and_sees_who_opened_them(
    publisher, mail, embargoed, django_capture_on_commit_callbacks
):
    ana = Journalist.objects.create(
        name="Ana Kola", outlet="Tirana Times", email="ana@example.org", languages=["sq", "en"]
    )
    ben = Journalist.objects.create(name="Ben Ross", outlet="Wire", email="ben@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = brief(publisher, embargoed, ana, ben)
    assert response.redirect_chain, response.content.decode()[:3000]

    briefings = {b.journalist.email: b for b in Briefing.objects.select_related("share_link")}
    assert set(briefings) == {"ana@example.org", "ben@example.org"}
    assert (
        briefings["ana@example.org"].share_link.token
        != briefings["ben@example.org"].share_link.token
    )

    (message,) = mail.to("ana@example.org")
    assert message.subject == "Under embargo: Embargoed: new cybercrime unit"
    link = briefings["ana@example.org"].share_link.get_absolute_url()
    for part in (message.text, message.html):
        assert "Dear Ana Kola" in part
        assert "EMBARGOED until" in part
        assert "A new unit will fight online fraud" in part
        assert link in part
        assert briefings["ben@example.org"].share_link.token not in part
        for leak in ("Another", "DRAFT", "Draft lead"):
            assert leak not in part

    # Ana opens her link twice; Ben never does.
    reader = Client()
    for _ in range(2):
        page = reader.get(link)
        assert "Embargoed: new cybercrime unit" in page.content.decode()
    access = ShareLinkAccess.objects.get(link=briefings["ana@example.org"].share_link)
    assert access.opens == 2 and access.first_opened_at <= access.last_opened_at

    admin_page = publisher.get(change_url(embargoed)).content.decode()
    assert "Embargoed briefings" in admin_page
    assert "2 times: first" in admin_page
    assert "Not opened" in admin_page


def test_revoking_one_link_stops_it_and_sends_nothing(
    publisher, mail, embargoed, django_capture_on_commit_callbacks
):
    ana = Journalist.objects.create(name="Ana Kola", email="ana@example.org")
    ben = Journalist.objects.create(name="Ben Ross", email="ben@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        brief(publisher, embargoed, ana, ben)
    assert len(mail.all()) == 2
    rows = list(Briefing.objects.order_by("journalist__name"))
    assert [row.journalist.name for row in rows] == ["Ana Kola", "Ben Ross"]

    with django_capture_on_commit_callbacks(execute=True):
        brief(publisher, embargoed, **{"briefings-0-revoke": "on"})
    assert len(mail.all()) == 2  # nobody is told
    reader = Client()
    assert reader.get(rows[0].share_link.get_absolute_url()).status_code == 410
    assert reader.get(rows[1].share_link.get_absolute_url()).status_code == 200

    # Moving the embargo sends nothing either; "E-mail again" does, to that journalist.
    Article.objects.filter(pk=embargoed.pk).update(publish_at=timezone.now() + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        brief(publisher, embargoed)
    assert len(mail.all()) == 2
    with django_capture_on_commit_callbacks(execute=True):
        brief(publisher, embargoed, **{"briefings-1-resend": "on"})
    assert len(mail.to("ben@example.org")) == 2
    assert len(mail.to("ana@example.org")) == 1


def test_only_an_embargoed_release_can_be_briefed_and_only_by_a_publisher(
    client, mail, django_capture_on_commit_callbacks
):
    journalist = Journalist.objects.create(name="Ana Kola", email="ana@example.org")
    live = make_article(title="Already public")
    draft = make_article(title="A draft", status=Article.Status.DRAFT, publish_at=None)
    client.force_login(staff("Publishers"))
    for article in (live, draft):
        page = client.get(change_url(article)).content.decode()
        assert "Embargoed briefings" not in page
    # A form sent anyway (the page was open when the release went live) is refused.
    embargoed = make_article(title="Soon", publish_at=timezone.now() + timedelta(days=1))
    data = form_data(client.get(change_url(embargoed)).content.decode(), "article_form")
    Article.objects.filter(pk=embargoed.pk).update(publish_at=timezone.now())
    data["briefings-0-journalist"] = str(journalist.pk)
    data["briefings-TOTAL_FORMS"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(embargoed), data, follow=True)
    assert not Briefing.objects.exists() and mail.all() == []

    soon = make_article(publish_at=timezone.now() + timedelta(days=1))
    client.force_login(staff("Editors"))
    page = client.get(change_url(soon)).content.decode()
    assert "Embargoed briefings" in page
    assert 'name="briefings-0-journalist"' not in page
    assert not Briefing.objects.exists() and mail.all() == []


def test_subscribers_in_the_admin_with_counts_per_theme_export_and_erasure(publisher):
    from taggit.models import Tag

    cyber, terror = Tag.objects.create(name="Cybercrime"), Tag.objects.create(name="Terrorism")
    for i, themes in enumerate([[cyber], [cyber, terror], [terror], [cyber]]):
        subscriber = Subscriber.objects.create(email=f"s{i}@example.org", languages=["en"])
        subscriber.themes.set(themes)
    Subscriber.objects.create(email="all@example.org", all_themes=True, languages=["fr"])

    page = publisher.get("/admin/distribution/subscriber/").content.decode()
    assert "Subscribers per theme" in page
    assert "<td>Cybercrime</td><td>3</td>" in page
    assert "<td>Terrorism</td><td>2</td>" in page
    assert "<td>Every theme</td><td>1</td>" in page

    chosen = Subscriber.objects.filter(email__in=["s1@example.org", "all@example.org"])
    exported = publisher.post(
        "/admin/distribution/subscriber/",
        {"action": "export_data", "_selected_action": [s.pk for s in chosen]},
    )
    assert {entry["email"] for entry in exported.json()} == {"s1@example.org", "all@example.org"}

    publisher.post(
        "/admin/distribution/subscriber/",
        {"action": "erase", "_selected_action": [s.pk for s in chosen]},
    )
    assert not Subscriber.objects.filter(email__in=["s1@example.org", "all@example.org"]).exists()
    assert Subscriber.objects.count() == 3


def test_a_publisher_keeps_the_journalist_list(publisher):
    response = publisher.post(
        "/admin/distribution/journalist/add/",
        {
            "name": "Ana Kola",
            "outlet": "Tirana Times",
            "email": "ana@example.org",
            "languages": ["sq", "en"],
        },
        follow=True,
    )
    assert response.redirect_chain, response.content.decode()[:2000]
    journalist = Journalist.objects.get()
    assert (journalist.name, journalist.outlet, journalist.languages) == (
        "Ana Kola",
        "Tirana Times",
        ["sq", "en"],
    )
    listing = publisher.get("/admin/distribution/journalist/").content.decode()
    assert "Tirana Times" in listing and "Albanian, English" in listing
    edit = publisher.get(f"/admin/distribution/journalist/{journalist.pk}/change/").content.decode()
    checked = re.findall(r'<input type="checkbox" name="languages" value="(\w+)"[^>]*checked', edit)
    assert sorted(checked) == ["en", "sq"]
