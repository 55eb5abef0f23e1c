"""A release's history says what each save, action and restore changed, in an editor's words."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.admin.history import ReleaseChanges, excerpt
from articles.models import Article
from tests.factories import image_upload, make_article, make_image, make_quote, make_speaker
from tests.test_workflow import change_url, open_form, signed_in, staff

# --- Wording -------------------------------------------------------------------------------------


class TestWording:
    def test_nothing_changed_says_nothing(self):
        assert ReleaseChanges().sentence() == ""

    def test_fields_photos_and_quotes(self):
        changes = ReleaseChanges(fields=["title"], photos_added=3, quotes_edited=["Jurgen Stock"])
        assert changes.sentence() == "Title changed; quote by Jurgen Stock edited; 3 photos added."

    def test_one_photo_is_singular(self):
        assert ReleaseChanges(photos_added=1).sentence() == "1 photo added."
        assert ReleaseChanges(photos_removed=2).sentence() == "2 photos removed."

    def test_creation_mentions_what_came_with_it(self):
        changes = ReleaseChanges(created=True, photos_added=3, quotes_added=["A", "B", "A"])
        assert changes.sentence() == "Created; quotes by A and B added; 3 photos added."

    def test_share_links_name_who_they_are_for(self):
        changes = ReleaseChanges(links_added=["Reuters"], links_revoked=["AFP", ""])
        assert changes.sentence() == (
            "Share link for Reuters added; share link for AFP revoked; share link revoked."
        )

    def test_themes_named_with_their_spelling(self):
        changes = ReleaseChanges(themes_added=["Cybercrime"], themes_removed=["a", "b", "c"])
        assert changes.sentence() == "Theme “Cybercrime” added; themes “a”, “b” and “c” removed."

    def test_one_edited_photo_is_named_by_a_cut_at_a_word(self):
        changes = ReleaseChanges(
            photos_edited=["Delegates at the opening session of the regional conference"]
        )
        assert changes.sentence() == "Photo “Delegates at the opening session of the…” edited."

    def test_reordering(self):
        changes = ReleaseChanges(quotes_reordered=True, photos_reordered=True)
        assert changes.sentence() == "Quotes reordered; photos reordered."

    def test_restore_and_publication(self):
        changes = ReleaseChanges(restored_from="12 Jun 2024 09:00", publication="published")
        assert changes.sentence() == "Restored the version of 12 Jun 2024 09:00; published."


class TestExcerpt:
    def test_short_text_is_kept(self):
        assert excerpt("Opening the conference") == "Opening the conference"

    def test_long_text_is_cut_at_a_word_boundary(self):
        cut = excerpt("We face threats that no country can tackle alone today", 30)
        assert cut == "We face threats that no…"
        assert len(cut) <= 31

    def test_punctuation_before_the_cut_is_dropped(self):
        assert excerpt("Police, prosecutors, judges and ministers", 21) == "Police, prosecutors…"

    def test_one_long_word_is_cut_inside_it(self):
        assert excerpt("x" * 50, 10) == "x" * 10 + "…"


# --- What the admin records ---------------------------------------------------------------------


def history_lines(article) -> list[str]:
    """The history page's entries, newest first, as their comments."""
    return [v.revision.get_comment() for v in Version.objects.get_for_object(article)]


def log_messages(article) -> list[str]:
    return [
        e.get_change_message()
        for e in LogEntry.objects.filter(object_id=str(article.pk)).order_by("-action_time", "-pk")
    ]


@pytest.fixture
def publisher(db):
    return signed_in(staff("pub", "Publishers"))


@pytest.mark.django_db
class TestRecorded:
    def test_a_save_without_changes_records_nothing(self, publisher):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        before = article.version
        assert publisher.post(change_url(article), open_form(publisher, article)).status_code == 302
        article.refresh_from_db()
        assert article.version == before
        assert history_lines(article) == []
        assert log_messages(article) == []

    def test_title_and_quote_edits(self, publisher):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        make_quote(article, make_speaker(name="Jurgen Stock"), text="First words.")
        form = open_form(publisher, article)
        form["title"] = "A new title"
        form["quotes-0-text"] = "Other words."
        publisher.post(change_url(article), form)
        assert history_lines(article) == ["Title changed; quote by Jurgen Stock edited."]
        assert log_messages(article)[0] == "Title changed; quote by Jurgen Stock edited."

    def test_creating_with_three_photos_says_so(self, publisher):
        from tests.test_admin import ADD_URL, release_form

        data = release_form(
            gallery_upload=[image_upload(f"p{i}.jpg") for i in range(3)],
            gallery_upload_alt_text="Delegates",
        )
        assert publisher.post(ADD_URL, data).status_code == 302
        article = Article.objects.get()
        assert history_lines(article) == ["Created; 3 photos added."]

    def test_share_link_added_and_revoked(self, publisher):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        form = open_form(publisher, article)
        in_two_days = timezone.localdate() + timedelta(days=2)
        form.update(
            {
                "share_links-TOTAL_FORMS": "1",
                "share_links-0-note": "Reuters",
                "share_links-0-expires_at_0": in_two_days.isoformat(),
                "share_links-0-expires_at_1": "12:00:00",
            }
        )
        assert publisher.post(change_url(article), form).status_code == 302
        form = open_form(publisher, article)
        form["share_links-0-revoke"] = "on"
        assert publisher.post(change_url(article), form).status_code == 302
        assert history_lines(article) == [
            "Share link for Reuters revoked.",
            "Share link for Reuters added.",
        ]
        entry = LogEntry.objects.filter(object_id=str(article.pk)).first()
        assert entry.user.username == "pub"

    def test_photos_reordered_and_removed(self, publisher):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        make_image(article, position=0)
        make_image(article, position=1)
        make_image(article, position=2)
        form = open_form(publisher, article)
        form["images-0-position"], form["images-1-position"] = "1", "0"
        form["images-2-DELETE"] = "on"
        assert publisher.post(change_url(article), form).status_code == 302
        assert history_lines(article) == ["1 photo removed; photos reordered."]

    def test_sent_for_review_and_scheduled(self, publisher):
        article = make_article(status=Article.Status.DRAFT, publish_at=None)
        form = open_form(publisher, article)
        form["status"] = "review"
        publisher.post(change_url(article), form)
        when = timezone.localtime() + timedelta(days=2)
        form = open_form(publisher, article)
        form.update(
            status="published",
            publish_at_0=when.strftime("%Y-%m-%d"),
            publish_at_1="09:00:00",
        )
        assert publisher.post(change_url(article), form).status_code == 302
        lines = history_lines(article)
        assert lines[1] == "Sent for review."
        assert lines[0] == f"Scheduled for {when.strftime('%d %b %Y')} 09:00."

    def test_publish_and_unpublish_actions(self, publisher):
        article = make_article(status=Article.Status.REVIEW, publish_at=None)
        url = reverse("admin:articles_article_changelist")
        for action in ("publish_selected", "unpublish_selected"):
            response = publisher.post(
                url, {"action": action, "_selected_action": [article.pk]}, follow=True
            )
            assert response.status_code == 200
        assert log_messages(article) == ["Unpublished.", "Published."]
        assert history_lines(article) == ["Unpublished.", "Published."]

    def test_restore_is_recorded_with_its_date(self, publisher):
        article = make_article(title="First", status=Article.Status.DRAFT, publish_at=None)
        form = open_form(publisher, article)
        form["title"] = "Second"
        publisher.post(change_url(article), form)
        form = open_form(publisher, article)
        form["title"] = "Third"
        publisher.post(change_url(article), form)
        older = Version.objects.get_for_object(article)[1]
        url = reverse("admin:articles_article_revision", args=[article.pk, older.pk])
        from tests.formdata import form_data

        restore = form_data(publisher.get(url).content.decode(), "article_form")
        assert publisher.post(url, restore).status_code == 302
        assert history_lines(article)[0].startswith("Restored the version of ")
        history = publisher.get(reverse("admin:articles_article_history", args=[article.pk]))
        html = history.content.decode()
        assert "Restored the version of" in html and "Title changed." in html


class TestPublicationWords:
    """What a change of status says, from the status before and the release after."""

    def words(self, before, **fields):
        from articles.admin.history import publication_words

        return publication_words(Article(title="T", slug="t", **fields), before)

    def test_each_move(self):
        from tests.factories import tomorrow, yesterday

        assert self.words("draft", status="review") == "sent for review"
        assert self.words("review", status="draft") == "sent back to draft"
        assert self.words("review", status="published", publish_at=yesterday()) == "published"
        assert self.words("published", status="draft") == "unpublished"
        scheduled = self.words("review", status="published", publish_at=tomorrow())
        assert scheduled.startswith("scheduled for ")
        assert self.words("draft", status="draft") == ""


@pytest.mark.django_db
def test_unpublishing_tells_which_share_links_it_stopped(publisher):
    from articles.models import ShareLink

    article = make_article()
    ShareLink.objects.create(article=article, note="Reuters")
    ShareLink.objects.create(article=article, note="AFP", revoked_at=timezone.now())
    url = reverse("admin:articles_article_changelist")
    publisher.post(url, {"action": "unpublish_selected", "_selected_action": [article.pk]})
    assert log_messages(article) == ["Unpublished; share link for Reuters revoked."]


@pytest.mark.django_db
def test_unpublishing_in_the_form_tells_it_too(publisher):
    from articles.models import ShareLink

    article = make_article()
    ShareLink.objects.create(article=article, note="Reuters")
    form = open_form(publisher, article)
    form["status"] = "draft"
    assert publisher.post(change_url(article), form).status_code == 302
    assert history_lines(article)[0] == "Unpublished; share link for Reuters revoked."
