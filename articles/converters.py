"""Path converters of the public site's addresses."""

from django.urls.converters import StringConverter


class PrintableConverter(StringConverter):
    """
    Any text but "/" and control characters: theme slugs (django-taggit keeps
    non-ASCII letters) and share tokens. No stored value holds a control
    character, and PostgreSQL refuses NUL in a text parameter outright, so
    such an address is not found rather than a database error.
    """

    regex = r"[^/\x00-\x1f\x7f]+"
