"""Words credited to a person without a verb of saying next to them: a person's statement
named by a noun ("Secretary X's declaration in 2014 that “…”", "Mr X's media release
concluded, “…”"), and the agent of a passive
whose participle quotes them ("the policy articulated by Secretary X in 2011, stating, “…”").
"""

from __future__ import annotations

import re

from ..people import _parse_who, _Who

# "in 2011", "last year", "on Monday": when, after the name.
_WHEN = r"(?:\s+(?:in|on|last|this|earlier)\s+[\w]+(?:\s+\d{4})?)?"
_POSSESSIVE_STATEMENT = re.compile(
    r"(?:^|\b(?:and|that|with)\s+|[;,]\s+)(?P<who>[A-Z][^,;“”\"]{1,80}?)['’]s\s+"
    r"(?:(?:famous|recent|own|public|earlier|[a-z]{3,})\s+)?"
    r"(?:declaration|statement|words|remarks|comments?|assertion|promise|pledge|warning|"
    r"message|observation|admission|insistence|reminder|(?:media |press )?release|speech|"
    r"response|reply|answer)"
    # "Mr X's media release concluded, “…”": the document's verb after it; "Senator X's limp
    # response was to put off action:", what it was.
    rf"{_WHEN}(?:\s+(?:concluded|concludes|said|says|stated|states|read|reads|noted|added)"
    r"|\s+(?:was|is)\s+[^“”\":;]{1,80}?(?=:))?"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
_PASSIVE_AGENT = re.compile(
    r"\b[a-z]{3,}(?:ed|en)\s+by\s+(?P<who>[A-Za-z][^,;“”\"]{1,80}?)"
    rf"{_WHEN},?\s+(?:saying|writing|stating|declaring|noting|adding)\s*[:,]?\s*$"
)


def credited(sentence: str) -> _Who | None:
    """The person whose words the quotation after ``sentence`` is, by a noun or a passive."""
    for pattern in (_POSSESSIVE_STATEMENT, _PASSIVE_AGENT):
        match = pattern.search(sentence)
        if match:
            who = _parse_who(match.group("who"), after_verb=True)
            if who is not None and who.name:
                return who
    return None
