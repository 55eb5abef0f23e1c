from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, GalleryImage, Quote
from tests.factories import image_upload, make_article, make_speaker

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def staff(role: str) -> User:
    user = User.objects.create_user(
        f"{role.lower()}-user", password="x-Strong-pass-9", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(staff("Editors"))
    return client


@pytest.fixture
def publisher_client(client):
    client.force_login(staff("Publishers"))
    return client


EMPTY_MANAGEMENT_FORM = {
    "TOTAL_FORMS": "0",
    "INITIAL_FORMS": "0",
    "MIN_NUM_FORMS": "0",
    "MAX_NUM_FORMS": "1000",
}


def inline_prefixes() -> list[str]:
    """The form prefixes of the release admin's inlines ("quotes", "images", …)."""
    from django.contrib import admin
    from django.forms.models import _get_foreign_key

    prefixes = []
    for inline in admin.site.get_model_admin(Article).inlines:
        fk = _get_foreign_key(Article, inline.model, fk_name=inline.fk_name)
        prefixes.append(fk.remote_field.get_accessor_name(model=inline.model).replace("+", ""))
    return prefixes


def release_form(**overrides):
    """The admin's add form as a browser posts it, with empty inlines."""
    data = {
        "title": "Regional conference opens",
        "slug": "regional-conference-opens",
        "lead": "Police leaders meet for three days.",
        "body": "<p>Body text.</p>",
        "dateline_city": "Tirana",
        "dateline_country": "Albania",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "event": "",
        "themes": "organized crime, cybercrime",
        "language": "en",
        "reference": "",
        "gallery_upload_alt_text": "",
        "gallery_upload_credit": "",
        "gallery_upload_licence": "",
        # Every inline's empty management form, whichever inlines the release admin has.
        **{
            f"{prefix}-{name}": value
            for prefix in inline_prefixes()
            for name, value in EMPTY_MANAGEMENT_FORM.items()
        },
    }
    data.update(overrides)
    return data


def add_quotes(data, *quotes):
    data["quotes-TOTAL_FORMS"] = str(len(quotes))
    for i, (speaker, text) in enumerate(quotes):
        data.update(
            {
                f"quotes-{i}-speaker": str(speaker.pk),
                f"quotes-{i}-text": text,
                f"quotes-{i}-context": "",
                f"quotes-{i}-position": str(i),
            }
        )


def add_images(data, *uploads):
    data["images-TOTAL_FORMS"] = str(len(uploads))
    for i, upload in enumerate(uploads):
        data.update(
            {
                f"images-{i}-image": upload,
                f"images-{i}-alt_text": f"Photo {i + 1} of the delegates",
                f"images-{i}-caption": f"Caption {i + 1}",
                f"images-{i}-credit": "Press office",
                f"images-{i}-licence": "Editorial use",
                f"images-{i}-position": str(i),
            }
        )


class TestAddingARelease:
    def test_release_with_two_quotes_and_three_images(self, editor_client):
        balla = make_speaker(name="Taulant Balla")
        stock = make_speaker(name="Jurgen Stock")
        data = release_form()
        add_quotes(data, (balla, "Crimes are international."), (stock, "Only together."))
        add_images(data, *(image_upload(f"p{i}.jpg", width=1200) for i in range(3)))
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 302, response.context["errors"] if response.context else ""
        article = Article.objects.get(slug="regional-conference-opens")
        assert article.status == Article.Status.DRAFT
        assert article.author.username == "editors-user"
        assert [q.speaker.name for q in article.quotes.all()] == ["Taulant Balla", "Jurgen Stock"]
        gallery = list(article.images.all())
        assert [img.alt_text for img in gallery] == [
            f"Photo {i} of the delegates" for i in (1, 2, 3)
        ]
        assert all(img.width == 1200 and img.has_renditions for img in gallery)
        assert sorted(t.name for t in article.themes.all()) == ["cybercrime", "organized crime"]

    def test_several_photos_uploaded_at_once(self, editor_client):
        data = release_form(
            gallery_upload=[image_upload(f"bulk{i}.jpg") for i in range(4)],
            gallery_upload_alt_text="Delegates at the opening session",
            gallery_upload_credit="Jane Doe",
        )
        response = editor_client.post(ADD_URL, data, follow=True)
        assert response.redirect_chain, response.context["adminform"].form.errors
        article = Article.objects.get(slug="regional-conference-opens")
        assert article.images.count() == 4
        assert set(article.images.values_list("credit", flat=True)) == {"Jane Doe"}
        assert "4 photos added; their renditions are being made." in response.content.decode()

    def test_bulk_photos_need_alt_text(self, editor_client):
        data = release_form(gallery_upload=[image_upload("a.jpg")])
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert "alt text is required" in response.content.decode()
        assert not Article.objects.exists()

    def test_fake_image_is_refused_and_nothing_is_saved(self, editor_client, settings):
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = release_form()
        add_images(data, SimpleUploadedFile("evil.jpg", b"<?php echo 1; ?>", "image/jpeg"))
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert not Article.objects.exists()
        assert not GalleryImage.objects.exists()

    def test_hostile_html_in_body_is_sanitised(self, editor_client):
        data = release_form(
            body='<p>Hello<script>alert(1)</script></p><p onmouseover="x()">'
            '<a href="javascript:alert(2)">link</a><img src=x onerror=alert(3)></p>'
        )
        assert editor_client.post(ADD_URL, data).status_code == 302
        body = Article.objects.get().body
        assert "<script" not in body and "alert(1)" not in body
        assert "onmouseover" not in body and "javascript:" not in body and "onerror" not in body
        assert "<p>Hello</p>" in body

    def test_speaker_autocomplete_finds_speakers(self, editor_client):
        make_speaker(name="Ahmed Naser Al-Raisi")
        response = editor_client.get(
            "/admin/autocomplete/",
            {
                "term": "raisi",
                "app_label": "articles",
                "model_name": "quote",
                "field_name": "speaker",
            },
        )
        assert [r["text"] for r in response.json()["results"]] == ["Ahmed Naser Al-Raisi"]


class TestPublishingRights:
    def test_editor_cannot_publish_through_the_form(self, editor_client):
        now = timezone.localtime()
        data = release_form(
            status="published",
            publish_at_0=now.strftime("%Y-%m-%d"),
            publish_at_1=now.strftime("%H:%M:%S"),
        )
        response = editor_client.post(ADD_URL, data)
        assert response.status_code == 200
        assert not Article.objects.exists()

    def test_editor_form_does_not_offer_published(self, editor_client):
        html = editor_client.get(ADD_URL).content.decode()
        assert 'value="review"' in html
        assert 'value="published"' not in html

    def test_editor_cannot_publish_through_the_action(self, editor_client):
        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        response = editor_client.post(
            "/admin/articles/article/",
            {"action": "publish_selected", "_selected_action": [article.pk]},
        )
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW
        # The action is not even offered to Editors.
        assert response.status_code in (200, 302)
        html = editor_client.get("/admin/articles/article/").content.decode()
        assert "publish_selected" not in html

    def test_editor_cannot_unpublish_or_retime_a_live_release(self, editor_client):
        article = make_article(title="Live")
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        when = timezone.localtime(article.publish_at) + timedelta(days=3)
        data = release_form(
            title="Live",
            slug=article.slug,
            lead=article.lead,
            status="published",
            publish_at_0=when.strftime("%Y-%m-%d"),
            publish_at_1=when.strftime("%H:%M:%S"),
        )
        # A live release is read-only for Editors: the change is refused outright.
        assert editor_client.post(change_url, data).status_code == 403
        assert editor_client.post(change_url, {**data, "status": "draft"}).status_code == 403
        article.refresh_from_db()
        assert article.publish_at < timezone.now() and article.is_public()

    def test_publisher_can_publish_through_the_form(self, publisher_client):
        now = timezone.localtime() - timedelta(minutes=1)
        data = release_form(
            status="published",
            publish_at_0=now.strftime("%Y-%m-%d"),
            publish_at_1=now.strftime("%H:%M:%S"),
        )
        assert publisher_client.post(ADD_URL, data).status_code == 302
        article = Article.objects.get()
        assert article.is_public()
        assert publisher_client.get(article.get_absolute_url()).status_code == 200

    def test_publisher_can_publish_and_unpublish_through_actions(self, publisher_client):
        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        publisher_client.post(
            "/admin/articles/article/",
            {"action": "publish_selected", "_selected_action": [article.pk]},
        )
        article.refresh_from_db()
        assert article.is_public()
        publisher_client.post(
            "/admin/articles/article/",
            {"action": "unpublish_selected", "_selected_action": [article.pk]},
        )
        article.refresh_from_db()
        assert not article.is_public()


class TestReleaseList:
    def test_list_shows_state_event_and_themes(self, publisher_client):
        make_article(title="Live one", themes=["migration"])
        make_article(
            title="Embargoed one", publish_at=timezone.now() + timedelta(days=2), themes=["x"]
        )
        make_article(title="Draft one", status=Article.Status.DRAFT)
        html = publisher_client.get("/admin/articles/article/").content.decode()
        assert "Live one" in html and "Embargoed until" in html and "Draft" in html
        assert "migration" in html

    def test_search_covers_speaker_names(self, publisher_client):
        article = make_article(title="Conference release")
        Quote.objects.create(article=article, speaker=make_speaker(name="Jurgen Stock"), text="x")
        make_article(title="Unrelated")
        html = publisher_client.get("/admin/articles/article/", {"q": "Stock"}).content.decode()
        assert "Conference release" in html and "Unrelated" not in html
