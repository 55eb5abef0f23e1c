"""
In Chromium: "New release from text" shows a review screen before saving, and a
speaker whose name is close to an existing one is asked about, not duplicated.
The review screen's screenshot is left in test-output/screenshots/.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article, Speaker
from tests.browser.test_csp_and_admin import csp_violations, reported, sign_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "interpol-tirana-2024.txt"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def test_review_screen_asks_about_a_near_match_speaker(new_page, demo):
    if not SEED.is_file():
        pytest.skip("shared seed release is not available")
    assert Speaker.objects.filter(name="Ahmed Naser Al-Raisi").exists()  # from the demo
    releases = Article.objects.count()
    page = new_page(width=1280)
    staff("erin", "Editors")
    sign_in(page, demo, "erin")
    page.goto(demo.url("/admin/articles/article/from-text/"))
    csp_violations(page)
    # The same release, with the president's name spelt a letter differently.
    text = SEED.read_text(encoding="utf-8").replace("Al-Raisi", "Al-Raisy")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=year]", "2024")
    page.click("input[type=submit]")

    expect(page.locator("h1")).to_contain_text("Review the release before saving")
    near = page.locator(".text-import-near")
    expect(near).to_have_count(1)
    expect(near).to_contain_text("Did you mean Ahmed Naser Al-Raisi?")
    expect(page.locator(".text-import-quote").first).to_contain_text("opening the conference")
    expect(page.get_by_label("Expected participants")).to_have_value("160")
    assert Article.objects.count() == releases  # nothing saved yet
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "text-import-review-1280.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    page.click("input[type=submit][value='Save as a draft']")
    expect(near).to_contain_text("Choose the existing speaker or a new one.")
    assert Article.objects.count() == releases

    near.get_by_label("Did you mean Ahmed Naser Al-Raisi?").check()
    page.click("input[type=submit][value='Save as a draft']")
    expect(page.locator(".messagelist")).to_contain_text("created from the text")
    expect(page.locator(".messagelist li")).to_have_count(1)
    assert Article.objects.count() == releases + 1
    assert not Speaker.objects.filter(name__contains="Al-Raisy").exists()
    assert reported(page) == []
