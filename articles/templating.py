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

import jinja2
from django.conf import settings
from django.template import defaultfilters
from django.template.backends import jinja2 as django_jinja2
from django.utils import timezone, translation
from markupsafe import Markup

from articles import caching, links, metadata
from articles.models import theme_name

# Only these are the public site's; every other name (the admin's overrides,
# robots.txt, other apps' templates) falls through to Django's engine.
PUBLIC_TEMPLATES = ("articles/", "distribution/", "base.html", "403.html", "404.html", "500.html")


class PublicSiteLoader(jinja2.FileSystemLoader):
    def get_source(self, environment, template):
        if not template.startswith(PUBLIC_TEMPLATES):
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


class Template(django_jinja2.Template):
    @property
    def name(self):
        return self.origin.template_name

    def render(self, context=None, request=None):
        context = {} if context is None else context
        with links.render_scope():
            return super().render(context, request)


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


def gettext(message: str, /, **variables) -> Markup:
    """Jinja's new-style ``_()``: the translation, then the escaped ``%(name)s`` variables."""
    # The site's own catalogues are trusted markup, as in Jinja's i18n extension.
    return Markup(translation.gettext(message)) % variables  # noqa: S704


def ngettext(singular: str, plural: str, number: int, /, **variables) -> Markup:
    variables.setdefault("num", number)
    return Markup(translation.ngettext(singular, plural, number)) % variables  # noqa: S704


def url(name: str, *args, **kwargs) -> str:
    return links.reverse(name, args, kwargs)


def date(value, format_string=None) -> str:
    """Django's ``|date``, in the current time zone, as Django's templates show it."""
    return defaultfilters.date(timezone.template_localtime(value), format_string)


def cached_part(name: str, *parts, caller) -> Markup:
    """
    ``{% call cached_part("release", article.pk, article.fingerprint) %}…{% endcall %}``:
    the block as rendered before under the same name, parts and locale, or
    rendered now (articles.caching.fragment).
    """
    # The block was escaped when it was rendered; the cache keeps that markup.
    return Markup(caching.fragment(name, parts, caller))  # noqa: S704


def text_direction(language: str | None = None) -> str:
    """``rtl`` for Arabic, Hebrew, Persian…, else ``ltr``: the ``dir`` of ``lang``."""
    try:
        info = translation.get_language_info(language or translation.get_language() or "en")
    except KeyError:
        return "ltr"
    return "rtl" if info["bidi"] else "ltr"


def language_name(language: str) -> str:
    """A language's name in that language ("Français", "العربية"): the switcher's labels."""
    try:
        return defaultfilters.capfirst(translation.get_language_info(language)["name_local"])
    except KeyError:
        return language


def default_version(versions):
    """The hreflang x-default: the version in the site's default language, else the source."""
    for version in versions:
        if version.language == settings.LANGUAGE_CODE:
            return version
    return next((version for version in versions if version.source_id is None), versions[0])


def gettext_pattern(message: str) -> str:
    """A translated message whose %(name)s placeholders a loop fills in (``pattern % {...}``)."""
    return translation.gettext(message)


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
        text_direction=text_direction,
        language_name=language_name,
        default_version=default_version,
        gettext_pattern=gettext_pattern,
        absolute_url=metadata.absolute_url,
        og_image=metadata.og_image,
        release_json_ld=metadata.release_json_ld,
        cached_part=cached_part,
        theme_name=theme_name,
    )
    # Django's own filters, as its template engine has them.
    env.filters.update(
        date=date,
        truncatechars=defaultfilters.truncatechars,
        truncatewords=defaultfilters.truncatewords,
        capfirst=defaultfilters.capfirst,
    )
    return env
