"""Editorial workflow: roles, share links, edit conflicts, history, themes, embargo."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import services
from articles.models import Article, ShareLink
from tests.factories import make_article, make_quote, make_speaker, tomorrow
from tests.formdata import form_data

pytestmark = pytest.mark.django_db


def staff(username: str, role: str) -> User:
    user = User.objects.create_user(username, password="x-Strong-pass-9", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_form(client, article) -> dict:
    response = client.get(change_url(article))
    assert response.status_code == 200
    return form_data(response.content.decode(), "article_form")


class TestEditConflicts:
    def test_second_save_is_refused_and_keeps_input(self):
        article = make_article(title="Original title", status=Article.Status.DRAFT)
        alice = signed_in(staff("alice", "Editors"))
        bob = signed_in(staff("bob", "Editors"))
        alice_form = open_form(alice, article)
        bob_form = open_form(bob, article)

        alice_form["title"] = "Alice's title"
        assert alice.post(change_url(article), alice_form).status_code == 302

        bob_form["title"] = "Bob's title"
        response = bob.post(change_url(article), bob_form)
        html = response.content.decode()
        assert response.status_code == 200
        assert "alice saved this release at" in html
        assert 'value="Bob&#x27;s title"' in html  # Bob's input is still in the form
        article.refresh_from_db()
        assert article.title == "Alice's title"

        # Having seen the warning, saving again is a deliberate overwrite.
        again = form_data(html, "article_form")
        assert bob.post(change_url(article), again).status_code == 302
        article.refresh_from_db()
        assert article.title == "Bob's title"
        assert article.version == 3

    def test_publish_action_in_between_is_a_conflict(self):
        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        publisher = staff("petra", "Publishers")
        form = open_form(signed_in(publisher), article)
        services.article_publish(article=article, by=publisher)
        form["title"] = "Changed meanwhile"
        response = signed_in(publisher).post(change_url(article), form)
        assert response.status_code == 200
        assert "while you were editing" in response.content.decode()


class TestEditorRights:
    def test_live_release_is_read_only_for_editors(self):
        article = make_article(title="Live")
        editor = signed_in(staff("ed", "Editors"))
        html = editor.get(change_url(article)).content.decode()
        assert 'name="title"' not in html  # a view-only page
        form = form_data(
            signed_in(staff("pub", "Publishers")).get(change_url(article)).content.decode(),
            "article_form",
        )
        form["status"] = "draft"
        assert editor.post(change_url(article), form).status_code == 403
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED

    def test_editor_sends_for_review(self):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        editor = signed_in(staff("ed", "Editors"))
        form = open_form(editor, article)
        form["status"] = "review"
        assert editor.post(change_url(article), form).status_code == 302
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW

    def test_editor_cannot_schedule_by_posting_published(self):
        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        editor = signed_in(staff("ed", "Editors"))
        form = open_form(editor, article)
        when = timezone.localtime() + timedelta(days=1)
        form.update(
            status="published",
            publish_at_0=when.strftime("%Y-%m-%d"),
            publish_at_1=when.strftime("%H:%M:%S"),
        )
        response = editor.post(change_url(article), form)
        assert response.status_code == 200
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW and article.publish_at is None

    def test_editor_cannot_restore_a_live_version(self):
        publisher = signed_in(staff("pub", "Publishers"))
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        form = open_form(publisher, article)
        form["title"] = "v2"
        publisher.post(change_url(article), form)
        from reversion.models import Version

        version = Version.objects.get_for_object(article).first()
        services.article_publish(article=article, by=User.objects.get(username="pub"))
        editor = signed_in(staff("ed", "Editors"))
        url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        assert editor.post(url, form).status_code == 403
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED

    def test_services_refuse_editors(self):
        from django.core.exceptions import PermissionDenied

        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        with pytest.raises(PermissionDenied):
            services.article_publish(article=article, by=staff("ed", "Editors"))
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW


class TestHistory:
    def test_every_save_is_recorded_and_can_be_restored(self):
        publisher_user = staff("pub", "Publishers")
        publisher = signed_in(publisher_user)
        article = make_article(title="First", status=Article.Status.DRAFT, themes=["migration"])
        make_quote(article, make_speaker(name="Jurgen Stock"), text="First quote.")

        form = open_form(publisher, article)
        form["title"] = "Second"
        form["themes"] = "migration, terrorism"
        form["quotes-0-text"] = "Second quote."
        assert publisher.post(change_url(article), form).status_code == 302
        form = open_form(publisher, article)
        form["title"] = "Third"
        assert publisher.post(change_url(article), form).status_code == 302

        history = publisher.get(reverse("admin:articles_article_history", args=[article.pk]))
        html = history.content.decode()
        assert html.count("pub") >= 2
        assert "Title changed" in html

        from reversion.models import Version

        versions = list(Version.objects.get_for_object(article))  # newest first
        assert len(versions) == 2
        second = versions[1]
        url = reverse("admin:articles_article_revision", args=[article.pk, second.pk])
        restore = form_data(publisher.get(url).content.decode(), "article_form")
        assert restore["title"] == "Second"
        assert publisher.post(url, restore).status_code == 302
        article.refresh_from_db()
        assert article.title == "Second"
        assert article.quotes.get().text == "Second quote."
        assert sorted(t.name for t in article.themes.all()) == ["migration", "terrorism"]
        assert article.version == 4


class TestShareLinks:
    def make_link(self, client, article, note="Jane Roe, Daily Planet"):
        form = open_form(client, article)
        form.update(
            {
                "share_links-TOTAL_FORMS": "1",
                "share_links-0-note": note,
                "share_links-0-expires_at_0": (
                    timezone.localdate() + timedelta(days=2)
                ).isoformat(),
                "share_links-0-expires_at_1": "12:00:00",
                "share_links-0-article": str(article.pk),
            }
        )
        response = client.post(change_url(article), form)
        assert response.status_code == 302, response.content.decode()[:3000]
        return ShareLink.objects.get(article=article, note=note)

    def test_publisher_shares_an_embargoed_release(self, client):
        # Editors may not share (tests/test_roles.py); a Publisher does.
        user = staff("pub", "Publishers")
        article = make_article(title="Embargoed news", status=Article.Status.DRAFT, publish_at=None)
        link = self.make_link(signed_in(user), article)
        assert link.created_by == user and len(link.token) >= 40

        admin_html = signed_in(user).get(change_url(article)).content.decode()
        assert link.get_absolute_url() in admin_html and "Jane Roe, Daily Planet" in admin_html

        response = client.get(link.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert "Embargoed news" in html and "not for publication" in html.lower()
        assert response["X-Robots-Tag"].startswith("noindex")
        assert '<meta name="robots" content="noindex' in html
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        # The release itself is still not public.
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_the_shared_page_is_about_this_release_alone(self, client):
        article = make_article(title="Soon", themes=["migration"], publish_at=tomorrow())
        make_article(title="Out already", themes=["migration"])
        link = ShareLink.objects.create(article=article)
        response = client.get(link.get_absolute_url())
        assert "related" not in response.context
        assert "Related releases" not in response.content.decode()

    def test_embargo_time_is_shown(self, client):
        article = make_article(title="Soon", publish_at=tomorrow())
        link = ShareLink.objects.create(article=article)
        html = client.get(link.get_absolute_url()).content.decode()
        assert "may be published from" in html

    def test_revoked_link_stops_working(self, client):
        user = staff("pub", "Publishers")
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        link = self.make_link(signed_in(user), article)
        form = open_form(signed_in(user), article)
        form["share_links-0-revoke"] = "on"
        assert signed_in(user).post(change_url(article), form).status_code == 302
        link.refresh_from_db()
        assert link.revoked_at is not None
        response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert "withdrawn this private link" in response.content.decode()
        assert "Revoked" in signed_in(user).get(change_url(article)).content.decode()

    def test_expired_link_stops_working(self, client):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        link = ShareLink.objects.create(
            article=article, expires_at=timezone.now() + timedelta(hours=1)
        )
        assert client.get(link.get_absolute_url()).status_code == 200
        with time_machine.travel(timezone.now() + timedelta(hours=2)):
            response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert "expired" in response.content.decode()

    def test_unknown_token_is_a_clear_404(self, client):
        response = client.get(reverse("articles:share", kwargs={"token": "nope" * 10}))
        assert response.status_code == 404
        assert "This link does not exist" in response.content.decode()

    def test_link_to_a_public_release_redirects_to_it(self, client):
        article = make_article()
        link = ShareLink.objects.create(article=article)
        response = client.get(link.get_absolute_url())
        assert response.status_code == 302 and response["Location"] == article.get_absolute_url()


class TestThemes:
    def test_merge_case_duplicates_keeps_all_releases(self):
        first = make_article(themes=["Cybercrime"])
        # Written around taggit's case-insensitive lookup, as an old import would have.
        second = make_article()
        lower = Tag.objects.create(name="cybercrime", slug="cybercrime-2")
        second.themes.add(lower)
        both = make_article(themes=["Cybercrime"])
        both.themes.add(lower)
        publisher = signed_in(staff("pub", "Publishers"))
        response = publisher.post(
            "/admin/articles/theme/",
            {"action": "merge_case_duplicates", "_selected_action": [lower.pk]},
            follow=True,
        )
        assert "1 group of case duplicates merged." in response.content.decode()
        assert Tag.objects.filter(name__iexact="cybercrime").count() == 1
        for article in (first, second, both):
            assert [t.name for t in article.themes.all()] == ["Cybercrime"]

    def test_merge_several_into_one_by_name(self):
        a = make_article(themes=["drugs"])
        b = make_article(themes=["narcotics", "drugs"])
        drugs, narcotics = Tag.objects.get(name="drugs"), Tag.objects.get(name="narcotics")
        publisher = signed_in(staff("pub", "Publishers"))
        confirm = publisher.post(
            "/admin/articles/theme/",
            {"action": "merge_themes", "_selected_action": [drugs.pk, narcotics.pk]},
        )
        assert "Merge into the theme named" in confirm.content.decode()
        publisher.post(
            "/admin/articles/theme/",
            {
                "action": "merge_themes",
                "_selected_action": [drugs.pk, narcotics.pk],
                "apply": "1",
                "into": "drug trafficking",
            },
        )
        assert sorted(Tag.objects.values_list("name", flat=True)) == ["drug trafficking"]
        assert [t.name for t in a.themes.all()] == ["drug trafficking"]
        assert [t.name for t in b.themes.all()] == ["drug trafficking"]

    def test_theme_list_shows_counts_and_rename_works(self):
        make_article(themes=["migration"])
        make_article(themes=["migration"])
        publisher = signed_in(staff("pub", "Publishers"))
        html = publisher.get("/admin/articles/theme/").content.decode()
        assert "migration" in html and '<td class="field-release_count">2</td>' in html
        theme = Tag.objects.get(name="migration")
        form = form_data(
            publisher.get(f"/admin/articles/theme/{theme.pk}/change/").content.decode(),
            "theme_form",
        )
        form["name"] = "Migration and asylum"
        assert publisher.post(f"/admin/articles/theme/{theme.pk}/change/", form).status_code == 302
        assert Article.objects.filter(themes__name="Migration and asylum").count() == 2

    def test_deleting_a_theme_never_deletes_releases(self):
        article = make_article(themes=["terrorism", "migration"])
        theme = Tag.objects.get(name="terrorism")
        publisher = signed_in(staff("pub", "Publishers"))
        publisher.post(
            "/admin/articles/theme/",
            {"action": "delete_selected", "_selected_action": [theme.pk], "post": "yes"},
        )
        assert not Tag.objects.filter(name="terrorism").exists()
        assert Article.objects.filter(pk=article.pk).exists()
        assert [t.name for t in article.themes.all()] == ["migration"]


class TestStateInTheForm:
    def test_form_says_embargoed_until_when(self):
        from datetime import timedelta

        article = make_article(publish_at=timezone.now() + timedelta(days=2))
        html = signed_in(staff("pub", "Publishers")).get(change_url(article)).content.decode()
        assert "Embargoed until" in html

    def test_form_says_expired(self):
        from datetime import timedelta

        article = make_article(
            publish_at=timezone.now() - timedelta(days=3),
            unpublish_at=timezone.now() - timedelta(days=1),
        )
        html = signed_in(staff("pub", "Publishers")).get(change_url(article)).content.decode()
        assert "nr-state--expired" in html
