"""
axe-core on the public pages: no serious or critical violations.

axe-core comes inside the axe-playwright-python wheel and is injected into the
page, so the checks need no network.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.pages import PUBLIC_PAGES, open_lightbox, visit

pytestmark = pytest.mark.browser

AXE = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    results = AXE.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"])
        for v in blocking
    )
    return blocking, report


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_serious_axe_violations(page, demo, name):
    visit(page, demo, name)
    if name != "release":
        # The check covers a filled page, not an empty list or "no results".
        expect(page.locator(f"main a[href^='{demo.release_path}']").first).to_be_visible()
    blocking, report = blocking_violations(page)
    assert not blocking, report


def test_release_page_with_the_lightbox_open_has_no_serious_axe_violations(page, demo):
    visit(page, demo, "release")
    open_lightbox(page)
    blocking, report = blocking_violations(page)
    assert not blocking, report


def test_the_check_reports_a_planted_violation(page, demo):
    """Guards against a check that silently passes: an unnamed button is critical."""
    visit(page, demo, "home")
    page.evaluate("document.querySelector('main').append(document.createElement('button'))")
    blocking, report = blocking_violations(page)
    assert "button-name" in {v["id"] for v in blocking}, report
