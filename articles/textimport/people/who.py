"""The name and role in the words around an attribution verb ("X, ROLE, said",
"said ROLE X", "according to X"), or a reference to someone ("she", "the Minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import (
    _CONTEXT_STARTERS,
    _PRONOUNS,
    _ROLE_CONNECTORS,
    _ROLE_WORDS,
    _words,
)
from .joint import _joint_names
from .names import (
    _PAREN_TAG,
    _is_initial,
    _name_ish,
    _segments,
    _Tok,
    _tokens,
)
from .roles import _apposition, _has_role_word, _office_before, _walk_role
from .segments import (
    _name_in_segment,
    _title_word,
    _titles_or_initials,
)


@dataclass
class _Who:
    name: str = ""
    role: str = ""
    office: str = ""
    single: bool = False
    titled: bool = False  # a surname alone after a title: "Mr. Example", "General Roe"
    ref: str = ""
    ref_text: str = ""
    context: str = ""
    unless_unknown: bool = False  # a bare word: no one when the text never names that person


def _name_of_organisation(toks: list[_Tok], lo: int, hi: int):
    """The name in a segment, and the organisation when it reads "NAME of the ORGANISATION"."""
    found = _name_in_segment(toks, lo, hi)
    cut = next((k for k in range(lo + 1, hi) if toks[k].core in {"of", "from", "at"}), None)
    if cut is None or (found and found[0] < cut):
        return found, ""
    head = _name_in_segment(toks, lo, cut - 1)
    if not head or head[2]:
        return found, ""
    words = [t.text for t in toks[cut + 1 : hi + 1]]
    if words and words[0].casefold() == "the":
        words = words[1:]
    return head, " ".join(words).strip(" ,.;:")


_PLURAL_NOUN = re.compile(r"(?:ers|ents|ants|ors|ists|ees|ies|ans|ives)$")


def _first_name_from_town(toks: list[_Tok], segments: list[tuple[int, int]]) -> _Who | None:
    """ "Paul from Barre, VT": a constituent the release names by first name and town."""
    if not 1 <= len(segments) <= 2 or len(toks) < 3 or toks[1].core != "from":
        return None
    first, hi = toks[0], segments[0][1]
    if first.trail or not _name_ish(first) or _is_initial(first) or first.low in _PLURAL_ROLES:
        return None
    if _PLURAL_NOUN.search(first.low):
        return None  # "Residents from Barre, VT", "Veterans from …": people, not a name
    town = toks[2 : hi + 1]
    if not town or len(town) > 3 or not all(t.core[:1].isupper() for t in town):
        return None
    if len(segments) == 2:
        state = toks[segments[1][0] : segments[1][1] + 1]
        if len(state) > 2 or not all(t.core[:1].isupper() for t in state):
            return None
    place = " ".join(t.text for t in toks[2:]).strip(" ,.;:")
    return _Who(name=first.core, role=f"from {place}", single=True)


_ABOUT_STARTERS = _CONTEXT_STARTERS | _words("of about regarding")

# "said Rep. Jo Example (VT-.": a party and state tag the scrape cut before its bracket closed.
_OPEN_TAG = re.compile(r"\s*\([^()\s]{1,12}$")


def _name_after_series(toks: list[_Tok], segments: list[tuple[int, int]]) -> _Who | None:
    """ "said Parks, Roads, and Ferries Subcommittee Chairman Jo Roe": a series of capitalised
    words, its last after "and", names the body in the role of the person it ends with."""
    if len(segments) < 3 or toks[segments[-1][0]].core not in {"and", "&"}:
        return None
    for lo, hi in [*segments[:-1], (segments[-1][0] + 1, segments[-1][0] + 1)]:
        words = toks[lo : hi + 1]
        if hi - lo > 3 or not all(t.core[:1].isupper() and not t.lead for t in words):
            return None
        if any(_title_word(t) or t.low in _ROLE_WORDS for t in words):
            return None  # "said Reps. Roe, Poe, and Chairman …": people, not a body's name
        found = _name_in_segment(toks, lo, hi)
        if found and not found[2]:
            return None  # "said Jo Roe, Al Poe, and …"
    lo, hi = segments[-1]
    found = _name_in_segment(toks, lo + 1, hi)
    if not found or found[1] != hi or found[2] or not _walk_role(toks, found[0], lo + 1):
        return None
    start, end, _ = found
    name = " ".join(t.core for t in toks[start : end + 1])
    role = " ".join(t.text for t in toks[:start]).strip(" ,")
    return _Who(name=name, role=role, office=_office_before(toks, start))


# "a representative of Example Group", "an employee of the Department", "one of the
# organisers": someone the text does not name, whatever body it names after them (but "a
# spokesman for the Minister, Jo Roe" names her after the comma).
_UNNAMED = re.compile(
    r"^(?:a|an|one|another)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:of|for|from|at|with)\s", re.IGNORECASE
)


# "the Hon. MiJ.R. MacKellar": a scan read the first initial's stop as a letter.
_SCANNED_INITIALS = re.compile(r"\b([A-Z])[il]((?:[A-Z]\.){2,})(?=\s+[A-Z])")


_TRAILING_TIME = re.compile(
    r"(?<=\w),?\s+(?:today|yesterday|tonight|(?:this|last)\s+(?:week|month|year|morning|"
    r"afternoon|evening|night))$"
)


def _parse_who(text: str, *, after_verb: bool) -> _Who | None:
    """Read a name and role from the words around an attribution verb."""
    text = _SCANNED_INITIALS.sub(r"\1.\2", _OPEN_TAG.sub("", _PAREN_TAG.sub("", text)))
    text = " ".join(text.split()).strip(" ,.;:–—-")
    if not text or len(text) > 300:
        return None
    text = _TRAILING_TIME.sub("", text)  # "Governor Al Roe last week": when, not who
    if text.casefold() in _PRONOUNS:
        return _Who(ref="pronoun")
    if _UNNAMED.match(text) and "," not in text:
        # "said a representative of Standing Together": no one the text names
        return _Who(ref="unnamed", ref_text=f"“{text}”")
    words = text.split()
    if 2 <= len(words) <= 6 and words[-1] in _PRONOUNS and words[0].casefold() in _CONTEXT_STARTERS:
        # "In April he said": when, then the pronoun.
        when = " ".join(words[:-1]).strip(" ,")
        return _Who(ref="pronoun", context=when[:1].lower() + when[1:])
    if after_verb and (delegation := _DELEGATION.match(text)):
        # "wrote the Vermont congressional delegation to Senate Majority Leader …": several
        # people at once, writing to another
        return _Who(ref="joint", ref_text=f"the {delegation.group('group')}")
    if len(words) > 1 and words[-1].casefold() == "they":
        # "In the letter from Baldwin, Kind, Moore and Pocan, they said": several people.
        return _Who(ref="joint", ref_text=f"several people (“{text}”)")
    toks = _tokens(text)
    segments = _segments(toks)
    resident = _first_name_from_town(toks, segments)
    if resident is not None:
        return resident
    if after_verb:
        named = _name_after_series(toks, segments)
        if named is not None:
            return named
    order = segments if after_verb else list(reversed(segments))
    if not after_verb and len(segments) > 1:
        # "Joe Maxwell, Executive Director of the Organization for Competitive Markets, said":
        # a segment that is a name and nothing else is the person, the rest their role.
        # "Of the bill, Ryan Walker, Vice President of …, said": after a phrase saying what
        # the words are about, the next segment.
        first = 1 if toks[segments[0][0]].low in _ABOUT_STARTERS and len(segments) > 2 else 0
        lo, hi = segments[first]
        found = _name_in_segment(toks, lo, hi)
        if found and not found[2] and _titles_or_initials(toks, lo, found[0]):
            order = [segments[first], *order]
    if not after_verb and len(segments) > 1 and order[0] == segments[-1]:
        # "Speaking at a meeting with the Association of Victoria, the Minister said": the
        # subject is the office next to the verb, not a name in the phrase before it.
        office = _office_reference(toks, *segments[-1])
        if office:
            return _Who(ref="role", ref_text=office)
    body = False
    for lo, hi in order:
        found, organisation = _name_of_organisation(toks, lo, hi)
        if not found:
            continue
        start, end, single = found
        if _after_the(toks, start, end, lo):
            body = True
            continue  # "according to the Washington Post": a newspaper, a company, not a person
        index = segments.index((lo, hi))
        joint = _joint_names(toks, segments, index, start, end)
        if joint:
            # "said Senators A and B", "A and B said": a statement of both, not the second's.
            return _Who(ref="joint", ref_text=joint)
        following = segments[index + 1 :]
        apposition = _apposition(toks, following) if following else ""
        context = ""
        if after_verb:
            role = _walk_role(toks, start, lo) or apposition or organisation
        else:
            role = apposition or _walk_role(toks, start, 0) or organisation
            # "In the letter, Stefanik states": the opening phrase says where it was said.
            if index > 0 and toks[segments[0][0]].low in _CONTEXT_STARTERS:
                words = " ".join(t.text for t in toks[segments[0][0] : segments[index - 1][1] + 1])
                words = words.strip(" ,")
                context = words[:1].lower() + words[1:]
        name = " ".join(t.core for t in toks[start : end + 1])
        return _Who(
            name=name,
            role=role,
            office=_office_before(toks, start),
            single=single,
            titled=single and start > 0 and _title_word(toks[start - 1]),
            context=context,
        )
    if body and after_verb and len(segments) == 1:
        # '…,” said the Northeast Dairy Farmers Cooperatives.': a body's words, no one's
        return _Who(ref="body", ref_text=f"“{text}”")
    reference = re.sub(r"^(?:the|this|that|our)\s+", "", text, flags=re.IGNORECASE)
    plural = bool(reference) and reference.split()[-1].casefold().rstrip(".") in _PLURAL_ROLES
    if len(reference.split()) <= 6 and (plural or _has_role_word(reference)):
        if plural:
            # "wrote the Senators", "the lawmakers stated": several people at once.
            return _Who(ref="joint", ref_text=f"the {reference}")
        return _Who(ref="role", ref_text=reference)
    return None


# The last word of a body's name: "the Northeast Dairy Farmers Cooperatives", "the Sydney
# Morning Herald" (not "the Gumbaynggirr Elder Jo Roe", a person).
_BODY_WORDS = _words(
    "cooperative cooperatives co-operative association associations federation council union "
    "unions institute alliance society foundation network coalition party company corporation "
    "inc ltd llc bank agency commission committee board authority service services centre "
    "center university college club league trust fund project forum chamber bureau group "
    "herald post times tribune gazette journal news review press guardian telegraph mail "
    "age australian courier examiner chronicle observer"
)


def _after_the(toks: list[_Tok], start: int, end: int, lo: int) -> bool:
    """Whether "the" stands before the name and the capitalised words before it, none a
    title: "said the Northeast Dairy Farmers Cooperatives" names a body (but "the Hon Jo
    Roe" and "the Labor Senator Jo Roe" a person)."""
    j = start - 1
    body_word = toks[end].low in _BODY_WORDS
    while (
        body_word
        and j > lo
        and toks[j].core[:1].isupper()
        and not toks[j].trail
        and not _title_word(toks[j])
    ):
        if re.search(r"['’]s?$", toks[j].text):
            return False  # "Fix the Court's Gabe Roth": the body's person, named
        j -= 1
    if j < 0 or toks[j].low != "the" or toks[j].trail:
        return False
    # ("Senator for the ACT Zed Seselja": "the" inside the office before the name)
    return j == start - 1 or j == 0 or toks[j - 1].low not in _ROLE_CONNECTORS


def _office_reference(toks: list[_Tok], lo: int, hi: int) -> str:
    """ "the Minister", "the Minister for Immigration": an office named with its article."""
    words = [t.text.strip(" ,") for t in toks[lo : hi + 1]]
    if len(words) < 2 or len(words) > 7 or words[0].casefold() != "the":
        return ""
    rest = " ".join(words[1:])
    if rest.split()[-1].casefold().rstrip(".") in _PLURAL_ROLES or not _has_role_word(rest):
        return ""
    return rest if rest.split()[0].casefold().rstrip(".") in _ROLE_WORDS else ""


_DELEGATION = re.compile(
    # (not "the delegation leader, Sen. Jo Roe": one person)
    r"^(?:the|this|our)\s+(?P<group>(?:[A-Z][\w.'’-]*\s+)?(?:[a-z]+\s+)?delegations?)"
    r"(?=\s*$|\s+(?:to|from|in|at|on)\b)",
    re.IGNORECASE,
)
_PLURAL_ROLES = _words(
    """senators representatives congressmen congresswomen members lawmakers legislators
    ministers leaders governors mayors chairs judges justices officials"""
)
