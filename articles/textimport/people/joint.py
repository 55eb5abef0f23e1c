"""Several people named together in an attribution: "A and B", "Sens. A and B", "A, ROLE,
and B, ROLE", "Chairwoman A, Speaker B, Leader C, and Whip D". Their words are a joint
statement, credited to no one."""

from __future__ import annotations

from ..vocabulary import _CONTEXT_STARTERS
from .names import _Tok
from .segments import _name_in_segment, _name_only, _title_word, _titled_name, _titles_only


def _joint_names(toks: list[_Tok], segments: list[tuple[int, int]], index: int, start: int, end):
    """ "A and B", "Sens. A and B", "A, ROLE, and B, ROLE" around the name found at
    ``start``–``end`` in segment ``index``: the names of a joint statement, or ""."""
    lo, hi = segments[index]
    pair = None
    for a in range(start - 1, lo - 1, -1):  # "A and B": B is the name found
        if toks[a].core in {"and", "&"} and _titles_only(toks, a + 1, start):
            before = _titled_name(toks, lo, a - 1) if a > lo else None
            if before is None and a == lo and index > 0:
                before = _name_only(toks, *segments[0])  # "A, ROLE, and B"
            if before is not None:
                pair = before, (start, end)
            break
    if pair is None and _titles_only(toks, lo, start) and end == hi:
        for plo, phi in segments[index + 1 :]:  # "A, ROLE, and B, ROLE": A is the name found
            if toks[plo].core in {"and", "&"}:
                after = _name_in_segment(toks, plo + 1, phi)
                if after is not None and _titles_only(toks, plo + 1, after[0]):
                    pair = (start, end), (after[0], after[1])
                break
    if pair is None:
        return _listed_names(toks, segments)
    return " and ".join(" ".join(t.core for t in toks[x : y + 1]) for x, y in pair)


def _listed_names(toks: list[_Tok], segments: list[tuple[int, int]]) -> str:
    """ "Chairwoman A, Speaker B, Leader C, and Whip D": three names or more, each under its
    titles alone, the last after "and": the names of a joint statement, or ""."""
    if segments and toks[segments[0][0]].low in _CONTEXT_STARTERS:
        segments = segments[1:]  # "On Wednesday, Chairwoman A, …": when, then the names
    if len(segments) < 3 or toks[segments[-1][0]].core not in {"and", "&"}:
        return ""
    names = []
    for number, (lo, hi) in enumerate(segments):
        if number == len(segments) - 1:
            lo += 1
        found = _name_in_segment(toks, lo, hi) if hi >= lo else None
        if not found or found[1] != hi:
            return ""
        start, end, single = found
        before = toks[lo:start]
        if not all(t.core[:1].isupper() and not t.trail for t in before):
            return ""  # "Jo Roe, a farmer from Example, …": a role, not a title, before it
        if single and not (before and _title_word(before[-1])):
            return ""
        names.append(" ".join(t.core for t in toks[start : end + 1]))
    return ", ".join(names[:-1]) + " and " + names[-1]
