"""
Public pages are cached, and never stale: edits and embargoes show at once,
on every process, whatever the cache backend; a cache that is down or slow
costs readers nothing but speed.

The tests commit for real (``transaction=True``): the generation moves on
after the commit, as it does for editors.
"""

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from articles import caching, services
from articles.models import Article
from tests.factories import make_article, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db(transaction=True)


def text(client, url, **headers) -> str:
    return client.get(url, **headers).content.decode()


class TestHitsAndEdits:
    def test_second_request_is_served_from_the_cache(self, client, cache_backend):
        article = make_article(title="Cached release")
        assert client.get(article.get_absolute_url())["X-Cache"] == "miss"
        response = client.get(article.get_absolute_url())
        assert response["X-Cache"] == "hit"
        assert "Cached release" in response.content.decode()

    def test_a_hit_carries_the_headers_of_the_page(self, client, cache_backend):
        """The cache sits early in the middleware; what the later ones add is stored."""
        article = make_article()
        miss = client.get(f"/fr/releases/{article.slug}/")
        hit = client.get(f"/fr/releases/{article.slug}/")
        assert hit["X-Cache"] == "hit"
        for header in (
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Content-Language",
            "Content-Type",
        ):
            assert hit[header] == miss[header], header
        assert hit["Content-Language"] == "fr"
        # The language is the URL's (/fr/…): nothing varies on Accept-Language.
        assert "Accept-Language" not in hit.get("Vary", "")

    def test_an_edit_shows_on_the_next_request(self, client, cache_backend):
        article = make_article(title="Before")
        client.get("/"), client.get(article.get_absolute_url()), client.get("/feed/")
        article.title = "After"
        article.save()
        assert "After" in text(client, "/")
        assert "After" in text(client, article.get_absolute_url())
        assert "After" in text(client, "/feed/")

    def test_speaker_quote_photo_and_theme_edits_show(self, client, cache_backend):
        article = make_article()
        speaker = make_speaker(role="Minister")
        quote = make_quote(article, speaker, text="Old words.")
        url = article.get_absolute_url()
        text(client, url)
        speaker.role = "Prime Minister"
        speaker.save()
        assert "Prime Minister" in text(client, url)
        quote.text = "New words."
        quote.save()
        assert "New words." in text(client, url)
        article.themes.add("brand new theme")
        assert "brand new theme" in text(client, url)

    def test_contact_notes_and_correction_edits_show(self, client, cache_backend):
        from articles import press
        from articles.models import Boilerplate, Contact

        contact = Contact.objects.create(name="Anna", slug="anna", phone="+1 1", is_default=True)
        about = Boilerplate.objects.create(organisation="X", heading="About X", text="Old notes.")
        article = make_article(boilerplate=about)
        url = article.get_absolute_url()
        assert "+1 1" in text(client, url) and "Old notes." in text(client, url)
        contact.phone = "+2 2"
        contact.save()
        assert "+2 2" in text(client, url)
        contact.is_default = False
        contact.save()
        assert "+2 2" not in text(client, url)
        about.text = "New notes."
        about.save()
        assert "New notes." in text(client, url)
        press.article_correction_record(article=article, kind="correction", note="Fixed.")
        assert "Fixed." in text(client, url)

    def test_a_new_photo_shows_on_the_page_home_and_feed(self, client, cache_backend):
        article = make_article(themes=["migration"])
        url = article.get_absolute_url()
        for page in (url, "/", "/feed/"):
            text(client, page)
        photo = make_image(article, caption="Delegates arrive")
        assert f'id="image-{photo.pk}"' in text(client, url)
        assert "Delegates arrive" in text(client, url)
        assert client.get("/")["X-Cache"] == "miss"
        assert client.get("/feed/")["X-Cache"] == "miss"

    def test_an_unpublished_release_leaves_at_once(self, client, cache_backend, admin_user):
        article = make_article(title="Withdrawn soon")
        assert client.get(article.get_absolute_url()).status_code == 200
        assert "Withdrawn soon" in text(client, "/")
        services.article_unpublish(article=article, by=admin_user)
        assert client.get(article.get_absolute_url()).status_code == 404
        assert "Withdrawn soon" not in text(client, "/")

    def test_an_edit_through_one_process_reaches_the_others(self, client, settings, page_cache):
        """Two processes, each with its own local-memory cache: the generation is shared."""
        article = make_article(title="Before")
        url = article.get_absolute_url()

        def process(name):
            settings.CACHES = {
                "default": {
                    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                    "LOCATION": name,
                }
            }

        for name in ("one", "two"):
            process(name)
            text(client, url)
            assert client.get(url)["X-Cache"] == "hit"
        process("one")
        article.title = "After"
        article.save()
        process("two")
        assert "After" in text(client, url)


def test_a_deploy_forgets_the_cached_pages(client, cache_backend):
    """migrate moves the generation on: new templates show, even from a shared cache."""
    make_article()
    text(client, "/")
    assert client.get("/")["X-Cache"] == "hit"
    call_command("migrate", verbosity=0)
    assert client.get("/")["X-Cache"] == "miss"


class TestRaces:
    @pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a second connection reading beside an open write (PostgreSQL's MVCC)",
    )
    def test_a_page_read_before_the_commit_is_not_served_after_it(self, client, cache_backend):
        article = make_article(title="Before")
        url = article.get_absolute_url()
        seen = {}

        def reader():
            try:
                seen["html"] = text(Client(), url)
            finally:
                connections.close_all()

        with transaction.atomic():
            article.title = "After"
            article.save()
            # A reader on its own connection renders (and caches) the old page
            # while the save is not committed.
            thread = threading.Thread(target=reader)
            thread.start()
            thread.join()
        assert "Before" in seen["html"]
        assert "After" in text(client, url)
        assert "After" in text(client, "/")

    def test_the_generation_moves_on_only_after_the_commit(self, client, cache_backend):
        """So that a reader who sees the new generation also sees the new data."""
        article = make_article(title="Before")
        before = caching.current_generation()
        with transaction.atomic():
            article.title = "After"
            article.save()
            make_quote(article)
            assert caching.current_generation() == before
        after = caching.current_generation()
        assert after.token != before.token
        assert "After" in text(client, article.get_absolute_url())


class TestSchedule:
    def test_an_embargo_lifts_by_itself_through_the_cache(self, client, cache_backend):
        lift = timezone.now() + timedelta(hours=2)
        article = make_article(title="Embargoed until two", publish_at=lift)
        make_article(title="Already out")
        assert "Embargoed until two" not in text(client, "/")
        assert client.get("/")["X-Cache"] == "hit"
        assert client.get(article.get_absolute_url()).status_code == 404
        with time_machine.travel(lift + timedelta(seconds=1)):
            assert "Embargoed until two" in text(client, "/")
            assert client.get(article.get_absolute_url()).status_code == 200

    def test_expiry_withdraws_through_the_cache(self, client, cache_backend):
        end = timezone.now() + timedelta(hours=1)
        article = make_article(title="Short-lived", unpublish_at=end)
        assert "Short-lived" in text(client, "/")
        assert client.get(article.get_absolute_url()).status_code == 200
        with time_machine.travel(end + timedelta(seconds=1)):
            assert "Short-lived" not in text(client, "/")
            assert client.get(article.get_absolute_url()).status_code == 404

    def test_cache_control_never_reaches_past_the_next_change(self, client, settings, page_cache):
        settings.NEWSROOM_BROWSER_CACHE_SECONDS = 600
        make_article()
        assert "max-age=600" in client.get("/")["Cache-Control"]
        # Embargoes are kept to the minute: this one lifts in 4 to 5 minutes.
        lift = (timezone.now() + timedelta(minutes=5)).replace(second=0, microsecond=0)
        make_article(publish_at=lift)
        cache_control = client.get("/")["Cache-Control"]
        assert "public" in cache_control
        max_age = int(cache_control.split("max-age=")[1].split(",")[0])
        assert 0 < max_age <= 300
        # And when it is served from the cache, later.
        with time_machine.travel(timezone.now() + timedelta(seconds=200)):
            response = client.get("/")
            assert response["X-Cache"] == "hit"
            assert int(response["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 100


class TestLastModified:
    @pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/"])
    def test_moves_forward_when_the_newest_release_is_withdrawn(
        self, client, cache_backend, admin_user, url
    ):
        make_article(title="Older", publish_at=timezone.now() - timedelta(days=3))
        newest = make_article(title="Newest")
        first = client.get(url)
        modified = first["Last-Modified"]
        with time_machine.travel(timezone.now() + timedelta(minutes=5)):
            services.article_unpublish(article=newest, by=admin_user)
            again = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
            assert again.status_code == 200
            assert "Newest" not in again.content.decode()
            assert again["Last-Modified"] != modified
            later = client.get(url, HTTP_IF_MODIFIED_SINCE=again["Last-Modified"])
            assert later.status_code == 304

    def test_moves_forward_when_an_embargo_lifts(self, client, cache_backend):
        # Embargoes are kept to the minute.
        lift = (timezone.now() + timedelta(hours=1)).replace(second=0, microsecond=0)
        make_article(title="Later", publish_at=lift)
        make_article(title="Now")
        modified = client.get("/feed/")["Last-Modified"]
        with time_machine.travel(lift + timedelta(seconds=5)):
            response = client.get("/feed/", HTTP_IF_MODIFIED_SINCE=modified)
            assert response.status_code == 200
            assert "Later" in response.content.decode()
            assert response["Last-Modified"] == http_date(lift.timestamp())

    def test_conditional_get_answers_304(self, client, cache_backend):
        article = make_article()
        first = client.get(article.get_absolute_url())
        assert first.has_header("ETag")
        again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304

    def test_a_hit_carries_the_etag_hashed_when_stored(self, client, cache_backend, monkeypatch):
        import django.middleware.http

        article = make_article()
        first = client.get(article.get_absolute_url())
        hashed = []
        monkeypatch.setattr(django.middleware.http, "set_response_etag", hashed.append)
        hit = client.get(article.get_absolute_url())
        assert hit["X-Cache"] == "hit"
        assert hit["ETag"] == first["ETag"]
        assert hashed == []


class TestKeys:
    def test_each_language_gets_its_own_page(self, client, cache_backend):
        make_article(publish_at=timezone.now().replace(month=1, day=15) - timedelta(days=365))
        arabic = text(client, "/ar/")
        assert '<html lang="ar" dir="rtl">' in arabic
        # The language is the URL's: a browser asking for Arabic gets the default at /.
        english = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
        assert english["X-Cache"] == "miss"
        assert '<html lang="en" dir="ltr">' in english.content.decode()
        assert "January" in english.content.decode()
        assert client.get("/ar/")["X-Cache"] == "hit"

    def test_the_host_and_scheme_are_part_of_the_key(self, client, cache_backend, settings):
        settings.ALLOWED_HOSTS = ["news.example.org", "testserver"]
        article = make_article()
        url = article.get_absolute_url()
        text(client, url)
        other = text(client, url, HTTP_HOST="news.example.org")
        assert 'href="http://news.example.org/releases/' in other
        secure = client.get(url, secure=True)
        assert secure["X-Cache"] == "miss"
        assert 'href="https://testserver/releases/' in secure.content.decode()

    def test_unknown_parameters_share_one_entry(self, client, cache_backend):
        make_article()
        assert client.get("/")["X-Cache"] == "miss"
        for n in range(20):
            response = client.get(f"/?utm_source=mail{n}&utm_campaign=x&fbclid={n}")
            assert response["X-Cache"] == "hit"
        assert client.get("/?page=1")["X-Cache"] == "hit"
        assert client.get("/?page=01&utm_medium=x")["X-Cache"] == "hit"

    def test_search_queries_are_normalised(self, client, cache_backend):
        make_article(title="Police cooperation")
        assert client.get("/search/?q=police")["X-Cache"] == "miss"
        assert client.get("/search/?q=%20%20police%20&utm_source=x")["X-Cache"] == "hit"
        assert client.get("/search/?q=cooperation")["X-Cache"] == "miss"

    def test_large_pages_are_not_stored(self, client, cache_backend, settings):
        settings.NEWSROOM_PAGE_CACHE_MAX_BYTES = 200
        make_article()
        assert client.get("/")["X-Cache"] == "miss"
        assert client.get("/")["X-Cache"] == "miss"

    def test_signed_in_staff_are_not_served_cached_pages(self, client, admin_user, cache_backend):
        article = make_article(status=Article.Status.DRAFT)
        client.get("/")
        client.force_login(admin_user)
        assert "X-Cache" not in client.get("/")
        assert client.get(f"/preview/{article.slug}/").status_code == 200


class TestReleaseParts:
    def test_an_edit_to_another_release_keeps_this_ones_parts(
        self, client, cache_backend, django_assert_num_queries
    ):
        article = make_article(themes=["a"])
        make_quote(article)
        make_image(article)
        other = make_article(themes=["a"])
        url = article.get_absolute_url()
        # The first view asks for the gallery's ZIP, which renews the release's parts.
        client.get(url)
        first = text(client, url)
        old_title, other.title = other.title, "Changed elsewhere"
        other.save()
        # The generation, the release with its related releases: its body,
        # quotes, photos and metadata come from the cache.
        with django_assert_num_queries(2):
            again = client.get(url)
        assert again["X-Cache"] == "miss"
        # The same page, but for the related box, which is fresh.
        assert again.content.decode() == first.replace(old_title, "Changed elsewhere")

    def test_an_edit_to_the_release_renews_its_parts(self, client, cache_backend):
        article = make_article()
        quote = make_quote(article, text="First words.")
        url = article.get_absolute_url()
        text(client, url)
        quote.text = "Second words."
        quote.save()
        html = text(client, url)
        assert "Second words." in html and "First words." not in html


class FakeRedis:
    """A server on loopback that accepts connections and never answers: a Redis that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.accepted:
            conn.close()


def use_redis(settings, port: int) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture
def _cache_errors_forgotten():
    caching._down_until = 0.0
    yield
    caching._down_until = 0.0


@pytest.mark.usefixtures("_cache_errors_forgotten")
class TestDisposableCache:
    @pytest.fixture
    def own_redis(self, tmp_path):
        """A Redis server of this test's own, on a free port, that the test can stop."""
        server = shutil.which("redis-server")
        if server is None:
            pytest.skip("redis-server is not installed")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp_path],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield port, process
        process.kill()
        process.wait()

    def test_pages_answer_when_redis_stops(self, client, settings, page_cache, own_redis, caplog):
        port, process = own_redis
        use_redis(settings, port)
        article = make_article(title="Still here")
        url = article.get_absolute_url()
        text(client, url)
        assert client.get(url)["X-Cache"] == "hit"
        process.kill()
        process.wait()
        with caplog.at_level(logging.ERROR, logger="newsroom.cache"):
            for page in (url, "/", "/feed/", "/themes/"):
                assert client.get(page).status_code == 200
        assert "Still here" in text(client, url)
        assert "The cache failed" in caplog.text
        assert client.get("/healthz/").status_code == 200
        assert client.get("/readyz/").status_code == 200

    def test_a_hanging_cache_is_left_alone_for_a_while(self, client, settings, page_cache, caplog):
        fake = FakeRedis()
        try:
            use_redis(settings, fake.port)
            make_article(title="Served anyway")
            with caplog.at_level(logging.ERROR, logger="newsroom.cache"):
                assert "Served anyway" in text(client, "/")
            tried = len(fake.accepted)
            assert tried >= 1
            assert "The cache failed" in caplog.text
            # Within the retry window, readers do not wait on it again.
            for _ in range(5):
                assert client.get("/").status_code == 200
            assert len(fake.accepted) == tried
        finally:
            fake.close()

    def test_the_cache_is_tried_again_after_the_retry_window(
        self, client, settings, page_cache, own_redis
    ):
        port, _ = own_redis
        use_redis(settings, port)
        settings.NEWSROOM_CACHE_RETRY_SECONDS = 30
        make_article()
        caching._down_until = time.monotonic() + 30  # as after an error
        assert "X-Cache" not in client.get("/") or client.get("/")["X-Cache"] == "miss"
        caching._down_until = 0.0
        text(client, "/")
        assert client.get("/")["X-Cache"] == "hit"


def settings_value(expression: str, unset: tuple[str, ...]) -> str:
    """A setting as a fresh process sees it, without these environment variables."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(settings.{expression})"
    )
    environ = {k: v for k, v in os.environ.items() if k not in unset}
    environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_page_cache_is_on_by_default_without_redis():
    """The demo and one-server sites get the cache: it is correct in local memory too."""
    unset = ("REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS")
    assert int(settings_value("NEWSROOM_PAGE_CACHE_SECONDS", unset)) > 0
    assert settings_value("CACHES['default']['BACKEND']", unset).endswith("LocMemCache")
