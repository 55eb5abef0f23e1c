"""A part of the title stage: the headline as a scan garbled it, found by the cataloguer's
words ("ohho Budget should focus australiaR healthcare 8on consumer s"), and the words both
ways of finding a printed headline share."""

from __future__ import annotations

import re

# "… Malcolm Turnbull [Terrorist attacks in Paris]": the cataloguer's subject after the title.
_SUBJECT = re.compile(r"\s*\[[^\]]*\]\s*$")
_HEADLINE_LINES = 20


def _word(word: str) -> str:
    # "'IMMIGRATION": a scan's speck before a word is no apostrophe of it.
    return re.sub(r"[^\w']", "", word.casefold().replace("’", "'")).strip("'")


_REFERENCE = re.compile(r"\d{1,4}/\d{2,4}")
_LEADING_DATE = re.compile(r"^(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}) (?=[A-Z])")


def _letters(word: str) -> str:
    return re.sub(r"[^a-z']", "", _word(word))


def _garbled_title(lines: list[str], wanted: list[str], catalogue_title: str):
    """The headline as a scan garbled it: the cataloguer's words in order, a few specks of
    the logo between them ("Federal Health" / "ohho Budget should focus australiaR
    healthcare 8on consumer s 19 March 2012 A more …"), a digit stuck to a word and a word
    broken in two. The cataloguer's spelling is the title; what follows is the text."""
    if len(wanted) < 4:
        return None
    for i in range(min(len(lines), _HEADLINE_LINES)):
        for count in (1, 2, 3):
            words = " ".join(lines[i : i + count]).split()
            if words and _REFERENCE.fullmatch(words[0]):
                words = words[1:]  # "144/79 COMMUNITY GROUPS …": the office's reference first
            found = _garbled_match(words, wanted)
            if found is None:
                continue
            used, typeset = found
            rest = " ".join(words[used:])
            if rest and not (rest[0].isupper() or rest[0].isdigit()):
                break
            title = " ".join(_SUBJECT.sub("", catalogue_title).split()).rstrip(".")
            if typeset and all(_CLEAN_WORD.fullmatch(w) for w in words[:used]):
                # "Budget 2010-11—Strengthening …" catalogued "Budget 2010: Strengthening …",
                # "Arrival of boat K112 …" catalogued "Arrival of K112 …": the print is no
                # scan's garbling, and its words are the headline
                title = " ".join(words[:used]).rstrip(".")
            # The release's date run on after the headline goes on a line of its own.
            return i, min(count, len(lines) - i), title, _LEADING_DATE.sub("\\1\n", rest)
    return None


# A word as typeset, not as a scan garbles it ("australiaR", "8on", "s", "_j4,OOP").
_CLEAN_WORD = re.compile(
    r"(?:[A-Z]?[a-z'’]+|[A-Z][A-Z'’]*|[A-Z]?\d+(?:[-–—/]\d+)*|[aAI])"
    r"(?:[-–—](?:[A-Z]?[a-z'’]+|[A-Z][A-Z'’]*|\d+))*[.,:;!?]?"
)


def _garbled_match(words: list[str], wanted: list[str]) -> tuple[int, bool] | None:
    """How many of ``words`` the wanted words take, or None: the first word the same, then
    each in order, at most one skipped word for two wanted ones; and whether the print reads
    as typeset (no word broken in two, no figure glued on, one word at most skipped, a word
    of three letters or more, not a speck: "Arrival of boat K112 …")."""
    if not words or _word(words[0]) != wanted[0]:
        return None
    skips, j = len(wanted) // 2, 1
    typeset, skipped = True, 0
    for want in wanted[1:]:
        target = re.sub(r"[^a-z']", "", want)
        if not target:
            continue  # "14,000": a figure the scan garbles ("_j4,OOP"), read with its neighbour
        while j < len(words):
            letters = _letters(words[j])
            # "GOVERNMENT'S_j4,OOP": the word, and the figure after it glued on
            glued = bool(re.search(r"[\d_]", words[j]))  # a figure glued on: "…'S_j4,OOP"
            if letters == target or (glued and len(target) >= 5 and letters.startswith(target)):
                typeset = typeset and letters == target
                j += 1
                break
            if j + 1 < len(words) and _letters(words[j]) + _letters(words[j + 1]) == target:
                typeset = False  # "hos pitals", "consumer s": a word broken in two
                j += 2
                break
            skips -= 1
            if skips < 0:
                return None
            skipped += 1
            typeset = typeset and skipped == 1 and len(letters) >= 3
            j += 1
        else:
            return None
    return j, typeset


def _letters_left_out(a: str, b: str) -> bool:
    """Whether the shorter word is the longer with a letter or two left out ("grantee",
    "guarantee"), not another word ("increase", "decrease")."""
    short, long = sorted((a, b), key=len)
    if not 1 <= len(long) - len(short) <= 2:
        return False
    letters = iter(long)
    return all(c in letters for c in short)


def _same_words(printed: list[str], wanted: list[str]) -> bool:
    """The cataloguer's words, as printed: "STUDENTS" for "Student" is the same word, and so
    is "GUARANTEE" for the cataloguer's "grantee" (one long word a letter or two apart)."""
    if len(printed) != len(wanted):
        return False
    misspelt = 0
    for a, b in zip(printed, wanted, strict=True):
        if a == b or (
            min(len(a), len(b)) >= 4
            and abs(len(a) - len(b)) == 1
            and (a + "s" == b or b + "s" == a)
        ):
            continue
        # (a long word a letter or two short, or a short one a letter: "blow" for "BLOWN")
        shortest = 7 if abs(len(a) - len(b)) > 1 else 4
        if misspelt or min(len(a), len(b)) < shortest or not _letters_left_out(a, b):
            return False
        misspelt += 1
    return True


def _headline_above_question(lines: list[str], found, catalogue_title: str):
    """ "Regional Arrangements" / "What have the two agreed to?  Under the agreement …",
    catalogued "Regional arrangements: what have the two agreed to?": the headline is the
    line before the cataloguer's colon; the question below it opens the text."""
    before, after = _SUBJECT.sub("", catalogue_title).split(": ", 1)
    line = lines[found[0]]
    below = lines[found[0] + 1] if found[0] + 1 < len(lines) else ""
    question = " ".join(below.split()[: len(after.split())])
    if not after.rstrip().endswith("?") or question.isupper() or "?" not in question:
        return found  # (a headline over two lines: "FERRY FARES" / "WHO WILL PAY …?")
    wanted = [w for w in (_word(w) for w in before.split()) if w]
    printed = [w for w in (_word(w) for w in line.split()) if w]
    if wanted and _same_words(printed, wanted) and not line.rstrip().endswith(":"):
        return found[0], 1, line.strip().rstrip("."), ""
    return found
