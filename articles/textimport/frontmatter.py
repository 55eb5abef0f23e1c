"""Front matter: a block of metadata a harvester put above the release.

Files harvested from catalogues (Trove's parliamentary press releases among them) open with a
YAML block between two "---" lines: the cataloguer's title, the date, the creators, the
source, subjects and links. None of it is the release's text; the headline is the one printed
in the body, so the block is dropped; its date is kept, as a feed's "Date:" is, and the people
among its creators ("Downer, Alexander"), whose names the letterhead may give alone.
"""

from __future__ import annotations

import re

from .model import Draft, Notes
from .vocabulary import _short

_FENCE = "---"
_MAX_LINES = 60
# "title: …", "trove_url: http://…", "subjects:"; "- "Downer, Alexander"" under a key.
_KEY = re.compile(r"^[A-Za-z_][\w-]{0,40}:(?:\s.*)?$")
_ITEM = re.compile(r"^-\s+\S")
_DATE = re.compile(r"^date:\s*[\"']?([^\"']+?)[\"']?\s*$", re.IGNORECASE)


def drop(draft: Draft, notes: Notes) -> None:
    """Drop a front-matter block opening the text; keep its date."""
    lines = draft.lines
    if len(lines) < 3 or lines[0] != _FENCE:
        return
    end = next((i for i in range(1, min(len(lines), _MAX_LINES)) if lines[i] == _FENCE), None)
    if end is None or not _KEY.match(lines[1]):
        return
    block = lines[1:end]
    if not all(_KEY.match(line) or _ITEM.match(line) for line in block):
        return
    key = ""
    for line in block:
        found = _DATE.match(line)
        if found and not draft.meta_date:
            draft.meta_date = found.group(1)
        if _KEY.match(line):
            key = line.split(":", 1)[0].casefold()
        elif key == "creators":
            draft.issuers += _person(line)
    notes.drop(f"front matter: {_short(' | '.join(block))}")
    draft.lines = lines[end + 1 :]


_SURNAME_FIRST = re.compile(r"^-\s+[\"']?([^\"',]+),\s*([^\"',]+?)[\"']?\s*$")


def _person(line: str) -> list[str]:
    """ "- "Downer, Alexander"" names Alexander Downer; "- "Liberal Party"" names no person."""
    found = _SURNAME_FIRST.match(line)
    return [f"{found.group(2).strip()} {found.group(1).strip()}"] if found else []
