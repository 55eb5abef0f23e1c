"""Editors and Publishers: what Editors may not reach sideways, through parts and links."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Event, ShareLink, Speaker, Theme
from tests.factories import make_article, make_event, make_quote, make_speaker, tomorrow
from tests.formdata import form_data
from tests.test_workflow import change_url, open_form, signed_in, staff

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.PUBLISHED
LIST_URL = "/admin/articles/article/"
THEMES_URL = "/admin/articles/theme/"

# A published release by its times: each is locked for Editors, and so are its parts.
PUBLISHED_TIMES = {
    "live": {"publish_at": timezone.now() - timedelta(days=1)},
    "embargoed": {"publish_at": timezone.now() + timedelta(days=1)},
    "expired": {
        "publish_at": timezone.now() - timedelta(days=3),
        "unpublish_at": timezone.now() - timedelta(days=1),
    },
}


def release(state: str) -> Article:
    if state in ("draft", "review"):
        return make_article(status=state, publish_at=None)
    return make_article(status=PUBLISHED, **PUBLISHED_TIMES[state])


def speaker_of(article):
    speaker = make_speaker(name="Original")
    make_quote(article, speaker)
    return speaker


def event_of(article):
    event = make_event(name="Original")
    article.event = event
    article.save()
    return event


def theme_of(article):
    article.themes.add("Original")
    return Theme.objects.get(name="Original")


PARTS = {"speaker": speaker_of, "event": event_of, "theme": theme_of}


def part_url(obj, view="change"):
    return reverse(f"admin:articles_{obj._meta.model_name}_{view}", args=[obj.pk])


def renamed_form(client, obj) -> dict:
    response = client.get(part_url(obj))
    assert response.status_code == 200
    form = form_data(response.content.decode(), f"{obj._meta.model_name}_form")
    form["name"] = "Renamed"
    return form


def name_of(obj) -> str:
    return type(obj).objects.get(pk=obj.pk).name


class TestSpeakersEventsThemes:
    @pytest.mark.parametrize("state", ["live", "embargoed", "expired"])
    @pytest.mark.parametrize("kind", PARTS)
    def test_editor_cannot_change_a_part_of_a_published_release(self, kind, state):
        obj = PARTS[kind](release(state))
        form = renamed_form(signed_in(staff("pub", "Publishers")), obj)
        editor = signed_in(staff("ed", "Editors"))

        response = editor.get(part_url(obj))
        assert response.status_code == 200
        assert 'name="name"' not in response.content.decode()  # a view-only page
        assert editor.post(part_url(obj), form).status_code == 403
        assert name_of(obj) == "Original"

    @pytest.mark.parametrize("state", ["draft", "review"])
    @pytest.mark.parametrize("kind", PARTS)
    def test_editor_changes_a_part_of_drafts_and_releases_in_review(self, kind, state):
        obj = PARTS[kind](release(state))
        editor = signed_in(staff("ed", "Editors"))
        assert editor.post(part_url(obj), renamed_form(editor, obj)).status_code == 302
        assert name_of(obj) == "Renamed"

    @pytest.mark.parametrize("kind", PARTS)
    def test_publisher_changes_a_part_of_a_live_release(self, kind):
        obj = PARTS[kind](release("live"))
        publisher = signed_in(staff("pub", "Publishers"))
        assert publisher.post(part_url(obj), renamed_form(publisher, obj)).status_code == 302
        assert name_of(obj) == "Renamed"

    def test_editor_adds_new_speakers_events_and_themes(self):
        editor = signed_in(staff("ed", "Editors"))
        new = {
            Speaker: {"name": "New speaker", "slug": "new-speaker"},
            Event: {
                "name": "New event",
                "slug": "new-event",
                "start_date": "2030-06-11",
                "end_date": "2030-06-13",
            },
            Theme: {"name": "New theme", "slug": "new-theme"},
        }
        for model, data in new.items():
            url = reverse(f"admin:articles_{model._meta.model_name}_add")
            assert editor.post(url, data).status_code == 302, model
            assert model.objects.filter(name=data["name"]).exists()

    def test_delete_rights_do_not_reach_a_live_releases_event(self):
        article = release("live")
        event = event_of(article)
        user = staff("ed", "Editors")
        user.user_permissions.add(Permission.objects.get(codename="delete_event"))
        editor = signed_in(user)
        url = part_url(event, "delete")
        assert editor.get(url).status_code == 403
        assert editor.post(url, {"post": "yes"}).status_code == 403
        assert Event.objects.filter(pk=event.pk).exists()
        article.refresh_from_db()
        assert article.event == event


class TestThemeActions:
    def merge(self, client, themes, into):
        return client.post(
            THEMES_URL,
            {
                "action": "merge_themes",
                "_selected_action": [t.pk for t in themes],
                "apply": "1",
                "into": into,
            },
            follow=True,
        )

    def test_editor_cannot_merge_a_theme_of_a_live_release(self):
        live = theme_of(release("live"))
        draft = make_article(status=DRAFT, publish_at=None, themes=["Other"])
        other = Theme.objects.get(name="Other")
        response = self.merge(signed_in(staff("ed", "Editors")), [live, other], "Merged")
        assert "Only Publishers can merge themes of published releases" in (
            response.content.decode()
        )
        assert set(Theme.objects.values_list("name", flat=True)) == {"Original", "Other"}
        assert [t.name for t in draft.themes.all()] == ["Other"]

    def test_editor_cannot_rename_a_live_theme_by_merging_into_it(self):
        theme_of(release("live"))
        make_article(status=DRAFT, publish_at=None, themes=["Other"])
        other = Theme.objects.get(name="Other")
        self.merge(signed_in(staff("ed", "Editors")), [other], "ORIGINAL")
        assert set(Theme.objects.values_list("name", flat=True)) == {"Original", "Other"}

    def test_editor_cannot_merge_case_duplicates_of_a_live_theme(self):
        theme_of(release("live"))
        draft = make_article(status=DRAFT, publish_at=None)
        # Written around taggit's case-insensitive lookup, as an old import would have.
        lower = Theme.objects.create(name="original", slug="original-2")
        draft.themes.add(lower)
        response = signed_in(staff("ed", "Editors")).post(
            THEMES_URL,
            {"action": "merge_case_duplicates", "_selected_action": [lower.pk]},
            follow=True,
        )
        assert "Nothing was merged" in response.content.decode()
        assert Theme.objects.filter(name__iexact="original").count() == 2

    def test_editor_merges_themes_of_drafts(self):
        draft = make_article(status=DRAFT, publish_at=None, themes=["drugs", "narcotics"])
        theme_of(release("live"))  # elsewhere, untouched
        themes = list(Theme.objects.filter(name__in=["drugs", "narcotics"]))
        self.merge(signed_in(staff("ed", "Editors")), themes, "drug trafficking")
        assert [t.name for t in draft.themes.all()] == ["drug trafficking"]

    def test_publisher_merges_a_theme_of_a_live_release(self):
        article = release("live")
        theme = theme_of(article)
        self.merge(signed_in(staff("pub", "Publishers")), [theme], "Renamed")
        assert [t.name for t in article.themes.all()] == ["Renamed"]


def set_time(form, field, moment):
    local = timezone.localtime(moment)
    form[f"{field}_0"] = local.strftime("%Y-%m-%d")
    form[f"{field}_1"] = local.strftime("%H:%M:%S")


class TestWithdrawalTime:
    def test_editors_withdrawal_time_is_refused(self):
        article = make_article(title="In review", status=REVIEW, publish_at=None)
        editor = signed_in(staff("ed", "Editors"))
        form = open_form(editor, article)
        form["title"] = "Changed"
        set_time(form, "unpublish_at", tomorrow())
        response = editor.post(change_url(article), form)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Only Publishers decide when a release is withdrawn" in html
        article.refresh_from_db()
        assert article.unpublish_at is None and article.title == "In review"

    def test_editor_keeps_a_publishers_withdrawal_time(self):
        when = timezone.now() + timedelta(days=5)
        article = make_article(status=REVIEW, publish_at=None, unpublish_at=when)
        editor = signed_in(staff("ed", "Editors"))
        form = open_form(editor, article)
        form["title"] = "Changed"
        assert editor.post(change_url(article), form).status_code == 302
        article.refresh_from_db()
        assert article.title == "Changed" and article.unpublish_at == when.replace(
            second=0, microsecond=0
        )

    def test_publisher_sets_a_withdrawal_time(self):
        article = make_article(status=REVIEW, publish_at=None)
        publisher = signed_in(staff("pub", "Publishers"))
        form = open_form(publisher, article)
        set_time(form, "unpublish_at", tomorrow())
        assert publisher.post(change_url(article), form).status_code == 302
        article.refresh_from_db()
        assert article.unpublish_at is not None


class TestShareLinkRights:
    def link_form(self, form, article):
        """The change form with a new share link added, as the Publisher's page would send it."""
        index = int(form["share_links-TOTAL_FORMS"])
        form["share_links-TOTAL_FORMS"] = str(index + 1)
        form.update(
            {
                f"share_links-{index}-note": "Jane Roe, Daily Planet",
                f"share_links-{index}-expires_at_0": str(timezone.localdate() + timedelta(days=2)),
                f"share_links-{index}-expires_at_1": "12:00:00",
                f"share_links-{index}-article": str(article.pk),
            }
        )
        return form

    def test_editor_is_not_offered_share_links(self):
        article = make_article(status=DRAFT, publish_at=None)
        html = signed_in(staff("ed", "Editors")).get(change_url(article)).content.decode()
        assert "Share links for journalists" in html  # shown, read-only
        assert 'name="share_links-__prefix__-note"' not in html

    def test_editors_forged_share_link_is_refused(self):
        article = make_article(title="Draft", status=DRAFT, publish_at=None)
        editor = signed_in(staff("ed", "Editors"))
        form = self.link_form(open_form(editor, article), article)
        form["title"] = "Changed"
        assert editor.post(change_url(article), form).status_code == 403
        assert not ShareLink.objects.exists()
        article.refresh_from_db()
        assert article.title == "Draft"

    def test_editor_cannot_extend_a_link(self):
        article = make_article(status=DRAFT, publish_at=None)
        link = ShareLink.objects.create(article=article, note="Jane Roe")
        expires_at = link.expires_at
        editor = signed_in(staff("ed", "Editors"))
        form = open_form(editor, article)
        form.update(
            {
                "share_links-0-note": "Someone else",
                "share_links-0-expires_at_0": "2099-01-01",
                "share_links-0-expires_at_1": "12:00:00",
            }
        )
        assert editor.post(change_url(article), form).status_code == 302
        link.refresh_from_db()
        assert link.note == "Jane Roe" and link.expires_at == expires_at

    def test_publisher_shares_a_release_in_review(self):
        article = make_article(status=REVIEW, publish_at=None)
        publisher = signed_in(staff("pub", "Publishers"))
        form = self.link_form(open_form(publisher, article), article)
        assert publisher.post(change_url(article), form).status_code == 302
        assert ShareLink.objects.get(article=article).note == "Jane Roe, Daily Planet"


class TestPublishing:
    def publish(self, client, *articles):
        return client.post(
            LIST_URL,
            {"action": "publish_selected", "_selected_action": [a.pk for a in articles]},
            follow=True,
        )

    def test_publish_selected_refuses_invalid_releases_and_publishes_the_others(self):
        valid = make_article(title="Valid", status=REVIEW, publish_at=None)
        no_lead = make_article(title="No lead", lead="", status=REVIEW, publish_at=None)
        backwards = make_article(
            title="Backwards",
            status=REVIEW,
            publish_at=timezone.now() + timedelta(days=2),
            unpublish_at=timezone.now() + timedelta(days=1),
        )
        response = self.publish(signed_in(staff("pub", "Publishers")), valid, no_lead, backwards)
        html = response.content.decode()
        assert "“No lead” was not published: Lead: This field cannot be blank." in html
        assert "“Backwards” was not published: Unpublish at: The release must be withdrawn" in html
        assert "1 release published." in html
        for article in (valid, no_lead, backwards):
            article.refresh_from_db()
        assert valid.is_public()
        assert no_lead.status == REVIEW and backwards.status == REVIEW

    def test_a_withdrawal_time_that_has_passed_is_refused(self):
        article = make_article(
            title="Stale", status=REVIEW, publish_at=None, unpublish_at=timezone.now()
        )
        html = self.publish(signed_in(staff("pub", "Publishers")), article).content.decode()
        assert "“Stale” was not published" in html
        assert "1 release published." not in html and "0 releases published." not in html
        article.refresh_from_db()
        assert article.status == REVIEW

    def test_publisher_is_shown_a_withdrawal_time_set_before(self):
        when = timezone.now() + timedelta(days=5)
        article = make_article(title="Timed", status=REVIEW, publish_at=None, unpublish_at=when)
        html = self.publish(signed_in(staff("pub", "Publishers")), article).content.decode()
        assert f"“Timed” will be withdrawn at {timezone.localtime(when):%d %b %Y %H:%M}" in html
        assert "These times were set before it was published" in html
        article.refresh_from_db()
        # Kept to the minute, as every embargo and withdrawal time is.
        assert article.is_public() and article.unpublish_at == when.replace(second=0, microsecond=0)

    def test_publish_service_refuses_an_invalid_release_and_leaves_it(self):
        article = make_article(title="No lead", lead="", status=REVIEW, publish_at=None)
        with pytest.raises(ValidationError, match="“No lead” was not published"):
            services.article_publish(article=article, by=staff("pub", "Publishers"))
        assert article.status == REVIEW and article.publish_at is None
        article.refresh_from_db()
        assert article.status == REVIEW and article.version == 1


class TestWithdrawingRevokesShareLinks:
    def test_unpublishing_revokes_the_links(self, client):
        article = make_article(publish_at=tomorrow())  # embargoed, handed out to journalists
        link = ShareLink.objects.create(article=article)
        assert client.get(link.get_absolute_url()).status_code == 200

        services.article_unpublish(article=article, by=staff("pub", "Publishers"))

        link.refresh_from_db()
        assert link.revoked_at is not None and link.revoked_on_withdrawal
        response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert "This release has been withdrawn from publication." in response.content.decode()

    def test_unpublish_action_revokes_the_links_of_a_live_release(self, client):
        article = make_article()
        link = ShareLink.objects.create(article=article)
        publisher = signed_in(staff("pub", "Publishers"))
        publisher.post(LIST_URL, {"action": "unpublish_selected", "_selected_action": [article.pk]})
        response = client.get(link.get_absolute_url())
        assert response.status_code == 410
        assert "withdrawn from publication" in response.content.decode()
        assert (
            "when the release was withdrawn" in publisher.get(change_url(article)).content.decode()
        )

    def test_unpublishing_through_the_form_revokes_the_links(self, client):
        article = make_article(publish_at=tomorrow())
        link = ShareLink.objects.create(article=article)
        publisher = signed_in(staff("pub", "Publishers"))
        form = open_form(publisher, article)
        form["status"] = "draft"
        assert publisher.post(change_url(article), form).status_code == 302
        link.refresh_from_db()
        assert link.revoked_on_withdrawal
        assert client.get(link.get_absolute_url()).status_code == 410

    def test_links_revoked_by_hand_or_expired_keep_their_reason(self, client):
        article = make_article(publish_at=tomorrow())
        by_hand = ShareLink.objects.create(article=article, revoked_at=timezone.now())
        expired = ShareLink.objects.create(
            article=article, expires_at=timezone.now() - timedelta(hours=1)
        )
        services.article_unpublish(article=article, by=staff("pub", "Publishers"))
        assert (
            "withdrawn this private link" in client.get(by_hand.get_absolute_url()).content.decode()
        )
        assert "has expired" in client.get(expired.get_absolute_url()).content.decode()
