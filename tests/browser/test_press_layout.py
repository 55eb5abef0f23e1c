"""Issue 15's layout details, measured in the browser on a phone and a desktop."""

import pytest

from tests.browser.pages import open_lightbox, visit

pytestmark = pytest.mark.browser


def test_phone_header_is_under_a_fifth_of_the_screen(new_page, demo):
    page = new_page(width=375, height=667)
    visit(page, demo, "release")
    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= 667 / 5
    # The breadcrumbs keep their distance from it.
    gap = page.locator(".breadcrumbs").bounding_box()["y"] - height
    assert gap >= 8


def test_phone_gallery_is_a_compact_grid_with_captions_in_the_lightbox(new_page, demo):
    page = new_page(width=375, height=667)
    visit(page, demo, "release")
    first, second, third = (page.locator(".gallery__item").nth(n) for n in range(3))
    boxes = [item.bounding_box() for item in (first, second, third)]
    assert len({round(box["y"]) for box in boxes}) == 1, "three thumbnails to a row"
    assert boxes[0]["height"] < 150
    assert not page.locator(".gallery__caption").first.is_visible() or (
        page.locator(".gallery__caption").first.bounding_box()["height"] <= 1
    )
    open_lightbox(page)
    assert page.locator(".lightbox__text").is_visible()
    assert page.locator(".lightbox__credit").is_visible()


def test_lightbox_backdrop_is_opaque(new_page, demo):
    page = new_page(width=1280, height=800)
    visit(page, demo, "release")
    open_lightbox(page)
    background = page.evaluate(
        "getComputedStyle(document.querySelector('dialog.lightbox')).backgroundColor"
    )
    assert background.startswith("rgb(") and "rgba" not in background


def test_speaker_names_are_visibly_links(page, demo):
    visit(page, demo, "release")
    link = page.locator(".quote__name a").first
    decoration = link.evaluate("el => getComputedStyle(el).textDecorationLine")
    color = link.evaluate("el => getComputedStyle(el).color")
    text = page.locator(".quote__role").first.evaluate("el => getComputedStyle(el).color")
    assert "underline" in decoration and color != text
