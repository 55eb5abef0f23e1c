"""The public pages the browser checks visit, and how a reader gets to them."""

import re
import time

from playwright.sync_api import expect

from articles.demo import PHOTO_COUNT

# By the design's URL contract, for the demo's theme, speaker and event.
# "release" stands for the demo release, whose URL comes from the model.
PUBLIC_PAGES = {
    "home": "/",
    "release": "release",
    "theme": "/themes/organized-crime/",
    "speaker": "/speakers/jurgen-stock/",
    "event": "/events/european-regional-conference-2024/",
    "search": "/search/?q=police",
}


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """
    page.wait_for_function(), polled from here: Playwright polls a string
    expression with eval() inside the page, which the site's CSP (no
    'unsafe-eval') forbids whenever the condition is not already true.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def visit(page, demo, name):
    path = PUBLIC_PAGES[name]
    if path == "release":
        path = demo.release_path
    response = page.goto(demo.url(path))
    assert response is not None and response.status == 200, (
        f"the {name} page {path} answered {response.status if response else 'nothing'}"
    )
    return response


def load_lazy_images(page):
    """Scrolls down the page so that lazy images load, then back to the top."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
                window.scrollTo(0, y);
                await new Promise((resolve) => requestAnimationFrame(resolve));
            }
            window.scrollTo(0, 0);
        }"""
    )
    wait_until(page, "[...document.images].every((img) => img.complete)")


def open_lightbox(page, index=0):
    page.locator(".gallery__link").nth(index).click()
    # "1 / 13", or "1 من 13" on an Arabic page.
    expect(page.locator(".lightbox__counter")).to_have_text(
        re.compile(rf"^{index + 1} (/|من) {PHOTO_COUNT}$")
    )
    wait_until(
        page,
        "(() => { const img = document.querySelector('.lightbox__image');"
        " return img.complete && img.naturalWidth > 0"
        " && !img.classList.contains('lightbox__image--loading'); })()",
    )
