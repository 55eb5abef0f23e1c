"""Text into lines: spaces collapsed, letter-spaced typescript read as words, and a header
the OCR ran into one line cut apart."""

from __future__ import annotations

import re

from ..letterhead import is_date_line, is_label, is_letterhead, is_section_label
from ..model import Draft, Notes
from .sentences import _TERMINAL_END


def split_lines(draft: Draft, notes: Notes) -> None:
    """One entry per non-blank line, its spaces collapsed and letter-spacing undone."""
    raw = draft.text.split("\n")
    lines = [_unspaced(line) for line in raw if not line.isspace()]
    lines = [line for line in lines if line]
    # Which lines open a paragraph of their own: a blank line stands above them.
    draft.after_blank = {
        " ".join(_unspaced(line).split())
        for above, line in zip(raw, raw[1:], strict=False)
        if not above.strip() and line.strip()
    }
    # A harvester's front matter ("---" … "---") stands above the letterhead: its lines do
    # not count among the header's, nor in the length of the release.
    top = lines.index("---", 1) + 1 if lines[:1] == ["---"] and "---" in lines[1:40] else 0
    body = len(draft.text) - max(0, sum(len(line) + 1 for line in lines[:top]) - 1)
    lines = [part for line in lines for part in _run_on_paragraphs(line, body)]
    draft.lines = [
        " ".join(piece.split())
        for index, line in enumerate(lines, -top)
        for field in (_label_field(line) if 0 <= index < _LABEL_LINES else [line])
        for piece in (
            _unglued_header(" ".join(field.split())) if 0 <= index < _HEADER_LINES else [field]
        )
    ]


# "Media Centre  New Job Network …": a web page's section label and the headline, on one line
# two spaces apart, are two lines (below a harvester's front matter, perhaps). A release whose
# copy ran into one line keeps its letterhead's fields two spaces apart too: "Senator the Hon
# Jo Roe  Minister for Rivers  Media Release  FERRY SERVICE EXTENDED  The Minister …": the
# fields up to the label are lines, and so is a headline in capitals after it.
_LABEL_LINES = 30
_FIELD_GAP = re.compile(r"^\s*(?P<label>\S.{0,40}?)\s{2,}(?P<rest>\S.*)$")
_GAP = re.compile(r"\s{2,}")
_FIELDS_BEFORE_LABEL = 6


def _label_field(line: str) -> list[str]:
    if "  " not in line:
        return [line]
    found = _FIELD_GAP.match(line)
    if found and is_section_label(found.group("label")):
        return [found.group("label"), found.group("rest")]
    fields = _GAP.split(line.strip(), maxsplit=_FIELDS_BEFORE_LABEL + 1)
    at = next(
        (
            i
            for i, field in enumerate(fields[:_FIELDS_BEFORE_LABEL])
            if len(field) <= 40 and is_label(field)
        ),
        None,
    )
    if at is None or at + 1 >= len(fields) or not all(len(f) <= 80 for f in fields[:at]):
        return [line]
    rest = _GAP.split(line.strip(), maxsplit=at + 1)[-1]
    head = _GAP.split(rest, maxsplit=1)
    if len(head) == 2 and head[0].isupper() and len(head[0].split()) >= 2:
        return [*fields[: at + 1], *head]  # the headline in capitals, then the body
    fields_after = _GAP.split(rest, maxsplit=_FIELDS_BEFORE_LABEL)
    return _dated_headline(fields[: at + 1], fields_after) or [line]


# "Media release  The Hon Jo Roe MP Minister for Rivers   19 June 2013  Ferry Week opens
# The towns …": after the label, the issuers' fields and the date, then a headline in small
# letters, then the body.
_OFFICE_WORDS = re.compile(r"\b(?:MP|Hon|Minister|Senator|Member|Secretary|Treasurer)\b")


def _dated_headline(label: list[str], fields: list[str]) -> list[str] | None:
    k = next((i for i, field in enumerate(fields[:-2]) if is_date_line(field)), None)
    if k is None or not all(
        len(field) <= 300 and (is_letterhead(field) or _OFFICE_WORDS.search(field))
        for field in fields[:k]
    ):
        return None
    headline, rest = fields[k + 1], " ".join(fields[k + 2 :])
    words = headline.split()
    if not 2 <= len(words) <= 20 or _TERMINAL_END.search(headline) or not headline[:1].isupper():
        return None
    return [*label, *fields[: k + 1], headline, rest]


_HEADER_LINES = 8
_HEADER_REACH = 400
# OCR of a typed statement may run its header into one line: "…PRESSPR 13518th October,
# 1968UNITED NATIONS DAYBefore his departure…". A date glued to the words around it, and a
# heading in capitals glued to the sentence below, are cut apart.
# (Glued to a word or a reference number before it, or to the heading after it: "Canberra
# 23 September, 1981DEPARTMENT …" is cut before "23", not inside it.)
_DATE_WORDS = (
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+\d{4}"
)
_GLUED_DATE = re.compile(
    rf"(?:(?<=[^\s\d])|(?<=\d\d)|(?<=\s)(?={_DATE_WORDS}[A-Z]))(?<!\s\d)({_DATE_WORDS})"
)
# ("SEEKERSThe Budget …", but not "NSW TAFEs", "UN NGOs": a plural of capitals)
_GLUED_HEADING = re.compile(r"\b(?:[A-Z]{2,}\s+)+[A-Z]{2,}(?=[\"“]?[A-Z][a-z]{2})")


def _unglued_header(line: str) -> list[str]:
    # The heading stands near the start of the header: only that much is searched, so that a
    # long line of capitals costs no more than a short one.
    head, tail = line[:_HEADER_REACH], line[_HEADER_REACH:]
    if len(line) < 60 or not _GLUED_HEADING.search(head):
        return [line]
    line = _GLUED_HEADING.sub(lambda m: m.group(0) + "\n", head, count=1) + tail
    return [
        piece.strip() for piece in _GLUED_DATE.sub("\n\\1\n", line).split("\n") if piece.strip()
    ]


# A release whose paragraphs a harvest ran into one long line, three spaces or more between
# them: "… beggars belief" Senator Cash said.    "There are 78 …".
_RUN_ON_AT_LEAST = 600
_PARAGRAPH_GAP = re.compile(r"(?<=[.!?\"”’])\s{3,}(?=[\"“‘]?[A-Z])")


# A whole release in one line with a typist's two spaces after every sentence, the
# paragraph breaks lost among them: each sentence is taken for a paragraph, as a release's
# short paragraphs mostly are, so that a quotation opening one is not read as going on. Only
# where the line is most of the text (a harvester's front matter aside) and at least 1,000
# characters long, three sentences or more open with a mark,
# and never inside a quotation, unless the next sentence opens with a mark (the next
# paragraph of a quotation over several).
_ONE_LINE_RELEASE = 1000


_SENTENCE_GAP = re.compile(r"(?<=[.!?\"”’])\s{2,}(?=[\"“‘]?[A-Z])")
_SENTENCE_SPACE = re.compile(r"(?<=[.!?\"”’]) (?=[\"“‘]?[A-Z])")


def _run_on_paragraphs(line: str, text_length: int) -> list[str]:
    if len(line) < _RUN_ON_AT_LEAST:
        return [line]
    if len(_PARAGRAPH_GAP.findall(line)) >= 2:
        return [part for part in _PARAGRAPH_GAP.split(line) if part.strip()]
    if len(line) < max(_ONE_LINE_RELEASE, text_length // 2):
        return [line]
    gaps = list(_SENTENCE_GAP.finditer(line))
    if len(gaps) < 6 or len(gaps) < 2 * len(_SENTENCE_SPACE.findall(line)):
        return [line]
    if sum(line[gap.end()] in '“"' for gap in gaps) < 3:
        return [line]  # a long paragraph of remarks, not a release's quotations run together
    parts, start, read, curly, straight = [], 0, 0, 0, 0
    for gap in gaps:
        # the marks since the last cut, counted once each: is a quotation open here?
        piece = line[read : gap.start()]
        curly += piece.count("“") - piece.count("”")
        straight += piece.count('"')
        read = gap.start()
        if (curly == 0 and straight % 2 == 0) or line[gap.end()] in '“"':
            parts.append(line[start : gap.start()])
            start = read = gap.end()
            curly = straight = 0
    parts.append(line[start:])
    return [part for part in parts if part.strip()]


_WORD_GAP = re.compile(r"\s{2,}")
_SPACED_LABEL = re.compile(r"(JOINT)?(MEDIA|PRESS|NEWS)(RELEASE|STATEMENT)", re.IGNORECASE)


_SHORT_TITLES = frozenset({"Mr", "Ms", "Dr", "St"})


def _unspaced(line: str) -> str:
    """Letter-spaced typescript, "T h e  M i n i s t e r  s a i d", read as "The Minister said".

    Old typed statements scanned with OCR space the letters of a word and put two
    spaces between words. A line is read so only when most of its pieces are single
    characters: ordinary text has few ("a", "I").
    """
    pieces = line.split()
    if len(pieces) < 6:
        return line
    if "  " not in line:
        # "N E W S R E L E A S E" spaced evenly: only a label can be told apart.
        if all(len(p) == 1 for p in pieces):
            label = _SPACED_LABEL.fullmatch("".join(pieces))
            return " ".join(w for w in label.groups() if w) if label else line
        return line
    if 2 * sum(len(p) == 1 for p in pieces) < len(pieces):
        return line
    words = []
    for chunk in _WORD_GAP.split(line.strip()):
        parts = chunk.split(" ")
        if (
            len(parts) > 2
            and parts[0] in _SHORT_TITLES
            and parts[1].isupper()
            and all(len(p) == 1 for p in parts[1:])
        ):
            words.append(f"{parts[0]} {''.join(parts[1:])}")  # "Mr B i l l": "Mr Bill"
            continue
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
