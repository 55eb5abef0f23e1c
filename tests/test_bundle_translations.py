"""
Bundle format version 2: translation groups and themes' names in other
languages travel in bundles; version 1 bundles import as before. Bad groups
are refused, naming file, record and field, with nothing written.
"""

from __future__ import annotations

import copy

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, ThemeNames
from tests.factories import tomorrow
from tests.test_bad_bundles import existing_site, refused  # noqa: F401 (fixture)
from tests.test_bundles import SMALL_IMAGES, run, small_bundle, write_bundle

pytestmark = pytest.mark.django_db

SOURCE = "police-chiefs-meet"


def translation(slug: str, language: str, **fields) -> dict:
    return {
        "slug": slug,
        "title": f"Title in {language}",
        "lead": f"Lead in {language}",
        "language": language,
        "status": "published",
        "translation_of": SOURCE,
        "released_with_source": True,
        "gallery": [
            {"path": "images/opening.jpg", "alt_text": f"Alt {language}", "caption": language}
        ],
        **fields,
    }


def group_bundle(*translations: dict, themes=None) -> dict:
    document = small_bundle() | {"version": 2}
    document["releases"][0]["themes"] = ["cybercrime"]
    document["releases"] += list(translations) or [
        translation("police-chiefs-meet-fr", "fr"),
        translation("police-chiefs-meet-es", "es"),
    ]
    document["themes"] = themes if themes is not None else [
        {"name": "cybercrime", "names": {"fr": "cybercriminalité", "es": "ciberdelito"}}
    ]  # fmt: skip
    return document


def imported(tmp_path, document) -> str:
    out, _err = run("import_releases", str(write_bundle(tmp_path / "b", document, SMALL_IMAGES)))
    return out


class TestImport:
    def test_a_group_and_theme_names_arrive_consistent(self, tmp_path):
        imported(tmp_path, group_bundle())
        source = Article.objects.get(slug=SOURCE)
        french = Article.objects.get(slug="police-chiefs-meet-fr")
        assert french.source == source and french.follows_source_times
        assert french.source_changed_at is None
        # What the group shares comes from the source.
        assert (french.event_id, french.dateline_city) == (source.event_id, "Tirana")
        assert list(french.themes.names()) == ["cybercrime"]
        [photo] = french.images.all()
        assert photo.image.name == source.images.get().image.name
        assert (photo.caption, photo.alt_text) == ("fr", "Alt fr")
        assert source.images.get().caption == "The opening session."
        names = ThemeNames.objects.get(theme__name="cybercrime").names
        assert names == {"fr": "cybercriminalité", "es": "ciberdelito"}

    def test_a_second_import_changes_nothing(self, tmp_path):
        imported(tmp_path, group_bundle())
        versions = dict(Article.objects.values_list("slug", "version"))
        out = imported(tmp_path / "again", group_bundle())
        assert "releases: 0 created, 0 updated, 3 unchanged" in out
        assert dict(Article.objects.values_list("slug", "version")) == versions

    def test_an_embargoed_group_lifts_together(self, tmp_path, client):
        document = group_bundle()
        document["releases"][0]["publish_at"] = tomorrow().isoformat()
        # A translation released with its source may leave its times out.
        document["releases"][1].pop("publish_at", None)
        imported(tmp_path, document)
        times = set(
            Article.objects.filter(slug__startswith=SOURCE).values_list("publish_at", flat=True)
        )
        assert len(times) == 1
        assert not Article.objects.public().filter(slug__startswith=SOURCE).exists()
        with time_machine.travel(tomorrow() + timezone.timedelta(seconds=1)):
            assert Article.objects.public().filter(slug__startswith=SOURCE).count() == 3
            assert client.get("/api/releases/police-chiefs-meet-fr/").status_code == 200

    def test_a_version_1_bundle_still_imports(self, tmp_path):
        out = imported(tmp_path, small_bundle())
        assert "releases: 1 created" in out
        assert Article.objects.get(slug=SOURCE).source is None

    def test_version_1_knows_no_translations(self, tmp_path):
        document = small_bundle()
        document["releases"][0]["translation_of"] = "existing-release"
        folder = write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        refused(folder, f"releases[0] (slug '{SOURCE}'): translation_of: unknown field")


class TestRefused:
    def where(self, index: int, slug: str) -> str:
        return f"releases[{index}] (slug '{slug}')"

    def check(self, tmp_path, document, *fragments):
        folder = write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        return refused(folder, *fragments)

    def test_an_unknown_source(self, tmp_path):
        document = group_bundle(translation("x-fr", "fr", translation_of="nowhere"))
        self.check(
            tmp_path,
            document,
            self.where(1, "x-fr") + ": translation_of: no release with slug “nowhere”",
        )

    def test_a_translation_of_a_translation(self, tmp_path):
        document = group_bundle(
            translation("x-fr", "fr"),
            translation("x-es", "es", translation_of="x-fr"),
        )
        self.check(
            tmp_path,
            document,
            self.where(2, "x-es") + ": translation_of: “x-fr” is itself a translation",
        )

    def test_two_translations_in_one_language(self, tmp_path):
        document = group_bundle(translation("x-fr", "fr"), translation("y-fr", "fr"))
        self.check(
            tmp_path,
            document,
            self.where(2, "y-fr") + ": language: the group of “police-chiefs-meet” already "
            "has “x-fr” in fr",
        )

    def test_a_translation_in_the_source_language(self, tmp_path):
        document = group_bundle(translation("x-en", "en"))
        self.check(tmp_path, document, self.where(1, "x-en") + ": language: the group")

    def test_a_language_the_site_does_not_have(self, tmp_path):
        document = group_bundle(translation("x-xx", "xx"))
        self.check(tmp_path, document, self.where(1, "x-xx") + ": language:")

    def test_a_theme_name_in_a_language_the_site_does_not_have(self, tmp_path):
        document = group_bundle(themes=[{"name": "cybercrime", "names": {"xx": "cyber"}}])
        self.check(
            tmp_path,
            document,
            "themes[0] (name 'cybercrime'): names.xx: “xx” is not one of the site's languages",
        )

    def test_two_themes_with_one_name_in_a_language(self, tmp_path):
        document = group_bundle(
            themes=[
                {"name": "cybercrime", "names": {"fr": "criminalité"}},
                {"name": "organized crime", "names": {"fr": "Criminalité"}},
            ]
        )
        self.check(
            tmp_path,
            document,
            "themes[1] (name 'organized crime'): names.fr: “Criminalité” is already the name "
            "of the theme “cybercrime” in fr",
        )

    def test_a_translation_with_its_own_event(self, tmp_path):
        document = group_bundle(translation("x-fr", "fr", event=None))
        self.check(tmp_path, document, self.where(1, "x-fr") + ": event: a translation shares")

    def test_a_translations_photo_the_source_does_not_have(self, tmp_path):
        entry = {"path": "images/other.jpg", "alt_text": "x", "credit": "Someone"}
        document = group_bundle(translation("x-fr", "fr", gallery=[entry]))
        self.check(
            tmp_path,
            document,
            self.where(1, "x-fr") + ": gallery[0].credit: set on the source's photo",
            self.where(1, "x-fr") + ": gallery[0].path: “images/other.jpg” is not a photo of the "
            "source",
        )

    def test_nothing_is_written_when_one_record_is_wrong(self, tmp_path):
        good = group_bundle()
        document = copy.deepcopy(good)
        document["releases"].append(translation("x-fr", "fr"))  # fr twice
        self.check(tmp_path, document, "language: the group")
        assert not Article.objects.filter(slug__startswith=SOURCE).exists()
        assert not ThemeNames.objects.exists()
