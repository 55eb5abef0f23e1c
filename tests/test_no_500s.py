"""
No anonymous 500s: page numbers no database can offset by, control characters
in addresses and query strings, odd filters on the admin's lists and a form
sent without its CSRF token each get a 404, a 400, the admin's "?e=1" or an
ordinary page, never a server error (on PostgreSQL: "bigint out of range",
NUL in a text parameter).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.paginator import EmptyPage
from django.test import Client
from django.urls import reverse

from articles.admin_lists import CheckedListMixin
from articles.models import Article, Event
from articles.reading import SinglePassPaginator
from articles.sitemaps import SITEMAPS
from tests.conftest import rows_for_the_class
from tests.factories import make_article, make_event, make_quote, make_speaker

pytestmark = pytest.mark.django_db

PAGE_SIZE = settings.NEWSROOM_PAGE_SIZE
# The last page whose rows an OFFSET (a signed 64-bit integer) can reach.
LAST_REACHABLE_PAGE = (2**63 - 1) // PAGE_SIZE
HUGE_PAGES = [
    "9223372036854775807",
    "99999999999999999999",
    str(LAST_REACHABLE_PAGE + 1),
    "1" + "0" * 60,
    "9" * 5000,
]
LIST_URLS = ["/", "/themes/migration/", "/events/", "/speakers/jurgen-stock/", "/search/?q=police"]
CONTROL_CHARACTERS = ["%00", "%01", "%0A", "%1F", "%7F"]


def _build_site() -> int:
    speaker = make_speaker(slug="jurgen-stock")
    event = make_event(slug="tirana-2023", start_date=date(2023, 5, 10))
    article = make_article(
        slug="police-cooperation", title="Police cooperation", event=event, themes=["migration"]
    )
    make_quote(article, speaker)
    return article.pk


@pytest.fixture(scope="class")
def _site_of_the_class(django_db_setup, django_db_blocker):
    """The tests of a class only read the site (or add to it): made once per class."""
    yield from rows_for_the_class(django_db_blocker, _build_site)


@pytest.fixture
def site(_site_of_the_class):
    """One of everything a list shows, so that every list has a first page."""
    return Article.objects.get(pk=_site_of_the_class)


def with_page(url: str, page: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}page={page}"


class TestPageNumbers:
    @pytest.mark.parametrize("url", LIST_URLS)
    def test_every_list_has_its_first_page(self, client, site, url):
        assert Event.objects.past().exists()
        assert client.get(url).status_code == 200

    @pytest.mark.parametrize("page", HUGE_PAGES)
    @pytest.mark.parametrize("url", LIST_URLS)
    def test_a_page_no_offset_can_reach_is_not_found(self, client, site, url, page):
        assert client.get(with_page(url, page)).status_code == 404

    @pytest.mark.parametrize("page", ["1000000", str(LAST_REACHABLE_PAGE)])
    @pytest.mark.parametrize("url", LIST_URLS)
    def test_a_far_page_an_offset_can_reach_is_an_ordinary_404(self, client, site, url, page):
        assert client.get(with_page(url, page)).status_code == 404

    @pytest.mark.parametrize("char", CONTROL_CHARACTERS)
    @pytest.mark.parametrize("url", LIST_URLS)
    def test_a_page_number_with_a_control_character_is_not_found(self, client, site, url, char):
        assert client.get(with_page(url, char)).status_code == 404

    @pytest.mark.parametrize("page", [*HUGE_PAGES, "%00"])
    def test_the_api_answers_with_its_json_404(self, client, site, page):
        response = client.get(f"{reverse('articles:api_releases')}?page={page}")
        assert response.status_code == 404
        assert response.json() == {"error": "not_found", "detail": "There is no such page."}

    def test_the_paginator_refuses_before_it_asks_the_database(
        self, site, django_assert_num_queries
    ):
        paginator = SinglePassPaginator(Article.objects.public(), PAGE_SIZE)
        with django_assert_num_queries(0), pytest.raises(EmptyPage):
            paginator.page(LAST_REACHABLE_PAGE + 1)

    def test_the_paginator_still_reads_a_page_and_its_total_in_one_query(
        self, site, django_assert_num_queries
    ):
        paginator = SinglePassPaginator(Article.objects.public(), PAGE_SIZE)
        with django_assert_num_queries(1):
            assert [article.slug for article in paginator.page(1)] == ["police-cooperation"]
            assert paginator.count == 1

    @pytest.mark.parametrize("name", ["releases", "themes", "events", "speakers"])
    def test_the_sitemaps_refuse_them_too(self, site, name, django_assert_num_queries):
        sitemap = SITEMAPS[name]()
        with django_assert_num_queries(0), pytest.raises(EmptyPage):
            sitemap.paginator.page(HUGE_PAGES[0])

    def test_the_sitemap_answers_404(self, client, site):
        assert client.get(f"{reverse('articles:sitemap')}?p={HUGE_PAGES[0]}").status_code == 404


class TestControlCharacters:
    @pytest.mark.parametrize("char", CONTROL_CHARACTERS)
    @pytest.mark.parametrize(
        "pattern",
        [
            "/share/{}/",
            "/share/abc{}def/",
            "/themes/{}/",
            "/themes/a{}/",
            "/themes/a{}/feed/",
            "/releases/a{}/",
            "/preview/a{}/",
            "/speakers/{}/",
            "/events/{}/",
            "/events/a{}.ics",
            "/api/releases/a{}/",
        ],
    )
    def test_an_address_with_one_is_not_found(self, client, site, pattern, char):
        assert client.get(pattern.format(char)).status_code == 404

    def test_an_address_that_is_not_utf8_is_not_found(self, client, site):
        assert client.get("/themes/%FF/").status_code == 404
        assert client.get("/share/%C3%28/").status_code == 404

    def test_themes_with_non_ascii_names_still_answer(self, client):
        [theme] = make_article(themes=["sécurité 安全"]).themes.all()
        for name in ["articles:theme", "articles:theme_feed"]:
            assert client.get(reverse(name, kwargs={"slug": theme.slug})).status_code == 200

    @pytest.mark.parametrize("char", CONTROL_CHARACTERS)
    def test_a_search_for_one_is_an_empty_search(self, client, site, char):
        response = client.get(f"/search/?q={char}")
        assert response.status_code == 200
        assert response.context["query"] == ""

    def test_a_search_with_one_inside_a_word_searches_without_it(self, client, site):
        response = client.get("/search/?q=Police%00")
        assert response.status_code == 200
        assert [article.slug for article in response.context["articles"]] == ["police-cooperation"]


class TestCsrfFailurePage:
    @pytest.fixture
    def csrf_client(self):
        return Client(enforce_csrf_checks=True)

    @pytest.mark.parametrize("url", ["/search/", "/", "/admin/login/", "/releases/x/"])
    def test_is_the_sites_own_page(self, csrf_client, url):
        response = csrf_client.post(url, {"q": "police"})
        assert response.status_code == 403
        html = response.content.decode()
        assert f"The form has expired — {settings.NEWSROOM_SITE_NAME}</title>" in html
        assert "Go back, reload the page and send the form again." in html
        assert 'rel="stylesheet"' in html
        assert 'name="robots" content="noindex' in html

    @pytest.mark.parametrize("url", ["/search/", "/admin/login/"])
    def test_has_no_inline_style_or_script(self, csrf_client, url):
        html = csrf_client.post(url).content.decode()
        assert not re.search(r"<style\b|\sstyle\s*=|\son[a-z]+\s*=", html, re.I)
        assert all("src=" in attrs for attrs in re.findall(r"<script\b([^>]*)>", html, re.I))

    def test_is_never_cached(self, csrf_client):
        assert "no-store" in csrf_client.post("/search/")["Cache-Control"]

    def test_a_form_with_its_token_still_goes_through(self, csrf_client):
        csrf_client.get("/admin/login/")
        token = csrf_client.cookies[settings.CSRF_COOKIE_NAME].value
        response = csrf_client.post(
            "/admin/login/", {"username": "x", "password": "y", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 200
        assert "The form has expired" not in response.content.decode()

    def test_the_ordinary_forbidden_page_is_unchanged(self, rf):
        from django.views.defaults import permission_denied

        html = permission_denied(rf.get("/"), Exception()).content.decode()
        assert "You are not allowed to do that" in html
        assert "The form has expired" not in html


# --- The admin's lists: these need articles/admin/ to use CheckedListMixin -----------------

ADMIN_RELEASES = "/admin/articles/article/"


class TestAdminLists:
    @pytest.mark.parametrize("model", ["Article", "Event", "Speaker", "Theme"])
    def test_use_the_checked_list(self, model):
        from articles import models

        assert isinstance(admin.site._registry[getattr(models, model)], CheckedListMixin)

    @pytest.mark.parametrize(
        "query",
        [
            "status__exact=%00",
            "status__exact=draft%00",
            "title__startswith=%00",
            "language__exact=%00",
            "state=%00",
            "%00=1",
            "publish_at__year=99999999999",
            "publish_at__year=-99999999999",
            "publish_at__year=%00",
            "publish_at__year=9999&publish_at__month=12",
            "publish_at__year=9999&publish_at__month=12&publish_at__day=31",
            "publish_at__year=2024&publish_at__month=99",
            "publish_at__year=2024&publish_at__month=2&publish_at__day=31",
            "title__regex=(",
            "title__iregex=%5B",
        ],
    )
    def test_an_odd_filter_is_an_invalid_lookup(self, admin_client, site, query):
        response = admin_client.get(f"{ADMIN_RELEASES}?{query}")
        assert (response.status_code, response["Location"]) == (302, f"{ADMIN_RELEASES}?e=1")

    @pytest.mark.parametrize(
        "query",
        [
            "q=%00",
            "q=Police%00",
            "p=9223372036854775807",
            "p=%00",
            "o=%00",
            "themes__id__exact=99999999999999999999",
            "event__id__exact=9223372036854775808",
        ],
    )
    def test_an_odd_search_page_or_order_is_not_a_server_error(self, admin_client, site, query):
        response = admin_client.get(f"{ADMIN_RELEASES}?{query}")
        assert response.status_code in (200, 302)

    def test_the_event_list_refuses_a_year_past_the_calendar(self, admin_client):
        url = "/admin/articles/event/"
        response = admin_client.get(f"{url}?start_date__year=99999999999")
        assert (response.status_code, response["Location"]) == (302, f"{url}?e=1")

    def test_the_autocomplete_ignores_nul(self, admin_client, site):
        query = {"app_label": "articles", "model_name": "article", "field_name": "event"}
        response = admin_client.get("/admin/autocomplete/", {"term": "Conf\x00", **query})
        assert response.status_code == 200
        assert [result["text"] for result in response.json()["results"]] == [str(site.event)]

    def test_filters_still_filter(self, admin_client, site):
        make_article(slug="draft-one", status=Article.Status.DRAFT)
        year = site.publish_at.year

        def listed(query):
            response = admin_client.get(f"{ADMIN_RELEASES}?{query}")
            assert response.status_code == 200, query
            return [article.slug for article in response.context["cl"].result_list]

        assert listed("status__exact=draft") == ["draft-one"]
        assert listed("state=live") == ["police-cooperation"]
        assert "police-cooperation" in listed(f"publish_at__year={year}")
        assert listed("q=Police") == ["police-cooperation"]
        assert listed("title__startswith=Police") == ["police-cooperation"]
