"""The public templates' helpers answer as Django's own tags and filters would."""

from datetime import UTC, date, datetime

import pytest
from django.template import engines
from django.urls import clear_script_prefix, set_script_prefix
from django.utils import dateformat, timezone, translation

from articles import links


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


MOMENTS = [datetime(2024, month, 1 + month, 23, 30, tzinfo=UTC) for month in range(1, 13)]


@pytest.mark.parametrize("language", ["en", "fr", "de", "ar", "sq"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Tirane", "America/Los_Angeles"])
def test_dates_are_djangos_in_every_language_and_time_zone(language, zone):
    with translation.override(language), timezone.override(zone):
        for moment in MOMENTS:
            local = timezone.localtime(moment)
            for fmt in ("j F Y", "c", "Y-m-d", "j F Y, H:i T"):
                expected = dateformat.format(local, fmt)
                assert render("{{ d|date(f) }}", d=moment, f=fmt) == expected
            day = local.date()
            assert render("{{ d|date('j F Y') }}", d=day) == dateformat.format(day, "j F Y")
            assert render("{{ d|date('Y-m-d') }}", d=day) == dateformat.format(day, "Y-m-d")


def test_an_empty_date_is_empty():
    assert render("[{{ d|date('j F Y') }}]", d=None) == "[]"


def test_translations_follow_the_active_language_on_every_render():
    template = '{{ _("January") }} {{ date|date("j F Y") }}'
    moment = date(2024, 1, 5)
    assert render(template, date=moment) == "January 5 January 2024"
    with translation.override("fr"):
        assert render(template, date=moment) == "janvier 5 janvier 2024"
    with translation.override("de"):
        assert render(template, date=moment) == "Januar 5 Januar 2024"
    assert render(template, date=moment) == "January 5 January 2024"


def test_translated_messages_escape_their_variables():
    html = render('{{ _("Results for %(q)s", q=q) }}', q='<script>"x"</script>')
    assert html == "Results for &lt;script&gt;&#34;x&#34;&lt;/script&gt;"


def test_plural_messages_count_and_name_their_number():
    template = (
        '{{ ngettext("%(n)s release", "%(n)s releases", n, n=n) }}|'
        '{{ ngettext("one", "%(num)s", 3) }}'
    )
    assert render(template, n=1) == "1 release|3"
    assert render(template, n=4) == "4 releases|3"


def test_urls_in_a_render_follow_the_script_prefix_of_that_render():
    template = "{{ url('articles:detail', slug='a') }}"
    plain = render(template)
    set_script_prefix("/newsroom/")
    try:
        assert render(template) == "/newsroom" + plain
    finally:
        clear_script_prefix()
    assert render(template) == plain
    # Nothing of a render's scope outlives it.
    assert links.reverse("articles:detail", kwargs={"slug": "a"}) == plain
