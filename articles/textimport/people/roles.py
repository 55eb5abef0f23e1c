"""Roles read before a name ("Interior Minister of Albania") or after it ("Jurgen
Stock, Secretary General of INTERPOL"), kept whole ("U.S. Rep.").
"""

from __future__ import annotations

import re

from ..model import ParsedSpeaker
from ..vocabulary import (
    _OFFICE_HONORIFICS,
    _ROLE_CONNECTORS,
    _ROLE_WORDS,
    _SOCIAL_HONORIFICS,
    _STATUS_WORDS,
    _VERB,
)
from .names import _is_initial, _name_ish, _Tok


def _has_role_word(text: str) -> bool:
    return any(w.casefold().strip(".,’'") in _ROLE_WORDS | _STATUS_WORDS for w in text.split())


# "Jo Roe, Minister for Youth Affairs today announced …": when, after the role, is not it.
# (in lower case only: "editor of USA Today", "Director of Peace Now" are names)
_TRAILING_WHEN = re.compile(
    r"(?:\s+(?:today|yesterday|tonight|also|now|earlier|recently|"
    r"this\s+(?:morning|afternoon|evening|week)))+$"
)


def _clean_role(text: str) -> str:
    segments = [s.strip() for s in text.strip().strip(",").split(",") if s.strip()]
    # "Dr", "the Hon" and the like introduce the name; they are not the role.
    while segments:
        words = segments[-1].split()
        while words and words[-1].casefold().rstrip(".") in _SOCIAL_HONORIFICS | {"the"}:
            words.pop()
        if words:
            segments[-1] = " ".join(words)
            break
        segments.pop()
    while segments and not _has_role_word(segments[0]):
        segments.pop(0)
    if len(segments) > 1 and all(
        w.casefold().rstrip(".") in _OFFICE_HONORIFICS for w in segments[-1].split()
    ):
        segments.pop()
    role = ", ".join(segments)
    # "Today U.S. Senator Jo Example released …": when the sentence opens is not the role.
    role = re.sub(
        r"^(?:(?:the|a|an|in|at|of|and|for|to|by|with|today|yesterday|tonight|earlier|later|"
        # "That’s President Joe Biden": what the sentence says of the person, not the role
        r"recently|also|now|that[’']s|it[’']s|here[’']s|this\s+is)\s+)+",
        "",
        role,
        flags=re.IGNORECASE,
    )
    role = _TRAILING_WHEN.sub("", role)
    # "Stated Congresswoman Jo Roe.": the verb before the title is neither (but "Shared
    # Services Queensland chief executive" is a role).
    words = role.split()
    if len(words) > 1 and re.fullmatch(_VERB, words[0].lower()) and _has_role_word(words[1]):
        role = " ".join(words[1:])
    if not _has_role_word(role) or re.search(r"\boffice\s+of$", role, re.IGNORECASE):
        return ""  # "Media Adviser Office of Jo Example": the office's contact, not her role
    if " of " not in role:  # (not "Council of Rural Mayors")
        role = _PLURAL_TITLE.sub(_one_of_them, role)
    if " " in role:
        return role
    return _OFFICE_HONORIFICS.get(role.casefold().rstrip("."), role)  # "Sen." reads "Senator"


# "U.S. Senators Ann Brook and Jo Fenn", "Reps. Al Marsh and Bo Carter": each one of them.
_PLURAL_TITLE = re.compile(
    # (not "Speaker of the House of Representatives", "Board of Governors")
    r"(?<!\bof )(?<!\bthe )"
    r"(?:\b(Senator|Representative|Member|Minister|Governor|Mayor|Leader|Sen|Rep)s(\.?)$"
    r"|\b(Congress)(?:men|women)$)",
    re.IGNORECASE,
)


def _one_of_them(match: re.Match) -> str:
    if match.group(3):
        return match.group(0)[:-2] + "an"  # "Congressmen" → "Congressman"
    return match.group(1) + match.group(2)


def _walk_role(toks: list[_Tok], start: int, lo: int) -> str:
    """The job title written just before the name starting at ``start``."""
    if start - 1 >= lo and toks[start - 1].core in {"and", "&"}:
        return ""  # "…, CEO of Example Inc., and Jo Roe": the role before is another person's
    first = start
    j = start - 1
    while j >= lo and start - j <= 20:
        tok = toks[j]
        # ('…titled "Big Tech Crisis," Sen. Mike Lee': a closing mark ends what came before)
        if re.search(r"[.!?;:\"“”]", tok.trail) or tok.lead or not tok.core:
            break
        if not (
            tok.core[0].isupper()
            or tok.low in _ROLE_WORDS
            or tok.low in _ROLE_CONNECTORS
            or tok.core == "&"
        ):
            break
        if (
            _name_ish(tok)
            and not _is_initial(tok)
            and j > lo
            and not toks[j - 1].trail
            and (toks[j - 1].low in _ROLE_WORDS or toks[j - 1].low in _SOCIAL_HONORIFICS)
            and toks[j + 1].low not in _ROLE_WORDS
        ):
            break  # "Ranking Member Raskin and Vice Ranking Member X": another person
        if tok.low in {"and", "&"} and (
            _titled_name_before(toks, j, lo) or _name_opens_before(toks, j, lo)
        ):
            break  # "Foreign Minister Julie Bishop and Immigration Minister X": another person
        first = j
        j -= 1
    if first == start:
        return ""
    return _clean_role(" ".join(t.text for t in toks[first:start]))


def _titled_name_before(toks: list[_Tok], j: int, lo: int) -> bool:
    """Whether a title and a first name and surname stand just before ``j``."""
    if j - 3 < lo:
        return False
    first, last, title = toks[j - 2], toks[j - 1], toks[j - 3]
    return (
        _name_ish(first)
        and _name_ish(last)
        and first.low not in _ROLE_WORDS
        and last.low not in _ROLE_WORDS
        and title.low in _ROLE_WORDS | _SOCIAL_HONORIFICS
    )


def _name_opens_before(toks: list[_Tok], j: int, lo: int) -> bool:
    """Whether "and the" at ``j`` follows a first name and surname with nothing of a title
    before them: "met with Jo Roe and the Member for Example, Al Smith" (but "Minister for
    Communications, Information Technology and the Arts" is one office)."""
    if j - 3 < lo or j + 1 >= len(toks) or toks[j + 1].low != "the":
        return False
    before, first, last = toks[j - 3], toks[j - 2], toks[j - 1]
    if not all(_name_ish(t) and t.low not in _ROLE_WORDS and not t.trail for t in (first, last)):
        return False
    return (
        before.core[:1].islower()
        and not before.trail
        and before.low not in _ROLE_CONNECTORS
        and before.low not in _ROLE_WORDS
    )


# (not "head of shared services", "the small island states": words, not verbs)
_ROLE_ENDS_AT_VERB = re.compile(r"\s+(?:said|stated|told|wrote|added|tweeted|posted)\b")


def _apposition(toks: list[_Tok], segments: list[tuple[int, int]]) -> str:
    """The role given after the name: "Jurgen Stock, Secretary General of INTERPOL"."""
    parts = [" ".join(t.text for t in toks[a : b + 1]).strip(" ,") for a, b in segments]
    # "Al Roe, the mayor of Rivertown, agreed with her and said": the role ends at the verb.
    for index in range(1, len(parts)):
        if parts[index][:1].islower() and not _has_role_word(parts[index]):
            del parts[index:]
            break
    text = ", ".join(parts).strip(" ,.;:")
    # ("Robert Garcia, United States Border Patrol Swanton Sector stated on Twitter": the role
    # ends where the verb begins)
    text = _ROLE_ENDS_AT_VERB.split(text, maxsplit=1)[0]
    words = text.split()
    if not words:
        return ""
    first = words[0].casefold()
    if words[0][0].islower() and first not in {"a", "an", "the"} and first not in _ROLE_WORDS:
        return ""
    return _TRAILING_WHEN.sub("", re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE))


def _office_before(toks: list[_Tok], start: int) -> str:
    if start > 0:
        return _OFFICE_HONORIFICS.get(toks[start - 1].low, "")
    return ""


# The House's members go by any of these: "Rep. Jo Example" is "the Congresswoman" later.
_HOUSE_MEMBER = {"representative", "rep", "rep.", "congresswoman", "congressman"}


# Words that make an office another one: "the Minister" is not "the Deputy Minister".
_OFFICE_MODIFIERS = frozenset(
    [
        "deputy",
        "assistant",
        "prime",
        "foreign",
        "shadow",
        "vice",
        "junior",
        "former",
        "acting",
        "state",
    ]
)
_MODIFIED_OFFICE = re.compile(
    rf"\b(?:{'|'.join(sorted(_OFFICE_MODIFIERS))})\s+"
    r"(?:minister|senator|treasurer|premier|secretary|president|chairman|chair)\b"
)


def _bare_office(wanted: str, role: str) -> bool:
    """Whether ``role`` holds the office ``wanted`` without a word that makes it another."""
    for found in re.finditer(rf"\b{re.escape(wanted)}\b", role):
        before = role[: found.start()].split()
        if not before or before[-1] not in _OFFICE_MODIFIERS:
            return True
    return False


def _holds_office(wanted: str, role: str, office: str = "") -> bool:
    """Whether ``role`` (or ``office``) answers the reference ``wanted`` ("the Minister")."""
    role = role.casefold()
    if " " not in wanted and _MODIFIED_OFFICE.search(role) and not _bare_office(wanted, role):
        return False  # "the Minister" is not "the Deputy Minister of the Interior"
    if f"deputy {wanted}" in role and not wanted.startswith("deputy"):
        return False  # "the Prime Minister" is not the Deputy Prime Minister
    if wanted in role or wanted == office.casefold():
        return True
    words = {w.strip(".,") for w in role.split()} | {office.casefold()}
    other = {"congresswoman": "congressman", "congressman": "congresswoman"}.get(wanted)
    return wanted in _HOUSE_MEMBER and bool(words & (_HOUSE_MEMBER - {other}))


def _without_given_names(role: str, name: str) -> str:
    words, given = role.split(), set(name.split()[:-1])
    while len(words) > 1 and words[-1] in given:
        words.pop()
    return " ".join(words).rstrip(" ,")


def improve_role(speaker: ParsedSpeaker, role: str) -> None:
    """Keep the fullest role: "Senator" gives way to "Senator for Utah". A first name read
    as the role's last word ("Senator for South Australia Natasha" before "Stott Despoja
    said") is the name's."""
    role = _without_given_names(role, speaker.name)
    if not role:
        return
    current = speaker.role.casefold()
    if (
        not current
        or (current in _OFFICE_HONORIFICS and role.casefold() not in _OFFICE_HONORIFICS)
        or (current in role.casefold() and len(role) > len(current))
    ):
        speaker.role = role


# "PRIME MINISTER" / "THE HON. MALCOLM TURNBULL MP": the office a letterhead prints with a
# name, above it, below it ("THE HON. JO ROE MP" / "TREASURER") or before it on its line
# ("MINISTER FOR RIVERS  SENATOR THE HON. JO ROE").
_OFFICE_LINE = re.compile(
    r"^(?:(?:DEPUTY\s+)?PRIME MINISTER|TREASURER|ATTORNEY[- ]GENERAL|LEADER OF THE OPPOSITION"
    r"|(?:(?:SHADOW|ASSISTANT|ACTING|DEPUTY)\s+)*MINISTER\s+(?:FOR|OF)\s+"
    r"(?:(?!\s+(?:SENATOR\s+)?THE\s+HON\b|\s+(?:FEDERAL\s+)?MEMBER\s+FOR\b)[A-Z ,&'’-]){3,80}?)"
    r"(?=\s*$|\s+(?:SENATOR\s+)?THE\s+HON\b)"
)
_LOWER = frozenset({"for", "of", "and", "the", "on", "in"})


def _office_case(office: str) -> str:
    words = office.strip(" ,").split()
    return " ".join(
        w.lower() if k and w.lower() in _LOWER else "-".join(p.capitalize() for p in w.split("-"))
        for k, w in enumerate(words)
    )


def letterhead_offices(lines: list[str], names_in) -> dict[str, str]:
    """Each letterhead name's office: on its line before it, or on the line above or below it
    (whichever the letterhead's first name has: the layout holds for all of them)."""
    offices: dict[str, str] = {}
    named = {i: found[0] for i, line in enumerate(lines) if len(found := names_in(line)) == 1}
    office = [_OFFICE_LINE.fullmatch(" ".join(line.split())) for line in lines]
    for i, name in named.items():
        found = _OFFICE_LINE.match(" ".join(lines[i].split()))
        if found:
            offices[name] = _office_case(found.group(0))
    alone = [i for i, name in named.items() if name not in offices]
    if not alone:
        return offices
    step = -1 if alone[0] > 0 and office[alone[0] - 1] else 1
    for i in alone:
        k = i + step
        if 0 <= k < len(lines) and office[k] and k not in named:
            offices[named[i]] = _office_case(office[k].group(0))
    return offices
