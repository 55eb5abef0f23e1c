"""Statements signed by a surname alone: "“…,” Graham said." under "The bill's authors
released the following statements:"."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SIGNED_BY_SURNAME = re.compile(
    r"(?:^|[”\"]\s*)(?P<surname>[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)?)\s+(?i:said|says|stated|added)\.?$"
)


def signing_surnames(paragraphs: Iterable[str], names: list[str]) -> set[str]:
    """The surnames (case aside) that sign statements at the end of their paragraphs, when
    three or more of the surnames signing so are people the text names in full: then
    the others signing the same way are people too, though the text never gives their first
    names ("Graham said." beside "Durbin said." and "Senator Dick Durbin")."""
    found = [m.group("surname") for p in paragraphs if (m := _SIGNED_BY_SURNAME.search(p.rstrip()))]
    if len(found) < 3:
        return set()
    full = {n.split()[-1].casefold() for n in names if len(n.split()) > 1}
    named = [s for s in found if s.casefold() in full]
    return {s.casefold() for s in found} if len(named) >= 3 else set()
