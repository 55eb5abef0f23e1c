"""Every "View on site" of a release not yet public opens the staff preview, at the row's place."""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_image, make_quote, make_speaker, tomorrow
from tests.test_workflow import change_url, signed_in, staff

pytestmark = pytest.mark.django_db


def view_on_site_links(html: str) -> list[str]:
    """The addresses of every "View on site" link on the page (the release's and its rows')."""
    return re.findall(r'<a href="([^"]+)"[^>]*>\s*View on site\s*</a>', html)


@pytest.mark.parametrize(
    "state",
    [
        {"status": Article.Status.DRAFT, "publish_at": None},
        {"status": Article.Status.REVIEW, "publish_at": None},
        {"status": Article.Status.PUBLISHED, "publish_at": tomorrow()},
    ],
    ids=["draft", "review", "embargoed"],
)
def test_rows_of_a_release_not_public_open_the_preview_at_their_anchor(state):
    article = make_article(slug="conference", **state)
    quote = make_quote(article, make_speaker(name="Jurgen Stock"))
    image = make_image(article)
    client = signed_in(staff("pub", "Publishers"))
    html = client.get(change_url(article)).content.decode()
    preview = reverse("articles:preview", kwargs={"slug": "conference"})
    links = view_on_site_links(html)
    assert preview in links
    assert f"{preview}#quote-{quote.pk}" in links
    assert f"{preview}#image-{image.pk}" in links
    page = client.get(preview)
    assert page.status_code == 200
    body = page.content.decode()
    assert f'id="quote-{quote.pk}"' in body


def test_rows_of_a_public_release_open_its_page():
    article = make_article(slug="live-one")
    quote = make_quote(article, make_speaker(name="Jurgen Stock"))
    html = signed_in(staff("pub", "Publishers")).get(change_url(article)).content.decode()
    links = view_on_site_links(html)
    assert f"{article.get_absolute_url()}#quote-{quote.pk}" in links
