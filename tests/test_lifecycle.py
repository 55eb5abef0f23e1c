"""A release's lifecycle: the model's answer, the public rule, the admin list and its rights."""

from datetime import timedelta
from itertools import product

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.utils import timezone

from articles.admin import GalleryImageInline, QuoteInline
from articles.models import Article, Lifecycle
from tests.factories import make_article, make_image, make_quote
from tests.formdata import form_data
from tests.test_workflow import change_url, signed_in, staff

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.PUBLISHED
LIST_URL = "/admin/articles/article/"

# Publication times relative to "now": a release published the day before
# yesterday and withdrawn yesterday is expired, not withdrawn before it came out.
PUBLISH_AT = {"published-past": -2, "published-future": 1, "no-publish-time": None}
UNPUBLISH_AT = {"no-withdrawal": None, "withdrawn-past": -1, "withdrawn-future": 2}

# A published release, by its times; drafts and releases in review are what
# their status says, whatever the times.
BY_TIMES = {
    ("published-past", "no-withdrawal"): Lifecycle.LIVE,
    ("published-past", "withdrawn-past"): Lifecycle.EXPIRED,
    ("published-past", "withdrawn-future"): Lifecycle.LIVE,
    ("published-future", "no-withdrawal"): Lifecycle.EMBARGOED,
    ("published-future", "withdrawn-past"): Lifecycle.EMBARGOED,
    ("published-future", "withdrawn-future"): Lifecycle.EMBARGOED,
    # Published without a time: held back, as under an embargo with no end.
    ("no-publish-time", "no-withdrawal"): Lifecycle.EMBARGOED,
    ("no-publish-time", "withdrawn-past"): Lifecycle.EMBARGOED,
    ("no-publish-time", "withdrawn-future"): Lifecycle.EMBARGOED,
}


def expected_state(status, publish, unpublish) -> Lifecycle:
    if status == DRAFT:
        return Lifecycle.DRAFT
    if status == REVIEW:
        return Lifecycle.REVIEW
    return BY_TIMES[publish, unpublish]


MATRIX = list(product([DRAFT, REVIEW, PUBLISHED], PUBLISH_AT, UNPUBLISH_AT))


def at(now, days):
    return None if days is None else now + timedelta(days=days)


def make_case(now, status, publish, unpublish) -> Article:
    return make_article(
        title=f"{status} {publish} {unpublish}",
        status=status,
        publish_at=at(now, PUBLISH_AT[publish]),
        unpublish_at=at(now, UNPUBLISH_AT[unpublish]),
    )


class TestTheMatrix:
    @pytest.mark.parametrize(("status", "publish", "unpublish"), MATRIX, ids="/".join)
    def test_state_and_public_rule_agree(self, status, publish, unpublish):
        now = timezone.now()
        article = make_case(now, status, publish, unpublish)
        expected = expected_state(status, publish, unpublish)

        assert article.lifecycle(now) == expected
        assert article.is_public(now) == (expected == Lifecycle.LIVE)
        in_public = Article.objects.public(now).filter(pk=article.pk).exists()
        assert in_public == (expected == Lifecycle.LIVE)
        for state in Lifecycle.values:
            found = Article.objects.in_state(state, now).filter(pk=article.pk).exists()
            assert found == (state == expected), state


class TestStateFilter:
    @pytest.fixture
    def releases(self):
        now = timezone.now()
        return [make_case(now, *case) for case in MATRIX]

    def listed(self, client, state) -> set[str]:
        response = client.get(LIST_URL, {"state": state})
        assert response.status_code == 200
        return {article.title for article in response.context["cl"].result_list}

    @pytest.mark.parametrize("state", Lifecycle.values)
    def test_each_state_lists_exactly_its_releases(self, admin_client, releases, state):
        expected = {a.title for a in releases if a.lifecycle() == state}
        assert expected  # every state occurs in the matrix
        assert self.listed(admin_client, state) == expected

    def test_live_is_the_public_rule(self, admin_client, releases):
        public = {a.title for a in Article.objects.public()}
        assert self.listed(admin_client, Lifecycle.LIVE) == public

    def test_the_filter_is_offered_by_name(self, admin_client, releases):
        html = admin_client.get(LIST_URL).content.decode()
        for label in ("Draft", "In review", "Embargoed", "Live", "Expired"):
            assert f">{label}</a>" in html
        assert "?state=embargoed" in html

    def test_unknown_state_lists_everything(self, admin_client, releases):
        assert self.listed(admin_client, "bogus") == {a.title for a in releases}

    def test_state_column_says_the_state(self, admin_client):
        now = timezone.now()
        make_article(title="Held back", publish_at=None)
        make_article(title="Soon", publish_at=now + timedelta(days=1))
        html = admin_client.get(LIST_URL).content.decode()
        assert '<span class="nr-state nr-state--embargoed">Embargoed</span>' in html
        assert '<span class="nr-state nr-state--embargoed">Embargoed until ' in html


def release_in(state: Lifecycle) -> Article:
    now = timezone.now()
    publish_at, unpublish_at = now - timedelta(days=2), None
    status = {Lifecycle.DRAFT: DRAFT, Lifecycle.REVIEW: REVIEW}.get(state, PUBLISHED)
    if state == Lifecycle.EMBARGOED:
        publish_at = now + timedelta(days=1)
    elif state == Lifecycle.EXPIRED:
        unpublish_at = now - timedelta(days=1)
    article = make_article(
        title="Original", status=status, publish_at=publish_at, unpublish_at=unpublish_at
    )
    make_quote(article, text="Original quote.")
    make_image(article, caption="Original caption")
    assert article.lifecycle() == state
    return article


def edited_form(client, article) -> dict:
    """The change form as its user would send it back, with the release, quote and photo edited."""
    response = client.get(change_url(article))
    assert response.status_code == 200
    form = form_data(response.content.decode(), "article_form")
    form.update(
        {
            "title": "Changed",
            "quotes-0-text": "Changed quote.",
            "images-0-caption": "Changed caption",
        }
    )
    return form


def publisher_form(article) -> dict:
    """What an Editor would have to forge: the form they are never shown."""
    return edited_form(signed_in(staff("pub", "Publishers")), article)


def assert_unchanged(article):
    article.refresh_from_db()
    assert article.title == "Original"
    assert article.quotes.get().text == "Original quote."
    assert article.images.get().caption == "Original caption"


def assert_changed(article):
    article.refresh_from_db()
    assert article.title == "Changed"
    assert article.quotes.get().text == "Changed quote."
    assert article.images.get().caption == "Changed caption"


# Changing a published release, or its quotes and photos, is publishing.
LOCKED_STATES = [Lifecycle.LIVE, Lifecycle.EMBARGOED, Lifecycle.EXPIRED]
OPEN_STATES = [Lifecycle.DRAFT, Lifecycle.REVIEW]


class TestEditorRights:
    @pytest.mark.parametrize("state", LOCKED_STATES)
    def test_published_release_and_its_inlines_are_read_only(self, state):
        article = release_in(state)
        form = publisher_form(article)
        editor = signed_in(staff("ed", "Editors"))

        html = editor.get(change_url(article)).content.decode()
        assert 'name="title"' not in html
        assert 'name="quotes-0-text"' not in html
        assert 'name="images-0-caption"' not in html
        assert editor.post(change_url(article), form).status_code == 403
        assert_unchanged(article)

    def test_published_release_without_a_time_is_read_only(self):
        article = make_article(title="Original", publish_at=None)
        assert article.lifecycle() == Lifecycle.EMBARGOED
        editor = signed_in(staff("ed", "Editors"))
        assert 'name="title"' not in editor.get(change_url(article)).content.decode()

    @pytest.mark.parametrize("state", OPEN_STATES)
    def test_draft_and_review_can_be_changed(self, state):
        article = release_in(state)
        editor = signed_in(staff("ed", "Editors"))
        response = editor.post(change_url(article), edited_form(editor, article))
        assert response.status_code == 302
        assert_changed(article)
        assert article.status == {Lifecycle.DRAFT: DRAFT, Lifecycle.REVIEW: REVIEW}[state]

    @pytest.mark.parametrize(
        ("state", "locked"), [(s, True) for s in LOCKED_STATES] + [(s, False) for s in OPEN_STATES]
    )
    def test_inlines_follow_the_release(self, rf, state, locked):
        article = release_in(state)
        request = rf.get(change_url(article))
        request.user = staff("ed", "Editors")
        assert article.locked_for(request.user) is locked
        for inline_class in (QuoteInline, GalleryImageInline):
            inline = inline_class(Article, admin.site)
            assert inline.has_add_permission(request, article) is not locked
            assert inline.has_change_permission(request, article) is not locked
            assert inline.has_delete_permission(request, article) is not locked
            # Adding a release: nothing to lock yet.
            assert inline.has_add_permission(request, None)


class TestPublisherRights:
    @pytest.mark.parametrize("state", LOCKED_STATES + OPEN_STATES)
    def test_publisher_changes_every_release(self, state):
        article = release_in(state)
        publisher = signed_in(staff("pub", "Publishers"))
        assert not article.locked_for(User.objects.get(username="pub"))
        form = edited_form(publisher, article)
        # A change to a live release is a correction or a silent fix: the Publisher says which.
        form["change_kind"] = "silent"
        response = publisher.post(change_url(article), form)
        assert response.status_code == 302
        assert_changed(article)
