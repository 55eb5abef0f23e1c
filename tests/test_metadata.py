import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_event, make_image, make_quote, make_speaker
from tests.test_public_pages import NON_PUBLIC, RELEASE_PAGE_QUERIES, detail_url

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def meta(html, attribute, name):
    """Contents of every <meta {attribute}="{name}" content="..."> in the page."""
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)


@pytest.fixture
def release():
    event = make_event(
        name="European Regional Conference",
        slug="erc-2024",
        venue="Conference centre",
        city="Tirana",
        country="Albania",
        start_date=date(2024, 6, 11),
        end_date=date(2024, 6, 13),
    )
    article = make_article(
        title="Police chiefs meet in Tirana",
        lead="Some 160 senior police representatives meet.",
        dateline_city="Tirana",
        dateline_country="Albania",
        event=event,
        themes=["organized crime", "cybercrime"],
        reference="PR-2024-061",
    )
    speaker = make_speaker(
        name="Jurgen Stock",
        slug="jurgen-stock",
        role="Secretary General of INTERPOL",
        organisation="INTERPOL",
    )
    make_quote(article, speaker, text="We can only take on these challenges together.")
    first = make_image(article, width=2000, alt_text="The opening session")
    make_image(article, width=2000, alt_text="The closing session")
    return article, first


class TestReleaseMetadata:
    def test_title_description_and_canonical(self, client, release):
        article, _ = release
        html = client.get(detail_url(article)).content.decode()
        assert "<title>Police chiefs meet in Tirana — Newsroom</title>" in html
        assert meta(html, "name", "description") == ["Some 160 senior police representatives meet."]
        url = "http://testserver" + article.get_absolute_url()
        assert f'<link rel="canonical" href="{url}">' in html

    def test_opengraph_and_twitter_card(self, client, release):
        article, image = release
        html = client.get(detail_url(article)).content.decode()
        url = "http://testserver" + article.get_absolute_url()
        assert meta(html, "property", "og:type") == ["article"]
        assert meta(html, "property", "og:title") == ["Police chiefs meet in Tirana"]
        assert meta(html, "property", "og:description") == [article.lead]
        assert meta(html, "property", "og:url") == [url]
        assert meta(html, "property", "og:image") == ["http://testserver" + image.large_url]
        assert meta(html, "property", "og:image:width") == ["1600"]
        # The upload is 2000 × 480: the 1600 px rendition keeps its proportions.
        assert meta(html, "property", "og:image:height") == ["384"]
        assert meta(html, "property", "og:image:alt") == ["The opening session"]
        published = timezone.localtime(article.publish_at).isoformat(timespec="seconds")
        assert meta(html, "property", "article:published_time")[0].startswith(published[:19])
        assert meta(html, "property", "article:modified_time")
        assert sorted(meta(html, "property", "article:tag")) == ["cybercrime", "organized crime"]
        assert meta(html, "name", "twitter:card") == ["summary_large_image"]
        assert meta(html, "name", "twitter:image") == ["http://testserver" + image.large_url]

    def test_without_images_the_card_is_a_summary(self, client):
        html = client.get(detail_url(make_article())).content.decode()
        assert meta(html, "name", "twitter:card") == ["summary"]
        assert meta(html, "property", "og:image") == []
        assert "image" not in json_ld(html)

    def test_json_ld_news_article(self, client, release):
        article, image = release
        html = client.get(detail_url(article)).content.decode()
        data = json_ld(html)
        url = "http://testserver" + article.get_absolute_url()
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Police chiefs meet in Tirana"
        assert data["description"] == article.lead
        assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
        assert data["datePublished"].startswith(
            timezone.localtime(article.publish_at).isoformat()[:19]
        )
        assert data["dateModified"]
        assert data["dateline"] == "TIRANA, Albania"
        assert data["locationCreated"] == {
            "@type": "Place",
            "name": "Tirana, Albania",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Tirana",
                "addressCountry": "Albania",
            },
        }
        assert data["image"][0] == "http://testserver" + image.large_url
        assert len(data["image"]) == 2
        assert sorted(data["keywords"]) == ["cybercrime", "organized crime"]
        assert data["inLanguage"] == "en"
        assert data["identifier"] == "PR-2024-061"
        publisher = {"@type": "Organization", "name": "Newsroom", "url": "http://testserver/"}
        assert data["publisher"] == publisher and data["author"] == publisher

    def test_json_ld_quotes_speakers_and_event(self, client, release):
        article, _ = release
        data = json_ld(client.get(detail_url(article)).content.decode())
        (quote,) = data["hasPart"]
        assert quote["@type"] == "Quotation"
        assert quote["text"] == "We can only take on these challenges together."
        assert quote["spokenByCharacter"] == {
            "@type": "Person",
            "name": "Jurgen Stock",
            "url": "http://testserver" + reverse("articles:speaker", args=["jurgen-stock"]),
            "jobTitle": "Secretary General of INTERPOL",
            "affiliation": {"@type": "Organization", "name": "INTERPOL"},
        }
        event = data["about"]
        assert event["@type"] == "Event"
        assert event["name"] == "European Regional Conference"
        assert (event["startDate"], event["endDate"]) == ("2024-06-11", "2024-06-13")
        assert event["location"]["@type"] == "Place"
        assert event["location"]["address"]["addressLocality"] == "Tirana"
        assert event["location"]["address"]["addressCountry"] == "Albania"

    def test_json_ld_cannot_be_broken_out_of(self, client):
        title = '</script><script>alert("x")</script> & <!-- co'
        article = make_article(title=title, lead="<b>bold</b>")
        make_quote(article, make_speaker(name="</script>"), text="</SCRIPT>")
        html = client.get(detail_url(article)).content.decode()
        block = html[html.index('<script type="application/ld+json">') :]
        block = block[: block.index("</script>")]
        assert "<" not in block[1:] and ">" not in block[block.index(">") + 1 :]
        assert "&" not in block
        data = json_ld(html)
        assert data["headline"] == title
        assert data["description"] == "<b>bold</b>"
        assert data["hasPart"][0]["text"] == "</SCRIPT>"
        assert '<script>alert("x")' not in html

    def test_metadata_costs_no_extra_query(self, client, release, django_assert_num_queries):
        article, _ = release
        client.get(detail_url(article))  # builds the media kit, once per gallery version
        with django_assert_num_queries(RELEASE_PAGE_QUERIES):
            client.get(detail_url(article))


def sitemap_urls(client):
    response = client.get(reverse("articles:sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return {
        url.find("sm:loc", SITEMAP_NS).text: getattr(
            url.find("sm:lastmod", SITEMAP_NS), "text", None
        )
        for url in root.findall("sm:url", SITEMAP_NS)
    }


class TestSitemap:
    def test_lists_releases_themes_events_speakers_and_sections(self, client):
        event = make_event()
        article = make_article(event=event, themes=["migration"])
        speaker = make_speaker()
        make_quote(article, speaker)
        urls = sitemap_urls(client)
        base = "http://testserver"
        assert urls[base + article.get_absolute_url()] == article.updated_at.date().isoformat()
        for path in (
            reverse("articles:theme", kwargs={"slug": "migration"}),
            event.get_absolute_url(),
            speaker.get_absolute_url(),
            reverse("articles:list"),
            reverse("articles:themes"),
            reverse("articles:events"),
        ):
            assert base + path in urls, path
        # The three sections in each language of the interface (en, fr, es, ar).
        assert base + "/ar/themes/" in urls
        assert len(urls) == 4 + 3 * 4

    @NON_PUBLIC
    def test_nothing_non_public(self, client, fields):
        event = make_event()
        article = make_article(event=event, themes=["secret"], **fields)
        speaker = make_speaker()
        make_quote(article, speaker)
        urls = "\n".join(sitemap_urls(client))
        assert article.slug not in urls
        assert "secret" not in urls
        assert event.slug not in urls and speaker.slug not in urls

    def test_query_count_does_not_grow(self, client, django_assert_num_queries):
        make_quote(make_article(event=make_event(), themes=["a"]))
        # the site's generation; releases, themes, events, speakers (each with its total);
        # the releases' other languages
        with django_assert_num_queries(6):
            client.get(reverse("articles:sitemap"))
        for n in range(15):
            make_quote(make_article(event=make_event(), themes=[f"t{n}"]))
        with django_assert_num_queries(6):
            client.get(reverse("articles:sitemap"))


class TestRobots:
    def test_allows_all_but_the_private_parts_and_names_the_sitemap(self, client):
        article = make_article(status="draft")
        response = client.get(reverse("articles:robots"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert lines[0] == "User-agent: *"
        assert "Allow: /" in lines
        disallowed = [line.removeprefix("Disallow: ") for line in lines if "Disallow" in line]
        assert disallowed == ["/admin/", "/preview/", "/share/"]
        # The rules really cover those pages.
        preview = reverse("articles:preview", kwargs={"slug": article.slug})
        assert preview.startswith("/preview/")
        assert reverse("admin:index").startswith("/admin/")
        assert f"Sitemap: http://testserver{reverse('articles:sitemap')}" in lines
        assert reverse("articles:robots") == "/robots.txt"
