"""
The public site's interface in French, Spanish and Arabic: every message it
uses is translated, the compiled catalogues match their sources, and no
English is left on the pages a reader of those languages sees.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from django.utils import translation

from tests.factories import make_article, make_event, make_image, make_quote, make_speaker

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "es", "ar")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "gettext_lazy": None,
    "gettext_pattern": None,
}


def catalogue(language: str):
    with open(ROOT / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as fh:
        return read_po(fh, locale=language)


def used_messages() -> set:
    """The messages the public site's templates and modules use, as babel.cfg finds them."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else tuple(m for m in message if m))
    return found


def test_every_source_babel_cfg_names_exists():
    """A module moved or split into a package must not drop its messages unnoticed."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg") as fh:
        method_map, _options = parse_mapping_cfg(fh)
    patterns = [pattern for pattern, _method in method_map]
    assert "articles/search/**.py" in patterns
    lost = [pattern for pattern in patterns if not list(ROOT.glob(pattern.replace("**", "**/*")))]
    assert not lost, f"babel.cfg names files that are not there: {lost}"


def test_the_search_filters_are_among_the_messages():
    assert {"Country", "Year", "Speaker"} <= used_messages()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_the_site_uses_is_translated(language):
    translated = {
        message.id: message.string
        for message in catalogue(language)
        if message.id and "fuzzy" not in message.flags
    }
    missing = [
        message
        for message in used_messages()
        if message not in translated
        or not all(translated[message] if isinstance(message, tuple) else [translated[message]])
    ]
    assert not missing, (
        f"Untranslated in {language} (see README, 'Languages and translations'): {missing}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_sources(language):
    with translation.override(language):
        for message in catalogue(language):
            if not message.id or "fuzzy" in message.flags or not _translated(message):
                continue
            if isinstance(message.id, tuple):
                assert translation.ngettext(*message.id, 1) in message.string, message.id
            else:
                assert translation.gettext(message.id) == message.string, message.id


def _translated(message) -> bool:
    """Untranslated entries are the first test's business."""
    return all(message.string) if isinstance(message.id, tuple) else bool(message.string)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\(\w+\)s", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    for message in catalogue(language):
        if not message.id or not _translated(message):
            continue
        if isinstance(message.id, tuple):
            # Some plural forms spell the number out ("one release").
            expected = _placeholders(message.id[1])
            assert any(_placeholders(form) == expected for form in message.string), message.id
            assert all(_placeholders(form) <= expected for form in message.string), message.id
        else:
            assert _placeholders(message.string) == _placeholders(message.id), message.id


@pytest.fixture
def site():
    event = make_event(name="Regional Conference", slug="regional-conference", city="Tirana")
    article = make_article(
        title="Release 1", slug="release-1", lead="Lead 1.", event=event, themes=["cybercrime"]
    )
    speaker = make_speaker(name="Ilir Dervishi", slug="ilir-dervishi")
    make_quote(article, speaker, text="Quote 1.")
    make_image(article)
    return article


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # Attributes readers meet too: labels, titles, placeholders, alt texts.
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes)


def english_left(text: str, language: str) -> list[str]:
    """The site's English messages (those translated otherwise) found in ``text``."""
    left = []
    for message in catalogue(language):
        if not message.id or isinstance(message.id, tuple):
            continue
        literal = max(re.split(r"%\(\w+\)s", message.id), key=len).strip(" :.")
        if len(literal) < 5 or literal in message.string:
            continue
        if re.search(rf"(?<!\w){re.escape(literal)}(?!\w)", text):
            left.append(message.id)
    return left


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_is_left_on_the_pages(client, site, language):
    pages = [
        "/",
        f"/releases/{site.slug}/",
        "/themes/",
        "/themes/cybercrime/",
        "/events/",
        "/events/regional-conference/",
        "/speakers/ilir-dervishi/",
        "/search/?q=Release",
        "/search/?q=nothing-like-this",
        "/no/such/page/",
        "/share/unknown-token/",
    ]
    for path in pages:
        response = client.get(f"/{language}{path}")
        assert response.status_code in (200, 404), path
        page = response.content.decode()
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in page, path
        assert english_left(visible_text(page), language) == [], path


@pytest.mark.django_db
def test_an_english_release_keeps_its_own_language_inside_an_arabic_page(client, site):
    page = client.get(f"/ar/releases/{site.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    # The interface around the release stays Arabic, right to left; the
    # release's own words (title, lead, quotes, captions) say they are English.
    assert '<article class="release">' in page
    assert '<h1 class="release__title" lang="en" dir="ltr">Release 1</h1>' in page
    assert '<p class="release__lead" lang="en" dir="ltr">Lead 1.</p>' in page
    assert '<blockquote class="quote__text" lang="en" dir="ltr">' in page
    assert "البيانات الصحفية" in page


@pytest.mark.django_db
def test_the_site_speaks_its_url_language_and_the_admin_the_editor_one(client):
    # The public site: the URL decides, whatever the browser asks.
    assert '<html lang="en"' in client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="fr"' in client.get("/fr/").content.decode()
    # The admin has no prefix: it follows the browser.
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'lang="fr"' in login and "Nom d’utilisateur" in login


@pytest.mark.django_db
def test_a_release_in_the_pages_language_says_nothing_of_it(client, site):
    page = client.get(
        site.get_absolute_url(),
    ).content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert '<h1 class="release__title">Release 1</h1>' in page
    assert ' lang="en"' not in page.split("<body>", 1)[1]
