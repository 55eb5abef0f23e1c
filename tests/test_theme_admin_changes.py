"""A theme renamed in the admin (through its proxy model) shows at once, cleaned."""

import pytest
from django.urls import reverse

from articles.models import Theme
from tests.factories import make_article
from tests.formdata import form_data

pytestmark = pytest.mark.django_db


def test_a_theme_renamed_in_the_admin_is_not_served_stale_from_the_cache(
    client, admin_client, page_cache, django_capture_on_commit_callbacks
):
    article = make_article(themes=["cybercrime"])
    assert "cybercrime" in client.get(article.get_absolute_url()).content.decode()
    theme = Theme.objects.get(name="cybercrime")
    url = reverse("admin:articles_theme_change", args=[theme.pk])
    data = form_data(admin_client.get(url).content.decode(), "theme_form")
    data["name"] = "Cyber\u200bcrime online"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, data).status_code == 302
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Cybercrime online" in page
    assert "\u200b" not in page
