"""The public pages run without console errors and fit phone and desktop screens."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.demo import PHOTO_COUNT
from tests.browser.pages import PUBLIC_PAGES, load_lazy_images, open_lightbox, visit

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
MIN_TAP_TARGET_PX = 44


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_runs_without_console_errors(page, demo, name):
    visit(page, demo, name)
    load_lazy_images(page)
    if name == "release":
        # Every large photo in the lightbox loads, not only the first.
        open_lightbox(page)
        for number in range(2, PHOTO_COUNT + 1):
            page.keyboard.press("ArrowRight")
            expect(page.locator(".lightbox__counter")).to_have_text(f"{number} / {PHOTO_COUNT}")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Escape")
    assert page.problems.messages == []


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_home_release_and_lightbox(new_page, demo, width):
    """Leaves screenshots in test-output/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(width=width, height=812 if width < 600 else 800, reduced_motion="reduce")

    visit(page, demo, "home")
    assert fits_the_width(page), "the home page scrolls sideways"
    page.screenshot(path=SCREENSHOTS / f"home-{width}.png", full_page=True)

    visit(page, demo, "release")
    load_lazy_images(page)
    assert fits_the_width(page), "the release page scrolls sideways"
    page.screenshot(path=SCREENSHOTS / f"release-{width}.png", full_page=True)

    open_lightbox(page)
    viewport = page.viewport_size
    dialog = page.locator("dialog.lightbox").bounding_box()
    assert (dialog["width"], dialog["height"]) == (viewport["width"], viewport["height"])
    image = page.locator(".lightbox__image").bounding_box()
    assert image["x"] >= 0 and image["x"] + image["width"] <= viewport["width"]
    assert image["y"] >= 0 and image["y"] + image["height"] <= viewport["height"]
    expect(page.locator(".lightbox__counter")).to_be_in_viewport()
    expect(page.locator(".lightbox__text")).to_be_in_viewport()
    for button in page.locator(".lightbox__button").all():
        box = button.bounding_box()
        assert box["width"] >= MIN_TAP_TARGET_PX and box["height"] >= MIN_TAP_TARGET_PX
    page.screenshot(path=SCREENSHOTS / f"lightbox-{width}.png")
