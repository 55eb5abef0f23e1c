"""Release bundles: export, import, and the round trip between them."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image
from taggit.models import Tag

from articles.demo import DEMO_SLUG, load_demo
from articles.models import Article, ArticleTheme, Event, GalleryImage, Quote, Speaker
from tests.factories import image_bytes, make_article, make_event, make_quote, make_speaker

pytestmark = pytest.mark.django_db

DEMO_PHOTO_SIZE = (600, 400)
GPS_IFD = 0x8825


# --- helpers shared by the bundle, fixture and API tests ------------------------


def database_snapshot() -> dict:
    """Every row of every table: a failed import must leave all of them as they were."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        # Unmanaged models read other tables' generated columns (search documents).
        if model._meta.managed
    }


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def empty_content(*, keep_media: bool = False) -> None:
    """What a new site has: no speakers, events, releases or themes, no media."""
    GalleryImage.objects.all().delete()
    Quote.objects.all().delete()
    ArticleTheme.objects.all().delete()
    Tag.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    Event.objects.all().delete()
    if not keep_media:
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export_folder(path: Path, *args) -> dict:
    run("export_releases", str(path), *args)
    return json.loads((path / "bundle.json").read_text(encoding="utf-8"))


def write_bundle(folder: Path, document: dict, images: dict[str, bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bundle.json").write_text(json.dumps(document), encoding="utf-8")
    for name, data in (images or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def photo(color=(30, 90, 160), size=(64, 48), fmt="JPEG") -> bytes:
    return image_bytes(*size, fmt=fmt, color=color)


def small_bundle() -> dict:
    """A complete, valid bundle: one speaker, one event, one release with one photo."""
    return {
        "format": "newsroom-bundle",
        "version": 1,
        "speakers": [
            {
                "slug": "jurgen-stock",
                "name": "Jurgen Stock",
                "role": "Secretary General of INTERPOL",
                "organisation": "INTERPOL",
                "country": "Germany",
                "bio": "",
                "photo": None,
            }
        ],
        "events": [
            {
                "slug": "tirana-2024",
                "name": "European Regional Conference",
                "start_date": "2024-06-11",
                "end_date": "2024-06-13",
                "city": "Tirana",
                "country": "Albania",
                "expected_participants": 160,
            }
        ],
        "releases": [
            {
                "slug": "police-chiefs-meet",
                "title": "Police chiefs meet in Tirana",
                "language": "en",
                "reference": "PR-2024-061",
                "status": "published",
                "publish_at": "2024-06-11T09:00:00+02:00",
                "unpublish_at": None,
                "dateline": {"city": "Tirana", "country": "Albania"},
                "lead": "Some 160 senior police representatives meet for three days.",
                "body": "<p>Three days of talks.</p>",
                "event": "tirana-2024",
                "themes": ["cybercrime", "organized crime"],
                "quotes": [
                    {
                        "speaker": "jurgen-stock",
                        "text": "We can only take on these challenges together.",
                        "context": "closing the conference",
                    }
                ],
                "gallery": [
                    {
                        "path": "images/opening.jpg",
                        "alt_text": "Delegates in the conference hall",
                        "caption": "The opening session.",
                        "credit": "Jane Doe",
                        "licence": "Free for editorial use",
                    }
                ],
            }
        ],
    }


SMALL_IMAGES = {"images/opening.jpg": photo()}


@pytest.fixture
def demo():
    return load_demo(photo_size=DEMO_PHOTO_SIZE)


# --- the round trip ------------------------------------------------------------


def translate_demo(demo) -> None:
    """
    The demo's translations (French, Spanish, Arabic), one given times of its
    own, the French captions and a theme's names set here.
    """
    from articles.models import ThemeNames

    french = Article.objects.get(slug=f"{DEMO_SLUG}-fr")
    spanish = Article.objects.get(slug=f"{DEMO_SLUG}-es")
    spanish.follows_source_times = False
    spanish.publish_at = demo.publish_at + timedelta(hours=1)
    spanish.save()
    for n, image in enumerate(french.images.order_by("position")):
        image.caption, image.alt_text = f"Photo {n} (fr)", f"Délégués {n}"
        image.save()
    cyber = demo.themes.get(name__iexact="cybercrime")
    ThemeNames.objects.update_or_create(
        theme=cyber, defaults={"names": {"fr": "cybercriminalité", "es": "ciberdelito"}}
    )


class TestRoundTrip:
    def test_export_import_into_empty_database_export_gives_identical_bytes(self, demo, tmp_path):
        translate_demo(demo)
        first_zip, first_folder = tmp_path / "first.zip", tmp_path / "first"
        run("export_releases", str(first_zip))
        run("export_releases", str(first_folder))
        originals = {image.image.read() for image in GalleryImage.objects.all()}

        empty_content()
        out, _ = run("import_releases", str(first_zip))
        assert "releases: 9 created, 0 updated, 0 unchanged" in out
        # A translation's photos are its source's files: stored once.
        assert "images: 13 created, 0 updated, 0 unchanged, 0 removed" in out
        french = Article.objects.get(slug=f"{DEMO_SLUG}-fr")
        assert french.source.slug == DEMO_SLUG and french.source_changed_at is None
        assert french.images.order_by("position").first().caption == "Photo 0 (fr)"
        assert set(french.images.values_list("image", flat=True)) == set(
            french.source.images.values_list("image", flat=True)
        )

        second_zip, second_folder = tmp_path / "second.zip", tmp_path / "second"
        run("export_releases", str(second_zip))
        run("export_releases", str(second_folder))
        assert second_zip.read_bytes() == first_zip.read_bytes()
        assert (second_folder / "bundle.json").read_bytes() == (
            first_folder / "bundle.json"
        ).read_bytes()
        document = json.loads((second_folder / "bundle.json").read_text())
        [cyber] = [t for t in document["themes"] if t["name"].casefold() == "cybercrime"]
        assert cyber["names"] == {"fr": "cybercriminalité", "es": "ciberdelito"}
        spanish = next(r for r in document["releases"] if r["slug"] == f"{DEMO_SLUG}-es")
        assert (spanish["translation_of"], spanish["released_with_source"]) == (DEMO_SLUG, False)
        exported = sorted((second_folder / "images").iterdir())
        assert len(exported) == 13
        # The originals themselves travel, byte for byte, not re-encoded copies.
        assert {path.read_bytes() for path in exported} == originals

    def test_imported_release_shows_as_before(self, demo, tmp_path, client):
        before = client.get(demo.get_absolute_url()).content.decode()
        run("export_releases", str(tmp_path / "site.zip"))
        empty_content()
        run("import_releases", str(tmp_path / "site.zip"))
        article = Article.objects.get(slug=DEMO_SLUG)
        after = client.get(article.get_absolute_url()).content.decode()
        for text in ("TIRANA, Albania", "We can only take on these challenges together.",
                     "Jurgen Stock", "Secretary General of INTERPOL", "drug trafficking",
                     "INTERPOL European Regional Conference 2024"):  # fmt: skip
            assert text in before and text in after
        assert article.images.count() == 13
        assert all(image.has_renditions for image in article.images.all())
        assert after.count('type="image/webp"') == before.count('type="image/webp"')

    def test_zip_holds_bundle_json_at_its_root_and_images_beside_it(self, demo, tmp_path):
        run("export_releases", str(tmp_path / "site.zip"))
        with zipfile.ZipFile(tmp_path / "site.zip") as archive:
            names = archive.namelist()
            document = json.loads(archive.read("bundle.json"))
        assert "bundle.json" in names
        gallery = next(r for r in document["releases"] if r["slug"] == DEMO_SLUG)["gallery"]
        assert [entry["path"] for entry in gallery] == [
            f"images/{DEMO_SLUG}-{n:02d}.jpg" for n in range(1, 14)
        ]
        every_photo = [entry["path"] for r in document["releases"] for entry in r["gallery"]]
        assert set(names) == {"bundle.json", *every_photo}

    def test_export_is_sorted_utc_and_free_of_ids_and_timestamps(self, demo, tmp_path):
        document = export_folder(tmp_path / "site")
        assert list(document) == [
            "format",
            "version",
            "speakers",
            "events",
            "contacts",
            "themes",
            "releases",
        ]
        assert (document["format"], document["version"]) == ("newsroom-bundle", 2)
        for kind in ("speakers", "events", "releases"):
            slugs = [item["slug"] for item in document[kind]]
            assert slugs == sorted(slugs)
        release = next(r for r in document["releases"] if r["slug"] == DEMO_SLUG)
        assert list(release) == [
            "slug", "title", "language", "translation_of", "reference", "status", "publish_at",
            "unpublish_at", "dateline", "lead", "body", "event", "themes", "quotes", "gallery",
            "contacts",
        ]  # fmt: skip
        # 09:00 in Tirana (UTC+2 in June), written in UTC with its offset.
        assert release["publish_at"] == "2024-06-11T07:00:00+00:00"
        assert release["themes"] == sorted(release["themes"], key=str.casefold)
        assert release["dateline"] == {"city": "Tirana", "country": "Albania"}
        assert release["event"] == "european-regional-conference-2024"
        assert [q["speaker"] for q in release["quotes"]] == [
            "taulant-balla",
            "ahmed-naser-al-raisi",
            "jurgen-stock",
        ]
        # The bundle's own version aside, no release's edit counter.
        text = json.dumps({k: v for k, v in document.items() if k != "version"})
        for volatile in ('"id"', '"pk"', "created_at", "updated_at", '"version": 2', "author"):
            assert volatile not in text
        entry = release["gallery"][0]
        data = (tmp_path / "site" / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert (entry["width"], entry["height"]) == DEMO_PHOTO_SIZE
        assert entry["alt_text"] and entry["credit"] == "Newsroom demo (generated image)"

    def test_speaker_photo_travels_with_the_bundle(self, tmp_path):
        speaker = make_speaker(slug="jurgen-stock", name="Jurgen Stock")
        speaker.photo.save("portrait.png", ContentFile(photo(fmt="PNG")), save=True)
        make_quote(make_article(slug="talk"), speaker)
        document = export_folder(tmp_path / "one")
        assert document["speakers"][0]["photo"] == "images/speakers/jurgen-stock.png"
        empty_content()
        run("import_releases", str(tmp_path / "one"))
        assert Speaker.objects.get(slug="jurgen-stock").photo.read() == photo(fmt="PNG")
        assert export_folder(tmp_path / "two") == document

    def test_a_folder_a_json_file_and_a_zip_are_all_accepted(self, tmp_path):
        folder = write_bundle(tmp_path / "folder", small_bundle(), SMALL_IMAGES)
        out, _ = run("import_releases", str(folder / "bundle.json"))
        assert "releases: 1 created" in out
        out, _ = run("import_releases", str(folder))
        assert "Nothing to change" in out
        archive = tmp_path / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.write(folder / "bundle.json", "bundle.json")
            zf.write(folder / "images" / "opening.jpg", "images/opening.jpg")
        out, _ = run("import_releases", str(archive))
        assert "Nothing to change" in out


# --- idempotence and upserts ------------------------------------------------------


class TestIdempotence:
    def test_second_import_of_the_same_bundle_changes_nothing_and_says_so(self, tmp_path):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        run("import_releases", str(folder))
        rows, files = database_snapshot(), media_files()

        out, _ = run("import_releases", str(folder))

        assert "Nothing to change: the database already matches" in out
        assert "speakers: 0 created, 0 updated, 1 unchanged" in out
        assert "events: 0 created, 0 updated, 1 unchanged" in out
        assert "releases: 0 created, 0 updated, 1 unchanged" in out
        assert "images: 0 created, 0 updated, 1 unchanged, 0 removed" in out
        # Not even updated_at moves: unchanged rows are not saved.
        assert database_snapshot() == rows
        assert media_files() == files

    def test_importing_a_sites_own_export_changes_nothing(self, demo, tmp_path):
        run("export_releases", str(tmp_path / "site.zip"))
        rows, files = database_snapshot(), media_files()
        out, _ = run("import_releases", str(tmp_path / "site.zip"))
        assert "Nothing to change" in out
        assert database_snapshot() == rows
        assert media_files() == files

    def test_dry_run_reports_what_would_change_and_writes_nothing(self, tmp_path):
        make_speaker(slug="jurgen-stock", name="J. Stock")
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        rows, files = database_snapshot(), media_files()

        out, _ = run("import_releases", str(folder), "--dry-run")

        assert "Dry run" in out and "nothing was written" in out
        assert "speaker “jurgen-stock”: changes name, role, organisation, country" in out
        assert "release “police-chiefs-meet”: new" in out
        assert "speakers: 0 to create, 1 to update, 0 unchanged" in out
        assert "releases: 1 to create, 0 to update, 0 unchanged" in out
        assert "images: 1 to create, 0 to update, 0 unchanged, 0 to remove" in out
        assert database_snapshot() == rows
        assert media_files() == files


class TestUpserts:
    def test_a_changed_field_updates_that_release_only(self, tmp_path):
        document = small_bundle()
        document["releases"].append(
            {"slug": "second", "title": "Second", "lead": "Another release."}
        )
        folder = write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(folder))
        first, second = (
            Article.objects.get(slug="police-chiefs-meet"),
            Article.objects.get(slug="second"),
        )

        document["releases"][0]["title"] = "Police chiefs agree on closer cooperation"
        write_bundle(folder, document)
        out, _ = run("import_releases", str(folder), "-v", "2")

        assert "release “police-chiefs-meet”: changes title" in out
        assert "releases: 0 created, 1 updated, 1 unchanged" in out
        changed = Article.objects.get(slug="police-chiefs-meet")
        assert changed.title == "Police chiefs agree on closer cooperation"
        # The edit-conflict guard sees the import as an edit.
        assert changed.version == first.version + 1
        assert changed.updated_at > first.updated_at
        assert changed.created_at == first.created_at
        assert Article.objects.get(slug="second").updated_at == second.updated_at

    def test_fields_left_out_keep_their_stored_values(self, tmp_path):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        run("import_releases", str(folder))
        partial = {
            "format": "newsroom-bundle",
            "version": 1,
            "releases": [{"slug": "police-chiefs-meet", "title": "New title", "lead": "New lead."}],
        }
        write_bundle(tmp_path / "partial", partial)
        run("import_releases", str(tmp_path / "partial"))
        article = Article.objects.get(slug="police-chiefs-meet")
        assert (article.title, article.lead) == ("New title", "New lead.")
        assert article.event.slug == "tirana-2024"
        assert article.reference == "PR-2024-061"
        assert sorted(article.themes.names()) == ["cybercrime", "organized crime"]
        assert article.quotes.count() == 1 and article.images.count() == 1

    def test_speakers_and_events_named_by_slug_are_reused_not_duplicated(self, tmp_path):
        speaker = make_speaker(slug="jurgen-stock", name="Jurgen Stock")
        event = make_event(slug="tirana-2024")
        document = small_bundle()
        document["speakers"], document["events"] = [], []
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        article = Article.objects.get(slug="police-chiefs-meet")
        assert article.event == event
        assert article.quotes.get().speaker == speaker
        assert Speaker.objects.count() == 1 and Event.objects.count() == 1

    def test_themes_reuse_existing_tags_whatever_their_case(self, tmp_path):
        make_article(slug="older", themes=["Cybercrime"])
        write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        assert sorted(Tag.objects.values_list("name", flat=True)) == [
            "Cybercrime",
            "organized crime",
        ]
        article = Article.objects.get(slug="police-chiefs-meet")
        assert sorted(article.themes.names()) == ["Cybercrime", "organized crime"]
        document = small_bundle()
        document["releases"][0]["themes"] = ["organized crime", "migration"]
        write_bundle(tmp_path / "b", document)
        run("import_releases", str(tmp_path / "b"))
        assert sorted(article.themes.names()) == ["migration", "organized crime"]

    def test_quotes_are_replaced_in_the_bundles_order(self, tmp_path):
        document = small_bundle()
        document["speakers"].append({"slug": "taulant-balla", "name": "Taulant Balla"})
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        document["releases"][0]["quotes"] = [
            {"speaker": "taulant-balla", "text": "Today’s crimes are international."},
            {"speaker": "jurgen-stock", "text": "First paragraph.\n\nSecond paragraph."},
        ]
        write_bundle(tmp_path / "b", document)
        run("import_releases", str(tmp_path / "b"))
        quotes = Article.objects.get(slug="police-chiefs-meet").quotes.all()
        assert [(q.speaker.slug, q.paragraphs, q.context) for q in quotes] == [
            ("taulant-balla", ["Today’s crimes are international."], ""),
            ("jurgen-stock", ["First paragraph.", "Second paragraph."], ""),
        ]
        assert [q.position for q in quotes] == [0, 1]

    def test_body_is_sanitised_and_lead_trimmed_as_by_the_admin(self, tmp_path):
        document = small_bundle()
        release = document["releases"][0]
        release["body"] = '<p onclick="x()">Talks.</p><script>alert(1)</script>'
        release["lead"] = "  Some 160 police representatives meet.  "
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        article = Article.objects.get(slug="police-chiefs-meet")
        assert article.body == "<p>Talks.</p>"
        assert article.lead == "Some 160 police representatives meet."
        out, _ = run("import_releases", str(tmp_path / "b"))
        assert "Nothing to change" in out

    def test_times_keep_their_instant_whatever_the_offset(self, tmp_path):
        document = small_bundle()
        document["releases"][0]["publish_at"] = "2024-06-11T09:00:00+02:00"
        document["releases"][0]["unpublish_at"] = "2030-01-01T00:00:00Z"
        write_bundle(tmp_path / "b", document, SMALL_IMAGES)
        run("import_releases", str(tmp_path / "b"))
        article = Article.objects.get(slug="police-chiefs-meet")
        assert article.publish_at == datetime(2024, 6, 11, 7, 0, tzinfo=UTC)
        assert article.unpublish_at == datetime(2030, 1, 1, tzinfo=UTC)
        # The same instant in another zone is no change.
        document["releases"][0]["publish_at"] = "2024-06-11T03:00:00-04:00"
        write_bundle(tmp_path / "b", document)
        out, _ = run("import_releases", str(tmp_path / "b"))
        assert "Nothing to change" in out


class TestGallery:
    def gallery_bundle(self, tmp_path, entries, images):
        document = small_bundle()
        document["releases"][0]["gallery"] = entries
        return write_bundle(tmp_path / "b", document, images)

    def entry(self, path, alt):
        return {"path": path, "alt_text": alt}

    def test_images_are_matched_by_content_not_by_name(self, tmp_path):
        red, blue = photo((200, 0, 0)), photo((0, 0, 200))
        folder = self.gallery_bundle(
            tmp_path,
            [self.entry("images/a.jpg", "Red"), self.entry("images/b.jpg", "Blue")],
            {"images/a.jpg": red, "images/b.jpg": blue},
        )
        run("import_releases", str(folder))
        stored = {image.alt_text: image.image.name for image in GalleryImage.objects.all()}
        files = media_files()

        # Same photos under new names, in the other order, one caption changed.
        folder = self.gallery_bundle(
            tmp_path,
            [
                self.entry("images/blue-renamed.jpg", "Blue sky"),
                self.entry("images/red-renamed.jpg", "Red"),
            ],
            {"images/red-renamed.jpg": red, "images/blue-renamed.jpg": blue},
        )
        out, _ = run("import_releases", str(folder))

        assert "images: 0 created, 2 updated, 0 unchanged, 0 removed" in out
        images = list(Article.objects.get(slug="police-chiefs-meet").images.all())
        assert [(i.alt_text, i.position) for i in images] == [("Blue sky", 0), ("Red", 1)]
        assert {i.alt_text: i.image.name for i in images} == {
            "Blue sky": stored["Blue"],
            "Red": stored["Red"],
        }
        assert media_files() == files  # nothing uploaded again

    def test_new_photos_get_renditions_and_dropped_ones_are_deleted_with_their_files(
        self, tmp_path, django_capture_on_commit_callbacks
    ):
        red, green = photo((200, 0, 0)), photo((0, 200, 0), size=(1200, 800))
        folder = self.gallery_bundle(
            tmp_path, [self.entry("images/a.jpg", "Red")], {"images/a.jpg": red}
        )
        run("import_releases", str(folder))
        old = GalleryImage.objects.get()
        old_files = [old.image.name, *old.renditions["jpeg"].values()]

        folder = self.gallery_bundle(
            tmp_path, [self.entry("images/c.jpg", "Green")], {"images/c.jpg": green}
        )
        with django_capture_on_commit_callbacks(execute=True):
            out, _ = run("import_releases", str(folder))

        assert "images: 1 created, 0 updated, 0 unchanged, 1 removed" in out
        new = GalleryImage.objects.get()
        assert (new.alt_text, new.width, new.height) == ("Green", 1200, 800)
        assert sorted(int(w) for w in new.renditions["webp"]) == [480, 960, 1200]
        assert new.image.read() == green
        files = media_files()
        assert not any(name in files for name in old_files)

    def test_a_changed_photo_under_the_same_name_is_replaced(self, tmp_path):
        folder = self.gallery_bundle(
            tmp_path, [self.entry("images/a.jpg", "Photo")], {"images/a.jpg": photo((1, 2, 3))}
        )
        run("import_releases", str(folder))
        folder = self.gallery_bundle(
            tmp_path, [self.entry("images/a.jpg", "Photo")], {"images/a.jpg": photo((200, 2, 3))}
        )
        out, _ = run("import_releases", str(folder))
        assert "images: 1 created, 0 updated, 0 unchanged, 1 removed" in out
        assert GalleryImage.objects.get().image.read() == photo((200, 2, 3))


# --- the commands themselves ----------------------------------------------------------


class TestProgress:
    @pytest.fixture
    def bars(self, monkeypatch):
        from articles.bundles import progress

        made = []

        def fake_tqdm(iterable, **kwargs):
            made.append(kwargs)
            return iterable

        monkeypatch.setattr(progress, "tqdm", fake_tqdm)
        return made

    def pretend_stderr_is_a_terminal(self, monkeypatch):
        # Inside the test body: pytest re-installs its own sys.stderr after setup.
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        terminal = Terminal()
        monkeypatch.setattr("sys.stderr", terminal)
        return terminal

    def test_a_bar_on_stderr_when_it_is_a_terminal(self, tmp_path, bars, monkeypatch):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        terminal = self.pretend_stderr_is_a_terminal(monkeypatch)
        run("import_releases", str(folder))
        assert bars and all(not bar["disable"] and bar["file"] is terminal for bar in bars)

    def test_no_bar_with_no_progress(self, tmp_path, bars, monkeypatch):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        self.pretend_stderr_is_a_terminal(monkeypatch)
        run("import_releases", str(folder), "--no-progress")
        assert bars and all(bar["disable"] for bar in bars)

    def test_export_has_one_too(self, tmp_path, bars, monkeypatch):
        make_article()
        self.pretend_stderr_is_a_terminal(monkeypatch)
        run("export_releases", str(tmp_path / "out.zip"))
        assert bars and not bars[0]["disable"] and bars[0]["desc"] == "Exporting releases"

    def test_no_bar_when_stderr_is_not_a_terminal(self, tmp_path):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        _, err = run("import_releases", str(folder))
        assert err == ""


class TestExportSelection:
    @pytest.fixture
    def releases(self):
        speaker, event = make_speaker(slug="quoted"), make_event(slug="the-event")
        make_speaker(slug="not-quoted")
        make_event(slug="other-event")
        march = make_article(
            slug="march", themes=["Cybercrime"], publish_at=datetime(2024, 3, 5, 12, tzinfo=UTC)
        )
        make_quote(march, speaker)
        make_article(
            slug="june",
            themes=["migration"],
            event=event,
            publish_at=datetime(2024, 6, 11, 9, tzinfo=UTC),
        )
        make_article(slug="draft", status=Article.Status.DRAFT, publish_at=None)

    def slugs(self, document, kind="releases"):
        return [item["slug"] for item in document[kind]]

    def test_everything_by_default(self, releases, tmp_path):
        document = export_folder(tmp_path / "all")
        assert self.slugs(document) == ["draft", "june", "march"]
        assert self.slugs(document, "speakers") == ["not-quoted", "quoted"]
        assert self.slugs(document, "events") == ["other-event", "the-event"]

    def test_by_theme_whatever_its_case(self, releases, tmp_path):
        document = export_folder(tmp_path / "t", "--theme", "cybercrime")
        assert self.slugs(document) == ["march"]
        # Only the speakers and events the chosen releases refer to.
        assert self.slugs(document, "speakers") == ["quoted"]
        assert document["events"] == []

    def test_by_publication_dates_inclusive(self, releases, tmp_path):
        document = export_folder(tmp_path / "d", "--since", "2024-06-11", "--until", "2024-06-11")
        assert self.slugs(document) == ["june"]
        assert self.slugs(document, "events") == ["the-event"]

    def test_by_status(self, releases, tmp_path):
        assert self.slugs(export_folder(tmp_path / "s", "--status", "draft")) == ["draft"]

    def test_a_folder_with_something_in_it_is_refused(self, releases, tmp_path):
        (tmp_path / "busy").mkdir()
        (tmp_path / "busy" / "notes.txt").write_text("mine")
        with pytest.raises(CommandError, match="not an empty folder"):
            run("export_releases", str(tmp_path / "busy"))
        assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"

    def test_a_bad_date_is_a_usage_error(self, tmp_path):
        with pytest.raises(CommandError, match="not a date"):
            run("export_releases", str(tmp_path / "x"), "--since", "11/06/2024")


def test_import_report_of_a_mixed_bundle(tmp_path):
    """Created, updated and unchanged counted per kind, in one run."""
    make_speaker(slug="jurgen-stock", name="Jurgen Stock", role="Secretary General of INTERPOL",
                 organisation="INTERPOL", country="Germany")  # fmt: skip
    make_event(slug="tirana-2024", name="Old name", start_date=datetime(2024, 6, 11).date())
    document = small_bundle()
    document["speakers"].append({"slug": "new-speaker", "name": "New Speaker"})
    write_bundle(tmp_path / "b", document, SMALL_IMAGES)
    out, _ = run("import_releases", str(tmp_path / "b"))
    assert "Imported" in out
    assert "speakers: 1 created, 0 updated, 1 unchanged" in out
    assert "events: 0 created, 1 updated, 0 unchanged" in out
    assert "releases: 1 created, 0 updated, 0 unchanged" in out
    assert Event.objects.get(slug="tirana-2024").name == "European Regional Conference"


# --- what else an import must do, as any other write would ---------------------------------


def jpeg_with_location() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x013B] = "Jane Doe"  # Artist: kept, like the credit it is
    exif.get_ifd(GPS_IFD)[1] = "N"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (10, 90, 160)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def stored_exif(image: GalleryImage) -> Image.Exif:
    with image.image.open("rb") as fh:
        return Image.open(io.BytesIO(fh.read())).getexif()


class TestPhotoMetadata:
    def bundle(self, tmp_path, data: bytes, name="images/opening.jpg", **entry) -> Path:
        document = small_bundle()
        document["releases"][0]["gallery"] = [{"path": name, "alt_text": "Hall", **entry}]
        return write_bundle(tmp_path / "b", document, {name: data})

    def test_location_and_camera_details_are_removed_as_on_upload(self, tmp_path):
        folder = self.bundle(tmp_path, jpeg_with_location())
        run("import_releases", str(folder))
        exif = stored_exif(GalleryImage.objects.get())
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
        assert exif[0x013B] == "Jane Doe"
        out, _ = run("import_releases", str(folder))
        assert "Nothing to change" in out

    def test_kept_on_purpose_when_the_bundle_says_so(self, tmp_path):
        folder = self.bundle(tmp_path, jpeg_with_location(), keep_metadata=True)
        run("import_releases", str(folder))
        image = GalleryImage.objects.get()
        assert image.keep_metadata
        assert image.image.read() == jpeg_with_location()

    def test_speaker_portrait_loses_location_and_gets_renditions(self, tmp_path):
        document = small_bundle()
        document["speakers"][0]["photo"] = "images/speakers/stock.jpg"
        folder = write_bundle(
            tmp_path / "b",
            document,
            {**SMALL_IMAGES, "images/speakers/stock.jpg": jpeg_with_location()},
        )
        run("import_releases", str(folder))
        speaker = Speaker.objects.get()
        with speaker.photo.open("rb") as fh:
            exif = Image.open(io.BytesIO(fh.read())).getexif()
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
        assert sorted(speaker.photo_renditions) == ["jpeg", "webp"]
        assert all(
            speaker.photo.storage.exists(name)
            for names in speaker.photo_renditions.values()
            for name in names.values()
        )
        out, _ = run("import_releases", str(folder))
        assert "Nothing to change" in out

    def test_a_clean_webp_is_stored_byte_for_byte(self, tmp_path):
        # Re-encoding a WebP is never lossless, so a clean file must not be touched.
        webp = photo(fmt="WEBP", size=(300, 200))
        folder = self.bundle(tmp_path, webp, name="images/opening.webp")
        run("import_releases", str(folder))
        assert GalleryImage.objects.get().image.read() == webp
        document = export_folder(tmp_path / "out")
        exported = document["releases"][0]["gallery"][0]
        assert exported["path"] == "images/police-chiefs-meet-01.webp"
        assert (tmp_path / "out" / exported["path"]).read_bytes() == webp


class TestSideEffects:
    def test_cached_pages_show_the_import_at_once(
        self, tmp_path, client, page_cache, django_capture_on_commit_callbacks
    ):
        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        run("import_releases", str(folder))
        url = reverse("articles:detail", kwargs={"slug": "police-chiefs-meet"})
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"

        document = small_bundle()
        document["releases"][0]["title"] = "Police chiefs agree on closer cooperation"
        write_bundle(folder, document)
        with django_capture_on_commit_callbacks(execute=True):
            run("import_releases", str(folder))

        response = client.get(url)
        assert response["X-Cache"] == "miss"
        assert "Police chiefs agree on closer cooperation" in response.content.decode()

    def test_each_import_that_changes_a_release_is_in_its_history(self, tmp_path):
        from reversion.models import Version

        folder = write_bundle(tmp_path / "b", small_bundle(), SMALL_IMAGES)
        run("import_releases", str(folder))
        article = Article.objects.get(slug="police-chiefs-meet")
        versions = Version.objects.get_for_object(article)
        assert versions.count() == 1
        revision = versions.get().revision
        assert revision.comment == f"Imported from {folder / 'bundle.json'}"
        # The revision holds the quotes, gallery and themes, so restoring restores them.
        held = {v.content_type.model for v in revision.version_set.all()}
        assert held == {"article", "quote", "galleryimage", "articletheme"}

        run("import_releases", str(folder))
        assert Version.objects.get_for_object(article).count() == 1  # nothing changed

        document = small_bundle()
        document["releases"][0]["title"] = "New title"
        write_bundle(folder, document)
        run("import_releases", str(folder))
        latest = Version.objects.get_for_object(article).first()
        assert latest.field_dict["title"] == "New title"
        assert Version.objects.get_for_object(article).count() == 2
