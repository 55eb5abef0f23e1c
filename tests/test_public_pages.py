import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import querysets
from articles.models import Article, GalleryImage
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

# The ways a release can fail the publish rule; every public surface is tested against each.
NON_PUBLIC = pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.REVIEW},
        {"publish_at": tomorrow()},
        {"publish_at": yesterday() - timedelta(days=3), "unpublish_at": yesterday()},
    ],
    ids=["draft", "in-review", "embargoed", "expired"],
)


# The site's generation (articles.caching); the release with its event, notes
# to editors and media kit, its group's other languages and its related
# releases; its themes; its quotes with their speakers; its photos; its press
# contacts.
RELEASE_PAGE_QUERIES = 6


HOUR = timedelta(hours=1)


def detail_url(article):
    return reverse("articles:detail", kwargs={"slug": article.slug})


def theme_url(slug):
    return reverse("articles:theme", kwargs={"slug": slug})


def count_queries(client, url):
    """Queries made to answer ``url`` (which must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


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
        assert "<bdi>TIRANA, Albania</bdi> –" in html
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

    def test_gallery_escapes_what_editors_typed_and_loads_later_photos_lazily(self, client):
        article = make_article()
        for n in range(4):
            make_image(
                article,
                position=n,
                caption=f'<img src=x onerror="alert({n})"> & more',
                credit="</span><script>credit()</script>",
                licence="CC BY & co",
                alt_text='Hall "A" > hall B',
            )
        unready = make_image(article, position=9)
        GalleryImage.objects.filter(pk=unready.pk).update(renditions={})
        html = client.get(detail_url(article)).content.decode()
        start = html.index('<section class="gallery"')
        gallery = html[start : html.index("</section>", start)]
        assert "<img src=x" not in gallery and "<script>" not in gallery
        assert "&lt;img src=x onerror=&#34;alert(0)&#34;&gt; &amp; more" in gallery
        assert "Photo: <bdi>&lt;/span&gt;&lt;script&gt;credit()&lt;/script&gt;</bdi>" in gallery
        assert 'alt="Hall &#34;A&#34; &gt; hall B"' in gallery and "CC BY &amp; co" in gallery
        # Four photos with renditions shown and counted; the one without is left out.
        assert gallery.count('class="gallery__item"') == 4 and "(4)" in gallery
        assert "(photo 4 of 4, open large)" in gallery
        assert gallery.count('loading="lazy"') == 1

    def test_user_strings_are_escaped(self, client):
        article = make_article(title="<script>alert('t')</script>", lead="<b>lead</b>")
        make_quote(article, make_speaker(name="<i>Name</i>"), text="<script>q()</script>")
        html = client.get(detail_url(article)).content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html
        assert "<b>lead</b>" not in html
        assert "<i>Name</i>" not in html
        assert "<script>q()" not in html

    @NON_PUBLIC
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
        # The first views build each gallery's media kit, once.
        client.get(detail_url(small)), client.get(detail_url(big))
        with CaptureQueriesContext(connection) as one:
            assert client.get(detail_url(small)).status_code == 200
        with CaptureQueriesContext(connection) as thirteen:
            assert client.get(detail_url(big)).status_code == 200
        assert len(one) == len(thirteen)
        assert len(thirteen) <= RELEASE_PAGE_QUERIES

    def test_release_page_query_count_is_locked(self, client, django_assert_num_queries):
        article = make_article(themes=["a", "b"], event=make_event())
        make_image(article)
        make_quote(article)
        make_article(themes=["a"])
        client.get(detail_url(article))  # builds the media kit, once per gallery version
        with django_assert_num_queries(RELEASE_PAGE_QUERIES):
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
        # the site's generation; the page of releases with events (and the total);
        # their themes; their lead photos; the theme strip
        with django_assert_num_queries(5):
            client.get("/")
        for _ in range(17):
            make_image(make_article(themes=["x", "z"], event=make_event()))
        with django_assert_num_queries(5):
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


class TestReleaseLinks:
    def test_speakers_event_and_themes_link_to_their_pages(self, client):
        event = make_event(slug="tirana-2024")
        article = make_article(event=event, themes=["cybercrime"])
        speaker = make_speaker(slug="jurgen-stock", name="Jurgen Stock")
        make_quote(article, speaker)
        html = client.get(detail_url(article)).content.decode()
        assert f'href="{reverse("articles:speaker", kwargs={"slug": "jurgen-stock"})}"' in html
        assert f'href="{reverse("articles:event", kwargs={"slug": "tirana-2024"})}"' in html
        assert f'href="{reverse("articles:event_ics", kwargs={"slug": "tirana-2024"})}"' in html
        assert f'href="{theme_url("cybercrime")}"' in html

    def test_linked_pages_exist(self, client):
        event = make_event()
        article = make_article(event=event, themes=["cybercrime"])
        speaker = make_speaker()
        make_quote(article, speaker)
        for url in (speaker.get_absolute_url(), event.get_absolute_url(), theme_url("cybercrime")):
            assert client.get(url).status_code == 200, url


class TestRelatedReleases:
    def related_titles(self, client, article):
        response = client.get(detail_url(article))
        return [related.title for related in response.context["related"]]

    def test_ordered_by_shared_themes_then_date_at_most_four_never_itself(self, client):
        article = make_article(title="This one", themes=["a", "b", "c"])
        days = timedelta(days=1)
        make_article(title="One shared, newest", themes=["a", "x"])
        make_article(title="Two shared, old", themes=["a", "b"], publish_at=yesterday() - 9 * days)
        make_article(
            title="Three shared", themes=["a", "b", "c"], publish_at=yesterday() - 20 * days
        )
        make_article(title="One shared, older", themes=["c"], publish_at=yesterday() - 2 * days)
        make_article(title="One shared, oldest", themes=["b"], publish_at=yesterday() - 3 * days)
        make_article(title="Nothing shared", themes=["z"])
        assert self.related_titles(client, article) == [
            "Three shared",
            "Two shared, old",
            "One shared, newest",
            "One shared, older",
        ]
        html = client.get(detail_url(article)).content.decode()
        assert "Related releases" in html and "One shared, oldest" not in html

    @NON_PUBLIC
    def test_non_public_releases_are_never_related(self, client, fields):
        article = make_article(themes=["a"])
        make_article(title="Hidden", themes=["a"], **fields)
        make_article(title="Visible", themes=["a"])
        assert self.related_titles(client, article) == ["Visible"]

    def test_no_box_without_themes_or_relatives(self, client):
        lonely = make_article(themes=["only here"])
        bare = make_article()
        for article in (lonely, bare):
            html = client.get(detail_url(article)).content.decode()
            assert "Related releases" not in html

    def test_only_the_newest_candidates_are_scored(self, client, monkeypatch):
        """The cost stays flat as the archive grows: old releases are not looked at."""
        monkeypatch.setattr(querysets, "RELATED_CANDIDATES", 3)
        old = yesterday() - timedelta(days=30)
        make_article(title="Old, three shared", themes=["a", "b", "c"], publish_at=old)
        article = make_article(themes=["a", "b", "c"], publish_at=old)
        for n in range(3):
            make_article(title=f"New {n}", themes=["a"], publish_at=yesterday() - n * HOUR)
        assert [r.title for r in self.related(client, article)] == ["New 0", "New 1", "New 2"]
        monkeypatch.setattr(querysets, "RELATED_CANDIDATES", 4)
        titles = [r.title for r in self.related(client, article)]
        assert titles[0] == "Old, three shared"

    def related(self, client, article):
        return client.get(detail_url(article)).context["related"]

    def test_one_query_whatever_the_number_of_candidates(self, client):
        article = make_article(themes=["a", "b"])
        make_article(themes=["a"])
        few = count_queries(client, detail_url(article))
        for _ in range(12):
            make_article(themes=["a", "b"])
        assert count_queries(client, detail_url(article)) == few


class TestThemeStrip:
    def strip(self, client):
        html = client.get("/").content.decode()
        start = html.index('class="theme-strip"')
        return html[start : html.index("</nav>", start)]

    def test_most_used_public_themes_first_linking_to_theme_pages(self, client):
        for _ in range(3):
            make_article(themes=["border security"])
        make_article(themes=["cybercrime"])
        for _ in range(4):
            make_article(themes=["secret summit"], status=Article.Status.DRAFT)
        html = client.get("/").content.decode()
        strip = html[
            html.index('class="theme-strip"') : html.index("</nav>", html.index("theme-strip"))
        ]
        assert strip.index("border security") < strip.index("cybercrime")
        assert f'href="{theme_url("border-security")}"' in strip
        assert f'href="{reverse("articles:themes")}"' in strip
        assert "secret summit" not in html

    @NON_PUBLIC
    def test_non_public_releases_do_not_count(self, client, fields):
        make_article(themes=["migration"])
        make_article(themes=["migration"])
        for _ in range(3):
            make_article(themes=["secret summit", "cybercrime"], **fields)
        make_article(themes=["cybercrime"])
        strip = self.strip(client)
        assert "secret summit" not in strip
        # Two public releases on migration, one on cybercrime: the hidden three do not count.
        assert strip.index("migration") < strip.index("cybercrime")

    def test_counts_the_latest_releases_only_and_shows_twelve_at_most(self, client, monkeypatch):
        monkeypatch.setattr(querysets, "RECENT_RELEASES", 3)
        old = yesterday() - timedelta(days=30)
        for _ in range(5):
            make_article(themes=["old news"], publish_at=old)
        for n in range(3):
            make_article(themes=[f"theme {n:02}" for n in range(15)])
        strip = self.strip(client)
        assert "old news" not in strip
        assert strip.count('class="chip"') == 12
        assert "theme 00" in strip and "theme 12" not in strip

    def test_release_cards_link_their_themes(self, client):
        make_article(themes=["drug trafficking"])
        html = client.get("/").content.decode()
        assert f'<a class="chip" href="{theme_url("drug-trafficking")}">drug trafficking' in html


class TestThemePages:
    def test_index_counts_public_releases_only_and_hides_unused_themes(self, client):
        make_article(themes=["migration", "cybercrime"])
        make_article(themes=["migration"])
        make_article(themes=["migration", "embargoed only"], publish_at=tomorrow())
        response = client.get(reverse("articles:themes"))
        html = response.content.decode()
        counts = {theme.name: theme.public_count for theme in response.context["themes"]}
        assert counts == {"cybercrime": 1, "migration": 2}
        assert "2 releases" in html and "1 release<" in html
        assert "embargoed only" not in html
        assert f'href="{theme_url("migration")}"' in html

    @NON_PUBLIC
    def test_theme_of_non_public_releases_only_does_not_exist(self, client, fields):
        make_article(themes=["secret summit"], **fields)
        assert client.get(theme_url("secret-summit")).status_code == 404
        assert "secret summit" not in client.get(reverse("articles:themes")).content.decode()

    @NON_PUBLIC
    def test_theme_page_lists_its_public_releases_only(self, client, fields):
        make_article(title="Public on migration", themes=["migration"])
        make_article(title="Hidden on migration", themes=["migration"], **fields)
        make_article(title="Public on cybercrime", themes=["cybercrime"])
        response = client.get(theme_url("migration"))
        html = response.content.decode()
        assert response.status_code == 200
        # The name as typed, as in chips and breadcrumbs (one convention).
        assert '<h1 class="page-title"><bdi>migration</bdi></h1>' in html
        assert "Public on migration" in html
        assert "Hidden on migration" not in html and "Public on cybercrime" not in html
        assert f'href="{reverse("articles:theme_feed", kwargs={"slug": "migration"})}"' in html

    def test_unknown_theme_is_404(self, client):
        assert client.get(theme_url("no-such-theme")).status_code == 404

    def test_theme_with_non_ascii_name(self, client):
        make_article(title="Sur la sûreté", themes=["sûreté publique"])
        html = client.get("/").content.decode()
        url = theme_url("sûreté-publique")
        assert client.get(url).status_code == 200
        assert "Sur la sûreté" in client.get(url).content.decode()
        assert url in html

    def test_paginated_by_twenty(self, client):
        for _ in range(23):
            make_article(themes=["migration"])
        first = client.get(theme_url("migration"))
        assert len(first.context["articles"]) == 20
        assert "Page 1 of 2" in first.content.decode()
        assert len(client.get(theme_url("migration") + "?page=2").context["articles"]) == 3
        assert client.get(theme_url("migration") + "?page=3").status_code == 404

    def test_query_counts_do_not_grow_with_themes_and_releases(
        self, client, django_assert_num_queries
    ):
        make_article(themes=["migration", "cybercrime"])
        # the site's generation, themes with their public counts
        with django_assert_num_queries(2):
            client.get(reverse("articles:themes"))
        # the site's generation, theme, page of releases with the total, their
        # themes, their lead photos
        with django_assert_num_queries(5):
            client.get(theme_url("migration"))
        for n in range(25):
            make_article(themes=["migration", f"theme {n}"], event=make_event())
        with django_assert_num_queries(2):
            client.get(reverse("articles:themes"))
        with django_assert_num_queries(5):
            client.get(theme_url("migration"))


class TestSpeakerPage:
    def test_shows_the_speaker_and_their_public_quotes_linking_to_releases(self, client):
        speaker = make_speaker(
            name="Taulant Balla",
            role="Interior Minister of Albania",
            organisation="Government of Albania",
            bio="Host of the 2024 conference.",
        )
        first = make_article(title="Conference opens", publish_at=yesterday() - timedelta(days=5))
        second = make_article(title="Conference closes")
        older = make_quote(first, speaker, text="Crime is international.\n\nSo are we.")
        newer = make_quote(second, speaker, text="We did it together.", context="closing")
        make_quote(second, make_speaker(name="Someone Else"), text="Not this one.")
        response = client.get(speaker.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert '<h1 class="page-title"><bdi>Taulant Balla</bdi></h1>' in html
        assert "Interior Minister of Albania" in html and "Government of Albania" in html
        assert "Host of the 2024 conference." in html
        assert "<p>Crime is international.</p>" in html and "<p>So are we.</p>" in html
        assert f'href="{older.get_absolute_url()}"' in html
        assert f'href="{newer.get_absolute_url()}"' in html
        assert html.index("We did it together.") < html.index("Crime is international.")
        assert "Not this one." not in html

    def test_photo_is_shown(self, client):
        from articles.services import speaker_photo_renditions_make
        from tests.factories import image_upload

        speaker = make_speaker(photo=image_upload("balla.jpg"))
        speaker_photo_renditions_make(speaker=speaker)
        make_quote(make_article(), speaker)
        html = client.get(speaker.get_absolute_url()).content.decode()
        # A square rendition, never the original.
        assert f'src="{speaker.portrait_src}"' in html
        assert speaker.photo.url not in html

    @NON_PUBLIC
    def test_quotes_in_non_public_releases_are_not_shown(self, client, fields):
        speaker = make_speaker()
        make_quote(make_article(), speaker, text="Public words.")
        make_quote(make_article(title="Hidden release", **fields), speaker, text="Hidden words.")
        html = client.get(speaker.get_absolute_url()).content.decode()
        assert "Public words." in html
        assert "Hidden words." not in html and "Hidden release" not in html

    @NON_PUBLIC
    def test_speaker_quoted_only_in_non_public_releases_is_404(self, client, fields):
        speaker = make_speaker()
        make_quote(make_article(**fields), speaker)
        assert client.get(speaker.get_absolute_url()).status_code == 404

    def test_unknown_or_unquoted_speaker_is_404(self, client):
        assert client.get(reverse("articles:speaker", kwargs={"slug": "nobody"})).status_code == 404
        assert client.get(make_speaker().get_absolute_url()).status_code == 404

    def test_quotes_are_paginated(self, client):
        speaker = make_speaker()
        for _ in range(22):
            make_quote(make_article(), speaker)
        first = client.get(speaker.get_absolute_url())
        assert len(first.context["quotes"]) == 20
        assert "Page 1 of 2" in first.content.decode()
        assert len(client.get(speaker.get_absolute_url() + "?page=2").context["quotes"]) == 2
        assert client.get(speaker.get_absolute_url() + "?page=3").status_code == 404
        assert client.get(speaker.get_absolute_url() + "?page=x").status_code == 404

    def test_query_count_does_not_grow_with_quotes(self, client, django_assert_num_queries):
        speaker = make_speaker()
        make_quote(make_article(), speaker)
        # the site's generation; the speaker (if quoted in public); the page of quotes
        # with their releases and the total
        with django_assert_num_queries(3):
            client.get(speaker.get_absolute_url())
        for _ in range(25):
            make_quote(make_article(themes=["a"]), speaker)
        with django_assert_num_queries(3):
            client.get(speaker.get_absolute_url())


class TestNotFoundPage:
    @pytest.fixture(autouse=True)
    def _production(self, settings):
        settings.DEBUG = False

    def test_unknown_address_gets_a_friendly_page(self, client):
        response = client.get("/no-such-page/")
        html = response.content.decode()
        assert response.status_code == 404
        assert '<h1 class="page-title">Page not found</h1>' in html
        assert 'role="search"' in html and f'action="{reverse("articles:search")}"' in html
        assert f'href="{reverse("articles:list")}"' in html
        assert 'name="robots" content="noindex"' in html

    @NON_PUBLIC
    def test_non_public_release_gets_the_same_page(self, client, fields):
        response = client.get(detail_url(make_article(title="Secret", **fields)))
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()
        assert "Secret" not in response.content.decode()


class TestLayout:
    def public_urls(self):
        event = make_event()
        article = make_article(themes=["migration"], event=event)
        speaker = make_speaker()
        make_quote(article, speaker)
        return [
            reverse("articles:list"),
            detail_url(article),
            reverse("articles:themes"),
            theme_url("migration"),
            speaker.get_absolute_url(),
            reverse("articles:events"),
            event.get_absolute_url(),
            reverse("articles:search"),
            reverse("articles:search") + "?q=release",
        ]

    def test_every_page_has_one_h1_a_skip_link_a_search_form_and_feed_links(self, client):
        for url in self.public_urls():
            html = client.get(url).content.decode()
            assert html.count("<h1") == 1, url
            assert 'href="#main"' in html and 'id="main"' in html
            assert f'action="{reverse("articles:search")}"' in html
            rss, atom = reverse("articles:feed"), reverse("articles:feed_atom")
            assert f'title="Newsroom: press releases (RSS)" href="{rss}"' in html
            assert f'title="Newsroom: press releases (Atom)" href="{atom}"' in html

    def test_navigation_marks_the_current_page_and_section(self, client):
        make_article(themes=["migration"])
        home = client.get("/").content.decode()
        assert f'<a href="{reverse("articles:list")}" aria-current="page">' in home
        themes = client.get(reverse("articles:themes")).content.decode()
        assert f'<a href="{reverse("articles:themes")}" aria-current="page">' in themes
        theme = client.get(theme_url("migration")).content.decode()
        assert f'<a href="{reverse("articles:themes")}" aria-current="true">' in theme
        events = client.get(reverse("articles:events")).content.decode()
        assert f'<a href="{reverse("articles:events")}" aria-current="page">' in events
        assert events.count("aria-current=") == 1


class TestThemeOrder:
    def test_every_page_lists_a_releases_themes_by_name(self, client):
        article = make_article(themes=["organized crime", "Climate change", "border security"])
        wanted = ["border security", "Climate change", "organized crime"]

        def chips(html):
            return re.findall(r'<a class="chip" href="[^"]+">([^<]+)</a>', html)

        release = client.get(detail_url(article)).content.decode()
        assert chips(release) == wanted
        assert re.findall(r'<meta property="article:tag" content="([^"]+)">', release) == wanted
        home = client.get(reverse("articles:list")).content.decode()
        assert chips(home.split('<article class="card">')[1]) == wanted
        feed = client.get(reverse("articles:feed")).content.decode()
        assert re.findall(r"<category>([^<]+)</category>", feed) == wanted
