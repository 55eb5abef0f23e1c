"""Every name the text mentions ("ROLE First Last", "First Last, the ROLE,"), with its
place, to complete surnames and answer role references."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import _NOT_NAME
from .names import _is_initial, _name_ish, _Tok, _tokens, _walk_name
from .roles import _has_role_word, _office_before, _walk_role


@dataclass
class _Mention:
    name: str
    role: str
    office: str
    para: int
    pos: int
    # Named at the opening of a quotation ("“Amanda Vanstone’s claim …"): only completes the
    # surname of another paragraph's speaker, not of whoever speaks the words.
    quoted: bool = False


_CAPITAL = re.compile(r"[A-Z]")
_NICKNAME = re.compile(r"\b([A-Z][a-z]+) \(([A-Z][a-z]+)\)(?= [A-Z][a-z])")


def _nick(match: re.Match) -> str:
    """ "Muttiah (Murali) Muralitharan" without the nickname; not "Ana Roe (Chair) Bo Carter"
    or "Senator Ana Roe (Liberal) Tasmania": a role or a party after a surname."""
    before = match.string[max(0, match.start() - 30) : match.start()].split()
    # (a title before the first name is no surname: "Dr. Margaret (Peggy) Roe")
    surname = (
        before and before[-1][:1].isupper() and before[-1].casefold().rstrip(".") not in _NOT_NAME
    )
    after = match.string[match.end() :].split()[:1]  # ("Chairman Roe (Utah) Director Al …")
    if match.group(2).casefold() in _NOT_NAME or surname or after[0].casefold() in _NOT_NAME:
        return match.group(0)
    return match.group(1)


# After the first capital, a capital in a later word: each word is read once.
_CAPITAL_IN_A_LATER_WORD = re.compile(r"\s\S*?[A-Z]")


def _two_capitals(paragraph: str) -> bool:
    """Whether two words carry a capital each: a name takes two words, an initial or a
    capital each."""
    first = _CAPITAL.search(paragraph)
    return bool(first and _CAPITAL_IN_A_LATER_WORD.search(paragraph, first.end()))


def _mentions(paragraphs: list[str]) -> list[_Mention]:
    """Every "ROLE First Last" in the text, to complete surnames and role references."""
    found = []
    for p_index, paragraph in enumerate(paragraphs):
        if not _two_capitals(paragraph):
            continue  # a name takes two words, an initial or a capital each
        # ("Muttiah (Murali) Muralitharan": a name's nickname in parentheses left out)
        toks = [_unglued(_without_possessive(t)) for t in _tokens(_NICKNAME.sub(_nick, paragraph))]
        opening = {k for k, tok in enumerate(toks) if tok.lead and not tok.lead.strip("“\"‘'„")}
        toks = [
            _Tok(t.text, t.core, "", t.trail) if k in opening else t for k, t in enumerate(toks)
        ]
        for k, tok in enumerate(toks):
            if not _name_ish(tok) or _is_initial(tok):
                continue
            if k + 1 < len(toks) and not tok.trail and _name_ish(toks[k + 1]):
                continue
            start = _walk_name(toks, k, 0)
            # (the name begins where a quotation opens, whatever stands before the mark)
            for i in range(k, start, -1):
                if i in opening:
                    start = i
                    break
            if start >= k or _modifies_a_noun(toks, start, k):
                continue
            found.append(
                _Mention(
                    name=" ".join(t.core for t in toks[start : k + 1]),
                    role=_walk_role(toks, start, 0) or _role_after(toks, k),
                    office=_office_before(toks, start),
                    para=p_index,
                    pos=k,
                    quoted=start in opening,
                )
            )
    return found


def _role_after(toks: list[_Tok], end: int) -> str:
    """ "Mr Jo Example, the Minister for Rivers, said": the office set after the name."""
    if "," not in toks[end].trail or end + 2 >= len(toks) or toks[end + 1].low != "the":
        return ""
    words = []
    for tok in toks[end + 2 : end + 12]:
        words.append(tok.core)
        if tok.trail:
            break
    if not tok.trail.startswith(",") or not words[0][:1].isupper():
        return ""
    role = " ".join(words)
    return role if _has_role_word(role) else ""


def _modifies_a_noun(toks: list[_Tok], start: int, end: int) -> bool:
    """ "a Kansas Starbucks worker": capitalised words between "a" and a noun name no one."""
    before = toks[start - 1] if start else None
    after = toks[end + 1] if end + 1 < len(toks) else None
    return bool(
        before is not None
        and before.low in {"a", "an"}
        and not before.trail
        and not toks[end].trail
        and after is not None
        and after.core[:1].islower()
    )


def _without_possessive(tok: _Tok) -> _Tok:
    """ "Senator Josh Hawley’s bill" mentions Josh Hawley: the possessive ends the name."""
    if tok.core.endswith(("’s", "'s")) and not tok.trail and len(tok.core) > 3:
        return _Tok(tok.text, tok.core[:-2], tok.lead, tok.core[-2:])
    return tok


# "Reps. Jo Example and Ana Roeintroducedlegislation": a scrape lost the spaces after a link.
_GLUED_VERB = re.compile(
    r"([A-Z][a-z]{2,}?)(?:introduced|announced|joined|released|unveiled)[a-z]*"
)


def _unglued(tok: _Tok) -> _Tok:
    match = _GLUED_VERB.fullmatch(tok.core) if not tok.trail else None
    if match is None:
        return tok
    return _Tok(tok.text, match.group(1), tok.lead, ";")
