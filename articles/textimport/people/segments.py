"""The name in one segment of an attribution (the words between two commas): a name of two
words or more, a surname after a title ("Senator Patterson") or after an office ("Secretary of
State Blinken"), and whether only titles stand before it."""

from __future__ import annotations

from ..vocabulary import _POST_NOMINALS, _ROLE_WORDS, _SOCIAL_HONORIFICS
from .names import _is_initial, _name_ish, _Tok, _walk_name


def _name_in_segment(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int, bool] | None:
    end = hi
    while end > lo and toks[end].core.upper().rstrip(".") in _POST_NOMINALS:
        end -= 1
    if not _name_ish(toks[end]) or _is_initial(toks[end]):
        return None
    start = _walk_name(toks, end, lo)
    if start > end:
        return None
    if end > start:
        return start, end, False
    # One word is a surname only after a title ("Senator Patterson") or on its own.
    if start == lo:
        return start, end, True
    before = toks[start - 1]
    if not before.trail and (before.low in _ROLE_WORDS or before.low in _SOCIAL_HONORIFICS):
        return start, end, True
    # "Secretary of State Blinken", "Minister for Health Roe": a surname after an office.
    if start - 3 >= lo and all(not t.trail for t in toks[start - 3 : start]):
        office, of, what = toks[start - 3 : start]
        if office.low in _ROLE_WORDS and of.low in {"of", "for"} and what.core[:1].isupper():
            return start, end, True
    return None


def _title_word(tok: _Tok) -> bool:
    return not tok.trail and (tok.low in _ROLE_WORDS or tok.low in _SOCIAL_HONORIFICS)


def _titled_name(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """A name ending at ``hi``: two words or more, or a surname after a title ("Sen. X")."""
    found = _name_in_segment(toks, lo, hi) if hi >= lo else None
    if not found or found[1] != hi:
        return None
    start, end, single = found
    if single and (start == lo or toks[start - 1].trail):
        return None  # one capitalised word alone ("Tourism and Investment") is no name
    return start, end


def _titles_only(toks: list[_Tok], lo: int, hi: int) -> bool:
    return all(t.low in _ROLE_WORDS or t.low in _SOCIAL_HONORIFICS for t in toks[lo:hi])


def _titles_or_initials(toks: list[_Tok], lo: int, hi: int) -> bool:
    """ "U.S. Rep.", "Sen.": what may stand before a name that is the whole of its segment."""
    return all(_is_initial(t) or _title_word(t) for t in toks[lo:hi])


def _name_only(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """A segment that is a name and its titles, nothing else: "Rep. Jo Example"."""
    found = _name_in_segment(toks, lo, hi)
    if found and found[1] == hi and not found[2] and _titles_only(toks, lo, found[0]):
        return found[0], found[1]
    return None
