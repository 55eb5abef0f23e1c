"""
Browser tests: Playwright for Python driving Debian's Chromium against
pytest-django's live server, with the demo release loaded.

The demo (13 generated photos and their renditions) takes seconds to build, so
it is built once per session: its files stay in one media folder for all
browser tests, and its rows are dumped to a fixture that each test loads into
its freshly flushed database.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEMO_PHOTO_SIZE = (1200, 800)


@pytest.fixture(scope="session", autouse=True)
def _sync_orm_beside_playwright():
    """
    Playwright's sync API keeps an event loop in the main thread, so Django
    would refuse the ORM calls that tests and database teardown make there.
    Nothing here is async: the live server answers from its own threads.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package: chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, browser_media_root):
    """Overrides the per-test media folder: the demo's files serve every browser test."""
    settings.MEDIA_ROOT = browser_media_root


@pytest.fixture(scope="session")
def demo_dump(django_db_setup, django_db_blocker, browser_media_root, tmp_path_factory):
    """The demo's rows as a fixture file; the database itself is left as it was."""
    from articles.demo import load_demo

    path = tmp_path_factory.mktemp("browser-demo") / "demo.json"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=browser_media_root),
        transaction.atomic(),
    ):
        load_demo(photo_size=DEMO_PHOTO_SIZE)
        call_command(
            "dumpdata", "articles", "taggit", natural_foreign=True, output=str(path), verbosity=0
        )
        transaction.set_rollback(True)
    return path


@dataclass
class Demo:
    base_url: str
    release_path: str

    def url(self, path):
        return self.base_url + path


@pytest.fixture
def demo(live_server, demo_dump):
    from articles.demo import DEMO_SLUG
    from articles.models import Article

    call_command("loaddata", str(demo_dump), verbosity=0)
    release = Article.objects.get(slug=DEMO_SLUG)
    return Demo(base_url=live_server.url, release_path=release.get_absolute_url())


class PageProblems:
    """Console errors and uncaught exceptions seen by a page."""

    def __init__(self, page):
        self.messages = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_pageerror)

    def _on_console(self, message):
        if message.type == "error":
            location = message.location.get("url", "")
            self.messages.append(f"console error: {message.text} ({location})")

    def _on_pageerror(self, error):
        self.messages.append(f"uncaught exception: {error}")


@pytest.fixture
def new_page(browser):
    """Opens a page in a new browser context (viewport, touch, JavaScript on/off)."""
    contexts = []

    def open_page(*, width=1280, height=800, **context_options):
        context = browser.new_context(
            viewport={"width": width, "height": height}, **context_options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.problems = PageProblems(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
