"""The release form's cost does not grow with its photos (each card is read with its row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import make_article, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_photo_cards_cost_no_query_each(admin_client):
    few = make_article(status=Article.Status.DRAFT, publish_at=None)
    make_image(few)
    make_quote(few, make_speaker(slug="s0"))
    many = make_article(status=Article.Status.DRAFT, publish_at=None)
    for _ in range(13):
        make_image(many)
    make_quote(many, make_speaker(slug="s1"))
    queries(admin_client, f"/admin/articles/article/{few.pk}/change/")  # caches warmed
    assert queries(admin_client, f"/admin/articles/article/{many.pk}/change/") == queries(
        admin_client, f"/admin/articles/article/{few.pk}/change/"
    )
