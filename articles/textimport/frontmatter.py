"""Front matter: a block of metadata a harvester put above the release.

Files harvested from catalogues (Trove's parliamentary press releases among them) open with a
YAML block between two "---" lines: the cataloguer's title, the date, the creators, the
source, subjects and links. None of it is the release's text; the headline is the one printed
in the body, so the block is dropped; its date is kept, as a feed's "Date:" is, and the people
among its creators ("Downer, Alexander"), whose names the letterhead may give alone.
"""

from __future__ import annotations

import re

from .garbled import (
    _HEADLINE_LINES,
    _SUBJECT,
    _garbled_title,
    _headline_above_question,
    _same_words,
    _word,
)
from .letterhead import _SENTENCE_WORDS, is_label, is_letterhead, names_an_issuer
from .model import Draft, Notes
from .vocabulary import _MONTH_RE, _WEEKDAY_RE, _short, _words

_FENCE = "---"
_MAX_LINES = 60
# "title: …", "trove_url: http://…", "subjects:"; "- "Downer, Alexander"" under a key.
_KEY = re.compile(r"^[A-Za-z_][\w-]{0,40}:(?:\s.*)?$")
_ITEM = re.compile(r"^-\s+\S")
_DATE = re.compile(r"^date:\s*[\"']?([^\"']+?)[\"']?\s*$", re.IGNORECASE)
_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.IGNORECASE)


def drop(draft: Draft, notes: Notes) -> None:
    """Drop a front-matter block opening the text; keep its date."""
    lines = draft.lines
    if len(lines) < 3 or lines[0] != _FENCE:
        return
    end = next((i for i in range(1, min(len(lines), _MAX_LINES)) if lines[i] == _FENCE), None)
    if end is None or not _KEY.match(lines[1]):
        return
    block = lines[1:end]
    if not all(_KEY.match(line) or _ITEM.match(line) for line in block):
        return
    key = ""
    for line in block:
        found = _DATE.match(line)
        if found and not draft.meta_date:
            draft.meta_date = found.group(1)
        found = _TITLE.match(line)
        if found and not draft.catalogue_title:
            value = found.group(1)
            quoted = line.split(":", 1)[1].strip()[:1] == '"'
            draft.catalogue_title = _unescaped(value) if quoted else value
        if _KEY.match(line):
            key = line.split(":", 1)[0].casefold()
        elif key == "creators":
            draft.issuers += _person(line)
    notes.drop(f"front matter: {_short(' | '.join(block))}")
    draft.lines = lines[end + 1 :]


# "title: "Record investment in training.\n"": a double-quoted value's escapes.
_ESCAPE = re.compile(r"\\([nt\"\\])")


def _unescaped(value: str) -> str:
    """The value as written, its escapes read: a line break the cataloguer left at the end is
    no part of the words."""
    return " ".join(_ESCAPE.sub(lambda m: {"n": " ", "t": " "}.get(m[1], m[1]), value).split())


_SURNAME_FIRST = re.compile(r"^-\s+[\"']?([^\"',]+),\s*([^\"',]+?)[\"']?\s*$")


def _person(line: str) -> list[str]:
    """ "- "Downer, Alexander"" names Alexander Downer; "- "Liberal Party"" names no person."""
    found = _SURNAME_FIRST.match(line)
    return [f"{found.group(2).strip()} {found.group(1).strip()}"] if found else []


def _subjects(catalogue_title: str) -> set[str]:
    """The subjects the cataloguer put in brackets after the title, each as its letters."""
    found = _SUBJECT.search(catalogue_title)
    if not found:
        return set()
    return {_word(s) for s in found.group(0).strip(" []").split(";") if s.strip()}


def printed_title(
    lines: list[str], catalogue_title: str, issuers: list[str] = ()
) -> tuple[int, int, str, str] | None:
    """The headline as the body prints it, found by the cataloguer's title: its first line,
    its number of lines (a headline may wrap), its words, and what follows it on its last
    line (a lead glued to the headline: "… in Torres Strait Customs officers have …")."""
    wanted = [_word(w) for w in _SUBJECT.sub("", catalogue_title).split()]
    wanted = [w for w in wanted if w]
    if len(wanted) == 2:
        return _line_of_two(lines, wanted, issuers)
    if len(wanted) < 3:
        return None
    found = _printed(lines, wanted, catalogue_title, issuers)
    if found is None and _split_after_letterhead(lines, wanted):
        found = _printed(lines, wanted, catalogue_title, issuers)
    if found is None and ": " in catalogue_title:
        # "Budget 2010: 2010-11 International Development Assistance Budget.": the cataloguer
        # put a series before the headline the release prints.
        before, after = _SUBJECT.sub("", catalogue_title).split(": ", 1)
        # ("East Timorese should be granted special visa: military repression continues …":
        # or a headline printed above the subheading the cataloguer ran on after a colon)
        for part in (after, before):
            shorter = [w for w in (_word(w) for w in part.split()) if w]
            # ("Budget 2005-06: joint media release.": the label is no headline)
            if found is None and len(shorter) == 2 and not is_label(part.strip(" .")):
                found = _line_of_two(lines, shorter, issuers)  # "Budget 2005-06" alone
            if found is None and len(shorter) >= 3 and not is_label(part.strip(" .")):
                found = _printed(lines, shorter, catalogue_title, issuers)
                if found is None and _split_after_letterhead(lines, shorter):
                    found = _printed(lines, shorter, catalogue_title, issuers)
    if found is not None and found[1] > 1 and found[3] and ": " in catalogue_title:
        found = _headline_above_question(lines, found, catalogue_title)
    return found or _garbled_title(lines, wanted, catalogue_title)


def _line_of_two(lines: list[str], wanted: list[str], issuers=()):
    """ "Vietnamese Refugees": two words are the headline only as a line of their own."""
    for i, line in enumerate(lines[:_HEADLINE_LINES]):
        if [_word(w) for w in line.split() if _word(w)] == wanted and not (
            is_letterhead(line) or names_an_issuer(line, list(issuers))
        ):
            return i, 1, line.strip().rstrip("."), ""
    return None


# "25 March 1992 Date: Australian aid for …": a form's date field before the headline;
# "Wednesday 21 February 2007 VA023 OFFICIAL ARTISTS …": the day, the date, the reference.
_DATE_HEAD = re.compile(
    rf"^(?:(?i:{_WEEKDAY_RE}),?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{{4}}"
    r"(?:\s+Date:?|\s+[A-Z]{1,5}\s?\d{1,4}(?:/\d{2,4})?)?$"
)
_HEAD_REACH = 600


def _issuers_then_date(head: str) -> bool:
    """ "Media release The Hon Jo Roe MP Minister for Rivers 19 June 2013": a letterhead's
    issuers and the date (not "Mr Roe will launch … in Sydney on 17 June 2013")."""
    return bool(
        _DATE_TAIL.search(head[-40:])
        and re.search(r"\b(?:MP|Hon)\b", head)
        and not _SENTENCE_WORDS.search(head)
    )


_DATE_TAIL = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}$")
_GLUED_FIGURE = re.compile(r"(?<=\d)(?=[A-Z]{3})")  # "5FAIR.", not "50TH", "3AW"


def _garbled_head(head: str) -> bool:
    """A letterhead the scan garbled ("||jt Illpli H E  H O N . J . R .. M A C K E L L A R ML"):
    letters spaced apart or specks, and no words of a sentence ("… this week is")."""
    if _SENTENCE_WORDS.search(head) or re.search(r"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b", head):
        return False
    return bool(re.search(r"(?:\b[A-Z]\s){3,}|[|\\/^*]", head))


def _split_after_letterhead(lines: list[str], wanted: list[str]) -> bool:
    """ "DEMOCRATS MEDIA 05/250 … SPOKESPERSON TIME TO SEE THE TRUTH …": the headline in
    capitals run on after the letterhead on one line. The letterhead goes on a line of its own
    above it, so that the headline opens its line."""
    for i in range(min(len(lines), _HEADLINE_LINES)):
        # "… RELEASE 5FAIR. COMPASSIONATE …": the letterhead's figure glued to the headline
        # (a headline stands near the start of its line: only so far is it looked for)
        words = _GLUED_FIGURE.sub(" ", lines[i][:_HEAD_REACH]).split()
        for k in range(1, max(0, len(words) - len(wanted)) + 1):
            if not _same_words([_word(w) for w in words[k : k + len(wanted)]], wanted):
                continue
            # The letterhead in capitals, or one a letterhead's line reads ("Jo Example MP -
            # Federal Member for Stirling"); the headline in capitals too, or as catalogued.
            head = " ".join(words[:k])
            if (
                k == 1
                and k + len(wanted) == len(words)
                and head.isalpha()
                and head.isupper()
                and words[1][:1] in "\"“'‘"
            ):
                # 'DEPARTMENT "CASHES IN" ON IMMIGRANTS' catalogued '"cashes in" on …': a word
                # of the headline the cataloguer left out before its quoted words
                continue
            if (
                head.isupper()
                or is_letterhead(head)
                or _DATE_HEAD.match(head)
                # "Media release  The Hon Jo Roe MP Minister for …  19 June 2013  Parliament
                # celebrates Refugee Week 2013  The …": a letterhead run into one line with
                # the release, its date before the headline
                or (k >= 6 and _issuers_then_date(head))
                # "||jt Illpli H E  H O N . J . R .. M A C K E L L A R ML P.IEA / W  76 VIETNAMESE
                # REFUGEES IN SINGAPORE": a letterhead the scan garbled, the headline in
                # capitals ending its line
                or (
                    k + len(wanted) == len(words)
                    and len(wanted) >= 3
                    and " ".join(words[k:]).isupper()
                    and _garbled_head(head)
                )
            ):
                whole = _GLUED_FIGURE.sub(" ", lines[i]).split()
                lines[i : i + 1] = [" ".join(whole[:k]), " ".join(whole[k:])]
                return True
    return False


# "Media Release: Government hits new lows …": the label printed before the headline.
_LABEL_BEFORE = re.compile(
    r"^(?:joint\s+)?(?:media|press|news)\s+(?:release|statement)\s*[:–—-]\s*", re.IGNORECASE
)


def _printed(lines: list[str], wanted: list[str], catalogue_title: str, issuers=()):
    surnames = {name.split()[-1].casefold() for name in issuers if name.split()}
    for i in range(min(len(lines), _HEADLINE_LINES)):
        for count in (1, 2, 3):
            words = _LABEL_BEFORE.sub("", " ".join(lines[i : i + count]).strip()).split()
            while words and not _word(words[0]):
                words.pop(0)  # ".  VIETNAMESE REFUGEE BOAT": a speck of the scan before it
            # "ASYLUM SEEKERS - ACCESS TO …": a dash between the words is no word of them.
            kept = [k for k, w in enumerate(words) if _word(w)]
            if len(kept) < len(wanted):
                continue
            if not _same_words([_word(words[k]) for k in kept[: len(wanted)]], wanted):
                break
            end = kept[len(wanted) - 1] + 1
            rest = " ".join(words[end:])
            if not any(c.isalnum() for c in rest):
                rest = ""  # "CAMBODIAN FAMILY REUNION .": the stop set off by the typist
            # ('… services  "The Government has …" the Minister said': a lead glued on, not
            # 'ADDRESS TO THE PRESS CLUB "THE NEXT TEN YEARS"', a subtitle in marks)
            glued = rest[:1] in '"“' and rest[1:2].isupper() and len(rest.split()) >= 8
            if rest and not (rest[0].isupper() or glued):
                break  # the title's words open a sentence: no headline of its own
            title = " ".join(words[:end]).rstrip(".")
            who = _WHO_AFTER_COLON.match(rest) and (
                rest.split()[-1].casefold() in surnames or rest.casefold() in _PARTIES
            )
            when = _WHEN_AFTER_COLON.match(rest) if title.endswith(":") else None
            if when and not _DATE_OR_NOTHING.match(rest[when.end() :]):
                when = None  # "…: May 2013 figures show …": the month opens the lead
            first = rest.split()[:2]
            if title.endswith(":") and who:
                title, rest = f"{title} {rest}", ""  # "… refugee deal: Bandt": who says so
            elif (
                title.endswith(":")
                and len(first) == 2
                and first[0].casefold() in surnames | _PARTIES
                and first[1] in ("The", "A", "An", "Today", "Yesterday", "This")
            ):
                # "…on asylum seekers: Greens The Australian Greens have …": who says so, the
                # lead glued on after it
                title, rest = f"{title} {first[0]}", rest[len(first[0]) :].strip()
            elif when:
                # "Joint Statement by …: February 2013  SAT 09 FEBRUARY 2013": when, then the date
                title, rest = f"{title} {when.group(0)}", rest[when.end() :].strip()
            elif (
                rest
                and title.isupper()
                and _HEADLINE_GOES_ON.match(rest)
                and not set(rest.split()) & _NOT_HEADLINE_WORDS
            ):
                # "STATEMENT ON ASYLUM-SEEKERS AND VILLAWOOD DETENTION CENTRE" catalogued
                # "Statement on asylum-seekers": the headline goes on in capitals after the
                # cataloguer's words.
                title, rest = f"{title} {rest}", ""
            elif rest and _word(rest) in _subjects(catalogue_title):
                # "Joint Budget Statement Improved Passport Services" under "Joint Budget
                # statement: [improved passport services; …]": the subject goes on the headline.
                title, rest = f"{title} {rest}", ""
            return i, min(count, len(lines) - i), title, rest
    return None


# "AND VILLAWOOD DETENTION CENTRE": a few words more in capitals, none a letterhead's.
_HEADLINE_GOES_ON = re.compile(r"^AND(?:\s+[A-Z][A-Z'’-]*){1,5}$")
_NOT_HEADLINE_WORDS = _words(
    "THE RELEASE MEDIA EMBARGO EMBARGOED HON MP MINISTER SENATOR SAID TODAY IMMEDIATE"
)
_DATE_OR_NOTHING = re.compile(
    rf"^\s*(?:(?i:{_WEEKDAY_RE})\s+)?(?:\d{{1,2}}\s+(?i:{_MONTH_RE})\s+\d{{4}})?\s*$"
)
_WHEN_AFTER_COLON = re.compile(rf"(?i:{_MONTH_RE}) \d{{4}}\b")
# "…: DEMOCRATS": the party saying so
_PARTIES = frozenset({"democrats", "greens", "labor", "liberals", "nationals", "coalition"})
_WHO_AFTER_COLON = re.compile(r"^(?:[A-Z][\w'’-]+\s?){1,3}$")
