"""Paragraphs glued without a space split again: "Albania.Over", "said:“Today",
"cost.”INTERPOL", and a straight mark left between two quotations ('…rules."Since …')."""

from __future__ import annotations

import re

from .sentences import _is_abbreviation

_GLUE_MARKS = re.compile(r"[.!?:”]")


def _starts_sentence(text: str, i: int) -> bool:
    if i >= len(text):
        return False
    c = text[i]
    if c.isupper() or c in "“‘":
        return True
    # '"Word' or '"‘Word' (a quotation opening on a name in single marks)
    after = text[i + 2 : i + 3] if text[i + 1 : i + 2] in ("‘", "'") else text[i + 1 : i + 2]
    # ('…medicine.""said Jo Roe': a mark before a verb in lower case closes, it opens nothing)
    return c == '"' and (after.isupper() or after.isdigit())


def _split_glued(paragraph: str) -> list[str]:
    """Split paragraphs glued without a space: "Albania.Over", "said:“Today", "cost.”INTERPOL"."""
    if not _GLUE_MARKS.search(paragraph):
        return [paragraph]  # nothing that could end a sentence: the common case is cheap
    cuts: set[int] = set()
    # Cuts at a straight mark glued between two sentences inside a straight quotation
    # ('…policies."President …'): the one mark left closes the first and opens the next.
    shared: set[int] = set()
    straight = 0
    curly_open = False
    n = len(paragraph)
    for i, c in enumerate(paragraph):
        if c in ".!?" and i + 1 < n:
            j = i + 1
            # Step over a closing mark; an odd count of straight quotes means this one closes.
            glued_opener = paragraph[j] == '"' and j + 1 < n and paragraph[j + 1].isalpha()
            # A curly opening mark closed by a straight one ("“… and beyond."A video …").
            closes = paragraph[j] == '"' and (curly_open or straight % 2 == 1)
            # Two straight marks glued after a stop ('…towns.""In 2019 …') close one quotation
            # and open the next, whatever the count before them says (a mark was lost).
            following = paragraph[j + 2 : j + 3]
            if paragraph[j : j + 2] == '""' and (following.isupper() or following.isdigit()):
                closes = True
                straight += 1 - straight % 2  # counted with the next: one quotation is open
            if closes and glued_opener and not curly_open and paragraph[j + 1].isupper():
                shared.add(j + 1)
                straight += 1  # it is counted again where it stands: it closes and opens
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
    if shared:
        starts = [0, *(cut for cut in sorted(cuts) if 0 < cut < n)]
        pieces = [
            '"' + piece if start in shared else piece
            for start, piece in zip(starts, pieces, strict=True)
        ]
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
