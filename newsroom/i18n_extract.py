"""
Babel's extractor for Django templates (babel.cfg): the admin's own pages
are Django templates, which Babel's Jinja2 extractor cannot read. Django's
``templatize`` (what ``makemessages`` uses) turns a template into Python
whose gettext calls Babel's Python extractor then finds.
"""

import io

from babel.messages.extract import extract_python
from django.utils.translation.template import templatize


def extract_django(fileobj, keywords, comment_tags, options):
    encoding = options.get("encoding", "utf-8")
    source = templatize(fileobj.read().decode(encoding))
    return extract_python(io.BytesIO(source.encode(encoding)), keywords, comment_tags, options)
