"""
Theme names keep one convention everywhere: the name as the editors typed it,
shown alike in chips, headings, breadcrumbs, page titles and admin filters;
a name typed in another case joins the existing theme and keeps its spelling.
"""

import re

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from tests.factories import make_article
from tests.test_admin import release_form
from tests.test_workflow import change_url, open_form, signed_in, staff

pytestmark = pytest.mark.django_db

SUGGEST = reverse("admin:articles_article_theme_suggest")


def texts(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_public_pages_show_the_name_as_typed(client):
    make_article(themes=["cybercrime"])
    page = client.get(reverse("articles:theme", kwargs={"slug": "cybercrime"})).content.decode()
    assert "<title>cybercrime" in page
    assert re.search(r'<h1 class="page-title"><bdi>\s*cybercrime\s*</bdi></h1>', page)
    assert "Cybercrime" not in texts(page)
    index = client.get(reverse("articles:themes")).content.decode()
    assert ">cybercrime</a>" in index


def test_admin_filter_and_list_show_the_name_as_typed():
    make_article(themes=["Human trafficking", "cybercrime"])
    html = signed_in(staff("pub", "Publishers")).get(reverse("admin:articles_article_changelist"))
    page = html.content.decode()
    assert "cybercrime" in page and "Cybercrime" not in page
    assert "Human trafficking" in page


def test_suggestions_offer_the_existing_spelling_whatever_the_case_typed():
    make_article(themes=["cybercrime", "organized crime"])
    client = signed_in(staff("ed", "Editors"))
    assert client.get(SUGGEST, {"q": "CYBER"}).json() == {"themes": ["cybercrime"]}
    assert client.get(SUGGEST, {"q": "crime"}).json()["themes"] == [
        "cybercrime",
        "organized crime",
    ]


def test_names_starting_with_the_term_come_first():
    make_article(themes=["organized crime", "crime prevention"])
    client = signed_in(staff("ed", "Editors"))
    assert client.get(SUGGEST, {"q": "crime"}).json()["themes"][0] == "crime prevention"


def test_suggestions_are_for_staff_only(client):
    assert client.get(SUGGEST, {"q": "c"}).status_code == 302


def test_a_theme_typed_in_another_case_keeps_the_existing_spelling():
    make_article(themes=["cybercrime"])
    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    client = signed_in(staff("ed", "Editors"))
    form = open_form(client, article)
    form["themes"] = "Cybercrime, Deep fakes"
    assert client.post(change_url(article), form).status_code == 302
    assert sorted(t.name for t in article.themes.all()) == ["Deep fakes", "cybercrime"]
    assert Tag.objects.filter(name__iexact="cybercrime").count() == 1


def test_the_form_field_carries_the_chips_attributes():
    client = signed_in(staff("ed", "Editors"))
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'data-nr-suggest-url="{SUGGEST}"' in html
    assert release_form()["themes"]  # the form still posts names as text without JavaScript
