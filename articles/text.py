"""
Text hygiene for every text field: what may stay of invisible characters.

Bidi controls (embeddings, overrides, isolates) can visually reorder what
follows them: "TIRANA" + U+202E + ", Albania" shows the country backwards,
and a role can be made to read as another. Zero-width characters make two
names that look the same differ. One-line fields (titles, names, slugs,
datelines, alt text, theme names) keep none of them. Longer text keeps what
its languages need (ZWNJ and ZWJ join or part Arabic, Persian and Indic
letters; LRM and RLM place punctuation) but its directional runs are
isolated and closed at the end of each line, so nothing after a line can be
reordered.
"""

import re

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

# C0 control characters other than tab and newlines: invisible, invalid in XML
# feeds and sitemaps, and never wanted in a press release.
_C0_CONTROLS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]
_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
_ISOLATES = LRI + RLI + FSI + PDI
_MARKS = "\u200e\u200f\u061c"  # LRM RLM ALM
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # ZWSP ZWNJ ZWJ WJ BOM

_ONE_LINE = dict.fromkeys(
    [*_C0_CONTROLS, *map(ord, _EMBEDDINGS + _ISOLATES + _MARKS + _ZERO_WIDTH)]
)
_LONG_TEXT = {
    **dict.fromkeys([*_C0_CONTROLS, ord("\u200b"), ord("\ufeff")]),
    # Embeddings and overrides leak into what follows; isolates do not. An
    # override becomes an isolate of its direction: its text keeps its own order.
    **{ord(c): LRI for c in "\u202a\u202d"},
    **{ord(c): RLI for c in "\u202b\u202e"},
    ord("\u202c"): PDI,
}
# Runs are closed at the end of each line: plain text (feeds, the API) starts
# a new bidi paragraph at every line break, and a page's paragraphs end at one.
_LINE_BREAK = re.compile(r"(\r\n|[\n\r\x85\u2028\u2029])")


def clean_one_line(value: str) -> str:
    """``value`` without control, bidi, mark or zero-width characters."""
    return value.translate(_ONE_LINE)


def clean_long_text(value: str) -> str:
    """
    ``value`` without control characters, zero-width spaces or byte-order
    marks, with embeddings and overrides turned into isolates, and on each
    line every isolate closed and every stray closer dropped.
    """
    value = value.translate(_LONG_TEXT)
    if not any(c in value for c in _ISOLATES):
        return value
    parts = _LINE_BREAK.split(value)
    parts[::2] = map(_balanced, parts[::2])
    return "".join(parts)


def _balanced(line: str) -> str:
    kept, depth = [], 0
    for char in line:
        if char == PDI:
            if not depth:
                # A closer with nothing to close here could close an isolate
                # opened around this text, by a template or the text before.
                continue
            depth -= 1
        elif char in (LRI, RLI, FSI):
            depth += 1
        kept.append(char)
    return "".join(kept) + PDI * depth
