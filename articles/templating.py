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

import jinja2
from django.template.backends import jinja2 as django_jinja2
from django.test.signals import template_rendered
from django.utils import dateformat, timezone, translation
from django.utils.text import Truncator

from articles import links, metadata

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


def url(name: str, *args, **kwargs) -> str:
    return links.reverse(name, args, kwargs)


def date(value, format_string: str = "j F Y") -> str:
    """Django's ``|date``: in the current time zone, month names translated."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if format_string == "c":  # ISO 8601, as Django's "c"; the most used on the site
        return value.isoformat()
    return dateformat.format(value, format_string)


def truncatechars(value, length: int) -> str:
    return Truncator(value).chars(length)


def truncatewords(value, length: int) -> str:
    return Truncator(value).words(length, truncate=" …")


def gettext_pattern(message: str) -> str:
    """A translated message whose %(name)s placeholders a loop fills in (``pattern % {...}``)."""
    return translation.gettext(message)


def capfirst(value) -> str:
    value = str(value)
    return value[:1].upper() + value[1:]


def environment(**options) -> jinja2.Environment:
    options.pop("autoescape", None)  # always on: every string a user typed is escaped
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    env.globals.update(
        url=url,
        static=links.static,
        get_language=translation.get_language,
        gettext_pattern=gettext_pattern,
        absolute_url=metadata.absolute_url,
        og_image=metadata.og_image,
        release_json_ld=metadata.release_json_ld,
    )
    env.filters.update(
        date=date,
        truncatechars=truncatechars,
        truncatewords=truncatewords,
        capfirst=capfirst,
    )
    return env
