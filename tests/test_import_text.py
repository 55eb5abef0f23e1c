"""manage.py import_text and the admin's "New release from text" make drafts from plain text."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from articles.demo import DEMO_THEMES
from articles.models import Article, Event, Quote, Speaker
from articles.textimport import MAX_TEXT_BYTES
from tests.factories import make_speaker

pytestmark = pytest.mark.django_db

SEED_THEMES = DEMO_THEMES  # the seed release's themes, as the demo loads them


@pytest.fixture
def seed(shared_dir):
    for name in SEED_THEMES + ["fisheries"]:
        Tag.objects.create(name=name)
    return shared_dir / "seeds" / "interpol-tirana-2024.txt"


def test_seed_becomes_a_correct_draft(seed, capsys):
    call_command("import_text", str(seed), "--year", "2024")
    out = capsys.readouterr().out
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and not article.is_public()
    assert (article.dateline_city, article.dateline_country) == ("Tirana", "Albania")
    assert article.lead.startswith("The growing threat and globalization of organized crime")
    assert "1 / 13" not in article.body and "Over the three-day conference" in article.body
    quotes = list(article.quotes.select_related("speaker"))
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [
        ("Taulant Balla", "Interior Minister of Albania"),
        ("Ahmed Naser Al-Raisi", "INTERPOL President"),
        ("Jurgen Stock", "Secretary General of INTERPOL"),
    ]
    assert quotes[0].text.startswith("Today’s crimes are increasingly international")
    assert quotes[0].text.endswith("innocent citizens.")
    assert len(quotes[0].paragraphs) == 3
    assert quotes[1].text.startswith("This year, the European Regional Conference")
    assert quotes[1].text.endswith("collaborative strategies.")
    assert quotes[2].text.startswith("Senior police officials")
    assert quotes[2].text.endswith("growing menace of organized crime.")
    # The quotes are in the quotes section, not repeated in the body.
    assert "Today’s crimes" not in article.body and "who said:" not in article.body
    assert (article.event.start_date.isoformat(), article.event.end_date.isoformat()) == (
        "2024-06-11",
        "2024-06-13",
    )
    assert sorted(t.name for t in article.themes.all()) == sorted(SEED_THEMES)
    assert "Dropped as debris: 1 / 13" in out and "Draft created" in out


def test_existing_speakers_and_event_are_reused(seed):
    make_speaker(name="Jurgen Stock", slug="jurgen-stock", role="Secretary General")
    call_command("import_text", str(seed), "--year", "2024", verbosity=0)
    call_command("import_text", str(seed), "--year", "2024", verbosity=0)
    assert Speaker.objects.filter(name="Jurgen Stock").count() == 1
    assert Speaker.objects.count() == 3
    assert Event.objects.count() == 1
    # Two drafts, never merged silently: the editor decides.
    assert Article.objects.count() == 2
    assert len({a.slug for a in Article.objects.all()}) == 2


def test_dry_run_saves_nothing(seed, capsys):
    call_command("import_text", str(seed), "--dry-run")
    assert "Would create the draft" in capsys.readouterr().out
    assert not Article.objects.exists() and not Speaker.objects.exists()
    assert not Quote.objects.exists() and not Event.objects.exists()


def test_title_option(seed):
    call_command("import_text", str(seed), "--title", "Police chiefs meet in Tirana", verbosity=0)
    assert Article.objects.get().title == "Police chiefs meet in Tirana"


def test_every_corpus_file_imports(shared_dir, capsys):
    files = sorted((shared_dir / "corpus").glob("*.txt"))
    assert len(files) >= 25
    call_command("import_text", *map(str, files))
    assert Article.objects.count() == len(files)
    assert not Article.objects.public().exists()
    out = capsys.readouterr().out
    assert out.count("Draft created") == len(files)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="nope.txt: cannot read it"):
        call_command("import_text", str(tmp_path / "nope.txt"))
    assert not Article.objects.exists()


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n  ")
    with pytest.raises(CommandError, match="1 of 1 files could not be imported"):
        call_command("import_text", str(empty), verbosity=0)
    assert not Article.objects.exists()


def test_seed_event_gets_its_expected_participants(seed):
    call_command("import_text", str(seed), "--year", "2024", verbosity=0)
    assert Article.objects.get().event.expected_participants == 160


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252"])
def test_files_in_other_encodings_are_read(tmp_path, encoding):
    release = tmp_path / "release.txt"
    text = "Ports reopen\n\nLYON, France – “We worked through the night,” said Pat Example.\n"
    release.write_bytes(text.encode(encoding))
    call_command("import_text", str(release), verbosity=0)
    article = Article.objects.get()
    assert (article.title, article.dateline_city) == ("Ports reopen", "Lyon")
    assert article.quotes.get().text == "We worked through the night"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_TEXT_BYTES // 5 + 1))
    with pytest.raises(
        CommandError, match=r"big.txt: The text is \d+ KB; a release can be at most"
    ):
        call_command("import_text", str(big))
    assert not Article.objects.exists()


def test_binary_file_is_refused_by_the_command(tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(CommandError, match="blob.txt: not a text file"):
        call_command("import_text", str(blob))


def test_title_with_several_files_is_refused(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x"), b.write_text("y")
    with pytest.raises(CommandError, match="one FILE"):
        call_command("import_text", str(a), str(b), "--title", "T")


def review_data(form) -> dict:
    """What the review screen posts back when the editor changes nothing."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


class TestAdminFromText:
    @pytest.fixture
    def editor(self, client):
        user = User.objects.create_user("ed", password="x-Strong-pass-9", is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        client.force_login(user)
        return client

    def read(self, editor, seed, **extra):
        response = editor.post(
            "/admin/articles/article/from-text/",
            {"text": seed.read_text(), "year": "2024", "title": "", "language": "en", **extra},
        )
        assert response.status_code == 200
        return response

    def test_paste_shows_a_review_before_anything_is_saved(self, editor, seed):
        response = editor.get("/admin/articles/article/")
        assert "/admin/articles/article/from-text/" in response.content.decode()
        response = self.read(editor, seed)
        html = response.content.decode()
        assert not Article.objects.exists() and not Speaker.objects.exists()
        assert "Review the release before saving" in html
        for part in ("Taulant Balla", "Jurgen Stock", "Today’s crimes", "opening the conference"):
            assert part in html, part
        form = response.context["form"]
        assert form["event_participants"].value() == 160
        assert {t: about for t, _r, about in form.theme_reasons}["terrorism"]
        assert "in a list of the topics" in html
        assert "Dates read from “11-13 June”" in html

    def test_confirming_the_review_makes_one_draft_with_one_summary(self, editor, seed):
        form = self.read(editor, seed).context["form"]
        response = editor.post("/admin/articles/article/from-text/", review_data(form), follow=True)
        article = Article.objects.get()
        assert response.redirect_chain[-1][0].endswith(
            f"/admin/articles/article/{article.pk}/change/"
        )
        assert article.status == Article.Status.DRAFT and article.author.username == "ed"
        assert [q.speaker.name for q in article.quotes.all()] == [
            "Taulant Balla",
            "Ahmed Naser Al-Raisi",
            "Jurgen Stock",
        ]
        assert article.quotes.first().context == "opening the conference"
        assert article.event.expected_participants == 160
        assert sorted(t.name for t in article.themes.all()) == sorted(SEED_THEMES)
        sent = [str(m) for m in response.context["messages"]]
        assert len(sent) == 1 and "3 quotes by 3 speakers (3 new)" in sent[0]

    def test_near_match_speaker_is_asked_not_duplicated(self, editor, seed):
        existing = make_speaker(name="Ahmed Naser Al-Raisy", slug="al-raisy", role="President")
        response = self.read(editor, seed)
        assert "Did you mean Ahmed Naser Al-Raisy?" in response.content.decode()
        form = response.context["form"]
        data = review_data(form)
        index = next(i for i, p in enumerate(form.parsed.speakers) if "Al-Raisi" in p.name)
        assert f"speaker_{index}_match" not in data  # nothing chosen for the editor
        response = editor.post("/admin/articles/article/from-text/", data)
        assert response.status_code == 200 and not Article.objects.exists()
        assert "Choose the existing speaker or a new one." in response.content.decode()
        data[f"speaker_{index}_match"] = str(existing.pk)
        editor.post("/admin/articles/article/from-text/", data)
        assert Speaker.objects.filter(name__startswith="Ahmed Naser").count() == 1
        assert Article.objects.get().quotes.filter(speaker=existing).count() == 1

    def test_same_release_twice_is_flagged(self, editor, seed):
        form = self.read(editor, seed).context["form"]
        editor.post("/admin/articles/article/from-text/", review_data(form))
        html = self.read(editor, seed).content.decode()
        assert "A release with the same title or lead already exists" in html

    def test_theme_named_in_passing_is_left_unticked(self, editor, seed):
        Tag.objects.create(name="general assembly")
        form = self.read(editor, seed).context["form"]
        assert "general assembly" in dict(form.fields["themes"].choices)
        assert "general assembly" not in form["themes"].value()

    def test_upload_a_text_file(self, editor, seed):
        with seed.open("rb") as fh:
            response = editor.post(
                "/admin/articles/article/from-text/", {"file": fh, "year": "2024", "language": "en"}
            )
        assert len(response.context["form"].parsed.quotes) == 3

    def test_empty_text_is_an_error(self, editor):
        response = editor.post("/admin/articles/article/from-text/", {"text": "  "})
        assert response.status_code == 200
        assert "Paste the text of a release" in response.content.decode()
        assert not Article.objects.exists()

    def test_a_null_character_in_the_paste_gets_its_own_message_alone(self, editor):
        response = editor.post(
            "/admin/articles/article/from-text/", {"text": "Title: A\n\nContent:\nA \x00 b."}
        )
        page = response.content.decode()
        assert "Null characters are not allowed" in page
        assert "Paste the text of a release" not in page
        assert not Article.objects.exists()

    def test_binary_file_is_refused(self, editor, tmp_path):
        from django.core.files.uploadedfile import SimpleUploadedFile

        blob = SimpleUploadedFile("x.txt", b"\x00\x01\x02" * 100)
        response = editor.post("/admin/articles/article/from-text/", {"file": blob})
        assert "not plain text" in response.content.decode()
        assert not Article.objects.exists()

    def test_the_size_limit_is_the_commands(self, editor):
        from django.core.files.uploadedfile import SimpleUploadedFile

        text = "word " * (MAX_TEXT_BYTES // 5 + 10)
        for data in ({"text": text}, {"file": SimpleUploadedFile("big.txt", text.encode())}):
            response = editor.post("/admin/articles/article/from-text/", data)
            assert response.status_code == 200
            assert "a release can be at most" in response.content.decode()
        assert not Article.objects.exists()

    def test_utf16_upload(self, editor):
        from django.core.files.uploadedfile import SimpleUploadedFile

        text = "Ports reopen\n\nLYON, France – The ports reopened on Monday, officials said."
        upload = SimpleUploadedFile("r.txt", text.encode("utf-16"))
        response = editor.post(
            "/admin/articles/article/from-text/", {"file": upload, "language": "en"}
        )
        assert response.context["form"]["dateline_city"].value() == "Lyon"


def test_reviewed_release_is_saved_whole_or_not_at_all():
    from articles.services import article_create_from_review

    existing = make_speaker(name="Jo Example")
    kwargs = {
        "title": "Harbour plan agreed",
        "dateline_city": "Tirana",
        "dateline_country": "Albania",
        "lead": "Ministers agreed the harbour plan.",
        "paragraphs": ["The plan runs for five years.", ""],
        "language": "en",
        "event": Event(
            name="Harbour conference",
            start_date=date(2024, 5, 2),
            end_date=date(2024, 5, 3),
        ),
        "themes": ["ports"],
        "by": None,
    }
    article = article_create_from_review(
        speakers=[existing, Speaker(name="Sam Sample", role="Mayor")],
        quotes=[(1, "We are ready.", "opening the conference"), (0, "So are we.", "")],
        **kwargs,
    )
    assert article.status == Article.Status.DRAFT
    assert article.body == "<p>The plan runs for five years.</p>"
    assert article.event.name == "Harbour conference"
    assert [(q.speaker.name, q.text, q.context) for q in article.quotes.order_by("position")] == [
        ("Sam Sample", "We are ready.", "opening the conference"),
        ("Jo Example", "So are we.", ""),
    ]
    assert list(article.themes.names()) == ["ports"]

    kwargs["event"] = Event(name="Second conference", start_date=date(2024, 6, 2))
    with pytest.raises(ValidationError):  # a quote with no text
        article_create_from_review(
            speakers=[Speaker(name="Al Other", role="")], quotes=[(0, "", "")], **kwargs
        )
    assert not Speaker.objects.filter(name="Al Other").exists()
    assert not Event.objects.filter(name="Second conference").exists()
    assert Article.objects.count() == 1
