"""Remembered URL reversal and cheap media URLs give exactly what Django would."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.template import engines
from django.template.loader import get_template
from django.test import override_settings
from django.urls import clear_script_prefix, set_script_prefix, set_urlconf
from django.urls import reverse as django_reverse

from articles import links
from articles.templating import Jinja2


def test_reverse_follows_the_language():
    from django.utils import translation

    assert links.reverse("articles:list") == "/"
    with translation.override("ar"):
        assert links.reverse("articles:list") == "/ar/"
        assert links.reverse("articles:detail", kwargs={"slug": "a"}) == "/ar/releases/a/"
    assert links.reverse("articles:detail", kwargs={"slug": "a"}) == "/releases/a/"


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("articles:list", None),
        ("articles:detail", {"slug": "european-regional-conference-tirana-2024"}),
        ("articles:theme", {"slug": "cybercrime"}),
        ("articles:speaker", {"slug": "valdecy-urquiza"}),
        ("articles:event_ics", {"slug": "tirana-2024"}),
    ],
)
def test_reverse_is_djangos(name, kwargs):
    assert links.reverse(name, kwargs=kwargs) == django_reverse(name, kwargs=kwargs)
    # The second answer comes from memory and is the same.
    assert links.reverse(name, kwargs=kwargs) == django_reverse(name, kwargs=kwargs)


def test_reverse_follows_the_script_prefix():
    plain = links.reverse("articles:detail", kwargs={"slug": "a"})
    set_script_prefix("/newsroom/")
    try:
        assert links.reverse("articles:detail", kwargs={"slug": "a"}) == "/newsroom" + plain
    finally:
        clear_script_prefix()
    assert links.reverse("articles:detail", kwargs={"slug": "a"}) == plain


def test_reverse_follows_the_urlconf():
    set_urlconf("tests.urls_mounted")
    try:
        assert links.reverse("articles:list") == "/mounted/"
    finally:
        set_urlconf(None)
    assert links.reverse("articles:list") == "/"


@pytest.mark.parametrize(
    "name",
    [
        "renditions/ab/cd/photo-480.webp",
        "gallery/2024/Tirana conference (1).jpg",
        "gallery/2024/Конференция é#?.jpg",
        "gallery/.hidden/photo.jpg",
    ],
)
def test_media_url_is_what_the_file_system_storage_would_give(name, tmp_path, settings):
    for base_url in ("/media/", "https://media.example.org/newsroom/"):
        settings.MEDIA_URL = base_url
        storage = FileSystemStorage(location=tmp_path, base_url=base_url)
        assert links.media_url(name) == storage.url(name)


def test_media_urls_are_the_access_checks_on_object_storage_too(settings):
    # Never the bucket's own (signed, expiring) URL: pages are cached.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "press-photos", "querystring_auth": True},
        },
    }
    assert links.media_url("gallery/a/b.jpg") == "/media/gallery/a/b.jpg"


def test_a_share_pages_media_urls_carry_its_grant():
    with links.media_grant("abc:signed"):
        assert links.media_urls(["a.jpg", "b.webp"]) == [
            "/media/a.jpg?grant=abc:signed",
            "/media/b.webp?grant=abc:signed",
        ]
    assert links.media_url("a.jpg") == "/media/a.jpg"


@override_settings(MEDIA_URL="/files/")
def test_media_url_follows_media_url_setting():
    assert links.media_url("renditions/x.webp") == "/files/renditions/x.webp"


def test_public_templates_are_jinja2_and_the_admins_are_djangos():
    assert isinstance(get_template("articles/article_detail.html").backend, Jinja2)
    assert isinstance(get_template("base.html").backend, Jinja2)
    admin = get_template("admin/base_site.html")
    assert admin.backend is engines["django"]
    assert get_template("robots.txt").backend is engines["django"]


def test_public_templates_escape_everything_a_user_typed():
    html = engines["jinja2"].from_string("{{ title }}").render({"title": '<b onclick="x">'})
    assert html == "&lt;b onclick=&#34;x&#34;&gt;"
