"""
Nothing that is not public leaks onto any public surface; an embargoed release
appears on all of them at once when its time comes, through the page cache.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
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
    return {"public": public, "hidden": hidden, "event": event}


def surfaces(word: str) -> dict[str, str]:
    """Every public URL where a release, or a trace of it, could appear."""
    return {
        "release": f"/releases/release-{word}/",
        "home": "/",
        "home page 2": "/?page=2",
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
        "sitemap": "/sitemap.xml",
        "search": f"/search/?q={word}",
        "api list": reverse("articles:api_releases"),
        "api detail": reverse("articles:api_release", kwargs={"slug": f"release-{word}"}),
        "related box": "/releases/public-release/",
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


def assert_absent(client, word: str):
    for name, url in surfaces(word).items():
        status, text = body_of(client, url)
        found = [trace for trace in traces(word) if trace in text.lower()]
        assert not found, f"{word} leaks on {name} ({url}): {found}"
        assert status < 500, f"{name} ({url}) failed with {status}"
    assert client.get(f"/releases/release-{word}/").status_code == 404


@pytest.mark.parametrize("word", ["draftword", "reviewword", "embargoword", "expiredword"])
def test_non_public_release_is_absent_everywhere(client, world, cache_backend, word):
    # Visit everything once so that the cache holds every page.
    for url in surfaces(word).values():
        client.get(url)
    assert_absent(client, word)


def test_embargoed_release_appears_everywhere_at_once(client, world, cache_backend):
    word = "embargoword"
    for url in surfaces(word).values():
        client.get(url)
    assert_absent(client, word)
    with time_machine.travel(timezone.now() + LIFT + timedelta(seconds=5)):
        present = {
            name: url
            for name, url in surfaces(word).items()
            if name not in ("home page 2", "events", "ics")
        }
        for name, url in present.items():
            status, text = body_of(client, url)
            assert status == 200, f"{name} ({url}) answered {status}"
            assert any(trace in text.lower() for trace in traces(word)), (
                f"{word} missing on {name} ({url}) after the embargo"
            )
        # The other hidden releases are still hidden.
        for other in ("draftword", "reviewword", "expiredword"):
            assert_absent(client, other)
