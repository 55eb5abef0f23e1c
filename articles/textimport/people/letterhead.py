"""The issuer's name as the letterhead gives it ("B.M. SNEDDEN", "The Hon. A.R. Downer, M.P."),
to complete the short form the body uses ("Mr. Snedden"), and the small OCR damage
("SNEDDEIIN", "Downv-r") tolerated when only one letterhead name is that close.
"""

from __future__ import annotations

import re

from ..vocabulary import _NOT_NAME, _POST_NOMINALS

# Initials and a surname: "B.M. SNEDDEN", "A. R. Downer".
_INITIALS_NAME = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){1,3})\s?([A-Z][A-Za-z'’‐‑-]+)(?![\w.])")
# A title and two words: "The Hon. Greg Example MP", "SENATOR THE HON JANE ROE", "SENATOR
# BRIAN R. ARCHER" (a middle initial between).
_TITLED_NAME = re.compile(
    r"\b(?i:hon|mr|mrs|ms|dr|senator)\.?\s+(?i:the\s+hon\.?\s+)?"
    r"([A-Z][A-Za-z'’‐‑-]+)\s+(?:([A-Z])\.\s*)?([A-Z][A-Za-z'’‐‑-]+)(?![\w.])"
)
# A name and the post-nominal of a member alone on a line: "SHAYNE NEUMANN MP".
_NAME_MP = re.compile(r"^([A-Z][A-Za-z'’‐‑-]+)\s+([A-Z][A-Za-z'’‐‑-]+),?\s+(?:MP|M\.P\.|MHR)$")


def _word(word: str) -> str:
    """ "SNEDDEN" reads "Snedden"; a word already in mixed case is kept; "Hanson‐Young" with
    a typesetter's hyphen is written as the catalogue writes it, "Hanson-Young"."""
    word = word.replace("‐", "-").replace("‑", "-")
    if not word.isupper():
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _usable(word: str, shortest: int = 3) -> bool:
    low = word.casefold()
    return len(word) >= shortest and low not in _NOT_NAME and word.upper() not in _POST_NOMINALS


def names_in_letterhead(line: str) -> list[str]:
    """The people a letterhead line names, written as names ("B.M. Snedden")."""
    titled, surnames = [], set()  # (a titled name's surname, not read again with its initial)
    for match in _TITLED_NAME.finditer(line):
        first, middle, surname = match.groups()
        if _usable(first, shortest=2) and _usable(surname):
            titled.append(
                " ".join([_word(first), *([f"{middle}."] if middle else []), _word(surname)])
            )
            surnames.add(match.start(3))
    found = []
    for match in _INITIALS_NAME.finditer(line):
        initials, surname = match.group(1).replace(" ", ""), match.group(2)
        if match.start(2) in surnames:
            continue
        if _usable(surname) and initials.upper().rstrip(".") not in _POST_NOMINALS:
            found.append(f"{initials} {_word(surname)}")
    found += titled
    for match in _NAME_MP.finditer(line.strip()):
        first, surname = match.group(1), match.group(2)
        if _usable(first, shortest=2) and _usable(surname):
            found.append(f"{_word(first)} {_word(surname)}")
    return found


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b``, or ``limit + 1`` once it is past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def near_surname(word: str, surnames: list[str]) -> str | None:
    """The one letterhead surname ``word`` is an OCR misreading of, if exactly one is close:
    the same first letter (or, in a name of seven letters or more, a first letter misread and
    one edit more), one edit for a short name, two for a name of six letters or more."""
    low = word.casefold()
    if len(low) < 4:
        return None
    limit = 2 if len(low) >= 6 else 1
    close = {
        surname
        for surname in surnames
        if surname.casefold() != low
        and _distance(low, surname.casefold(), limit) <= limit
        and (
            surname[:1].casefold() == low[:1]
            # "Eleazley" for "Beazley": a long name's first letter misread, and one more slip.
            or (len(low) >= 7 and _distance(low[1:], surname.casefold()[1:], 1) <= 1)
        )
    }
    if not close and low.startswith("ci") and len(low) >= 5:
        # "Cireig" for "Greig": a capital "G" a scan read as "Ci" (no other pair: "Horne" is
        # no "Home", nor "Clay" a "Day").
        close = {surname for surname in surnames if surname.casefold() == "g" + low[2:]}
    return close.pop() if len(close) == 1 else None


_CLEAN_NAME = re.compile(r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*$")


def misread_name(surname: str, known: list[str], letterhead: list[str], text: str) -> str | None:
    """ "Mr. Snedden" under the letterhead's "B.M. SNEDDEIIN", "Mr. Downv-r" under "A.R.
    DOWNER": the one known name (the letterhead's, or one the text gives in full) a letter or
    two away, spelt as a name is (letters, not "v-r"), and else as the text spells it more
    often."""
    surnames = [name.split()[-1] for name in known]
    near = near_surname(surname, list(dict.fromkeys(surnames)))
    if near is None:
        return None
    full = known[surnames.index(near)]

    def uses(word: str) -> int:
        found = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
        return len(found) + sum(name.split()[-1] == word for name in letterhead)

    # ("Mackellar" in the catalogue, "MacKellar" in the text: the text's capitals)
    forms = re.findall(rf"(?<!\w){re.escape(near)}(?!\w)", text, re.IGNORECASE)
    spelling = max(
        (*dict.fromkeys(forms), near, surname),
        key=lambda w: (bool(_CLEAN_NAME.match(w)), uses(w), forms.count(w)),
    )
    return " ".join([*full.split()[:-1], spelling])


def swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped ("Micahel", "Michael"),
    not another name of the same letters ("Nadia", "Diana")."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def issuer_misread(words: list[str], letterhead: list[str]) -> str | None:
    """ "Bill Ha/den" under the catalogue's "Hayden, Bill": the issuer of the same first
    name whose surname is a scan's letter or two away."""
    if words[1].replace("-", "").replace("'", "").replace("’", "").isalpha():
        return None  # "Michael Keegan" beside the issuer Michael Keenan: another person
    issuers = [name for name in letterhead if len(name.split()) == 2]
    near = near_surname(words[1], [name.split()[-1] for name in issuers])
    return next((n for n in issuers if n.split() == [words[0], near] and n.split() != words), None)


def letterhead_form(name: str, letterhead: list) -> str:
    """ "Senator Chris Ellison" under the letterhead's "SENATOR THE HON. CHRISTOPHER
    ELLISON": the letterhead's first name, of which the body's is the short form."""
    words = name.split()
    if len(words) != 2 or len(words[0]) < 3:
        return name
    first, surname = words[0].casefold(), words[1].casefold()
    for mention in letterhead:
        full = mention.name.split()
        if len(full) != 2 or full[1].casefold() != surname:
            continue
        if len(full[0]) > len(first) and full[0].casefold().startswith(first):
            return f"{full[0]} {words[1]}"
        if len(first) >= 5 and swapped(full[0].casefold(), first):
            return f"{full[0]} {words[1]}"  # "Micahel Keenan": two letters swapped
    return name
