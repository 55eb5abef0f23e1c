"""
The public site per language: /fr/…, /es/…, /ar/… with the default language
unprefixed; each release lists its group's public languages (switcher and
hreflang alternates), and lists, feeds, sitemap and API give each group once,
in the reader's language where it exists.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from articles.models import Article, ShareLink
from articles.translations import shared
from tests.factories import make_article, make_image, make_quote

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def translate(source, language, title, *, publish=True):
    version = shared.translation_create(source=source, language=language)
    version.title, version.lead = title, f"{title}."
    if publish:
        version.status = Article.Status.PUBLISHED
    version.save()
    return version


@pytest.fixture
def group():
    source = make_article(
        title="Conference opens", slug="conference", themes=["Cybercrime"], reference="PR/1"
    )
    make_quote(source, text="We act together.")
    make_image(source)
    french = translate(source, "fr", "La conférence s’ouvre")
    arabic = translate(source, "ar", "افتتاح المؤتمر")
    draft = translate(source, "es", "Se abre la conferencia", publish=False)
    alone = make_article(title="Only in English", slug="only-english", themes=["Cybercrime"])
    return {"en": source, "fr": french, "ar": arabic, "es": draft, "alone": alone}


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


class TestReleasePage:
    def test_each_language_has_its_address_and_interface(self, client, group):
        french = page(client, "/fr/releases/conference-fr/")
        assert '<html lang="fr" dir="ltr">' in french
        assert "La conférence s’ouvre" in french
        arabic = page(client, "/ar/releases/conference-ar/")
        assert '<html lang="ar" dir="rtl">' in arabic
        assert '<h1 class="release__title">افتتاح المؤتمر</h1>' in arabic

    def test_the_switcher_lists_the_public_languages_only(self, client, group):
        html = page(client, "/fr/releases/conference-fr/")
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        assert 'href="/releases/conference/" hreflang="en"' in switcher
        assert 'href="/ar/releases/conference-ar/" hreflang="ar"' in switcher
        assert '<span aria-current="page" lang="fr">Français</span>' in switcher
        # The Spanish draft is nowhere.
        assert "conference-es" not in html and "Se abre" not in html

    def test_hreflang_alternates_are_absolute_and_reciprocal(self, client, group):
        expected = {
            "en": "http://testserver/releases/conference/",
            "fr": "http://testserver/fr/releases/conference-fr/",
            "ar": "http://testserver/ar/releases/conference-ar/",
            "x-default": "http://testserver/releases/conference/",
        }
        for url in expected.values():
            html = page(client, url.removeprefix("http://testserver"))
            for language, href in expected.items():
                assert f'<link rel="alternate" hreflang="{language}" href="{href}">' in html
            assert 'hreflang="es"' not in html

    def test_the_canonical_address_is_the_release_own_language(self, client, group):
        # Read with the Arabic interface, the English release names its own address.
        html = page(client, "/ar/releases/conference/")
        assert '<link rel="canonical" href="http://testserver/releases/conference/">' in html
        assert '<html lang="ar" dir="rtl">' in html
        assert '<h1 class="release__title" lang="en" dir="ltr">Conference opens</h1>' in html

    def test_a_release_never_translated_has_no_switcher(self, client, group):
        html = page(client, "/releases/only-english/")
        assert "language-switcher" not in html and "hreflang" not in html

    def test_the_release_page_reads_its_group_in_the_same_query(
        self, client, group, django_assert_max_num_queries
    ):
        from tests.test_public_pages import RELEASE_PAGE_QUERIES

        page(client, "/fr/releases/conference-fr/")  # the worker builds the media kit
        with django_assert_max_num_queries(RELEASE_PAGE_QUERIES):
            page(client, "/fr/releases/conference-fr/")


class TestListsPerLanguage:
    def test_each_group_once_in_the_reader_language(self, client, group):
        english = page(client, "/")
        assert "Conference opens" in english and "La conférence" not in english
        french = page(client, "/fr/")
        assert "La conférence s’ouvre" in french and "Conference opens" not in french
        # Untranslated releases are shown to every reader.
        assert "Only in English" in french
        spanish = page(client, "/es/")
        assert "Conference opens" in spanish and "Se abre" not in spanish

    def test_theme_pages_and_counts_count_a_group_once(self, client, group):
        french = page(client, "/fr/themes/cybercrime/")
        assert "La conférence s’ouvre" in french and "Conference opens" not in french
        themes = page(client, "/fr/themes/")
        assert ">2<" in themes.replace(" ", "") or "2 communiqués" in themes

    def test_feeds_per_language_and_per_theme_per_language(self, client, group):
        for url in ("/fr/feed/", "/fr/themes/cybercrime/feed/"):
            root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own output
            titles = [item.findtext("title") for item in root.iter("item")]
            assert "La conférence s’ouvre" in titles, url
            assert "Conference opens" not in titles, url
            assert root.find("channel").findtext("language") == "fr"
        root = ET.fromstring(client.get("/feed/").content)  # noqa: S314
        titles = [item.findtext("title") for item in root.iter("item")]
        assert "Conference opens" in titles and "La conférence s’ouvre" not in titles

    def test_the_api_per_language_with_each_release_translations(self, client, group):
        data = json.loads(client.get("/fr/api/releases/").content)
        french = next(r for r in data["releases"] if r["slug"] == "conference-fr")
        assert "conference" not in [r["slug"] for r in data["releases"]]
        assert french["language"] == "fr"
        assert french["url"] == "http://testserver/fr/releases/conference-fr/"
        assert {(t["language"], t["url"]) for t in french["translations"]} == {
            ("en", "http://testserver/releases/conference/"),
            ("ar", "http://testserver/ar/releases/conference-ar/"),
        }
        detail = json.loads(client.get("/api/releases/conference-ar/").content)
        assert detail["language"] == "ar"
        assert {t["language"] for t in detail["translations"]} == {"en", "fr"}


class TestSitemap:
    def test_every_public_release_with_its_alternates(self, client, group):
        root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
        urls = {
            url.findtext(f"{SITEMAP}loc"): {
                link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
            }
            for url in root.iter(f"{SITEMAP}url")
        }
        group_urls = {
            "en": "http://testserver/releases/conference/",
            "fr": "http://testserver/fr/releases/conference-fr/",
            "ar": "http://testserver/ar/releases/conference-ar/",
        }
        for url in group_urls.values():
            assert urls[url] == group_urls, url
        assert urls["http://testserver/releases/only-english/"] == {}
        assert not any("conference-es" in url for url in urls)
        # The sections in each language of the interface, with an x-default.
        home = urls["http://testserver/"]
        assert home["fr"] == "http://testserver/fr/" and home["x-default"] == "http://testserver/"


def test_urls_built_in_a_language_carry_its_prefix(group):
    with translation.override("fr"):
        assert group["en"].get_absolute_url() == "/fr/releases/conference/"
        assert group["ar"].canonical_url() == "/ar/releases/conference-ar/"
    assert group["fr"].canonical_url("articles:pdf") == "/fr/releases/conference-fr.pdf"


class TestShareLinks:
    @pytest.fixture
    def embargoed_group(self):
        from datetime import timedelta

        from django.utils import timezone

        source = make_article(
            title="Embargoed opening",
            slug="embargoed",
            publish_at=timezone.now() + timedelta(hours=2),
        )
        make_image(source, caption="Opening")
        french = translate(source, "fr", "Ouverture sous embargo")
        translate(source, "es", "Borrador", publish=False)
        link = ShareLink.objects.create(article=source, note="Agence")
        return source, french, link

    def test_the_link_covers_the_group_and_the_journalist_picks_a_language(
        self, client, embargoed_group
    ):
        source, french, link = embargoed_group
        english = page(client, f"/share/{link.token}/")
        assert "Embargoed opening" in english
        switcher = english.split('class="language-switcher"')[1].split("</nav>")[0]
        assert 'href="?language=fr"' in switcher
        # Drafts are not handed out.
        assert "language=es" not in switcher
        html = page(client, f"/share/{link.token}/?language=fr")
        assert "Ouverture sous embargo" in html and "Embargoed opening" not in html
        # The French version's photos and PDF open with the link, and only with it.
        [photo] = re.findall(r'src="(/media/[^"?]+\?grant=[^"]+)"', html)[:1]
        assert client.get(photo).status_code == 200
        assert client.get(photo.split("?")[0]).status_code == 404
        pdf = f"/fr/releases/{french.slug}.pdf"
        assert client.get(f"{pdf}?share={link.token}").status_code == 200
        assert client.get(pdf).status_code == 404

    def test_a_link_to_another_group_opens_nothing_here(self, client, embargoed_group):
        _source, french, _link = embargoed_group
        other = make_article(title="Other", slug="other", status=Article.Status.DRAFT)
        stranger = ShareLink.objects.create(article=other, note="Elsewhere")
        response = client.get(f"/fr/releases/{french.slug}.pdf?share={stranger.token}")
        assert response.status_code == 404


class TestSearchPerLanguage:
    """Each release's words are stemmed in its language; a query in the reader's."""

    @pytest.fixture
    def releases(self):
        make_article(
            title="Opérations internationales",
            slug="operations",
            language="fr",
            lead="Des enquêteurs de vingt pays ont saisi des avoirs criminels.",
        )
        make_article(
            title="Redadas coordinadas",
            slug="redadas",
            language="es",
            lead="La policía ha detenido a doce sospechosos en cuatro países.",
        )

    def found(self, client, url) -> list[str]:
        return re.findall(r'card__title"><a href="[^"]*/releases/([^/]+)/', page(client, url))

    def test_a_word_found_in_its_own_language_forms(self, client, releases):
        from django.db import connection

        # Everywhere: the start of a word finds it, accents aside.
        assert self.found(client, "/fr/search/?q=internationa") == ["operations"]
        assert self.found(client, "/es/search/?q=policia") == ["redadas"]
        if connection.vendor == "postgresql":
            # Stemmed in the release's language and the reader's: other forms
            # of the word find it, which English stemming would not.
            assert self.found(client, "/fr/search/?q=internationaux") == ["operations"]
            assert self.found(client, "/es/search/?q=detenidas") == ["redadas"]
            assert self.found(client, "/search/?q=detenidas") == []
