"""A paragraph tidied: spaces around punctuation and marks, words glued where a link was, and
a scan's damage to quotation marks repaired (a mark turned the wrong way, a closing mark lost or
read as figures before the attribution, bullets and specks read as marks)."""

from __future__ import annotations

import re

from ..vocabulary import _VERB

_INTRODUCING = (
    r"said|says|stated|stating|saying|added|adding|wrote|writing|noted|noting|declared|"
    r"declaring|asked|asking|explained|explaining|continued|tweeted|told \w+"
)


# (pattern, replacement, needles): compiled once, as they run on every paragraph; a pattern
# runs only when one of its needles is in the text (it cannot match otherwise).
_TIDY = [
    (re.compile(p), r, needles)
    for p, r, needles in (
        (r"\s+([,.;:!?]+)(?=[\s”\"’)]|$)", r"\1", (" ,", " .", " ;", " :", " !", " ?")),
        (r"\s+”(?=[\s,.;:!?]|$)", "”", (" ”",)),
        (r"([“„])\s+", r"\1", ("“ ", "„ ")),
        # ' " Word' opens a quotation, but 'members, " they write' closes one.
        (r'(^|\s)"\s+(?=[^\W_a-z])', r'\1"', ('" ',)),
        (r'(^|(?<![,.!?])\s)"\s+(?=[a-z])', r'\1"', ('" ',)),
        # "the Minister for Immigration and.Ethnic Affairs": a scan's stop between two words.
        # ("… waited for.The ferries": a sentence's end, its space lost; "Friends-of.Ferries")
        (r"(?<=\s)(and|of|the)\.(?=[A-Z][a-z]+\b)", r"\1 ", ("and.", "of.", "the.")),
        # "the 117 th Congress": an ordinal's letters a scrape set on a line of their own.
        (r"\b(\d+) (st|nd|rd|th)\b", r"\1\2", (" st", " nd", " rd", " th")),
        # Scrapes drop the space where a link or tag used to be.
        (r"\)(?=[A-Za-z])", ") ", (")",)),
        (r",(?=[A-Za-z“‘])", ", ", (",",)),
        # 'stating,"We will…': a straight mark glued to the verb that introduces it opens.
        (rf"\b({_INTRODUCING}),\"(?=[A-Z])", r'\1, "', (',"',)),
        (
            r"\b(said|says|stated|added|continued)(?=[A-Z])",
            r"\1 ",
            ("said", "says", "stated", "added", "continued"),
        ),
        # "said Federal Communications CommissionerBrendan Carr": a title glued to the name.
        (
            r"(?<![^\s(.])(Commissioner|Secretary|Senator|Congresswoman|Congressman|"
            r"Representative|Director|Chairman|Chairwoman|President|Governor|Mayor|"
            r"Administrator|Ambassador|Minister|Premier|Treasurer|Sheriff|Chief|Councilmember)"
            r"(?=[A-Z][a-z])",
            r"\1 ",
            (),
        ),
        # 'Mr Bury said:-"The …': a typist's colon and dash before the quotation.
        (r"(?<=\w):-\s*(?=[\"“‘'])", ": ", (":-",)),
        # 'As the Secretary of" "Parliamentarians for …"': an opening mark doubled by a scan.
        (
            r'\b(of|the|a|an|to|for|and|in|on|by|with|from|as)" "(?=\w)',
            r'\1 "',
            ('" "',),
        ),
        # "…,” Cornyn Said.": the verb capitalised like the name before it.
        (
            r"(?<=[A-Za-z] )(Said|Says|Stated|Added|Continued|Concluded)(?=\.?$)",
            lambda m: m.group(1).lower(),
            ("Said", "Says", "Stated", "Added", "Continued", "Concluded"),
        ),
        # "Senator Brian A r c h e r , said": a surname a scan spaced out, after a first name.
        (
            r"\b([A-Z][a-z]+ )([A-Z](?: [a-z]){3,})(?!\w)",
            lambda m: m.group(1) + m.group(2).replace(" ", ""),
            (),
        ),
        # "The co-sponsors areCori Bush, …": a little word glued to the name after it.
        (
            r"(?<![^\s(])(are|is|was|were|and|by|of|to|with|from|for|include|including)(?=[A-Z][a-z])",
            r"\1 ",
            (),
        ),
    )
]
_TIDY_AFTER_SPLIT = [
    (re.compile(p), r)
    for p, r in (
        (r"([,?!])”(?=\w)", r"\1” "),  # "exorbitantly,”Rep. Pocan said"
        (r'(?<=[,.!?])""(?=[a-z])', '" '),  # '…medicine.""said Jo Roe': one closing mark doubled
        (r"”(?=[a-z])", "” "),
        (r'(?<=[,.!?])"(?=[a-z])', '" '),
    )
]


def _tidy(block: str) -> str:
    text = " ".join(block.split())
    if text.isalnum():
        return text  # one word: nothing to tidy
    for pattern, replacement, needles in _TIDY:
        if not needles or any(needle in text for needle in needles):
            text = pattern.sub(replacement, text)
    if "‘" in text and "”" in text:
        text = _single_closed_double(text)
    return _two_singles_closing(text) if "''" in text else text


# A single opening mark closed by a double one, no single closing mark between (apostrophes
# inside words aside).
_SINGLE_CLOSED_DOUBLE = re.compile(
    r"‘(?=[A-Z])((?:[^‘’“”\"]|(?<=\w)’(?=\w)|(?<=s)’(?=\s+[a-z])){1,2000}?)”"
)
# (the sentence running on in small letters, not the quotation's attribution "…,” said X";
# but "the ‘Ferry Charter” says every town …" runs on)
_RUNS_ON = re.compile(rf"\s+(?!(?:{_VERB})\s+(?:[A-Z]|he\b|she\b|the\s))[a-z][^“”]{{0,2000}}”")
# A single closing mark (not "Parents’ rights", a plural's apostrophe before a small word).
_LOOSE_CLOSER = re.compile(r"’(?!\w)(?<!s’)|s’(?!\w)(?!\s+[a-z])")


def _single_closed_double(text: str) -> str:
    """Inside a quotation, “… getting the ‘Gillard Pacific Solution” legislation through …,”
    said X: a term in single marks closed by a double one, the sentence running on to the
    quotation's own closing mark. Outside one, “A,” X said. ‘B.”: the quotation reopened with
    a single mark for the double."""
    parts, done, opened, closed = [], 0, 0, 0
    for match in _SINGLE_CLOSED_DOUBLE.finditer(text):
        opened += text.count("“", done, match.start())
        closed += text.count("”", done, match.start())
        parts.append(text[done : match.start()])
        done, words = match.end(), match.group(1)
        inside = opened > closed
        if (
            inside
            and len(words) <= 80
            and not _LOOSE_CLOSER.search(words)  # (‘Stop the Boats’ policy: closed already)
            and _RUNS_ON.match(text, match.end())
        ):
            parts.append(f"‘{words}’")
        elif not inside and opened and len(words.split()) >= 4:
            parts.append(f"“{words}”")
            opened, closed = opened + 1, closed + 1
        else:
            parts.append(match.group(0))
            closed += 1
    return "".join(parts) + text[done:]


# A typist's two single marks for the double one closing the quotation the paragraph opened
# ('"I appeal to the Minister … seekers.' and two marks), not "the so-called ''ferry tax''"
# or a pipe of 12''.
_TWO_SINGLES = re.compile(r"(?<=[\w.,!?])''(?=\s|$)")


def _two_singles_closing(text: str) -> str:
    found = _TWO_SINGLES.search(text)
    if found and text[: found.start()].count('"') % 2 == 1:
        return text[: found.start()] + '"' + text[found.end() :]
    return text


# '“… this year, “ Mr Example said.': an opening mark after a comma, closing the one quotation
# open and followed only by its attribution, is a closing mark turned the wrong way.
_TURNED_BEFORE_ATTRIBUTION = re.compile(rf"(?<=[,?!])\s*“\s*(?=[A-Z][^“”\"]{{0,80}}?\s{_VERB}\.?$)")


# A scanned quotation whose closing mark was lost or read as figures, its attribution ending
# the paragraph: '"… diverse society.1 he said.', '"… Categories,   said Mr West.'
_SPEAKER_AFTER = r"(?:he|she|(?:Mr|Mrs|Ms|Dr|Senator|Minister)\.?\s+[A-Z][\w'’-]+)"
_LOST_CLOSER = re.compile(
    rf"(?<=[,.!?])(?:11|1|l|')?\s+(?=(?:{_SPEAKER_AFTER}\s+{_VERB}|{_VERB}\s+{_SPEAKER_AFTER})[.\s]*$)"
)


def _closes_lost_mark(piece: str) -> str:
    """'"… society.1 he said.': the straight quotation opening the paragraph is closed
    before its attribution, where the scan lost its closing mark."""
    mark = piece[:1]
    if mark == "“":
        # "“Labor supports … fair and workable, Ms Macklin said.": the curly mark lost too.
        if piece.count("“") != 1 or any(c in piece for c in '”"'):
            return piece
        return _LOST_CLOSER.sub("” ", piece, count=1)
    if mark not in "\"'" or not piece[1:2].isupper() or any(c in piece for c in "“”‘"):
        return piece
    if mark == '"' and piece.count('"') != 1:
        return piece
    return _LOST_CLOSER.sub(f"{mark} ", piece, count=1)


# A scan's list whose bullets came out as straight marks: 'such as: "funding of …; "extending …'.
_MARK_BULLET = re.compile(r'(?<=[:;])(\s+(?:and\s+)?)"(?=[a-z])')
# A speck read as a mark between two lower-case words: 'the re "instatement of …'.
_MARK_SPECK = re.compile(r'(?<=[a-z] )"(?=[a-z])')


def _straight_specks(piece: str) -> str:
    """Straight marks that are a scan's bullets or specks, not quotation marks, taken out."""
    count = piece.count('"')
    if not count or "“" in piece or "”" in piece:
        return piece
    bullets = len(_MARK_BULLET.findall(piece))
    if bullets >= 2 and bullets == count:
        return _MARK_BULLET.sub(r"\1• ", piece)
    specks = list(_MARK_SPECK.finditer(piece))
    if count % 2 and len(specks) == 1:
        at = specks[0].start()
        after = piece.find('"', at + 1)
        # '…want to show "budget sense," said X': closed further on, it is a quotation; so is
        # one no mark follows at all (a quotation going on into the next paragraph).
        if after > 0 and piece[after + 1 : after + 2].isalnum():
            return piece[:at] + piece[at + 1 :]
    return piece


def _tidy_after_split(piece: str) -> str:
    if piece.count("“") == 2 and "”" not in piece and piece.startswith("“"):
        piece = _TURNED_BEFORE_ATTRIBUTION.sub("” ", piece)
    piece = _straight_specks(_closes_lost_mark(piece))
    if "”" not in piece and '"' not in piece:
        return piece.strip()
    for pattern, replacement in _TIDY_AFTER_SPLIT:
        piece = pattern.sub(replacement, piece)
    return piece.strip()


# "CongresswomanEliseStefanik": a scrape ran a name's words together where links stood. A word
# of two capitalised parts after a title is split when the headline names the second alone
# ("Stefanik Supports …") and the first is no name's prefix ("MacKellar", "VanderWall",
# "DelaCruz"); "PowerPoint", "Mr TenHaken" and names the headline does not give are left alone.
_CAMEL_NAME = re.compile(
    r"\b((?:Congresswoman|Congressman|Senator|Sen\.|Rep\.|Representative|Mr|Ms|Mrs|Dr) )"
    r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b"
)
_NAME_PREFIXES = frozenset(
    {"Mac", "Van", "Von", "Vander", "Vanden", "Della", "Dela", "Del", "Des", "Dos", "Fitz"}
    | {"Ten", "Ter", "San", "Santa", "Saint", "Dal", "Du"}
    | {"Mary", "Ann", "Anne", "Jean", "Lou", "Jo", "Joe", "Kay", "Lee", "Rose"}
)


def unglue_names(paragraphs: list[str], headline: str) -> list[str]:
    named = set(re.findall(r"(?<![\w-])[A-Z][a-z]{2,}(?![\w-])", headline))
    if not named:
        return paragraphs

    def split(match: re.Match[str]) -> str:
        title, first, second = match.groups()
        if second in named and first not in _NAME_PREFIXES:
            return f"{title}{first} {second}"
        return match.group(0)

    return [_CAMEL_NAME.sub(split, p) for p in paragraphs]


# "Hr West added that …" where the text says "Mr West" elsewhere: a scan's "M" read as "H".
_HR = re.compile(r"(?<!\d )\bHr (?=([A-Z][a-z]+))")  # (not "24 Hr Support")


def mister_misread(paragraphs: list[str]) -> list[str]:
    if not any("Hr " in p for p in paragraphs):
        return paragraphs
    known = {m.group(1) for p in paragraphs for m in re.finditer(r"\bMr\.? ([A-Z][a-z]+)", p)}
    return [
        _HR.sub(lambda m: "Mr " if m.group(1) in known else m.group(0), p) if "Hr " in p else p
        for p in paragraphs
    ]


# '°An important feature … arrivals.0': a scan's marks read as a degree sign and a nought.
_DEGREE_OPENS = re.compile(r"^°(?=[A-Z][a-z])")  # (not "°C")
_NOUGHT_CLOSES = re.compile(r"(?<=[a-z][.,!?])0$")


# "…as soon as possible,'  Senator 'Vanstone said.": a scan's speck between the title and
# the name of an attribution.
_SPECK_IN_NAME = re.compile(
    r"(?<=[,!?]['’]\s)\s*(?P<title>Senator|Mr|Mrs|Ms|Dr)\s['‘’`](?=[A-Z][a-z]+\s+said\.)"
)


def degree_marks(paragraph: str) -> str:
    if "'" in paragraph or "‘" in paragraph or "’" in paragraph or "`" in paragraph:
        paragraph = _SPECK_IN_NAME.sub(r"\g<title> ", paragraph)
    if _DEGREE_OPENS.match(paragraph) and _NOUGHT_CLOSES.search(paragraph):
        return _NOUGHT_CLOSES.sub('"', _DEGREE_OPENS.sub('"', paragraph))
    return paragraph
