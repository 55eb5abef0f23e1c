from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every test writes uploads and renditions to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Query counts are measured on the uncached path; cache tests use ``page_cache``."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 3600


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED
