"""Stage 2, segment: text into lines, lines into paragraphs, paragraphs into sentences.

Lines are joined into paragraphs when the break is a hard wrap (a lower-case
continuation, a line that ends on a connector, or lines wrapped at a steady
width), and paragraphs glued together without a space ("Albania.Over") are
split again. Sentence ends skip abbreviations, initials ("D.C.", "N.Y."),
decimals, e-mail and web addresses.
"""

from __future__ import annotations

import re
import statistics

from .model import Draft, Notes
from .vocabulary import _ABBREVIATIONS, _ANY_QUOTE, _DATE_ONLY, _VERB

_TERMINAL_END = re.compile(r"[.!?:;…][”\"’')\]]*$")
_CONNECTOR_END = re.compile(
    r"(?:[,&/(\-–—]|(?<![\w’'])(?:of|the|and|or|to|a|an|for|in|on|at|by|with|from|as|that|"
    r"which|who|is|are|was|were|be|but|their|its|our|his|her|this|these|those|OF|THE|AND|FOR|"
    r"TO|IN|ON|AT|BY|WITH|FROM)|\w[’']s)$"
)
_GLUE_MARKS = re.compile(r"[.!?:”]")
_LONE_OPENERS = re.compile(r"^[“\"‘„]+$")
# A figure wrapped onto a line of its own ("0.04%", "$1.2m") belongs to its sentence.
_FIGURE_LINE = re.compile(r"^[$€£¥]?\d[\d.,]*\s?(?:%|m|bn)?[.,;:]?$")


def split_lines(draft: Draft, notes: Notes) -> None:
    """One entry per non-blank line, its spaces collapsed and letter-spacing undone."""
    lines = (" ".join(_unspaced(line).split()) for line in draft.text.split("\n"))
    lines = [line for line in lines if line]
    draft.lines = [
        piece
        for index, line in enumerate(lines)
        for piece in (_unglued_header(line) if index < _HEADER_LINES else [line])
    ]


_HEADER_LINES = 8
# OCR of a typed statement may run its header into one line: "…PRESSPR 13518th October,
# 1968UNITED NATIONS DAYBefore his departure…". A date glued to the words around it, and a
# heading in capitals glued to the sentence below, are cut apart.
_GLUED_DATE = re.compile(
    r"(?<=\S)(\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+\d{4})"
)
_GLUED_HEADING = re.compile(r"\b(?:[A-Z]{2,}\s+)+[A-Z]{2,}(?=[A-Z][a-z])")


def _unglued_header(line: str) -> list[str]:
    if len(line) < 60 or not _GLUED_HEADING.search(line):
        return [line]
    line = _GLUED_HEADING.sub(lambda m: m.group(0) + "\n", line, count=1)
    return [
        piece.strip() for piece in _GLUED_DATE.sub("\n\\1\n", line).split("\n") if piece.strip()
    ]


_WORD_GAP = re.compile(r"\s{2,}")


def _unspaced(line: str) -> str:
    """Letter-spaced typescript, "T h e  M i n i s t e r  s a i d", read as "The Minister said".

    Old typed statements scanned with OCR space the letters of a word and put two
    spaces between words. A line is read so only when most of its pieces are single
    characters: ordinary text has few ("a", "I").
    """
    pieces = line.split()
    if len(pieces) < 6 or "  " not in line or 2 * sum(len(p) == 1 for p in pieces) < len(pieces):
        return line
    words = []
    for chunk in _WORD_GAP.split(line.strip()):
        parts = chunk.split(" ")
        if all(len(part) <= 2 for part in parts):
            words.append("".join(parts))
            continue
        # "among r e f u g e e s": a whole word kept, the spaced letters after it joined.
        out: list[str] = []
        for part in parts:
            if len(part) == 1 and out and out[-1].endswith("\0"):
                out[-1] = out[-1][:-1] + part + "\0"
            else:
                out.append(part + "\0" if len(part) == 1 else part)
        words.append(" ".join(part.rstrip("\0") for part in out))
    return " ".join(words)


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation, initial or decimal."""
    before = text[max(0, dot - 40) : dot].split()
    if not before:
        return False
    # "(R-N.", "D.C.—U.": the initial is what follows the last dash, slash or bracket.
    token = re.split(r"[—–/(\-]", before[-1])[-1].lstrip("“\"‘'([")
    last = token.split(".")[-1]
    if len(last) == 1 and last.isalpha():
        return True
    if "." in token and token.replace(".", "").isalpha():
        return True
    if last.isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit():
        return True
    return last.casefold() in _ABBREVIATIONS


def _sentence_end(text: str, start: int = 0) -> int | None:
    """Index just after the first sentence ending at or after ``start``."""
    n = len(text)
    for i in range(start, n):
        c = text[i]
        if c not in ".!?":
            continue
        j = i + 1
        while j < n and text[j] in "”\"’')]":
            j += 1
        if j >= n:
            return j
        if not text[j].isspace():
            continue
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k < n and not (text[k].isupper() or text[k].isdigit() or text[k] in _ANY_QUOTE + "("):
            continue
        if c == "." and _is_abbreviation(text, i):
            continue
        return j
    return None


def _first_sentence(text: str) -> str:
    end = _sentence_end(text)
    return text[:end].strip() if end else text.strip()


def _last_sentence(text: str) -> str:
    start = 0
    while True:
        end = _sentence_end(text, start)
        if end is None or end >= len(text.rstrip()):
            return text[start:].strip()
        start = end


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def join_paragraphs(draft: Draft, notes: Notes) -> None:
    """Join hard-wrapped lines into paragraphs and split glued ones; the title stands alone."""
    lines = draft.lines
    wrap_at = 0
    continued = [
        len(a)
        for a, b in zip(lines, lines[1:], strict=False)
        if b[0].islower() and not _TERMINAL_END.search(a)
    ]
    if len(continued) >= 3 and statistics.median(continued) >= 45:
        # Hard-wrapped text: a long line without an ending carries on below.
        wrap_at = int(statistics.median(continued) * 0.75)

    title = draft.title.casefold()
    blocks: list[list[str]] = []
    previous = ""
    for line in lines:
        if blocks and _closes_block(blocks[-1], line):
            # A closing mark on a line of its own ends the quotation it closes.
            blocks[-1][-1] += line
            previous = blocks[-1][-1]
            continue
        standalone = bool(title) and title in {line.casefold(), previous.casefold()}
        if blocks and not standalone and _joins(previous, line, wrap_at):
            blocks[-1].append(line)
        else:
            blocks.append([line])
        previous = line

    paragraphs: list[str] = []
    for block in blocks:
        for piece in _split_glued(_tidy(" ".join(block))):
            piece = _tidy_after_split(piece)
            if piece:
                paragraphs.append(piece)
    draft.paragraphs = paragraphs


def _joins(prev: str, line: str, wrap_at: int) -> bool:
    if _LONE_OPENERS.match(prev):
        return True
    if _is_attribution_line(prev, line):
        return True
    if _VERB_ENDING.search(prev) and _NAME_LINE.match(line):
        return True  # '…,” said' / 'Sen. Example.': the attribution broke after its verb
    if prev.endswith("“") or (prev.endswith('"') and prev[-2:-1] in (" ", ",", ":")):
        return True  # 'said, “' at the end of a line: the quotation follows
    first = line[0]
    if first.islower():
        return True
    if first in ",.;:!?)]”’" or (first == '"' and (len(line) == 1 or not line[1].isalnum())):
        return True
    if _TERMINAL_END.search(prev):
        return False
    if _FIGURE_LINE.match(line) and prev[-1:].isalpha():
        return True
    if first.isalpha() and not first.isupper():
        return True  # a script without capitals: only punctuation ends a sentence
    if _CONNECTOR_END.search(prev):
        return True
    if line[:2] in ("– ", "— ", "- ") or line in ("–", "—", "-"):
        return True
    return bool(
        wrap_at
        and len(prev) >= wrap_at
        and (first.isalnum() or first in '“"‘(')
        and not _DATE_ONLY.match(line)
        and prev.isupper() == line.isupper()
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
        # Scrapes drop the space where a link or tag used to be.
        (r"\)(?=[A-Za-z])", ") ", (")",)),
        (r",(?=[A-Za-z“‘])", ", ", (",",)),
        (
            r"\b(said|says|stated|added|continued)(?=[A-Z])",
            r"\1 ",
            ("said", "says", "stated", "added", "continued"),
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
    return text


def _tidy_after_split(piece: str) -> str:
    if "”" not in piece and '"' not in piece:
        return piece.strip()
    for pattern, replacement in _TIDY_AFTER_SPLIT:
        piece = pattern.sub(replacement, piece)
    return piece.strip()


def _starts_sentence(text: str, i: int) -> bool:
    if i >= len(text):
        return False
    c = text[i]
    if c.isupper() or c in "“‘":
        return True
    return c == '"' and i + 1 < len(text) and text[i + 1].isalnum()


def _split_glued(paragraph: str) -> list[str]:
    """Split paragraphs glued without a space: "Albania.Over", "said:“Today", "cost.”INTERPOL"."""
    if not _GLUE_MARKS.search(paragraph):
        return [paragraph]  # nothing that could end a sentence: the common case is cheap
    cuts: set[int] = set()
    straight = 0
    curly_open = False
    n = len(paragraph)
    for i, c in enumerate(paragraph):
        if c in ".!?" and i + 1 < n:
            j = i + 1
            # Step over a closing mark; an odd count of straight quotes means this one closes,
            # unless a word is glued to it: "…coronavirus."We asked" opens the next paragraph
            # of a quotation that runs over several (their openers repeat, their closers don't).
            glued_opener = paragraph[j] == '"' and j + 1 < n and paragraph[j + 1].isalpha()
            # A curly opening mark closed by a straight one ("“… and beyond."A video …").
            closes = paragraph[j] == '"' and (
                curly_open or (straight % 2 == 1 and not glued_opener)
            )
            if paragraph[j] == "”" or closes:
                j += 1
            if (
                _starts_sentence(paragraph, j)
                and not (c == "." and _is_abbreviation(paragraph, i))
                and not (c == "." and _INITIALISM.match(paragraph, j))
                and not _looks_like_domain(paragraph, i, j)
                and not _in_address(paragraph, i)
            ):
                cuts.add(j)
        elif (c == "”" and paragraph[i - 1 : i] != "," and _starts_sentence(paragraph, i + 1)) or (
            c == ":"
            and 0 < i < n - 1
            and paragraph[i - 1].isalpha()
            and _starts_sentence(paragraph, i + 1)
        ):
            cuts.add(i + 1)
        if c == '"':
            straight += 1
            curly_open = False
        elif c in "“”":
            curly_open = c == "“"
    pieces = []
    last = 0
    for cut in sorted(cuts):
        if 0 < cut < n:
            pieces.append(paragraph[last:cut].strip())
            last = cut
    pieces.append(paragraph[last:].strip())
    return [p for p in pieces if p]


# "byU.S. Senators": the stop belongs to an initialism glued to the word before it.
_INITIALISM = re.compile(r"[A-Z]\.(?:[A-Z]\.)*(?=\s|$|[,;:)])")
_ADDRESS = re.compile(r"@|www\.|https?://|\.(?:com|org|net|gov|edu|int|eu|au|uk|io)\b", re.I)


def _in_address(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` is inside an e-mail or web address."""
    start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    end = text.find(" ", dot)
    word = text[start : end if end >= 0 else len(text)]
    return bool(_ADDRESS.search(word))


def _looks_like_domain(text: str, dot: int, after: int) -> bool:
    """ "Accountable.US president" is a name, not two sentences."""
    words = text[max(0, dot - 40) : dot].split()
    word_before = words[-1] if words else ""
    match = re.match(r"[A-Z]{2,3}(?![\w])", text[after:])
    return bool(match and word_before[:1].isupper())


# "Senator Example said." alone, or before the next quotation on its line.
_ATTRIBUTION_LINE = re.compile(
    rf"^(?:[A-Z][^“”\"]{{0,100}}?\s{_VERB}|{_VERB}\s+[A-Z][^“”\"]{{0,100}}?)"
    r"(?:\.?$|\.\s+[“\"](?=\w))"
)


# A line ending on the attribution's verb alone, and a short line naming who spoke.
_VERB_ENDING = re.compile(rf"(?:^|[,?!.][”\"]\s*){_VERB}$")
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}\.?$")


_QUOTE_CLOSED = re.compile(r"[,?!.]\s*[”\"]$")


def _is_attribution_line(prev: str, line: str) -> bool:
    """ "Senator Hawley concluded." on its own line, after the quotation it attributes."""
    if not prev.endswith(("”", '"')):
        return False  # the common case, checked without a pattern
    return bool(_QUOTE_CLOSED.search(prev)) and bool(_ATTRIBUTION_LINE.match(line))


def _closes_block(block: list[str], line: str) -> bool:
    if line not in {'"', "”"}:
        return False
    text = " ".join(block)
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")
