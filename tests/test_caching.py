"""Public pages are cached, and never stale: edits and embargoes show at once."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db


def test_second_request_is_served_from_the_cache(client, cache_backend):
    article = make_article(title="Cached release")
    assert client.get(article.get_absolute_url())["X-Cache"] == "miss"
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "hit"
    assert "Cached release" in response.content.decode()


def test_an_edit_shows_on_the_next_request(client, cache_backend):
    article = make_article(title="Before")
    client.get("/"), client.get(article.get_absolute_url())
    article.title = "After"
    article.save()
    assert "After" in client.get("/").content.decode()
    assert "After" in client.get(article.get_absolute_url()).content.decode()


def test_speaker_quote_and_image_edits_invalidate(client, cache_backend):
    article = make_article()
    speaker = make_speaker(role="Minister")
    quote = make_quote(article, speaker, text="Old words.")
    image = make_image(article, caption="Old caption")
    url = article.get_absolute_url()
    client.get(url)
    speaker.role = "Prime Minister"
    speaker.save()
    assert "Prime Minister" in client.get(url).content.decode()
    quote.text = "New words."
    quote.save()
    assert "New words." in client.get(url).content.decode()
    image.caption = "New caption"
    image.save()
    assert "New caption" in client.get(url).content.decode()
    article.themes.add("brand new theme")
    assert "brand new theme" in client.get(url).content.decode()


def test_embargo_lifts_by_itself_through_the_cache(client, cache_backend):
    lift = timezone.now() + timedelta(hours=2)
    article = make_article(title="Embargoed until two", publish_at=lift)
    make_article(title="Already out")
    assert "Embargoed until two" not in client.get("/").content.decode()
    assert client.get("/")["X-Cache"] == "hit"
    assert client.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(lift + timedelta(seconds=1)):
        home = client.get("/")
        assert "Embargoed until two" in home.content.decode()
        assert client.get(article.get_absolute_url()).status_code == 200


def test_expiry_withdraws_through_the_cache(client, cache_backend):
    end = timezone.now() + timedelta(hours=1)
    article = make_article(title="Short-lived", unpublish_at=end)
    assert "Short-lived" in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200
    with time_machine.travel(end + timedelta(seconds=1)):
        assert "Short-lived" not in client.get("/").content.decode()
        assert client.get(article.get_absolute_url()).status_code == 404


def test_signed_in_staff_are_not_served_cached_pages(client, admin_user, cache_backend):
    article = make_article(status=Article.Status.DRAFT)
    client.get("/")
    client.force_login(admin_user)
    assert "X-Cache" not in client.get("/")
    assert client.get(f"/preview/{article.slug}/").status_code == 200


def test_conditional_get_answers_304(client, cache_backend):
    article = make_article()
    first = client.get(article.get_absolute_url())
    assert first.has_header("ETag")
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
