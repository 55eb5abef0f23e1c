import io
import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from PIL import Image

from articles.demo import CAPTIONS, DEMO_SLUG, DEMO_THEMES, LEAD, QUOTES, demo_photo
from articles.demo_translations import TRANSLATIONS
from articles.models import (
    Article,
    ArticleContact,
    Boilerplate,
    Event,
    GalleryImage,
    Quote,
    Speaker,
    ThemeNames,
)
from articles.translations import group, tracking

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_one_demo_release(client):
    # Small photos: the default size (below) costs a minute of renditions per load.
    call_command("load_demo", "--photo-size", "480x320", verbosity=0)
    call_command("load_demo", "--photo-size", "480x320", verbosity=0)

    assert Article.objects.filter(slug=DEMO_SLUG).count() == 1
    assert Speaker.objects.count() == 3
    assert Event.objects.count() == 1
    article = Article.objects.get(slug=DEMO_SLUG)
    assert article.quotes.count() == 3
    assert article.images.count() == 13
    # The French, Spanish and Arabic versions have rows of their own for the same photos.
    assert GalleryImage.objects.count() == 4 * 13
    assert Quote.objects.count() == 4 * 3
    assert article.is_public()
    assert Article.objects.public().count() > 1

    image = GalleryImage.objects.first()
    assert (image.width, image.height) == (480, 320)
    with image.image.open("rb") as fh:
        assert fh.read(3) == b"\xff\xd8\xff"

    html = client.get(f"/releases/{DEMO_SLUG}/").content.decode()
    for name, role in [
        ("Taulant Balla", "Interior Minister of Albania"),
        ("Ahmed Naser Al-Raisi", "INTERPOL President"),
        ("Jurgen Stock", "Secretary General of INTERPOL"),
    ]:
        assert name in html and role in html
    assert html.count('class="quote"') == 3
    assert "TIRANA, Albania" in html
    assert "11–13 June 2024" in strip_tags(html)
    assert "<dt>Participants</dt><dd>about 160</dd>" in html
    gallery = html[html.index('class="gallery"') :]
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', gallery)
    assert len(alts) == 13 and all(alt.strip() for alt in alts)
    for theme in DEMO_THEMES:
        assert theme in html


def test_the_demo_photos_are_large_unless_asked_otherwise():
    from articles.management.commands.load_demo import Command

    options = Command().create_parser("manage.py", "load_demo").parse_args([])
    assert options.photo_size == (2400, 1600)
    with Image.open(io.BytesIO(demo_photo(1))) as photo:
        assert (photo.format, photo.size) == ("JPEG", (2400, 1600))


def test_photo_size_option_is_checked():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="WIDTHxHEIGHT"):
        call_command("load_demo", "--photo-size", "big")
    assert not Article.objects.exists()


def test_admin_account_has_a_generated_password(capsys):
    from django.contrib.auth.models import User

    call_command("load_demo", admin=True, photo_size=(64, 48))
    out = capsys.readouterr().out
    password = re.search(r"Password: (\S+)", out).group(1)
    assert len(password) >= 12
    assert User.objects.get(username="admin").check_password(password)
    call_command("load_demo", admin=True, photo_size=(64, 48))
    assert "already exists" in capsys.readouterr().out
    assert User.objects.get(username="admin").check_password(password)


def test_demo_shows_what_journalists_expect(client):
    """Issue 15's "done when": call, read the notes, see the times, download, find."""
    call_command("load_demo", "--photo-size", "240x160", verbosity=0)
    article = Article.objects.get(slug=DEMO_SLUG)
    html = client.get(article.get_absolute_url()).content.decode()
    # Someone to call, with a vCard.
    assert 'href="tel:+33472000001"' in html and 'href="mailto:press@newsroom.example"' in html
    assert "Arben Kola" in html and "Add to contacts (vCard)" in html
    # Notes to editors.
    assert "About INTERPOL" in html and "196 member countries" in html
    # When it was published and corrected, and the correction itself.
    assert "Published <time" in html and "Updated <time" in html
    assert "Corrects the closing date of the conference to 13 June." in html
    # The chosen lead photo, above the fold.
    lead = html[html.index('<figure class="lead-photo">') :]
    assert "Group photo of the heads of delegation" in lead[: lead.index("</figure>")]
    # All the photos at once, and the PDF.
    assert "Download all 13 photos (ZIP, " in html
    zip_url = f"/releases/{DEMO_SLUG}/photos.zip"
    assert client.get(zip_url).status_code == 200
    assert client.get(f"/releases/{DEMO_SLUG}.pdf")["Content-Type"] == "application/pdf"
    # Found by its theme and by its event.
    for query in ("migration", "INTERPOL European Regional Conference"):
        found = client.get("/search/", {"q": query}).content.decode()
        assert article.title in found, query


def load_small_demo():
    call_command("load_demo", "--photo-size", "240x160", verbosity=0)
    return Article.objects.get(slug=DEMO_SLUG)


# Words the French or Spanish text rightly shares with the English one.
LOANWORDS = {"internet", "capital"}


def english_words(text: str) -> set[str]:
    """The words longer than six letters that are not names or acronyms (no capital)."""
    words = {word for word in re.findall(r"[A-Za-z]{7,}", text) if word.islower()}
    return words - LOANWORDS


def written_text(article: Article) -> str:
    """Everything in the release a translator writes, as readers get it."""
    parts = [article.title, article.lead, strip_tags(article.body)]
    parts += [f"{quote.text} {quote.context}" for quote in article.quotes.all()]
    parts += [f"{image.caption} {image.alt_text}" for image in article.images.all()]
    parts += [article.boilerplate.heading, article.boilerplate.text]
    return "\n".join(parts)


class TestTheReleaseInFourLanguages:
    def test_one_group_sharing_event_themes_and_photos_each_public(self):
        english = load_small_demo()
        versions = group.by_language(group.members(english))
        assert [(a.language, a.slug) for a in versions] == [
            ("en", DEMO_SLUG),
            ("fr", f"{DEMO_SLUG}-fr"),
            ("es", f"{DEMO_SLUG}-es"),
            ("ar", f"{DEMO_SLUG}-ar"),
        ]
        photos = [(p.image.name, p.position) for p in english.images.order_by("position")]
        themes = set(english.themes.names())
        for version in versions:
            assert version.is_public()
            assert version.event_id == english.event_id
            assert set(version.themes.names()) == themes
            assert [(p.image.name, p.position) for p in version.images.order_by("position")] == (
                photos
            )
            assert version.lead_image.image.name == english.lead_image.image.name
            assert version.reference == "PR-2024-061"
            assert (version.publish_at, version.unpublish_at) == (english.publish_at, None)
            assert version.boilerplate.language == version.language
            speakers = [q.speaker.slug for q in version.quotes.order_by("position")]
            assert speakers == [slug for slug, _text, _context in QUOTES]
            assert [link.contact.slug for link in version.contact_links.order_by("position")] == [
                "claire-dubois",
                "arben-kola",
            ]
        assert [a.language for a in group.public_versions(english)] == ["en", "fr", "es", "ar"]

    @pytest.mark.parametrize("language", ["fr", "es", "ar"])
    def test_the_translations_leave_no_english_behind(self, language):
        english = load_small_demo()
        source_words = english_words(
            " ".join([english.title, english.lead, strip_tags(english.body), *CAPTIONS])
        )
        translation = english.translations.get(language=language)
        text = written_text(translation)
        left = {word for word in source_words if re.search(rf"\b{word}\b", text, re.I)}
        assert left == set()
        assert translation.title != english.title and translation.lead != english.lead
        for quote, (_slug, original, _context) in zip(
            translation.quotes.order_by("position"), QUOTES, strict=True
        ):
            assert quote.text and quote.text != original
        if language == "ar":
            assert re.search("[\u0600-\u06ff]", translation.title)

    def test_captions_and_alt_texts_are_in_each_language(self, client):
        english = load_small_demo()
        for translation in english.translations.all():
            photos = list(translation.images.order_by("position"))
            assert [p.caption for p in photos] == TRANSLATIONS[translation.language]["captions"]
            assert not {p.caption for p in photos} & set(CAPTIONS)
            assert all(p.alt_text and "generated" not in p.alt_text for p in photos)
        arabic = english.translations.get(language="ar")
        response = client.get(arabic.get_absolute_url(), follow=True)
        html = response.content.decode()
        gallery = html[html.index('class="gallery"') :]
        alts = re.findall(r'<img [^>]*alt="([^"]*)"', gallery)
        assert len(alts) == 13 and all(re.search("[\u0600-\u06ff]", alt) for alt in alts)
        assert arabic.title in html and "نبذة عن الإنتربول" in html

    def test_theme_names_and_notes_to_editors_in_every_language(self):
        load_small_demo()
        for theme in DEMO_THEMES:
            names = ThemeNames.objects.get(theme__name=theme).names
            assert set(names) == {"fr", "es", "ar"} and theme not in names.values()
        about = Boilerplate.objects.filter(organisation="INTERPOL")
        assert sorted(about.values_list("language", flat=True)) == ["ar", "en", "es", "fr"]


def test_the_spanish_version_shows_source_changed_with_the_lead_diff():
    english = load_small_demo()
    spanish = english.translations.get(language="es")
    assert list(Article.objects.filter(source_changed_at__isnull=False)) == [spanish]
    (change,) = tracking.pending_changes(spanish)
    assert change.field == "lead"
    added = " ".join(text for kind, text in change.runs if kind == "added")
    assert "agree how to answer" in added
    assert "".join(text for kind, text in change.runs if kind != "removed") == LEAD
    for other in english.translations.exclude(language="es"):
        assert tracking.pending_changes(other) == []


def test_loading_the_demo_twice_gives_the_same_rows():
    def rows():
        articles = Article.objects.order_by("pk").values_list(
            "pk", "slug", "language", "source", "title", "lead", "body", "status", "publish_at",
            "boilerplate", "lead_image", "source_confirmed", "source_changed_at",
        )  # fmt: skip
        photos = GalleryImage.objects.order_by("pk").values_list(
            "pk", "article", "image", "caption", "alt_text", "position", "renditions"
        )
        quotes = Quote.objects.order_by("article", "position").values_list(
            "article", "speaker", "position", "text", "context"
        )
        contacts = ArticleContact.objects.order_by("article", "position").values_list(
            "article", "contact", "position"
        )
        themes = ThemeNames.objects.order_by("pk").values_list("pk", "names")
        about = Boilerplate.objects.order_by("pk").values_list("pk", "language", "heading", "text")
        return [list(query) for query in (articles, photos, quotes, contacts, themes, about)]

    load_small_demo()
    first = rows()
    load_small_demo()
    assert rows() == first
