"""Words into tokens, and the run of capitalised words that makes a name.

Names are runs of capitalised words that are not organisation, role or
sentence words ("Security Works", "Crime Bureau" are organisations); "Minister
of Albania Taulant Balla" is a role before the two words of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import (
    _ABBREVIATIONS,
    _CONNECTORS,
    _NOT_NAME,
    _OFFICE_HONORIFICS,
    _PARTICLES,
    _ROLE_WORDS,
    _SOCIAL_HONORIFICS,
    _STATUS_WORDS,
    _words,
)

_PAREN_TAG = re.compile(r"\s*\([^()]{0,40}\)")
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


@dataclass
class _Tok:
    text: str
    core: str
    lead: str
    trail: str

    @property
    def low(self) -> str:
        return self.core.casefold().rstrip(".")


def _tokens(text: str) -> list[_Tok]:
    out = []
    for match in re.finditer(r"\S+", text):
        raw = match.group(0)
        i, j = 0, len(raw)
        while i < j and raw[i] in "“\"‘'([{«„":
            i += 1
        while j > i and raw[j - 1] in "”\"’'),;:!?]}»…":
            j -= 1
        core = raw[i:j]
        # A full stop belongs to the word only for initials and abbreviations.
        if core.endswith(".") and not (
            _INITIAL.fullmatch(core) or core[:-1].casefold() in _ABBREVIATIONS
        ):
            core = core[:-1]
            j -= 1
        out.append(_Tok(raw, core, raw[:i], raw[j:]))
    return out


def _is_initial(tok: _Tok) -> bool:
    return bool(_INITIAL.fullmatch(tok.core))


def _name_ish(tok: _Tok) -> bool:
    core = tok.core
    if not core or tok.lead:
        return False
    if _is_initial(tok):
        return True
    if not core[0].isupper() or not any(c.islower() for c in core):
        return False
    if any(c.isdigit() for c in core) or core.endswith(("’s", "'s")):
        return False
    return tok.low not in _NOT_NAME


def _walk_name(toks: list[_Tok], end: int, lo: int) -> int:
    """Index of the first word of the name ending at ``end`` (inclusive)."""
    start = end
    j = end - 1
    while j >= lo and end - start < 3:
        tok = toks[j]
        if tok.trail:
            break
        particle = (
            tok.low in _PARTICLES
            and j - 1 >= lo
            and _name_ish(toks[j - 1])
            and not toks[j - 1].trail
        )
        if not (particle or _name_ish(tok) or _initials_unstopped(toks, j, end, lo)):
            break
        start = j
        j -= 1
    # "Minister of Albania Taulant Balla", "Minister for Veterans’ Affairs Darren
    # Chester": a capitalised run after "of" or after another capitalised word
    # begins with the role's object, so only the last two words are the person.
    if end - start >= 2 and j >= lo and "," not in toks[j].trail:
        stop = toks[j]
        # "…, Jo Roe (R-ID), and Catherine Cortez Masto": "and" ending a list of names.
        listed = j > lo and "," in toks[j - 1].trail
        if (stop.low in _CONNECTORS and not listed) or (
            stop.core[:1].isupper()
            and stop.low not in _ROLE_WORDS
            and stop.low not in _SOCIAL_HONORIFICS
            and stop.low not in _OFFICE_HONORIFICS
        ):
            start = end - 1
    if end - start >= 2 and toks[start].low in _STATUS_WORDS:
        start += 1  # "Survivor Jo Roe": what she is, then her name
    if start == end and j >= lo and _first_name_that_is_a_word(toks, j, lo):
        start = j  # "Member for Maribyrnong, Bill Shorten"
    if all(_is_initial(t) for t in toks[start : end + 1]):
        return end + 1
    if (
        start < end
        and toks[start].low in _MONTHS
        and start > 0
        and toks[start - 1].low in _BEFORE_A_MONTH
        and not toks[start - 1].trail
    ):
        start += 1  # "In April Lee visited …": the month, then the name
    return start


_MONTHS = _words(
    "january february march april may june july august september october november december"
)
_BEFORE_A_MONTH = _words("in since until by during last next early late mid from through")


def _initials_unstopped(toks: list[_Tok], j: int, end: int, lo: int) -> bool:
    """ "said RL Miller": two capitals without stops, right before a surname that follows
    nothing capitalised, are the person's initials."""
    core = toks[j].core
    if len(core) != 2 or not (core.isalpha() and core.isupper()) or end - j != 1:
        return False
    return j == lo or toks[j - 1].core[:1].islower() or bool(toks[j - 1].trail)


# First names that are also words kept out of names ("the Bill"): a first name only right
# before a surname, where a name may start (after a comma, a title or a lower-case word).
_FIRST_NAMES_THAT_ARE_WORDS = frozenset({"Bill"})
_DETERMINERS = _words("the a an this that these those his her their our its my your")


def _first_name_that_is_a_word(toks: list[_Tok], j: int, lo: int) -> bool:
    tok = toks[j]
    if tok.core not in _FIRST_NAMES_THAT_ARE_WORDS or tok.trail or tok.lead:
        return False
    if j == lo:
        return True
    before = toks[j - 1]
    return (
        "," in before.trail
        or before.low in _ROLE_WORDS
        or before.low in _SOCIAL_HONORIFICS
        or before.low in _OFFICE_HONORIFICS
        or (before.core[:1].islower() and before.low not in _DETERMINERS)
    )


def _segments(toks: list[_Tok]) -> list[tuple[int, int]]:
    segments = []
    start = 0
    for i, tok in enumerate(toks):
        if "," in tok.trail or i == len(toks) - 1:
            segments.append((start, i))
            start = i + 1
    return segments


# A short first name whose full form starts with another letter: "R.J. Ellicott" is "Bob".
_SHORT_FORMS = {
    "bob": "r",
    "bobby": "r",
    "dick": "r",
    "bill": "w",
    "billy": "w",
    "ted": "e",
    "ned": "e",
    "peggy": "m",
    "polly": "m",
    "sandy": "a",
    "jack": "j",
    "hank": "h",
}


def _initials_of(first_name: str, short_forms: bool = True) -> str:
    """The initials a first name may be written with: its own, and its full form's."""
    name = first_name.casefold()
    return name[:1] + (_SHORT_FORMS.get(name, "") if short_forms else "")
