"""The rich-text allow-list: what a release body may contain after saving."""

import re

import nh3

from articles.text import clean_long_text, clean_one_line

# The editor offers exactly these; anything else (scripts, styles, event
# handlers, iframes, classes, and dir, <bdo> and <bdi>, which reorder text) is
# removed on save, whatever path the HTML took.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "History": True,
}

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "u", "s", "sub", "sup", "h2", "h3", "h4",
    "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


# A tag in the cleaner's output, which always double-quotes attribute values
# and escapes "<" in text.
_TAG = re.compile(r'(<[^>"]*(?:"[^"]*"[^>"]*)*>)')


def sanitize_body(html: str) -> str:
    """Return ``html`` reduced to the allow-list; an empty editor gives ""."""
    parts = _TAG.split(_cleaner.clean(html or ""))
    # Text between tags follows the long-text rule (articles.text), each run
    # on its own, so that no direction leaks past a tag; attribute values
    # (href, title) are one line.
    parts[::2] = map(clean_long_text, parts[::2])
    parts[1::2] = map(clean_one_line, parts[1::2])
    cleaned = "".join(parts).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
