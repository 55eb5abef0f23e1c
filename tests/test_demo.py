import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from articles.demo import DEMO_SLUG, DEMO_THEMES
from articles.models import Article, Event, GalleryImage, Quote, Speaker

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_one_demo_release(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)

    assert Article.objects.filter(slug=DEMO_SLUG).count() == 1
    assert Speaker.objects.count() == 3
    assert Event.objects.count() == 1
    article = Article.objects.get(slug=DEMO_SLUG)
    assert article.quotes.count() == 3
    assert article.images.count() == 13
    assert GalleryImage.objects.count() == 13
    assert Quote.objects.count() == 3
    assert article.is_public()
    assert Article.objects.public().count() > 1

    image = GalleryImage.objects.first()
    assert (image.width, image.height) == (2400, 1600)
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
