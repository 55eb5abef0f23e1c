"""Stage 6, people: names and roles of the people a release quotes or reports.

Names are runs of capitalised words that are not organisation, role or
sentence words ("Security Works", "Crime Bureau" are organisations); a
surname alone ("Schakowsky") is completed from the full name given earlier;
roles are read before the name ("Interior Minister of Albania Taulant
Balla") or after it ("Jurgen Stock, Secretary General of INTERPOL") and kept
whole ("U.S. Rep.").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import ParsedSpeaker
from .vocabulary import (
    _ABBREVIATIONS,
    _CONNECTORS,
    _CONTEXT_STARTERS,
    _NOT_NAME,
    _OFFICE_HONORIFICS,
    _PARTICLES,
    _POST_NOMINALS,
    _PRONOUNS,
    _ROLE_CONNECTORS,
    _ROLE_WORDS,
    _SOCIAL_HONORIFICS,
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
        if not (particle or _name_ish(tok)):
            break
        start = j
        j -= 1
    # "Minister of Albania Taulant Balla", "Minister for Veterans’ Affairs Darren
    # Chester": a capitalised run after "of" or after another capitalised word
    # begins with the role's object, so only the last two words are the person.
    if end - start >= 2 and j >= lo and "," not in toks[j].trail:
        stop = toks[j]
        if stop.low in _CONNECTORS or (
            stop.core[:1].isupper()
            and stop.low not in _ROLE_WORDS
            and stop.low not in _SOCIAL_HONORIFICS
            and stop.low not in _OFFICE_HONORIFICS
        ):
            start = end - 1
    if all(_is_initial(t) for t in toks[start : end + 1]):
        return end + 1
    return start


def _has_role_word(text: str) -> bool:
    return any(w.casefold().strip(".,’'") in _ROLE_WORDS for w in text.split())


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
    role = re.sub(
        r"^(?:(?:the|a|an|in|at|of|and|for|to|by|with)\s+)+", "", role, flags=re.IGNORECASE
    )
    if not _has_role_word(role):
        return ""
    if " " in role:
        return role
    return _OFFICE_HONORIFICS.get(role.casefold().rstrip("."), role)  # "Sen." reads "Senator"


def _walk_role(toks: list[_Tok], start: int, lo: int) -> str:
    """The job title written just before the name starting at ``start``."""
    first = start
    j = start - 1
    while j >= lo and start - j <= 20:
        tok = toks[j]
        if re.search(r"[.!?;:]", tok.trail) or tok.lead or not tok.core:
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
        first = j
        j -= 1
    if first == start:
        return ""
    return _clean_role(" ".join(t.text for t in toks[first:start]))


def _apposition(toks: list[_Tok], segments: list[tuple[int, int]]) -> str:
    """The role given after the name: "Jurgen Stock, Secretary General of INTERPOL"."""
    text = ", ".join(" ".join(t.text for t in toks[a : b + 1]).strip(" ,") for a, b in segments)
    text = text.strip(" ,.;:")
    words = text.split()
    if not words:
        return ""
    first = words[0].casefold()
    if words[0][0].islower() and first not in {"a", "an", "the"} and first not in _ROLE_WORDS:
        return ""
    return re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE)


def _segments(toks: list[_Tok]) -> list[tuple[int, int]]:
    segments = []
    start = 0
    for i, tok in enumerate(toks):
        if "," in tok.trail or i == len(toks) - 1:
            segments.append((start, i))
            start = i + 1
    return segments


def _office_before(toks: list[_Tok], start: int) -> str:
    if start > 0:
        return _OFFICE_HONORIFICS.get(toks[start - 1].low, "")
    return ""


@dataclass
class _Who:
    name: str = ""
    role: str = ""
    office: str = ""
    single: bool = False
    ref: str = ""
    ref_text: str = ""
    context: str = ""


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
    return None


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


def _parse_who(text: str, *, after_verb: bool) -> _Who | None:
    """Read a name and role from the words around an attribution verb."""
    text = _PAREN_TAG.sub("", text)
    text = " ".join(text.split()).strip(" ,.;:–—-")
    if not text or len(text) > 300:
        return None
    if text.casefold() in _PRONOUNS:
        return _Who(ref="pronoun")
    toks = _tokens(text)
    segments = _segments(toks)
    order = segments if after_verb else list(reversed(segments))
    if not after_verb and len(segments) > 1:
        # "Joe Maxwell, Executive Director of the Organization for Competitive Markets, said":
        # a segment that is a name and nothing else is the person, the rest their role.
        lo, hi = segments[0]
        found = _name_in_segment(toks, lo, hi)
        if found and found[0] == lo and not found[2]:
            order = [segments[0], *order]
    for lo, hi in order:
        found, organisation = _name_of_organisation(toks, lo, hi)
        if not found:
            continue
        start, end, single = found
        if start > 0 and toks[start - 1].low == "the" and not toks[start - 1].trail:
            continue  # "according to the Washington Post": a newspaper, a company, not a person
        index = segments.index((lo, hi))
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
            context=context,
        )
    reference = re.sub(r"^(?:the|this|that|our)\s+", "", text, flags=re.IGNORECASE)
    if len(reference.split()) <= 6 and _has_role_word(reference):
        return _Who(ref="role", ref_text=reference)
    return None


@dataclass
class _Mention:
    name: str
    role: str
    office: str
    para: int
    pos: int


_TWO_CAPITALS = re.compile(r"[A-Z]\S*\s+\S*[A-Z]")


def _mentions(paragraphs: list[str]) -> list[_Mention]:
    """Every "ROLE First Last" in the text, to complete surnames and role references."""
    found = []
    for p_index, paragraph in enumerate(paragraphs):
        if not _TWO_CAPITALS.search(paragraph):
            continue  # a name takes two words, an initial or a capital each
        toks = _tokens(paragraph)
        for k, tok in enumerate(toks):
            if not _name_ish(tok) or _is_initial(tok):
                continue
            if k + 1 < len(toks) and not tok.trail and _name_ish(toks[k + 1]):
                continue
            start = _walk_name(toks, k, 0)
            if start >= k:
                continue
            found.append(
                _Mention(
                    name=" ".join(t.core for t in toks[start : k + 1]),
                    role=_walk_role(toks, start, 0),
                    office=_office_before(toks, start),
                    para=p_index,
                    pos=k,
                )
            )
    return found


class _People:
    """Speakers found so far, and the mentions used to complete their names."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.mentions = mentions
        self.positions = [(m.para, m.pos) for m in mentions]
        self.quoted: list[ParsedSpeaker] = []
        self.quoted_ids: set[int] = set()
        self.known: dict[str, ParsedSpeaker] = {}
        self.by_surname: dict[str, list[_Mention]] = {}
        self.roles: dict[str, str] = {}
        for mention in mentions:
            self.by_surname.setdefault(mention.name.split()[-1], []).append(mention)
            if mention.role or mention.office:
                current = self.roles.get(mention.name, "")
                if not current or (mention.role and current in _OFFICE_HONORIFICS.values()):
                    self.roles[mention.name] = mention.role or mention.office

    def _full_name(self, surname: str) -> _Mention | None:
        # Prefer "Stuart Robert" to "S. Robert"; otherwise the first mention.
        candidates = self.by_surname.get(surname, [])
        for mention in candidates:
            if not _INITIAL.fullmatch(mention.name.split()[0]):
                return mention
        return candidates[0] if candidates else None

    def _role_of(self, name: str) -> str:
        return self.roles.get(name, "")

    def candidate(self, who: _Who) -> ParsedSpeaker:
        """A speaker for ``who`` without marking them as quoted."""
        name = who.name
        if who.single:
            known = self._by_surname(name)
            if known is not None:
                self._improve_role(known, who.role)
                return known
            mention = self._full_name(name)
            if mention is not None:
                name = mention.name
        existing = self.known.get(name.casefold())
        if existing is not None:
            self._improve_role(existing, who.role)
            return existing
        speaker = ParsedSpeaker(name=name, role="")
        self._improve_role(speaker, who.role or who.office)
        self._improve_role(speaker, self._role_of(name))
        self.known[name.casefold()] = speaker
        # Keyed with a leading space so a surname never collides with a full name.
        self.known.setdefault(f" {name.split()[-1]}", speaker)
        return speaker

    @staticmethod
    def _improve_role(speaker: ParsedSpeaker, role: str) -> None:
        """Keep the fullest role: "Senator" gives way to "Senator for Utah"."""
        if not role:
            return
        current = speaker.role.casefold()
        if (
            not current
            or (current in _OFFICE_HONORIFICS and role.casefold() not in _OFFICE_HONORIFICS)
            or (current in role.casefold() and len(role) > len(current))
        ):
            speaker.role = role

    def _by_surname(self, surname: str) -> ParsedSpeaker | None:
        return self.known.get(f" {surname}")

    def resolve(self, who: _Who, last: ParsedSpeaker | None, at) -> ParsedSpeaker | None:
        if who.ref == "pronoun":
            return last
        if who.ref == "role":
            return self._by_role(who.ref_text, at)
        return self.candidate(who)

    def mark_quoted(self, speaker: ParsedSpeaker) -> None:
        if id(speaker) not in self.quoted_ids:
            self.quoted_ids.add(id(speaker))
            self.quoted.append(speaker)

    def _by_role(self, reference: str, at) -> ParsedSpeaker | None:
        wanted = reference.casefold()
        for speaker in reversed(self.quoted):
            if wanted in speaker.role.casefold():
                return speaker
        # The latest holder named before the quote, else the first named after it.
        cut = bisect.bisect_left(self.positions, at)
        for mention in [*reversed(self.mentions[:cut]), *self.mentions[cut:]]:
            if wanted in mention.role.casefold() or wanted == mention.office.casefold():
                return self.candidate(_Who(name=mention.name, role=mention.role))
        return None
