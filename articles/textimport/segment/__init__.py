"""Stage 2, segment: text into lines, lines into paragraphs, paragraphs into sentences.

Lines are joined into paragraphs when the break is a hard wrap (a lower-case
continuation, a line that ends on a connector, or lines wrapped at a steady
width), and paragraphs glued together without a space ("Albania.Over") are
split again. Sentence ends skip abbreviations, initials ("D.C.", "N.Y."),
decimals, e-mail and web addresses.

The stage is in parts: :mod:`.lines` (lines, letter-spacing, a header the OCR ran into one
line), :mod:`.paragraphs` (hard wraps joined, quotations followed over wraps and pages),
:mod:`.glued` (glued paragraphs split) and :mod:`.sentences` (where sentences end).
"""

from .lines import split_lines
from .paragraphs import join_paragraphs
from .sentences import (
    _CONNECTOR_END,
    _TERMINAL_END,
    _first_sentence,
    _is_abbreviation,
    _last_sentence,
    _sentence_end,
)

__all__ = [
    "_CONNECTOR_END",
    "_TERMINAL_END",
    "_first_sentence",
    "_is_abbreviation",
    "_last_sentence",
    "_sentence_end",
    "join_paragraphs",
    "split_lines",
]
