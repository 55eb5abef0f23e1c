"""
Photos follow their release's lifecycle (articles.media): every stored file
of a photo that is not public answers 404 to readers, at any URL, and starts
answering at the same URL by itself when the release becomes public; public
copies go when the release stops being public or the photo goes.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from articles.links import media_url
from articles.media import access, public
from articles.models import Article, ShareLink
from tests.factories import image_upload, make_article, make_image, make_quote, make_speaker

# Public copies are taken down after the commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

LIFT = timedelta(hours=2)


def names_of(image) -> list[str]:
    image.refresh_from_db()
    return sorted(access.image_names(image))


def url(name: str) -> str:
    return media_url(name)


def public_copy(settings, name: str) -> Path:
    return Path(settings.PUBLIC_MEDIA_ROOT) / name


@pytest.fixture
def embargoed():
    article = make_article(slug="embargoed", publish_at=timezone.now() + LIFT)
    image = make_image(article, width=1200)
    return article, image


def test_every_file_of_a_photo_has_a_url_under_media_url(embargoed):
    _, image = embargoed
    names = names_of(image)
    # The original, and WebP and JPEG renditions at each width below 1,200 px and at 1,200.
    assert len(names) == 1 + 2 * 3
    assert all(url(name) == f"/media/{name}" for name in names)


class TestEmbargo:
    def test_signed_out_every_file_answers_404_until_the_lift_then_200_by_itself(
        self, client, embargoed, settings
    ):
        article, image = embargoed
        names = names_of(image)
        for name in names:
            assert client.get(url(name)).status_code == 404, name
            assert not public_copy(settings, name).exists()
        with time_machine.travel(article.publish_at + timedelta(seconds=1)):
            for name in names:
                response = client.get(url(name))
                assert response.status_code == 200, name
                assert b"".join(response.streaming_content)[:2] in (b"\xff\xd8", b"RI")
                assert "public" in response["Cache-Control"]
                assert "max-age=86400" in response["Cache-Control"]
                # Promoted: the web server serves it from now on, without the app.
                assert public_copy(settings, name).exists()

    def test_a_url_copied_from_the_staff_preview_is_the_one_that_works_after_the_lift(
        self, client, admin_client, embargoed
    ):
        article, image = embargoed
        preview = admin_client.get(f"/preview/{article.slug}/").content.decode()
        copied = url(names_of(image)[-1])
        assert copied in preview
        assert admin_client.get(copied).status_code == 200
        assert client.get(copied).status_code == 404
        with time_machine.travel(article.publish_at + timedelta(minutes=1)):
            page = client.get(article.get_absolute_url()).content.decode()
            assert copied in page
            assert client.get(copied).status_code == 200

    def test_staff_get_the_photo_kept_by_no_cache(self, admin_client, embargoed):
        _, image = embargoed
        response = admin_client.get(url(image.image.name))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_staff_without_the_right_to_read_releases_get_nothing(self, client, embargoed):
        from django.contrib.auth.models import User

        article, image = embargoed
        client.force_login(User.objects.create_user("clerk", is_staff=True))
        assert client.get(url(image.image.name)).status_code == 404
        # Nor the release's PDF or its photos in one ZIP.
        assert client.get(f"/releases/{article.slug}.pdf").status_code == 404
        assert client.get(f"/releases/{article.slug}/photos.zip").status_code == 404


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT, "publish_at": None},
        {"status": Article.Status.REVIEW, "publish_at": None},
        {"unpublish_at": timezone.now() - timedelta(hours=1)},
    ],
    ids=["draft", "review", "expired"],
)
def test_photos_of_releases_readers_cannot_see_answer_404(client, fields):
    article = make_article(**fields)
    image = make_image(article)
    for name in names_of(image):
        assert client.get(url(name)).status_code == 404, name


def test_a_live_releases_photos_cost_no_query_once_public(client, settings):
    image = make_image(make_article())
    names = names_of(image)
    for name in names:
        assert client.get(url(name)).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        for name in names:
            response = client.get(url(name))
            assert response.status_code == 200
            assert response["Content-Type"] in ("image/jpeg", "image/webp")
    assert len(queries) == 0


class TestTakeDown:
    def _promoted(self, client, image) -> list[str]:
        names = names_of(image)
        for name in names:
            assert client.get(url(name)).status_code == 200
        return names

    def test_a_deleted_photo_stops_answering_for_everyone(self, client, admin_client, settings):
        image = make_image(make_article())
        names = self._promoted(client, image)
        image.delete()
        for name in names:
            assert not public_copy(settings, name).exists(), name
            assert client.get(url(name)).status_code == 404
            assert admin_client.get(url(name)).status_code == 404
            # Kept out of reach for a restore from the history.
            assert (Path(settings.MEDIA_ROOT) / name).exists()

    def test_a_withdrawn_release_takes_its_photos_and_lone_speakers_with_it(self, client, settings):
        article = make_article()
        image = make_image(article)
        speaker = make_speaker(
            photo=image_upload("face.jpg", width=400, height=400), slug="lone-speaker"
        )
        services.speaker_photo_renditions_make(speaker=speaker)
        make_quote(article, speaker)
        speaker.refresh_from_db()
        portrait = sorted(access.speaker_names(speaker))
        names = self._promoted(client, image) + portrait
        for name in portrait:
            assert client.get(url(name)).status_code == 200
        article.status = Article.Status.DRAFT
        article.save()
        for name in names:
            assert not public_copy(settings, name).exists(), name
            assert client.get(url(name)).status_code == 404, name

    def test_an_expiry_by_the_clock_takes_the_photos_down_when_the_site_notices(
        self, client, settings
    ):
        article = make_article(unpublish_at=timezone.now() + LIFT)
        image = make_image(article)
        names = self._promoted(client, image)
        with time_machine.travel(article.unpublish_at + timedelta(seconds=1)):
            client.get("/")  # the first reader after the expiry moves the generation on
            for name in names:
                assert not public_copy(settings, name).exists(), name
                assert client.get(url(name)).status_code == 404

    @pytest.mark.real_tasks
    def test_the_worker_takes_expired_photos_down_without_any_reader(self, client, settings):
        from django_tasks_db.models import DBTaskResult

        article = make_article(unpublish_at=timezone.now() + LIFT)
        image = make_image(article)
        services.gallery_image_renditions_make(image=image)
        names = self._promoted(client, image)
        scheduled = DBTaskResult.objects.filter(
            task_path="articles.tasks.take_down_expired_photos", args_kwargs__args=[article.pk]
        )
        assert scheduled.get().run_after == article.unpublish_at
        with time_machine.travel(article.unpublish_at + timedelta(seconds=1)):
            call_command("db_worker", batch=True, no_reload=True, verbosity=0)
            for name in names:
                assert not public_copy(settings, name).exists(), name

    def test_a_replaced_file_takes_its_old_names_down(self, client, settings):
        image = make_image(make_article())
        old = self._promoted(client, image)
        # As the admin replaces a row's file: saved, its renditions made anew.
        image.image = image_upload("new.png", fmt="PNG")
        image.save()
        services.gallery_image_renditions_enqueue(image=image, replaced=True)
        for name in old:
            assert not public_copy(settings, name).exists(), name
            assert client.get(url(name)).status_code == 404
        for name in names_of(image):
            assert client.get(url(name)).status_code == 200

    def test_re_embargoing_a_live_release_takes_its_photos_down(self, client, settings):
        article = make_article()
        names = self._promoted(client, make_image(article))
        article.publish_at = timezone.now() + LIFT
        article.save()
        assert all(client.get(url(name)).status_code == 404 for name in names)

    def test_a_promotion_racing_a_withdrawal_is_taken_back(self, settings):
        article = make_article()
        image = make_image(article)
        owner = access.owner_of(image.image.name)
        assert owner.is_public()
        Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
        public.promote(owner.names)  # the request had decided before the withdrawal
        assert public.demote_owner_if_hidden(owner)
        assert not public_copy(settings, image.image.name).exists()

    def test_the_sweep_removes_every_public_copy_that_is_not_public(self, client, settings):
        article = make_article()
        names = self._promoted(client, make_image(article))
        stray = public_copy(settings, "gallery/0123456789abcdef0123456789abcdef/old.jpg")
        stray.parent.mkdir(parents=True)
        stray.write_bytes(b"\xff\xd8")
        # A withdrawal written around the signals (raw SQL, a restored backup).
        Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
        call_command("sweep_public_media", verbosity=0)
        assert not stray.exists()
        assert not any(public_copy(settings, name).exists() for name in names)


class TestShareLinks:
    def _link(self, article, **fields) -> ShareLink:
        fields.setdefault("expires_at", timezone.now() + timedelta(days=2))
        return ShareLink.objects.create(article=article, note="Reuters", **fields)

    def test_the_share_page_shows_photos_the_link_holder_can_load(self, client, embargoed):
        article, image = embargoed
        link = self._link(article)
        page = client.get(f"/share/{link.token}/").content.decode()
        name = names_of(image)[-1]
        [src] = set(re.findall(re.escape(url(name)) + r'(\?grant=[^" ,]+)', page))
        assert client.get(url(name) + src).status_code == 200
        assert client.get(url(name)).status_code == 404
        # The grant is the link's: another release's photos stay out of reach.
        other = make_image(make_article(status=Article.Status.DRAFT, publish_at=None))
        assert client.get(url(other.image.name) + src).status_code == 404

    def test_a_revoked_links_grant_stops_working(self, client, embargoed):
        article, image = embargoed
        link = self._link(article)
        from articles.media.serving import share_grant

        grant = f"?grant={share_grant(link)}"
        assert client.get(url(image.image.name) + grant).status_code == 200
        link.revoked_at = timezone.now()
        link.save()
        assert client.get(url(image.image.name) + grant).status_code == 404

    def test_a_forged_grant_is_refused(self, client, embargoed):
        _, image = embargoed
        assert client.get(url(image.image.name) + "?grant=1:forged").status_code == 404

    def test_share_page_parts_are_not_served_from_the_cache_to_readers(
        self, client, embargoed, page_cache
    ):
        article, image = embargoed
        client.get(f"/share/{self._link(article).token}/")
        with time_machine.travel(article.publish_at + timedelta(minutes=1)):
            assert "?grant=" not in client.get(article.get_absolute_url()).content.decode()


class TestServing:
    @pytest.mark.parametrize(
        "path",
        [
            "/media/../db.sqlite3",
            "/media/gallery/%00.jpg",
            "/media/.htaccess",
            "/media/gallery/x/readme.html",
            "/media/gallery/0123456789abcdef0123456789abcdef/none.jpg",
        ],
    )
    def test_names_no_photo_has_answer_404(self, client, path):
        assert client.get(path).status_code == 404

    def test_with_nginx_the_file_is_handed_over_by_x_accel_redirect(
        self, client, admin_client, settings, embargoed
    ):
        settings.NEWSROOM_MEDIA_ACCEL_REDIRECT = "/internal-media/"
        article, image = embargoed
        name = image.image.name
        assert client.get(url(name)).status_code == 404
        response = admin_client.get(url(name))
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/internal-media/{name}"
        assert response["Content-Type"] == "image/jpeg"
        assert response.content == b""
        with time_machine.travel(article.publish_at + timedelta(seconds=1)):
            response = client.get(url(name))
            assert response["X-Accel-Redirect"] == f"/internal-media/{name}"
            assert "public" in response["Cache-Control"]
            # Promoted, for nginx's try_files to find next time.
            assert public_copy(settings, name).exists()

    def test_posting_to_a_photo_is_refused(self, client):
        image = make_image(make_article())
        assert client.post(url(image.image.name)).status_code == 405
