"""Statements signed by a surname alone: "“…,” Graham said." under "The bill's authors
released the following statements:", and "“…,” said Sanders" under "NEWS: Sanders Offers …"."""

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


# "NEWS: Sanders Offers Resolution …": the member a feed's title opens with, doing something.
# ("Medicare Turns 59 …", "Amazon Settles …" have no label: a company's or a program's name)
_TITLE_SUBJECT = re.compile(
    r"^(?:NEWS|PRESS RELEASE|STATEMENT|ICYMI|PREPARED REMARKS|REMARKS):\s*"
    r"(?P<who>[A-Z][a-z]{2,})\s+[A-Z][a-z]+s\b"
)


def title_member(title: str, paragraphs: Iterable[str]) -> str:
    """The member a feed's title names, when the text has them say something ("“…,” said
    Sanders"; not "According to Sanders Farms"): a person, though named by a surname alone."""
    subject = _TITLE_SUBJECT.match(title)
    if subject is None:
        return ""
    word = subject.group("who")
    # (or speak under their surname: "Sanders: “…”")
    said = re.compile(rf"\bsaid {word}\b|\b{word} said\b|^{word}:\s*[“\"]")
    return word if any(said.search(p) for p in paragraphs) else ""
