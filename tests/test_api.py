"""The read-only JSON API: public releases only, in the release-bundle format."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

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
from tests.test_bundles import export_folder, photo

pytestmark = pytest.mark.django_db

LIST_URL = "/api/releases/"


def detail_url(slug: str) -> str:
    return reverse("articles:api_release", kwargs={"slug": slug})


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def slugs(document) -> list[str]:
    return [release["slug"] for release in document["releases"]]


def full_release(n: int = 0, *, quotes=3, images=2, **kw) -> Article:
    event = make_event(name=f"Conference {n}")
    article = make_article(event=event, themes=["cybercrime", "migration", f"theme {n}"], **kw)
    for _ in range(quotes):
        make_quote(article, make_speaker())
    for _ in range(images):
        make_image(article)
    return article


class TestList:
    def test_urls_by_name(self):
        assert reverse("articles:api_releases") == LIST_URL
        assert detail_url("x") == "/api/releases/x/"

    def test_only_public_releases(self, client):
        make_article(slug="public")
        make_article(slug="draft", status=Article.Status.DRAFT)
        make_article(slug="in-review", status=Article.Status.REVIEW)
        make_article(slug="embargoed", publish_at=tomorrow())
        make_article(
            slug="withdrawn",
            publish_at=yesterday() - timedelta(days=1),
            unpublish_at=yesterday(),
        )
        make_article(slug="expires-later", unpublish_at=tomorrow())
        document = get_json(client, LIST_URL)
        assert sorted(slugs(document)) == ["expires-later", "public"]
        assert document["count"] == 2

    def test_newest_first_20_a_page_with_links(self, client):
        now = timezone.now()
        for n in range(25):
            make_article(slug=f"release-{n:02d}", publish_at=now - timedelta(hours=n + 1))
        first = get_json(client, LIST_URL)
        assert (first["format"], first["version"]) == ("newsroom-bundle", 2)
        assert first["count"] == 25
        assert slugs(first) == [f"release-{n:02d}" for n in range(20)]
        assert first["next"] == "http://testserver/api/releases/?page=2"
        assert first["previous"] is None

        second = get_json(client, first["next"])
        assert slugs(second) == [f"release-{n:02d}" for n in range(20, 25)]
        assert second["next"] is None
        assert second["previous"] == "http://testserver/api/releases/?page=1"

    @pytest.mark.parametrize("page", ["3", "0", "-1", "two"])
    def test_no_such_page_is_a_json_404(self, client, page):
        make_article()
        document = get_json(client, LIST_URL, status=404, page=page)
        assert document["error"] == "not_found"
        assert document["detail"] == "There is no such page."

    def test_an_empty_site_has_an_empty_first_page(self, client):
        document = get_json(client, LIST_URL)
        assert document["count"] == 0 and document["releases"] == []
        assert document["speakers"] == [] and document["events"] == []

    def test_speakers_and_events_come_once_beside_the_releases(self, client):
        speaker, event = make_speaker(slug="jurgen-stock"), make_event(slug="tirana-2024")
        for n in range(3):
            make_quote(make_article(slug=f"r{n}", event=event), speaker)
        document = get_json(client, LIST_URL)
        assert [s["slug"] for s in document["speakers"]] == ["jurgen-stock"]
        assert [e["slug"] for e in document["events"]] == ["tirana-2024"]
        assert {r["event"] for r in document["releases"]} == {"tirana-2024"}
        assert {q["speaker"] for r in document["releases"] for q in r["quotes"]} == {"jurgen-stock"}

    def test_queries_do_not_grow_with_releases_quotes_images_or_themes(
        self, client, django_assert_num_queries
    ):
        full_release(0, quotes=1, images=1)
        # the site's generation, count, releases with events, themes, quotes with speakers,
        # images, press contacts, public corrections, the default contacts, translations
        with django_assert_num_queries(10):
            assert len(get_json(client, LIST_URL)["releases"]) == 1
        for n in range(1, 22):
            full_release(n)
        with django_assert_num_queries(10):
            assert len(get_json(client, LIST_URL)["releases"]) == 20


class TestDetail:
    def test_the_release_with_its_speakers_event_themes_and_gallery(self, client):
        event = make_event(
            slug="tirana-2024",
            name="European Regional Conference",
            city="Tirana",
            country="Albania",
            expected_participants=160,
        )
        speaker = make_speaker(slug="jurgen-stock", name="Jurgen Stock", role="Secretary General")
        speaker.photo.save("stock.jpg", ContentFile(photo()), save=True)
        article = make_article(
            slug="police-chiefs-meet",
            title="Police chiefs meet",
            dateline_city="Tirana",
            dateline_country="Albania",
            lead="Some 160 senior police representatives meet.",
            body="<p>Three days of talks.</p>",
            reference="PR-2024-061",
            event=event,
            themes=["organized crime", "Cybercrime"],
        )
        make_quote(article, speaker, text="Together.", context="closing the conference")
        make_image(
            article, width=1200, caption="Opening", credit="Jane Doe", licence="Editorial use"
        )

        release = document = get_json(client, detail_url("police-chiefs-meet"))

        # The release object itself, with what it refers to beside its fields.
        assert list(release)[:3] == ["slug", "url", "title"]
        assert list(release)[-3:] == ["speakers", "events", "theme_names"]
        assert release["url"] == "http://testserver/releases/police-chiefs-meet/"
        assert release["title"] == "Police chiefs meet"
        assert release["dateline"] == {"city": "Tirana", "country": "Albania"}
        assert release["status"] == "published"
        assert release["publish_at"].endswith("+00:00")
        assert release["themes"] == ["Cybercrime", "organized crime"]
        assert release["quotes"] == [
            {"speaker": "jurgen-stock", "text": "Together.", "context": "closing the conference"}
        ]
        assert release["event"] == "tirana-2024"
        [event_data] = document["events"]
        assert event_data["name"] == "European Regional Conference"
        assert event_data["start_date"] == "2024-06-11"
        assert event_data["expected_participants"] == 160
        [speaker_data] = document["speakers"]
        assert speaker_data["role"] == "Secretary General"
        assert speaker_data["photo_url"].startswith("http://testserver/media/speakers/")

        [image] = release["gallery"]
        assert (image["width"], image["height"]) == (1200, 480)
        assert (image["alt_text"], image["caption"]) == (
            "Delegates in the conference hall",
            "Opening",
        )
        assert (image["credit"], image["licence"]) == ("Jane Doe", "Editorial use")
        assert image["url"].startswith("http://testserver/media/gallery/")
        assert [r["width"] for r in image["renditions"]["webp"]] == [480, 960, 1200]
        assert [r["height"] for r in image["renditions"]["jpeg"]] == [192, 384, 480]
        assert all(
            r["url"].startswith("http://testserver/media/renditions/")
            for r in image["renditions"]["jpeg"]
        )
        assert "path" not in image and "sha256" not in image

    @pytest.mark.parametrize(
        "state",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"publish_at": None, "status": Article.Status.DRAFT},
            {"publish_at": tomorrow()},
            {"unpublish_at": yesterday(), "publish_at": yesterday() - timedelta(days=1)},
        ],
        ids=["draft", "review", "never-scheduled", "embargoed", "withdrawn"],
    )
    def test_what_is_not_public_is_a_json_404(self, client, state):
        make_article(slug="hidden", **state)
        document = get_json(client, detail_url("hidden"), status=404)
        assert document == {
            "error": "not_found",
            "detail": "There is no public release with this address.",
        }

    def test_unknown_slug_is_a_json_404(self, client):
        get_json(client, detail_url("nothing-here"), status=404)

    def test_a_release_is_the_same_object_as_in_a_bundle(self, client, tmp_path):
        full_release(1, slug="police-chiefs-meet", reference="PR-1", dateline_city="Tirana")
        api = get_json(client, detail_url("police-chiefs-meet"))
        bundle = export_folder(tmp_path / "bundle")

        # What readers see besides the bundle's fields: links, press-office parts.
        API_ONLY = {"url", "pdf_url", "updated_at", "press_contacts", "notes_to_editors",
                    "lead_photo", "corrections", "translations"}  # fmt: skip

        def without_locations(release):
            # Images are found by URL in the API, by path in a bundle; nothing else differs.
            gallery = [
                {k: v for k, v in entry.items() if k not in {"url", "renditions", "path",
                                                            "sha256", "keep_metadata"}}
                for entry in release["gallery"]
            ]  # fmt: skip
            return {**{k: v for k, v in release.items() if k not in API_ONLY}, "gallery": gallery}

        release = {k: v for k, v in api.items() if k not in {"speakers", "events", "theme_names"}}
        assert without_locations(release) == without_locations(bundle["releases"][0])
        assert api["events"] == bundle["events"]
        assert [{k: v for k, v in s.items() if k != "photo_url"} for s in api["speakers"]] == [
            {k: v for k, v in s.items() if k != "photo"} for s in bundle["speakers"]
        ]

    def test_queries_do_not_grow_with_quotes_images_or_themes(
        self, client, django_assert_num_queries
    ):
        full_release(1, slug="small", quotes=1, images=1)
        full_release(2, slug="large", quotes=5, images=13)
        # the site's generation, release with its event, themes, quotes with speakers, images,
        # press contacts, public corrections, the default contacts, translations
        with django_assert_num_queries(9):
            get_json(client, detail_url("small"))
        with django_assert_num_queries(9):
            document = get_json(client, detail_url("large"))
        assert len(document["gallery"]) == 13

    @pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
    def test_read_only(self, client, method):
        make_article(slug="public")
        for url in (LIST_URL, detail_url("public")):
            assert getattr(client, method)(url).status_code == 405
        assert Article.objects.filter(slug="public").exists()
