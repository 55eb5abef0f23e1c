"""An attribution without a verb after a quotation: '“…,” Jo Example, President of X.'

A quotation closed by a comma, then a full name and a role in the same sentence and
nothing else: the press officer left out "said", the name is the speaker's. A
quotation that opens its paragraph and ends with its own full stop may be signed the
same way when the name and role end the paragraph ('“….” Jo Example, President, X'),
as endorsements are printed below a bill's announcement.
"""

from __future__ import annotations

import re

from ..people import _parse_who, _Who
from .scan import _Span

_NAME_AND_ROLE = re.compile(
    r"^(?P<who>(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+,\s+[A-Z][^“”\"]{2,120})$"
)


def name_and_role_after(span: _Span, clause: str, rest: str = "") -> _Who | None:
    if not span.pieces:
        return None
    last = span.pieces[-1].rstrip()
    signed = last.endswith((".", "!", "?")) and not span.prefix.strip() and not rest.strip()
    if not last.endswith(",") and not signed:
        return None
    match = _NAME_AND_ROLE.match(clause)
    if not match:
        return None
    who = _parse_who(match.group("who"), after_verb=True)
    if who is None or not who.name or who.single or not who.role:
        return None
    return who
