from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, Event, Speaker
from tests.factories import (
    make_article,
    make_event,
    make_image,
    make_quote,
    make_speaker,
    tomorrow,
    yesterday,
)

pytestmark = pytest.mark.django_db


class TestValidation:
    def test_event_cannot_end_before_it_starts(self):
        event = Event(name="X", slug="x", start_date=date(2024, 6, 13), end_date=date(2024, 6, 11))
        with pytest.raises(ValidationError) as exc:
            event.full_clean()
        assert "end_date" in exc.value.message_dict

    def test_database_refuses_event_ending_before_start(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Event.objects.create(
                name="X", slug="x", start_date=date(2024, 6, 13), end_date=date(2024, 6, 11)
            )
        assert not Event.objects.exists()

    def test_one_day_event_is_valid(self):
        Event(
            name="X", slug="x", start_date=date(2024, 6, 11), end_date=date(2024, 6, 11)
        ).full_clean()

    def test_lead_is_at_most_300_characters(self):
        article = Article(title="T", slug="t", lead="x" * 301)
        with pytest.raises(ValidationError) as exc:
            article.full_clean()
        assert "lead" in exc.value.message_dict
        article.lead = "x" * 300
        article.full_clean()

    def test_alt_text_is_required(self):
        image = make_image(make_article())
        image.alt_text = "  "
        with pytest.raises(ValidationError) as exc:
            image.full_clean()
        assert "alt_text" in exc.value.message_dict

    def test_slugs_are_unique(self):
        make_article(slug="same")
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article(slug="same")
        make_speaker(slug="s")
        with pytest.raises(ValidationError):
            Speaker(name="Other", slug="s").full_clean()

    def test_published_release_needs_a_publish_time(self):
        article = Article(title="T", slug="t", lead="L", status=Article.Status.PUBLISHED)
        with pytest.raises(ValidationError) as exc:
            article.full_clean()
        assert "publish_at" in exc.value.message_dict

    def test_unpublish_must_follow_publish(self):
        now = timezone.now()
        article = Article(
            title="T",
            slug="t",
            lead="L",
            status=Article.Status.PUBLISHED,
            publish_at=now,
            unpublish_at=now - timedelta(hours=1),
        )
        with pytest.raises(ValidationError) as exc:
            article.full_clean()
        assert "unpublish_at" in exc.value.message_dict

    def test_quoted_speaker_cannot_be_deleted(self):
        speaker = make_speaker()
        make_quote(make_article(), speaker)
        with pytest.raises(ProtectedError):
            speaker.delete()
        assert Speaker.objects.filter(pk=speaker.pk).exists()


class TestPublicRule:
    """Article.objects.public(): published, publish_at <= now, not yet withdrawn."""

    @pytest.fixture
    def matrix(self):
        S = Article.Status
        return {
            "draft": make_article(status=S.DRAFT, publish_at=yesterday()),
            "review": make_article(status=S.REVIEW, publish_at=yesterday()),
            "live": make_article(status=S.PUBLISHED, publish_at=yesterday()),
            "embargoed": make_article(status=S.PUBLISHED, publish_at=tomorrow()),
            "no_date": make_article(status=S.PUBLISHED, publish_at=None),
            "expired": make_article(
                status=S.PUBLISHED,
                publish_at=yesterday() - timedelta(days=1),
                unpublish_at=yesterday(),
            ),
            "expiring": make_article(
                status=S.PUBLISHED, publish_at=yesterday(), unpublish_at=tomorrow()
            ),
        }

    def test_only_live_releases_are_public(self, matrix):
        public = set(Article.objects.public().values_list("slug", flat=True))
        assert public == {matrix["live"].slug, matrix["expiring"].slug}

    def test_is_public_agrees_with_queryset(self, matrix):
        public = set(Article.objects.public().values_list("pk", flat=True))
        for article in matrix.values():
            assert article.is_public() == (article.pk in public), article.slug

    def test_embargo_lifts_with_time(self, matrix):
        later = timezone.now() + timedelta(days=2)
        assert matrix["embargoed"].is_public(now=later)
        assert not matrix["expiring"].is_public(now=later)


class TestModel:
    def test_body_is_sanitised_on_save(self):
        article = make_article(
            body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
            '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'
            '<iframe src="https://evil.example"></iframe><h2>Kept</h2>'
        )
        article.refresh_from_db()
        assert "script" not in article.body
        assert "onclick" not in article.body
        assert "onerror" not in article.body
        assert "javascript:" not in article.body
        assert "iframe" not in article.body
        assert "<p>Hi</p>" in article.body
        assert "<h2>Kept</h2>" in article.body

    def test_natural_keys(self):
        article = make_article(slug="tirana")
        assert article.natural_key() == ("tirana",)
        assert Article.objects.get_by_natural_key("tirana") == article
        event = make_event(slug="erc-2024")
        assert Event.objects.get_by_natural_key("erc-2024") == event
        speaker = make_speaker(slug="jurgen-stock")
        assert Speaker.objects.get_by_natural_key("jurgen-stock") == speaker

    def test_themes_are_case_insensitive(self):
        make_article(themes=["Cybercrime"])
        other = make_article(themes=["cybercrime"])
        assert [t.name for t in other.themes.all()] == ["Cybercrime"]

    def test_dateline(self):
        assert make_article(dateline_city="Tirana", dateline_country="Albania").dateline == (
            "TIRANA, Albania"
        )

    def test_events_upcoming_and_past(self):
        today = timezone.localdate()
        past = make_event(
            start_date=today - timedelta(days=30), end_date=today - timedelta(days=28)
        )
        running = make_event(
            start_date=today - timedelta(days=1), end_date=today + timedelta(days=1)
        )
        future = make_event(
            start_date=today + timedelta(days=10), end_date=today + timedelta(days=11)
        )
        assert list(Event.objects.upcoming()) == [running, future]
        assert list(Event.objects.past()) == [past]
