"""The subscribe page on a phone and a desktop: it fits, can be filled in, says what happens."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.mark.parametrize("width", [375, 1280])
def test_subscribing_on_a_phone_and_a_desktop(new_page, demo, width, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(width=width, height=812 if width < 600 else 800)
    page.goto(demo.url("/"))
    page.get_by_role("link", name="E-mail alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("E-mail alerts")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The trap for bots is out of sight and out of the keyboard's way.
    expect(page.locator("#id_website")).not_to_be_in_viewport()
    page.screenshot(path=SCREENSHOTS / f"subscribe-{width}.png", full_page=True)

    # Sent without a choice: the page says what is missing and keeps the address.
    page.get_by_label("Your e-mail address").fill("reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_text("Choose at least one theme, or every press release.")).to_be_visible()
    expect(page.get_by_label("Your e-mail address")).to_have_value("reader@example.org")
    page.screenshot(path=SCREENSHOTS / f"subscribe-errors-{width}.png", full_page=True)

    page.get_by_label("cybercrime", exact=False).first.check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert page.problems.messages == []
