from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, yesterday
from tests.test_public_pages import NON_PUBLIC

pytestmark = pytest.mark.django_db

FEEDS = ["articles:feed", "articles:feed_atom"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


def theme_feed_url(slug):
    return reverse("articles:theme_feed", kwargs={"slug": slug})


class TestSiteFeeds:
    def test_rss_entries_carry_title_link_lead_date_themes_and_publisher(self, client):
        article = make_article(
            title="Police chiefs meet in Tirana",
            lead="Some 160 senior police representatives meet.",
            themes=["organized crime", "cybercrime"],
        )
        response, feed = parse(client, reverse("articles:feed"))
        assert response["Content-Type"].startswith("application/rss+xml")
        assert feed.version == "rss20" and not feed.bozo
        assert feed.feed.title == "Newsroom: press releases"
        assert feed.feed.link == "http://testserver/"
        (entry,) = feed.entries
        assert entry.title == "Police chiefs meet in Tirana"
        assert entry.link == "http://testserver" + article.get_absolute_url()
        assert entry.id == entry.link
        assert entry.summary == "Some 160 senior police representatives meet."
        assert entry.published_parsed[:6] == article.publish_at.utctimetuple()[:6]
        assert sorted(tag.term for tag in entry.tags) == ["cybercrime", "organized crime"]
        assert entry.author == "Newsroom"

    def test_atom_feed(self, client):
        article = make_article(title="Atom entry", themes=["migration"])
        response, feed = parse(client, reverse("articles:feed_atom"))
        assert response["Content-Type"].startswith("application/atom+xml")
        assert feed.version == "atom10" and not feed.bozo
        (entry,) = feed.entries
        assert entry.title == "Atom entry"
        assert entry.link == "http://testserver" + article.get_absolute_url()
        assert entry.summary == article.lead
        # Updated is when readers last saw it change: here, its publication.
        assert entry.updated_parsed[:6] == article.publish_at.utctimetuple()[:6]
        assert [tag.term for tag in entry.tags] == ["migration"]
        assert entry.author == "Newsroom"

    @pytest.mark.parametrize("name", FEEDS)
    def test_twenty_latest_public_releases_newest_first(self, client, name):
        for n in range(25):
            make_article(title=f"Release number {n}", publish_at=yesterday() - timedelta(hours=n))
        _, feed = parse(client, reverse(name))
        assert [entry.title for entry in feed.entries] == [f"Release number {n}" for n in range(20)]
        assert len({entry.id for entry in feed.entries}) == 20

    @NON_PUBLIC
    @pytest.mark.parametrize("name", FEEDS)
    def test_non_public_releases_stay_out(self, client, name, fields):
        make_article(title="Public one", themes=["a"])
        make_article(title="Hidden one", themes=["a"], **fields)
        for url in (reverse(name), theme_feed_url("a")):
            _, feed = parse(client, url)
            assert [entry.title for entry in feed.entries] == ["Public one"]

    def test_user_strings_are_escaped_xml(self, client):
        make_article(title="<script>alert(1)</script> & co", lead="Less < more > & 'quotes'")
        for name in FEEDS:
            response, feed = parse(client, reverse(name))
            assert b"<script>" not in response.content
            assert not feed.bozo
            assert feed.entries[0].title == "<script>alert(1)</script> & co"

    def test_characters_xml_cannot_carry_are_dropped(self, client):
        make_article(title="Bell\x07 and escape\x1b", lead="Form\x0cfeed", themes=["odd\x08 theme"])
        for url in (*(reverse(name) for name in FEEDS), theme_feed_url("odd-theme")):
            response, feed = parse(client, url)
            assert not feed.bozo, url
            assert feed.entries[0].title == "Bell and escape"
            assert feed.entries[0].summary == "Formfeed"

    @pytest.mark.parametrize("name", FEEDS)
    def test_query_count_does_not_grow_with_releases(self, client, django_assert_num_queries, name):
        make_article(themes=["a"])
        # the site's generation, releases, their themes, their lead photos
        with django_assert_num_queries(4):
            client.get(reverse(name))
        for n in range(25):
            make_article(themes=["a", f"t{n}"], event=make_event())
        with django_assert_num_queries(4):
            client.get(reverse(name))


class TestThemeFeed:
    def test_only_releases_of_the_theme(self, client):
        make_article(title="On migration", themes=["migration", "cybercrime"])
        make_article(title="On cybercrime", themes=["cybercrime"])
        response, feed = parse(client, theme_feed_url("migration"))
        assert feed.version == "rss20" and not feed.bozo
        assert "migration" in feed.feed.title
        assert feed.feed.link == "http://testserver" + reverse(
            "articles:theme", kwargs={"slug": "migration"}
        )
        assert [entry.title for entry in feed.entries] == ["On migration"]

    def test_unknown_theme_or_theme_without_public_releases_is_404(self, client):
        make_article(themes=["secret"], status="draft")
        assert client.get(theme_feed_url("nothing")).status_code == 404
        assert client.get(theme_feed_url("secret")).status_code == 404

    def test_query_count_does_not_grow_with_releases(self, client, django_assert_num_queries):
        make_article(themes=["a"])
        # the site's generation, theme, releases, their themes, their lead photos
        with django_assert_num_queries(5):
            client.get(theme_feed_url("a"))
        for n in range(25):
            make_article(themes=["a", f"t{n}"])
        with django_assert_num_queries(5):
            client.get(theme_feed_url("a"))
