"""
Nothing that is not public leaks onto any public surface; an embargoed release
appears on all of them at once when its time comes, through the page cache.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from articles.translations import shared
from tests.factories import make_article, make_event, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db

LIFT = timedelta(hours=3)


def hidden_release(word: str, event, shared_theme: str, **fields):
    """A release carrying ``word`` in every text field it has."""
    article = make_article(
        title=f"Title {word}",
        slug=f"release-{word}",
        lead=f"Lead {word}.",
        body=f"<p>Body {word}.</p>",
        event=event,
        themes=[shared_theme, f"theme {word}"],
        **fields,
    )
    speaker = make_speaker(name=f"Speaker {word.title()}", slug=f"speaker-{word}")
    make_quote(article, speaker, text=f"Quote {word}.")
    make_image(article, caption=f"Caption {word}", width=480)
    return article


@pytest.fixture
def world():
    now = timezone.now()
    event = make_event(name="Shared conference", slug="shared-conference")
    shared = make_speaker(name="Shared Speaker", slug="shared-speaker")
    public = make_article(
        title="Public release", slug="public-release", event=event, themes=["shared theme"]
    )
    make_quote(public, shared, text="Public words.")
    hidden = {
        "draftword": hidden_release(
            "draftword", event, "shared theme", status=Article.Status.DRAFT, publish_at=None
        ),
        "reviewword": hidden_release(
            "reviewword", event, "shared theme", status=Article.Status.REVIEW, publish_at=None
        ),
        "embargoword": hidden_release("embargoword", event, "shared theme", publish_at=now + LIFT),
        "expiredword": hidden_release(
            "expiredword",
            event,
            "shared theme",
            publish_at=now - timedelta(days=3),
            unpublish_at=now - timedelta(days=1),
        ),
    }
    for article in hidden.values():
        make_quote(article, shared, text=f"Shared speaker on {article.slug}.")
    # A draft translation of a live release, and the French version of the
    # embargoed one, released with it.
    hidden["translationword"] = translated(public, "fr", "translationword")
    embargoed_french = translated(hidden["embargoword"], "fr", "frembargoword")
    embargoed_french.status = Article.Status.PUBLISHED
    embargoed_french.save()
    return {"public": public, "hidden": hidden, "event": event}


def translated(source, language: str, word: str) -> Article:
    """A translation of ``source`` carrying ``word`` in every text field of its own."""
    translation = shared.translation_create(source=source, language=language)
    translation.title, translation.slug = f"Title {word}", f"release-{word}"
    translation.lead, translation.body = f"Lead {word}.", f"<p>Body {word}.</p>"
    translation.save()
    translation.quotes.update(text=f"Quote {word}.")
    translation.images.update(caption=f"Caption {word}")
    return translation


LANGUAGES = ["", "fr", "ar"]


def surfaces(word: str, language: str = "") -> dict[str, str]:
    """Every public URL where a release, or a trace of it, could appear, in ``language``."""
    with translation.override(language or "en"):
        return _surfaces(word, f"/{language}" if language else "")


def _surfaces(word: str, prefix: str) -> dict[str, str]:
    return {
        "release": f"{prefix}/releases/release-{word}/",
        "home": f"{prefix}/",
        "home page 2": f"{prefix}/?page=2",
        "themes": reverse("articles:themes"),
        "shared theme": reverse("articles:theme", kwargs={"slug": "shared-theme"}),
        "own theme": reverse("articles:theme", kwargs={"slug": f"theme-{word}"}),
        "own speaker": reverse("articles:speaker", kwargs={"slug": f"speaker-{word}"}),
        "shared speaker": reverse("articles:speaker", kwargs={"slug": "shared-speaker"}),
        "events": reverse("articles:events"),
        "event": reverse("articles:event", kwargs={"slug": "shared-conference"}),
        "ics": reverse("articles:event_ics", kwargs={"slug": "shared-conference"}),
        "rss": reverse("articles:feed"),
        "atom": reverse("articles:feed_atom"),
        "theme feed": reverse("articles:theme_feed", kwargs={"slug": "shared-theme"}),
        "own theme feed": reverse("articles:theme_feed", kwargs={"slug": f"theme-{word}"}),
        "sitemap": f"{prefix}/sitemap.xml",
        "search": f"{prefix}/search/?q={word}",
        "api list": reverse("articles:api_releases"),
        "api detail": reverse("articles:api_release", kwargs={"slug": f"release-{word}"}),
        "related box": f"{prefix}/releases/public-release/",
        "PDF": f"{prefix}/releases/release-{word}.pdf",
    }


def body_of(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, content.decode()


def traces(word: str) -> list[str]:
    """What a hidden release would show: its fields, not the bare word a search echoes."""
    return [
        f"title {word}",
        f"lead {word}",
        f"body {word}",
        f"quote {word}",
        f"caption {word}",
        f"theme {word}",
        f"speaker {word}",
        f"release-{word}",
    ]


def assert_absent(client, word: str, language: str = ""):
    for name, url in surfaces(word, language).items():
        status, text = body_of(client, url)
        found = [trace for trace in traces(word) if trace in text.lower()]
        assert not found, f"{word} leaks on {name} ({url}): {found}"
        assert status < 500, f"{name} ({url}) failed with {status}"
    assert client.get(surfaces(word, language)["release"]).status_code == 404


HIDDEN = ["draftword", "reviewword", "embargoword", "expiredword", "translationword"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("word", HIDDEN)
def test_non_public_release_is_absent_everywhere(client, world, cache_backend, word, language):
    # Visit everything once so that the cache holds every page.
    for url in surfaces(word, language).values():
        client.get(url)
    assert_absent(client, word, language)


def assert_present(client, word: str, language: str, skip=()):
    skip = {"home page 2", "events", "ics", "PDF", *skip}
    present = {name: url for name, url in surfaces(word, language).items() if name not in skip}
    for name, url in present.items():
        status, text = body_of(client, url)
        assert status == 200, f"{name} ({url}) answered {status}"
        assert any(trace in text.lower() for trace in traces(word)), (
            f"{word} missing on {name} ({url}) after the embargo"
        )


def test_embargoed_release_appears_everywhere_at_once(client, world, cache_backend):
    word = "embargoword"
    for url in surfaces(word).values():
        client.get(url)
    assert_absent(client, word)
    with time_machine.travel(timezone.now() + LIFT + timedelta(seconds=5)):
        assert_present(client, word, "")
        # The other hidden releases are still hidden.
        for other in ("draftword", "reviewword", "expiredword", "translationword"):
            assert_absent(client, other)


# Committed, as in production: the writes move the site's generation on and
# set its schedule, which the pages cached just before the lift rely on.
@pytest.mark.django_db(transaction=True)
def test_an_embargoed_group_appears_in_every_language_at_the_same_moment(
    client, world, cache_backend
):
    for language, word in (("", "embargoword"), ("fr", "frembargoword")):
        for url in surfaces(word, language).values():
            client.get(url)
        assert_absent(client, word, language)
    lift = world["hidden"]["embargoword"].publish_at
    assert Article.objects.get(slug="release-frembargoword").publish_at == lift
    # The clock held a second before the lift (the pages take longer than that to read).
    with time_machine.travel(lift - timedelta(seconds=1), tick=False):
        assert_absent(client, "frembargoword", "fr")
    with time_machine.travel(lift + timedelta(seconds=1)):
        assert_present(client, "embargoword", "")
        # Its themes and speakers are the source's: none of its own.
        own = ("themes", "own theme", "own theme feed", "own speaker")
        assert_present(client, "frembargoword", "fr", skip=own)
        # Each reader gets the group once, in their language where it exists.
        assert "title frembargoword" not in body_of(client, "/")[1].lower()
        assert "title embargoword" not in body_of(client, "/fr/")[1].lower()
        # Arabic readers get the source, untranslated into Arabic.
        assert "title embargoword" in body_of(client, "/ar/")[1].lower()
