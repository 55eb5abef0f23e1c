"""Where sentences end: not inside abbreviations, initials ("D.C.", "N.Y."), decimals,
e-mail or web addresses; and how a line ends (a sentence's end, or a connector that
carries on)."""

from __future__ import annotations

import re

from ..vocabulary import _ABBREVIATIONS, _ANY_QUOTE

_TERMINAL_END = re.compile(r"[.!?:;…][”\"’')\]]*$")
_CONNECTOR_END = re.compile(
    r"(?:[,&/(\-–—]|(?<![\w’'])(?:of|the|and|or|to|a|an|for|in|on|at|by|with|from|as|that|"
    r"which|who|is|are|was|were|be|but|their|its|our|his|her|this|these|those|OF|THE|AND|FOR|"
    r"TO|IN|ON|AT|BY|WITH|FROM)|\w[’']s)$"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation, initial or decimal."""
    before = text[max(0, dot - 40) : dot].split()
    if not before:
        return False
    # "(R-N.", "D.C.—U.": the initial is what follows the last dash, slash or bracket.
    token = re.split(r"[—–/(\-]", before[-1])[-1].lstrip("“\"‘'([")
    if token.endswith("..") and text[dot + 1 : dot + 2] != ".":
        return False  # "said today... Information": an ellipsis, not "U.S."
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
