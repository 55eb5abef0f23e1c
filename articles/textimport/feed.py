"""A part of the debris stage: a scraped feed item's metadata ("Title:", "Date:", "Subtitle:")
and the tails feed summaries end with ("The post … appeared first on …", "Read more")."""

from __future__ import annotations

import re

from .model import Draft, Notes
from .vocabulary import _short

_META = re.compile(
    r"^(Title|Date|Published|Link|URL|Tags|PR Tag|Issues|Content)\s*:\s*(.*)$", re.IGNORECASE
)
_POST_FOOTER = re.compile(
    r"\s*(?:The post|Articolul|L[’']article|Der Beitrag|La entrada)\s.{1,300}?\s"
    r"(?:appeared first on|apare prima dată în|est apparu en premier sur|erschien zuerst auf|"
    r"se publicó primero en)\s.{1,120}$"
)
_READ_MORE_TAIL = re.compile(
    r"\s*(?:Read more|Continue reading|Mai mult|Lire la suite|Weiterlesen|Leer más)\s*[.…»›>]*$",
    re.IGNORECASE,
)


# A feed item's "Subtitle:" line: a standfirst the content below usually repeats.
SUBTITLE = re.compile(r"^Subtitle\s*:\s*(.*)$", re.IGNORECASE)
_CONTENT_LINES = 200


def subtitle(line: str, below: list[str], notes: Notes) -> str:
    """The subtitle's words when the content does not repeat them, else nothing (dropped)."""
    value = " ".join(SUBTITLE.match(line).group(1).split())
    content = " ".join(" ".join(below[:_CONTENT_LINES]).split())  # the item's, not the feed's
    if not value or value in content:
        notes.drop(_short(line))
        return ""
    return value


def take_meta(draft: Draft, notes: Notes, line: str, *, before: list[str]) -> bool:
    """Take a "Title:" only in the first item: a later item's title is not this release's."""
    match = _META.match(line)
    if not match:
        return False
    key, value = match.group(1).casefold(), match.group(2).strip()
    if key == "title" and value and not draft.meta_title and not before:
        draft.meta_title = " ".join(value.split())
    elif key in {"date", "published"} and value and not draft.meta_date:
        draft.meta_date = value
    notes.drop(_short(line))
    return True


def strip_feed_tails(draft: Draft, notes: Notes) -> None:
    """Drop "The post … appeared first on …" and "Read more" from feed summaries."""
    kept = []
    for paragraph in draft.paragraphs:
        for pattern in (_POST_FOOTER, _READ_MORE_TAIL):
            match = pattern.search(paragraph)
            if match:
                notes.drop(_short(match.group(0).strip()))
                paragraph = paragraph[: match.start()].rstrip()
        if paragraph:
            kept.append(paragraph)
    draft.paragraphs = kept
