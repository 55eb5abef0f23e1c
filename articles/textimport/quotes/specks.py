"""A scan's specks around an attribution: after the name that ends it ("said Mr West. â€ â€."),
or after the colon that introduces a quotation ("said: . ..")."""

from __future__ import annotations

import re

from ..people import _parse_who, _Who


def _before_specks(words: str) -> _Who | None:
    """The name before a stop that only specks follow ("Mr West. â€ â€")."""
    head, _, tail = words.partition(". ")
    while tail:
        if not re.search(r"[A-Za-z]{2}", tail):
            return _parse_who(head, after_verb=True)
        more, _, tail = tail.partition(". ")
        head = f"{head}. {more}"
    return None


_SPECKS_AFTER_COLON = re.compile(r":[\s.·,'‘’…-]+$")
