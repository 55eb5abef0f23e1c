from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    make_article,
    make_event,
    make_image,
    make_quote,
    make_speaker,
    tomorrow,
    yesterday,
)

pytestmark = pytest.mark.django_db


def detail_url(article):
    return reverse("articles:detail", kwargs={"slug": article.slug})


class TestReleasePage:
    def test_shows_dateline_lead_body_quotes_event_and_themes(self, client):
        event = make_event(name="European Regional Conference", city="Tirana", country="Albania")
        article = make_article(
            title="Police chiefs meet",
            dateline_city="Tirana",
            dateline_country="Albania",
            lead="Some 160 senior police representatives meet.",
            body="<p>Three days of talks.</p>",
            event=event,
            themes=["organized crime", "cybercrime"],
        )
        speaker = make_speaker(name="Jurgen Stock", role="Secretary General of INTERPOL")
        make_quote(article, speaker, text="First paragraph.\n\nSecond paragraph.")
        response = client.get(detail_url(article))
        html = response.content.decode()
        assert response.status_code == 200
        assert '<h1 class="release__title">Police chiefs meet</h1>' in html
        assert "TIRANA, Albania –" in html
        assert "Some 160 senior police representatives meet." in html
        assert "<p>Three days of talks.</p>" in html
        assert "Jurgen Stock" in html and "Secretary General of INTERPOL" in html
        assert "<p>First paragraph.</p>" in html and "<p>Second paragraph.</p>" in html
        assert "European Regional Conference" in html
        assert "organized crime" in html and "cybercrime" in html

    def test_gallery_shows_renditions_never_the_original_inline(self, client):
        article = make_article()
        image = make_image(
            article, width=2000, caption="Opening session", credit="Jane Doe", licence="Editorial"
        )
        html = client.get(detail_url(article)).content.decode()
        assert image.srcset_webp and image.srcset_webp in html
        assert 'type="image/webp"' in html
        assert 'alt="Delegates in the conference hall"' in html
        assert "Opening session" in html and "Jane Doe" in html and "Editorial" in html
        # The original is offered as a download link, not displayed.
        assert f'src="{image.image.url}"' not in html
        assert f'href="{image.image.url}" download' in html
        # Without JavaScript the thumbnail links to the large rendition.
        assert f'href="{image.large_url}"' in html
        assert "1600w" in image.srcset_webp

    def test_user_strings_are_escaped(self, client):
        article = make_article(title="<script>alert('t')</script>", lead="<b>lead</b>")
        make_quote(article, make_speaker(name="<i>Name</i>"), text="<script>q()</script>")
        html = client.get(detail_url(article)).content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html
        assert "<b>lead</b>" not in html
        assert "<i>Name</i>" not in html
        assert "<script>q()" not in html

    @pytest.mark.parametrize(
        "fields",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"publish_at": tomorrow()},
            {"publish_at": yesterday() - timedelta(days=3), "unpublish_at": yesterday()},
        ],
        ids=["draft", "in-review", "embargoed", "expired"],
    )
    def test_non_public_release_is_404_for_readers(self, client, fields):
        article = make_article(**fields)
        assert client.get(detail_url(article)).status_code == 404

    def test_query_count_does_not_grow_with_images_and_quotes(self, client):
        small = make_article(themes=["a"])
        make_image(small)
        make_quote(small)
        big = make_article(themes=["a", "b", "c", "d", "e", "f"], event=make_event())
        for _ in range(13):
            make_image(big, width=480)
        for _ in range(3):
            make_quote(big)
        with CaptureQueriesContext(connection) as one:
            assert client.get(detail_url(small)).status_code == 200
        with CaptureQueriesContext(connection) as thirteen:
            assert client.get(detail_url(big)).status_code == 200
        assert len(one) == len(thirteen)
        assert len(thirteen) <= 6

    def test_release_page_query_count_is_locked(self, client, django_assert_num_queries):
        article = make_article(themes=["a", "b"], event=make_event())
        make_image(article)
        make_quote(article)
        # release + event, themes, quotes with speakers, images
        with django_assert_num_queries(4):
            client.get(detail_url(article))


class TestHomePage:
    def test_lists_public_releases_newest_first(self, client):
        older = make_article(title="Older release", publish_at=yesterday().replace(year=2023))
        newer = make_article(title="Newer release", themes=["migration"])
        make_article(title="Draft release", status=Article.Status.DRAFT)
        make_article(title="Embargoed release", publish_at=tomorrow())
        html = client.get("/").content.decode()
        assert html.index(newer.title) < html.index(older.title)
        assert "Draft release" not in html and "Embargoed release" not in html
        assert "migration" in html

    def test_paginates_by_twenty(self, client):
        for _ in range(25):
            make_article()
        first = client.get("/")
        assert len(first.context["articles"]) == 20
        assert "Page 1 of 2" in first.content.decode()
        second = client.get("/?page=2")
        assert len(second.context["articles"]) == 5
        assert client.get("/?page=3").status_code == 404

    def test_query_count_does_not_grow_with_releases(self, client, django_assert_num_queries):
        for _ in range(3):
            make_article(themes=["x", "y"], event=make_event())
        # count, page of releases with events, themes
        with django_assert_num_queries(3):
            client.get("/")
        for _ in range(17):
            make_article(themes=["x", "z"], event=make_event())
        with django_assert_num_queries(3):
            client.get("/")

    def test_empty_site_says_so(self, client):
        assert "No releases have been published yet." in client.get("/").content.decode()


class TestStaffPreview:
    def test_staff_can_preview_a_draft_noindexed(self, client, admin_user):
        article = make_article(status=Article.Status.DRAFT, title="Secret draft")
        client.force_login(admin_user)
        response = client.get(reverse("articles:preview", kwargs={"slug": article.slug}))
        assert response.status_code == 200
        assert "Secret draft" in response.content.decode()
        assert 'name="robots" content="noindex' in response.content.decode()
        assert response["X-Robots-Tag"].startswith("noindex")
        assert "no-cache" in response["Cache-Control"]

    def test_anonymous_preview_redirects_to_login(self, client):
        article = make_article(status=Article.Status.DRAFT)
        response = client.get(reverse("articles:preview", kwargs={"slug": article.slug}))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
