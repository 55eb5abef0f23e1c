"""Every name mentioned in the text, and the speakers found so far: a surname alone
("Schakowsky") is completed from the full name given earlier, and a role
reference ("the Minister") finds the person who holds it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import ParsedSpeaker
from ..vocabulary import _OFFICE_HONORIFICS
from .letterhead import issuer_misread, letterhead_form, misread_name, near_surname
from .mentions import _Mention
from .names import _INITIAL, _initials_of
from .roles import _holds_office, improve_role
from .signed import signing_surnames, title_member
from .who import _Who

_ISSUER_OFFICES = frozenset({"minister"})
_TITLES = "Mr|Mrs|Ms|Dr|Senator|Sen|Minister|Prof"
_TITLED_ANY = re.compile(rf"\b(?:{_TITLES})\.?\s+([\w'’-]+)\b")
_POSSESSIVE = re.compile(r"['’]s$")


class _People:
    """Speakers found so far, and the mentions used to complete their names."""

    def __init__(
        self,
        mentions: list[_Mention],
        *,
        letterhead: Iterable[str] = (),
        text: Iterable[str] = (),
        title: str = "",
        offices: dict[str, str] | None = None,
    ) -> None:
        # The letterhead's names ("B.M. Snedden", with their offices) come first.
        offices = offices or {}
        letterhead = [
            _Mention(name, offices.get(name, ""), "", -1, index)
            for index, name in enumerate(letterhead)
        ]
        mentions = [*letterhead, *mentions]
        self.mentions = mentions
        self.positions = [(m.para, m.pos) for m in mentions]
        self.letterhead = letterhead
        self.text = text
        self.quoted: list[ParsedSpeaker] = []
        self.quoted_ids: set[int] = set()
        self.known: dict[str, ParsedSpeaker] = {}
        self.by_surname: dict[str, list[_Mention]] = {}
        self.by_first_name: dict[str, set[str]] = {}
        self.roles: dict[str, str] = {}
        self._full_names: dict[str, str | None] = {}
        self._fuller_forms: dict[str, str] = {}
        self._titled: set[str] | None = None  # the words the text gives after a title
        self._holders: dict[str, list[int]] = {}  # an office → the mentions holding it
        self.signing_surnames = signing_surnames(text, [m.name for m in mentions])
        self.title_member = title_member(title, text)
        self.quoted_mentions: dict[str, list[_Mention]] = {}
        for mention in [m for m in mentions if m.quoted]:
            self.quoted_mentions.setdefault(mention.name.split()[-1].casefold(), []).append(mention)
        for mention in [m for m in mentions if not m.quoted]:
            self.by_surname.setdefault(mention.name.split()[-1].casefold(), []).append(mention)
            # A name opening its paragraph may be a headline's words ("Get Involved In …").
            if len(mention.name.split()) > 1 and mention.pos >= len(mention.name.split()):
                first = mention.name.split()[0].casefold()
                self.by_first_name.setdefault(first, set()).add(mention.name)
            if mention.role or mention.office:
                current = self.roles.get(mention.name, "")
                if not current or (mention.role and current in _OFFICE_HONORIFICS.values()):
                    self.roles[mention.name] = mention.role or mention.office

    def _full_name(self, surname: str) -> str | None:
        # The mentions are all known now: a name is looked up once, not once per quotation.
        if surname not in self._full_names:
            self._full_names[surname] = self._find_full_name(surname)
        return self._full_names[surname]

    def _find_full_name(self, surname: str) -> str | None:
        # Prefer "Stuart Robert" to "S. Robert"; otherwise the first mention.
        words = surname.split()
        candidates = self.by_surname.get(words[-1].casefold(), [])
        if len(words) > 1:
            # "Senator Cortez Masto" after "Senator Catherine Cortez Masto": a two-word surname.
            tail = [w.casefold() for w in words]
            candidates = [
                m
                for m in candidates
                if len(m.name.split()) > len(words)
                and [w.casefold() for w in m.name.split()[-len(words) :]] == tail
            ]
            if not candidates:
                return None
        best = next(
            (m for m in candidates if not _INITIAL.fullmatch(m.name.split()[0])),
            candidates[0] if candidates else None,
        )
        if best is None:
            return self._misread(surname) or self._by_first_name(surname)
        # The letterhead's "McMAHON" is spelt as the text spells it: "McMahon".
        return self._fuller_form(" ".join([*best.name.split()[: -len(words)], surname]))

    def _fuller_form(self, name: str) -> str:
        """ "Steve Roe" when the letter's address gives "Steven T. Roe": the fullest form of
        the same name the text gives, its first name the same or its long form, with a
        middle name or initial."""
        if name not in self._fuller_forms:
            self._fuller_forms[name] = self._find_fuller_form(name)
        return self._fuller_forms[name]

    def _find_fuller_form(self, name: str) -> str:
        words = name.split()
        if len(words) == 2 and _INITIAL.fullmatch(words[0]):
            named = self._named_for_initials(words[0], words[1])
            if named is None:
                # "M.J.R. MacKeliar", the scan's misreading of the catalogue's "Michael
                # Mackellar": the letterhead's or catalogue's name a letter or two away, its
                # initial the same (the body's "Jason Clare" is another person than "J. Clarke").
                issuers = [m.name for m in self.letterhead if len(m.name.split()) > 1]
                near = near_surname(words[1], [n.split()[-1] for n in issuers])
                full = next((n for n in issuers if n.split()[-1] == near), None)
                if full and words[0][:1].casefold() in _initials_of(full.split()[0]):
                    named = full if not _INITIAL.fullmatch(full.split()[0]) else None
            return named or name
        if len(words) < 2 or _INITIAL.fullmatch(words[0]):
            return name
        if len(words) == 2:
            misread = issuer_misread(words, [m.name for m in self.letterhead])
            if misread:
                return misread
        first, surname = words[0].casefold(), words[-1].casefold()
        best = name
        for mention in self.by_surname.get(surname, []):
            full = mention.name.split()
            other = full[0].casefold()
            if _INITIAL.fullmatch(full[0]) or full[-1].casefold() != surname:
                continue
            same = other == first or (min(len(first), len(other)) >= 3 and other.startswith(first))
            if same and (len(full), len(full[0])) > (len(best.split()), len(best.split()[0])):
                best = " ".join([*full[:-1], words[-1]])
        return best

    def _named_for_initials(self, initials: str, surname: str) -> str | None:
        """ "M.J.R. MacKellar" when the catalogue or the text gives "Michael MacKellar": the
        one first name the text gives that surname, with the first initial's letter."""
        names = {
            " ".join([*m.name.split()[:-1], surname])
            for m in self.by_surname.get(surname.casefold(), [])
            if len(m.name.split()) == 2
            and not _INITIAL.fullmatch(m.name.split()[0])
            # (a short first name's other initial only from the letterhead or catalogue:
            # the body's "Senator Bob Carr" is another person than "Professor R. Carr")
            and initials[:1].casefold() in _initials_of(m.name.split()[0], m in self.letterhead)
        }
        return names.pop() if len(names) == 1 else None

    def _by_first_name(self, word: str) -> str | None:
        """ "Jack shared, “…”" after "Jack French of Essex High School": the one person the
        text names with that first name."""
        names = self.by_first_name.get(word.casefold(), set())
        return next(iter(names)) if len(names) == 1 else None

    def _misread(self, surname: str) -> str | None:
        # The letterhead's names, then those given in full ("Kim Beazley" for "BeazYley").
        known = [*self.letterhead, *(m for ms in self.by_surname.values() for m in ms)]
        known = [m.name for m in known if len(m.name.split()) > 1 or m in self.letterhead]
        letterhead = [m.name for m in self.letterhead]
        return misread_name(surname, known, letterhead, "\n".join(self.text))

    def _role_of(self, name: str) -> str:
        return self.roles.get(name, "")

    def candidate(self, who: _Who) -> ParsedSpeaker:
        """A speaker for ``who`` without marking them as quoted."""
        name = who.name
        if who.single:
            known = self._by_surname(name)
            if known is not None:
                improve_role(known, who.role)
                return known
            full = self._full_name(name)
            if full is not None:
                name = full
        else:
            name = letterhead_form(name, self.letterhead)
            if len(name.split()) == 2 and self.by_surname.get(name.split()[-1].casefold()):
                name = self._fuller_form(self._full_name(name) or name)
        existing = self.known.get(name.casefold())
        if existing is not None:
            improve_role(existing, who.role)
            return existing
        speaker = ParsedSpeaker(name=name, role="")
        improve_role(speaker, who.role or who.office)
        improve_role(speaker, self._role_of(name) or self._role_of(who.name))
        self.known[name.casefold()] = speaker
        # Keyed with a leading space so a surname never collides with a full name.
        self.known.setdefault(f" {name.split()[-1]}", speaker)
        return speaker

    def _by_surname(self, surname: str) -> ParsedSpeaker | None:
        return self.known.get(f" {surname}")

    def resolve(self, who: _Who, last: ParsedSpeaker | None, at) -> ParsedSpeaker | None:
        if who.ref == "pronoun":
            return last
        if who.ref == "role":
            return self._by_role(who.ref_text, at)
        if who.single and self._full_name(who.name) is None:
            # "Senator Vanstone has said:" after another's "“Amanda Vanstone’s claim …”": the
            # full name given at the opening of a quotation in another paragraph
            named = [
                m for m in self.quoted_mentions.get(who.name.casefold(), []) if m.para != at[0]
            ]
            if named:
                who = replace(who, name=named[0].name, single=False)
        return self.candidate(who) if self.may_be_person(who) else None

    def may_be_person(self, who: _Who) -> bool:
        """ "According to Starbucks", "Starbucks notes that": one word the text never gives with
        a first name or a title is a company's or a place's, not a person's."""
        if not who.single or who.titled or who.role or who.office:
            return True
        word = who.name
        return (
            word.casefold() in self.signing_surnames
            or word == self.title_member
            or self._titled_somewhere(word)
            or self._by_surname(word) is not None
            or bool(self.by_surname.get(word.casefold()))
            or self._by_first_name(word) is not None
        )

    def _titled_somewhere(self, word: str) -> bool:
        """ "Mr Ruddock had criticised …" above "Ruddock was quoted as saying": a surname the
        text gives after a title is a person's."""
        if self._titled is None:  # (the text read once, not once per surname)
            found = _TITLED_ANY.finditer("\n".join(self.text))
            self._titled = {w for m in found for w in (m.group(1), _POSSESSIVE.sub("", m.group(1)))}
        return word in self._titled

    def named_in_full(self, surname: str) -> bool:
        """Whether the text names someone with this surname and a first name."""
        return any(len(m.name.split()) > 1 for m in self.by_surname.get(surname.casefold(), []))

    def mark_quoted(self, speaker: ParsedSpeaker) -> None:
        if id(speaker) not in self.quoted_ids:
            self.quoted_ids.add(id(speaker))
            self.quoted.append(speaker)

    def issuer_holding(self, reference: str) -> ParsedSpeaker | None:
        """The letterhead's issuer holding the office named ("the Prime Minister")."""
        held = (m for m in self.letterhead if m.role and _holds_office(reference.lower(), m.role))
        m = next(held, None)
        return self.candidate(_Who(name=m.name, role=m.role)) if m else None

    def _by_role(self, reference: str, at) -> ParsedSpeaker | None:
        wanted = reference.casefold()
        for speaker in reversed(self.quoted):
            if _holds_office(wanted, speaker.role):
                return speaker
        # A release the one minister issued: "…,’ the minister said." is the issuer, once
        # quoted, not another country's minister named since.
        issuers = {m.name.split()[-1].casefold() for m in self.letterhead}
        the_issuers = wanted in _ISSUER_OFFICES and len(issuers) == 1
        if the_issuers:
            quoted = [s for s in self.quoted if s.name.split()[-1].casefold() in issuers]
            if quoted:
                return quoted[0]
        # The latest holder named before the quote, else the first named after it (the
        # holders of an office found once, not once per quotation).
        if wanted not in self._holders:
            self._holders[wanted] = [
                k for k, m in enumerate(self.mentions) if _holds_office(wanted, m.role, m.office)
            ]
        holders = self._holders[wanted]
        if holders:
            k = bisect.bisect_left(holders, bisect.bisect_left(self.positions, at))
            mention = self.mentions[holders[k - 1] if k else holders[0]]
            return self.candidate(_Who(name=mention.name, role=mention.role))
        # "The Minister added that …" there, whose office only the letterhead gives: the issuer.
        if the_issuers:
            surname = self.letterhead[0].name.split()[-1]
            return self.candidate(_Who(name=surname, single=True, titled=True))
        return None
