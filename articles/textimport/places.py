"""Words that name a place of issue, and those that never do: what the dateline stage and
its sign-off part share."""

from __future__ import annotations

import re

from .vocabulary import _MONTHS, _WEEKDAYS, _words

_DATELINE_STOP = (
    _words(
        """
    media release press news statement update advisory joint embargo embargoed note editors
    editor immediate for contact contacts breaking alert notice exclusive photo video audio
    transcript speech interview opinion analysis background summary ends end today covid
    details what when where who why
    """
    )
    | _WEEKDAYS
    | frozenset(_MONTHS)
)


def _no_place(words: str) -> bool:
    """Whether the words before a dash or a date name something other than a place: "MEDIA
    RELEASE", "UPDATE", a month or a weekday."""
    return any(w in _DATELINE_STOP for w in re.split(r"[\s.\-’']+", words.casefold()) if w)


def city_name(city: str) -> str:
    """ "THE HAGUE" reads "The Hague"; a city written in mixed case is kept as written."""
    if city.upper() != city:
        return city
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), city.lower())


def named_as_person(surname: str, text: str) -> bool:
    """Whether the text gives ``surname`` after a title ("Mr Roe", "Senator Jo Roe"): a
    person, not a place."""
    titled = (
        rf"\b(?:Mr|Mrs|Ms|Dr|Senator|Sen|Minister)\.?\s+(?:[A-Z][a-z]+\s+)?{re.escape(surname)}\b"
    )
    return bool(re.search(titled, text))


# The capital cities a release is issued from, as a letterhead or a sign-off prints them.
_CAPITALS = _words("canberra sydney melbourne brisbane perth adelaide hobart darwin")


def place_before_date(above: str) -> str:
    """ "… SHADOW MINISTER FOR TRANSPORT Canberra" / "23 September, 1981": a capital city in
    small letters ending the letterhead's line in capitals, the date on the line below (not
    "FEDERAL MEMBER FOR MELBOURNE", "Member for Sydney" or "PO Box 123 Melbourne": an
    electorate, an office, an address)."""
    words = above.split()
    if len(words) < 3:
        return ""
    last, before = words[-1].strip(".,"), words[-2]
    if last.casefold() not in _CAPITALS or not last.istitle():
        return ""
    if not (before.isalpha() and before.isupper()) or before in {"FOR", "OF", "IN", "AT"}:
        return ""
    return last


# "PRESS RELEASE the senate P.R. NO. 8 5/167  .  CANBERRA": a release's label line ending in
# the capital it was issued from (not "… FEDERAL MEMBER FOR MELBOURNE", an electorate).
# (the capital after a reference or a speck, not after a word: "FOR NORTH SYDNEY")
_LABEL_THEN_CAPITAL = re.compile(
    r"^(?:PRESS|MEDIA|NEWS)\s+(?:RELEASE|STATEMENT)\b.*\s[^\sA-Za-z]+\s+(?P<place>[A-Z]{4,})[\s.,]*$"
)


def place_ending_label(line: str) -> str:
    found = _LABEL_THEN_CAPITAL.match(line[:200])
    if found and found.group("place").casefold() in _CAPITALS:
        return found.group("place")
    return ""
