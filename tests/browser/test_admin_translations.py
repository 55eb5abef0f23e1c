"""
A translation in Chromium, as an editor makes and keeps it: "Add translation"
on the demo release, the French title written, the source's lead changed,
"source changed" with the diff on the translation, then "Mark as up to date".
Screenshots at 1280 and 375 px are left in test-output/screenshots/ for a
person to look at; neither width scrolls sideways.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.test_csp_and_admin import sign_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def page_overflow(page) -> int:
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def shoot(page, name: str) -> None:
    """Screenshots at both widths, each checked for sideways scrolling."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"admin-{name}-{width}.png", full_page=True)
        assert page_overflow(page) <= 0, f"{name} scrolls sideways at {width} px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_add_a_french_translation_then_follow_the_source(new_page, demo):
    staff("pub", "Publishers")
    # A demo release not yet translated (the Tirana one is, in three languages).
    source = Article.objects.get(slug="financial-investigations-workshop")
    page = new_page(width=1280, height=900)
    sign_in(page, demo, "pub")

    page.goto(demo.url(f"/admin/articles/article/{source.pk}/change/"))
    group = page.locator(".nr-group")
    expect(group).to_contain_text("Languages of this release")
    page.select_option("#id_translation_language", "de")
    group.get_by_role("button", name="Add translation").click()
    expect(page.locator(".messagelist")).to_contain_text("The German translation was made")
    translation = Article.objects.get(source=source, language="de")
    assert page.url.endswith(f"/admin/articles/article/{translation.pk}/change/")
    expect(page.locator(".nr-group__item--current")).to_contain_text("German")
    expect(page.get_by_text("Shared with the source — edit them there.")).to_be_visible()
    shoot(page, "translation-new")
    # The times are the source's, locked, until "released with the source" is unticked.
    expect(page.locator("#id_publish_at_0")).to_be_disabled()
    page.uncheck("#id_follows_source_times")
    expect(page.locator("#id_publish_at_0")).to_be_enabled()
    page.check("#id_follows_source_times")
    expect(page.locator("#id_publish_at_0")).to_be_disabled()

    page.fill("#id_title", "Conférence régionale européenne à Tirana")
    page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # To the source in one click, and change its lead (a live release: a silent fix).
    page.locator(".nr-group").get_by_role("link", name="English").click()
    page.fill("#id_lead", "Financial investigators from across Europe meet in Lyon.")
    page.check("input[name=change_kind][value=silent]")
    page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator(".nr-group .nr-source-changed")).to_have_count(1)

    page.locator(".nr-group").get_by_role("link", name="German").click()
    banner = page.locator(".nr-source-changes")
    expect(banner).to_contain_text("The source changed on")
    expect(banner.locator("dt")).to_contain_text(["Lead"])
    expect(banner.locator("ins").first).to_be_visible()
    expect(banner.locator("del").first).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Conférence régionale européenne à Tirana")
    shoot(page, "translation-source-changed")

    banner.get_by_role("button", name="Mark as up to date").click()
    expect(page.locator(".messagelist")).to_contain_text("marked as up to date")
    expect(page.locator(".nr-source-changes")).to_have_count(0)
    translation.refresh_from_db()
    assert translation.source_changed_at is None

    page.goto(demo.url("/admin/articles/article/?translation=current"))
    expect(page.locator("#result_list")).to_contain_text("Conférence régionale européenne")
    shoot(page, "list-translations")
    assert page.problems.messages == []
