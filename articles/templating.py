"""
The public site's template engine: Jinja2, through Django's own backend.

The public pages are the hot path (a release page with a 13-photo gallery
makes about 500 variable lookups); Jinja2 compiles templates to Python and
renders them several times faster than Django's engine, which keeps the
admin's templates (``admin/…``) and everything that is not the public site.
Templates keep Django's names and places (``templates/base.html``,
``templates/articles/…``); the helpers below give them what Django's tags
and filters gave: ``url()``, ``static()``, gettext, ``|date`` and the page
metadata (canonical URL, OpenGraph image, JSON-LD).
"""

from __future__ import annotations

import datetime
import gettext as gettext_module
import weakref
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

import jinja2
from django.conf import settings
from django.template.backends import jinja2 as django_jinja2
from django.test.signals import template_rendered
from django.utils import dateformat, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import trans_real
from markupsafe import Markup

from articles import gallery, links, metadata

# Only these are the public site's; every other name (the admin's overrides,
# robots.txt, other apps' templates) falls through to Django's engine.
PUBLIC_TEMPLATES = ("articles/", "base.html", "403.html", "404.html", "500.html")


class PublicSiteLoader(jinja2.FileSystemLoader):
    def get_source(self, environment, template):
        if not template.startswith(PUBLIC_TEMPLATES):
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


class Template(django_jinja2.Template):
    """Also tells Django's test client what it rendered, as Django's engine does."""

    @property
    def name(self):
        return self.origin.template_name

    def render(self, context=None, request=None):
        context = {} if context is None else context
        with links.render_scope(), locale_scope():
            html = super().render(context, request)
        # A no-op unless a test client is listening.
        template_rendered.send(sender=self, template=self, context=context)
        return html


class Jinja2(django_jinja2.Jinja2):
    def __init__(self, params):
        params = params.copy()
        params["OPTIONS"] = {
            "environment": "articles.templating.environment",
            "loader": PublicSiteLoader(params.get("DIRS", [])),
            **params.get("OPTIONS", {}),
        }
        super().__init__(params)

    def get_template(self, template_name):
        return Template(super().get_template(template_name).template, self)

    def from_string(self, template_code):
        return Template(super().from_string(template_code).template, self)


class _Locale(NamedTuple):
    catalog: gettext_module.NullTranslations
    translated: dict[str, str]  # the catalogue's answers so far, by message
    timezone: datetime.tzinfo

    def gettext(self, message: str) -> str:
        try:
            return self.translated[message]
        except KeyError:
            found = self.translated[message] = self.catalog.gettext(message)
            return found


# Each catalogue's translations, remembered: a page asks for the same few
# dozen messages, and a catalogue answers through a chain of fallbacks.
_translated: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

# The language and time zone of the page being rendered (see locale_scope()).
_locale: ContextVar[_Locale | None] = ContextVar("newsroom_locale", default=None)


def _active_locale() -> _Locale:
    catalog = trans_real.catalog() if settings.USE_I18N else gettext_module.NullTranslations()
    translated = _translated.get(catalog)
    if translated is None:
        translated = _translated[catalog] = {}
    return _Locale(catalog, translated, timezone.get_current_timezone())


@contextmanager
def locale_scope():
    """
    Within one page's rendering, find the active language's catalogue and the
    current time zone once. Django looks both up in context-locals on every
    call, and a page translates about 45 strings and formats 15 dates.
    """
    token = _locale.set(_active_locale())
    try:
        yield
    finally:
        _locale.reset(token)


def _current() -> _Locale:
    return _locale.get() or _active_locale()


def gettext(message: str, /, **variables) -> Markup:
    """Jinja's new-style ``_()``: the translation, then the escaped ``%(name)s`` variables."""
    # The site's own catalogues are trusted markup, as in Jinja's i18n extension.
    return Markup(_current().gettext(message)) % variables  # noqa: S704


def ngettext(singular: str, plural: str, number: int, /, **variables) -> Markup:
    variables.setdefault("num", number)
    return Markup(_current().catalog.ngettext(singular, plural, number)) % variables  # noqa: S704


def url(name: str, *args, **kwargs) -> str:
    return links.reverse(name, args, kwargs)


# Django's own message ids for the month names of the "F" date format.
_MONTHS = dict(
    enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
)


def date(value, format_string: str = "j F Y") -> str:
    """Django's ``|date``: in the current time zone, month names translated."""
    if value is None or value == "":
        return ""
    locale = _current()
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(locale.timezone)
    # The site's formats, written out (dateformat.format() parses the format
    # string and translates through lazy strings on each call).
    if format_string == "c":
        return value.isoformat()
    if format_string == "j F Y":
        month = locale.gettext(_MONTHS[value.month])
        return f"{value.day} {month} {value.year:04d}"
    if format_string == "Y-m-d":
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return dateformat.format(value, format_string)


def truncatechars(value, length: int) -> str:
    return Truncator(value).chars(length)


def truncatewords(value, length: int) -> str:
    return Truncator(value).words(length, truncate=" …")


def gettext_pattern(message: str) -> str:
    """A translated message whose %(name)s placeholders a loop fills in (``pattern % {...}``)."""
    return _current().gettext(message)


def capfirst(value) -> str:
    value = str(value)
    return value[:1].upper() + value[1:]


def environment(**options) -> jinja2.Environment:
    options.pop("autoescape", None)  # always on: every string a user typed is escaped
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    # The i18n extension's new-style gettext, without its wrappers: gettext()
    # and ngettext() above escape and fill in variables themselves.
    env.newstyle_gettext = True
    env.globals.update(
        _=gettext,
        gettext=gettext,
        ngettext=ngettext,
        url=url,
        static=links.static,
        get_language=translation.get_language,
        gettext_pattern=gettext_pattern,
        absolute_url=metadata.absolute_url,
        og_image=metadata.og_image,
        release_json_ld=metadata.release_json_ld,
        gallery_figures=gallery.gallery_figures,
    )
    env.filters.update(
        date=date,
        truncatechars=truncatechars,
        truncatewords=truncatewords,
        capfirst=capfirst,
    )
    return env
