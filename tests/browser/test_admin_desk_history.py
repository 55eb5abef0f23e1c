"""
In Chromium: the editor's desk as the admin's start page, and a release's
history telling each kind of change (edit, photos, share link, scheduling,
publishing, unpublishing, restoring) with who and when. Screenshots are left
in test-output/screenshots/.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.demo import DEMO_SLUG
from articles.models import Article
from tests.browser.test_admin_release_form import SCREENSHOTS, change_path, no_sideways_scroll
from tests.browser.test_csp_and_admin import sign_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save_and_continue(page):
    page.locator(".submit-row input[name=_continue]").first.click()
    expect(page.locator(".messagelist .success").first).to_be_visible()


def test_desk_shows_what_is_due_with_links(new_page, demo):
    staff("pub", "Publishers")
    waiting = Article.objects.create(
        title="Workshop on financial investigations", slug="workshop", status="review"
    )
    lifting = Article.objects.create(
        title="Summit statement",
        slug="summit",
        status="published",
        publish_at=(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0),
    )
    draft = Article.objects.create(
        title="Draft on border checks", slug="draft", lead="Checks at borders.", status="draft"
    )
    page = new_page(width=1280, height=900)
    sign_in(page, demo, "pub")
    # A draft this Publisher touched.
    page.goto(demo.url(change_path(draft)))
    page.fill("#id_title", "Draft on border checks, revised")
    save_and_continue(page)

    page.goto(demo.url("/admin/"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "admin-desk-1280.png", full_page=True)
    no_sideways_scroll(page)
    review = page.locator("#desk-review")
    expect(review).to_contain_text("In review, waiting for you")
    expect(review.get_by_role("link", name=waiting.title)).to_be_visible()
    embargoes = page.locator("#desk-embargoes")
    when = timezone.localtime(lifting.publish_at).strftime("%d %b %Y %H:%M")
    expect(embargoes).to_contain_text(f"goes live {when}")
    drafts = page.locator("#desk-drafts")
    drafts.get_by_role("link", name="Draft on border checks, revised").click()
    expect(page.locator("#id_title")).to_have_value("Draft on border checks, revised")


def test_history_tells_each_kind_of_change(new_page, demo):
    staff("pub", "Publishers")
    article = Article.objects.get(slug=DEMO_SLUG)
    # The demo release goes back to draft, so it can be scheduled and published.
    Article.objects.filter(pk=article.pk).update(status="draft")
    page = new_page(width=1280, height=900)
    sign_in(page, demo, "pub")
    page.goto(demo.url(change_path(article)))

    # An edit of the title and of a quote.
    page.fill("#id_title", "Police leaders meet in Tirana")
    page.fill("#id_quotes-2-text", "We can only take on these challenges together, as one.")
    save_and_continue(page)
    # A share link for a journalist.
    page.locator("#share_links-group .add-row a").click()
    page.fill("#id_share_links-0-note", "Reuters")
    save_and_continue(page)
    # A photo removed.
    page.locator("#images-group .nr-card:not(.empty-form) input[name$=DELETE]").last.check()
    save_and_continue(page)
    # Scheduled: published with a time two days on.
    later = timezone.localtime() + timedelta(days=2)
    page.select_option("#id_status", "published")
    page.fill("#id_publish_at_0", later.strftime("%Y-%m-%d"))
    page.fill("#id_publish_at_1", "09:00")
    save_and_continue(page)
    # Unpublished and published again from the list.
    for action in ("unpublish_selected", "publish_selected"):
        page.goto(demo.url("/admin/articles/article/"))
        page.locator(f"input[name=_selected_action][value='{article.pk}']").check()
        page.select_option("select[name=action]", action)
        page.locator("button[name=index]").click()
        expect(page.locator(".messagelist .success").first).to_be_visible()

    page.goto(demo.url(f"/admin/articles/article/{article.pk}/history/"))
    history = page.locator("#change-history")
    for entry in (
        "Title changed; quote by Jurgen Stock edited.",
        "Share link for Reuters added.",
        "1 photo removed.",
        f"Scheduled for {later.strftime('%d %b %Y')} 09:00.",
        "Unpublished",
    ):
        expect(history).to_contain_text(entry)
    expect(history).to_contain_text("pub")
    # Restoring an earlier version is recorded too.
    page.locator("#change-history tbody tr").last.locator("a").click()
    page.locator(".submit-row input[name=_save]").first.click()
    page.goto(demo.url(f"/admin/articles/article/{article.pk}/history/"))
    expect(history.locator("tbody tr").first).to_contain_text("Restored the version of")
    page.screenshot(path=SCREENSHOTS / "admin-history-1280.png", full_page=True)
    no_sideways_scroll(page)
