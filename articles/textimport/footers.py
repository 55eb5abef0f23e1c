"""A part of the debris stage: the page headers and footers a printed or scanned release
repeats down its text ("Authorised by …", "Page 2 of 3", a letterhead's address)."""

from __future__ import annotations

import re

from .embeds import SIGNATURE as _SIGNATURE

_DIGITS = re.compile(r"\d+")


def _footer_key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def _repeated_footers(lines: list[str]) -> set[str]:
    """Short lines repeated down the text, as page headers and footers are.

    A title and its copy below the letterhead both sit at the top, so a line
    counts only when it recurs beyond the first lines; and words repeated
    inside sentences (a link's text on its own line) are no footer.
    """
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        # An embedded post's signature ("— Name (@handle)") and its date below it recur with
        # each post: they are the posts' own, which the embeds stage reads, not a footer.
        if _SIGNATURE.match(line) or (index and _SIGNATURE.match(lines[index - 1])):
            continue
        # A footer is a line of its own, not one ending on a comma that a sentence continues.
        if len(line) <= 120 and not any(c in line for c in '“”"') and line[-1] not in ",;:(-–—":
            seen.setdefault(_footer_key(line), []).append(index)
    footers = set()
    for key, where in seen.items():
        if len(where) < 2 or (len(where) == 2 and (where[1] < 15 or where[1] - where[0] < 8)):
            continue
        if _FOOTER_WORDS.search(key) or all(_standalone(lines, i) for i in where):
            footers.add(key)
    return footers


_FOOTER_WORDS = re.compile(r"authori[sz]ed|page|www\.|@|©|copyright|\||media contact", re.I)


def _standalone(lines: list[str], index: int) -> bool:
    before = lines[index - 1] if index else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    ends = not before or before[-1] in '.!?”"’:)' or before.isupper()
    # ("Sen. Lee" / ': "Why not …': a transcript's speaker, the line below going on with a
    # colon, recurs as often as a footer but is none)
    return ends and not after[:1].islower() and after[:1] not in ",;:.)”’"
