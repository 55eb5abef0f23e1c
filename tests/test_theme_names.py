"""
Themes in every language: a theme has a name per language, edited on its
admin form; readers see their language's name, else the theme's name; the
slug stays; search finds a release by any language's name.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from articles import services
from articles.models import Theme, ThemeNames, by_name, theme_name
from tests.factories import make_article
from tests.formdata import form_data

pytestmark = pytest.mark.django_db


def french(url: str) -> str:
    """The page for a French reader: under the /fr/ prefix."""
    return f"/fr{url}"


def name(theme, **names):
    services.theme_names_set(theme=Theme.objects.get(name=theme), names=names)


class TestTheName:
    def test_the_readers_language_else_the_themes_name(self):
        make_article(themes=["cybercrime"])
        name("cybercrime", fr="cybercriminalité")
        theme = Theme.objects.select_related("translated_names").get()
        assert theme_name(theme, "fr") == "cybercriminalité"
        assert theme_name(theme, "fr-ca") == "cybercriminalité"
        assert theme_name(theme, "es") == "cybercrime"
        assert theme_name(theme, "en") == "cybercrime"
        with translation.override("fr"):
            assert theme_name(theme) == "cybercriminalité"

    def test_names_are_cleaned_and_blanks_fall_back(self):
        make_article(themes=["cybercrime"])
        name("cybercrime", fr="  cyber\u200bcriminalité ", es="  ")
        assert ThemeNames.objects.get().names == {"fr": "cybercriminalité"}
        name("cybercrime", fr="")
        assert not ThemeNames.objects.exists()

    def test_sorted_by_the_name_shown(self):
        make_article(themes=["cybercrime", "migration"])
        name("cybercrime", fr="zzz")
        themes = Theme.objects.select_related("translated_names")
        assert [t.name for t in by_name(themes, "fr")] == ["migration", "cybercrime"]
        assert [t.name for t in by_name(themes, "en")] == ["cybercrime", "migration"]


class TestPages:
    def test_french_readers_see_french_names_with_the_same_address(self, client):
        article = make_article(themes=["cybercrime"])
        name("cybercrime", fr="cybercriminalité")
        english = article.get_absolute_url()
        for url in (
            english,
            reverse("articles:list"),
            reverse("articles:themes"),
            reverse("articles:theme", kwargs={"slug": "cybercrime"}),
            reverse("articles:feed"),
        ):
            page = client.get(french(url)).content.decode()
            assert "cybercriminalité" in page, url
        page = client.get(english).content.decode()
        assert "cybercriminalité" not in page and "/themes/cybercrime/" in page

    def test_the_api_gives_the_requested_languages_name_and_every_name(self, client):
        make_article(slug="r", themes=["cybercrime"])
        name("cybercrime", fr="cybercriminalité", es="ciberdelito")
        document = client.get(french("/api/releases/")).json()
        assert document["themes"] == [
            {
                "name": "cybercrime",
                "slug": "cybercrime",
                "display_name": "cybercriminalité",
                "names": {"fr": "cybercriminalité", "es": "ciberdelito"},
            }
        ]
        assert document["releases"][0]["themes"] == ["cybercrime"]
        detail = client.get("/api/releases/r/").json()
        assert detail["theme_names"][0]["display_name"] == "cybercrime"

    def test_search_finds_a_release_by_its_themes_french_name(self, client):
        make_article(title="Police chiefs meet", themes=["cybercrime"])
        name("cybercrime", fr="cybercriminalité")
        page = client.get(french(reverse("articles:search")), {"q": "cybercriminalité"})
        assert "Police chiefs meet" in page.content.decode()

    def test_new_names_are_not_served_stale_from_the_cache(
        self, client, page_cache, django_capture_on_commit_callbacks
    ):
        article = make_article(themes=["cybercrime"])
        url = french(article.get_absolute_url())
        assert "cybercrime" in client.get(url).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            name("cybercrime", fr="cybercriminalité")
        assert "cybercriminalité" in client.get(url).content.decode()


class TestAdmin:
    def url(self, theme):
        return reverse("admin:articles_theme_change", args=[theme.pk])

    def test_names_are_edited_on_the_themes_form(self, admin_client):
        make_article(themes=["cybercrime"])
        theme = Theme.objects.get()
        data = form_data(admin_client.get(self.url(theme)).content.decode(), "theme_form")
        data["name_fr"], data["name_ar"] = "cybercriminalité", "الجرائم الإلكترونية"
        assert admin_client.post(self.url(theme), data).status_code == 302
        assert ThemeNames.objects.get(theme=theme).names == {
            "fr": "cybercriminalité",
            "ar": "الجرائم الإلكترونية",
        }
        form = admin_client.get(self.url(theme)).content.decode()
        assert 'value="cybercriminalité"' in form

    def test_two_themes_may_not_share_a_name_in_one_language(self, admin_client):
        make_article(themes=["cybercrime", "online crime"])
        name("cybercrime", fr="criminalité en ligne")
        theme = Theme.objects.get(name="online crime")
        data = form_data(admin_client.get(self.url(theme)).content.decode(), "theme_form")
        data["name_fr"] = "Criminalité en ligne"
        response = admin_client.post(self.url(theme), data)
        assert response.status_code == 200
        assert "The theme “cybercrime” is already called" in response.content.decode()
        assert not ThemeNames.objects.filter(theme=theme).exists()
