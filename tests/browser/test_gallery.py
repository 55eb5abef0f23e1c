"""The release page's gallery and its lightbox, as a reader uses them."""

import re

import pytest
from playwright.sync_api import expect

from articles.demo import CAPTIONS, PHOTO_COUNT
from tests.browser.pages import open_lightbox, wait_until

pytestmark = pytest.mark.browser

CREDIT = "Newsroom demo (generated image)"
FOCUS_IN_DIALOG = "document.activeElement.closest('dialog.lightbox') !== null"


def open_release(page, demo):
    response = page.goto(demo.url(demo.release_path))
    assert response.ok
    links = page.locator(".gallery__link")
    expect(links).to_have_count(PHOTO_COUNT)
    return links


def counter(page):
    return page.locator(".lightbox__counter")


def test_lightbox_opens_on_click_and_moves_with_keys_and_buttons(page, demo):
    links = open_release(page, demo)
    assert page.locator("dialog").count() == 1
    expect(page.get_by_role("dialog")).to_have_count(0)

    links.first.click()
    dialog = page.get_by_role("dialog", name="Photo viewer")
    expect(dialog).to_be_visible()
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")
    expect(dialog.locator(".lightbox__text")).to_have_text(CAPTIONS[0])
    expect(dialog.locator(".lightbox__credit")).to_have_text(f"Photo: {CREDIT}")

    page.keyboard.press("ArrowRight")
    expect(counter(page)).to_have_text(f"2 / {PHOTO_COUNT}")
    expect(dialog.locator(".lightbox__text")).to_have_text(CAPTIONS[1])
    page.keyboard.press("ArrowLeft")
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")

    dialog.get_by_role("button", name="Next photo").click()
    expect(counter(page)).to_have_text(f"2 / {PHOTO_COUNT}")
    dialog.get_by_role("button", name="Previous photo").click()
    dialog.get_by_role("button", name="Previous photo").click()
    # Wrap-around: before the first photo comes the last.
    expect(counter(page)).to_have_text(f"{PHOTO_COUNT} / {PHOTO_COUNT}")
    expect(dialog.locator(".lightbox__text")).to_have_text(CAPTIONS[-1])
    page.keyboard.press("Home")
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")
    page.keyboard.press("End")
    expect(counter(page)).to_have_text(f"{PHOTO_COUNT} / {PHOTO_COUNT}")
    page.keyboard.press("ArrowRight")
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    wait_until(page, "document.activeElement === document.querySelector('.gallery__link')")


def test_counter_is_a_polite_live_region_and_controls_have_names(page, demo):
    open_release(page, demo).first.click()
    expect(counter(page)).to_have_attribute("aria-live", "polite")
    dialog = page.get_by_role("dialog", name="Photo viewer")
    for name in ("Close", "Previous photo", "Next photo"):
        expect(dialog.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(dialog.get_by_role("link", name=re.compile("^Download original"))).to_have_attribute(
        "href", re.compile(r"^/media/gallery/.+\.jpg$")
    )


def test_large_image_is_the_webp_rendition_with_its_size_reserved(page, demo):
    links = open_release(page, demo)
    second = links.nth(1)
    second.click()
    image = page.locator(".lightbox__image")
    expect(image).to_have_attribute("alt", second.locator("img").get_attribute("alt"))
    expect(image).to_have_attribute("width", second.get_attribute("data-width"))
    expect(image).to_have_attribute("height", second.get_attribute("data-height"))
    wait_until(page, "document.querySelector('.lightbox__image').naturalWidth > 0")
    current = page.evaluate("document.querySelector('.lightbox__image').currentSrc")
    assert re.search(r"/media/renditions/.+-\d+w\.webp$", current)
    expect(image).to_have_attribute("src", second.get_attribute("href"))


def test_focus_moves_in_is_trapped_and_returns_to_the_opening_thumbnail(page, demo):
    links = open_release(page, demo)
    third = links.nth(2)
    third.focus()
    page.keyboard.press("Enter")
    expect(counter(page)).to_have_text(f"3 / {PHOTO_COUNT}")
    assert page.evaluate(FOCUS_IN_DIALOG)

    seen = []
    for _ in range(9):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_IN_DIALOG), f"Tab left the dialog after {seen}"
        seen.append(page.evaluate("document.activeElement.className"))
    # Close, previous, next and the download link, round and round.
    assert len(set(seen)) == 4
    assert seen[:4] == seen[4:8]
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUS_IN_DIALOG), "Shift+Tab left the dialog"

    page.get_by_role("button", name="Close").click()
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    wait_until(page, "document.activeElement === document.querySelectorAll('.gallery__link')[2]")


def test_space_on_a_thumbnail_opens_the_lightbox_too(page, demo):
    links = open_release(page, demo)
    links.nth(4).focus()
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    expect(counter(page)).to_have_text(f"5 / {PHOTO_COUNT}")
    page.keyboard.press("Escape")
    # Space opened the photo instead of scrolling the page.
    assert page.evaluate("window.scrollY") == scrolled


def test_backdrop_click_closes_and_page_scroll_is_locked_while_open(page, demo):
    open_release(page, demo)
    open_lightbox(page)
    overflow = "getComputedStyle(document.documentElement).overflow"
    assert page.evaluate(overflow) == "hidden"

    # A click on the photo itself keeps the lightbox open.
    page.locator(".lightbox__image").click()
    expect(page.locator("dialog.lightbox")).to_be_visible()

    page.locator(".lightbox__stage").click(position={"x": 4, "y": 4})
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    wait_until(page, f"{overflow} !== 'hidden'")


def test_without_javascript_thumbnails_link_to_the_large_renditions(new_page, demo):
    page = new_page(java_script_enabled=False)
    links = open_release(page, demo)
    expect(page.locator(".gallery__link picture img")).to_have_count(PHOTO_COUNT)
    for href in [links.nth(i).get_attribute("href") for i in range(PHOTO_COUNT)]:
        assert re.fullmatch(r"/media/renditions/.+\.jpe?g", href), href
    assert page.locator("dialog").count() == 0
    assert page.locator("[role=dialog]").count() == 0

    response = page.request.get(demo.url(links.first.get_attribute("href")))
    assert response.ok
    assert response.headers["content-type"] == "image/jpeg"


def swipe(page, *, from_x, to_x, y):
    """A finger drag, sent as real touch input so the browser makes the pointer events."""
    cdp = page.context.new_cdp_session(page)
    cdp.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]}
    )
    steps = 8
    for step in range(1, steps + 1):
        x = from_x + (to_x - from_x) * step / steps
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_swipe_on_a_touch_screen_moves_between_photos(new_page, demo):
    page = new_page(width=375, height=740, has_touch=True, is_mobile=True)
    links = open_release(page, demo)
    links.first.tap()
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")
    box = page.locator(".lightbox__stage").bounding_box()
    y = box["y"] + box["height"] / 2

    swipe(page, from_x=box["x"] + box["width"] * 0.8, to_x=box["x"] + box["width"] * 0.2, y=y)
    expect(counter(page)).to_have_text(f"2 / {PHOTO_COUNT}")
    expect(page.locator(".lightbox__text")).to_have_text(CAPTIONS[1])

    swipe(page, from_x=box["x"] + box["width"] * 0.2, to_x=box["x"] + box["width"] * 0.8, y=y)
    expect(counter(page)).to_have_text(f"1 / {PHOTO_COUNT}")
    expect(page.locator("dialog.lightbox")).to_be_visible()


def largest_candidate(srcset):
    return max(
        (candidate.split() for candidate in srcset.split(",")), key=lambda c: int(c[1][:-1])
    )[0]


def test_neighbouring_photos_are_fetched_before_they_are_shown(page, demo):
    links = open_release(page, demo)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_lightbox(page)
    page.wait_for_load_state("networkidle")

    # At 1280 px wide the lightbox wants the largest WebP rendition.
    def webp_srcset(link):
        return link.locator("source[type='image/webp']").get_attribute("srcset")

    for neighbour in (links.nth(1), links.nth(PHOTO_COUNT - 1)):
        wanted = largest_candidate(webp_srcset(neighbour))
        assert demo.url(wanted) in requested, wanted
    assert demo.url(largest_candidate(webp_srcset(links.nth(5)))) not in requested


@pytest.mark.parametrize(
    ("motion", "animation"), [("reduce", "none"), ("no-preference", "lightbox-in")]
)
def test_lightbox_fades_in_only_for_readers_who_accept_motion(new_page, demo, motion, animation):
    page = new_page(reduced_motion=motion)
    open_release(page, demo).first.click()
    expect(page.locator("dialog.lightbox")).to_have_css("animation-name", animation)
