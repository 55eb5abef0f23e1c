"""Stage 4, title: the headline, found below the letterhead; the lead; a title when none is given.

The title is, in order: the one the caller gives, a feed's "Title:" line, the
headline in the release's header (below the issuers' letterhead, "MEDIA
RELEASE" and the date, which are dropped), or else the lead's first sentence
shortened at a phrase boundary.
"""

from __future__ import annotations

import re

from . import dateline
from .debris import is_junk
from .frontmatter import printed_title
from .letterhead import (
    _SENTENCE_WORDS,
    HEADLINE_REFERENCE,
    is_date_line,
    is_header_date_line,
    is_label,
    is_letterhead,
    names_an_issuer,
    offices_in_letterhead,
    place_below_office,
    place_of_issue,
)
from .model import Draft, Notes
from .people.letterhead import names_in_letterhead
from .people.roles import letterhead_offices
from .places import place_before_date, place_ending_label
from .segment import _CONNECTOR_END, _TERMINAL_END
from .vocabulary import _ANY_QUOTE, _cut_at_word, _short, _words

TITLE_MAX_FIELD = 255  # any title: what a release's title field holds
# The letterhead, label and date sit in the first lines; a headline further down is body text.
_HEADER_LINES = 20
_STRAY_MARK = re.compile(r"\s+['\"‘’“”]+$")


def looks_like_headline(line: str, following: str) -> bool:
    words = line.split()
    if not following or not 2 <= len(words) <= 28 or len(line) > 160:
        return False
    if re.search(r"[.:;][”\"’')\]]*$", line) and not line.endswith("..."):
        return False
    if re.search(r"[“”\"].*\b(?:said|says)\b|\b(?:said|says)\b.*[“”\"]", line):
        return False
    if line[0] in _ANY_QUOTE + "–—-•*" or is_label(line) or is_date_line(line):
        return False
    if dateline.match(line) or is_junk(line) or re.match(r"By\s+[A-Z]", line):
        return False  # …nor a byline
    if _CONNECTOR_END.search(line):
        return False
    if sum(len(re.findall(r"[^\W\d_]", w)) >= 2 for w in words) < 2:
        return False  # ", 1 OV'd- ^": specks of a scan, not words
    return not (following[0].islower() or following[0] in ",;:)”’")


def _headline_lines(lines: list[str], start: int) -> int:
    """How many lines from ``start`` make the headline: an all-capitals one may wrap."""
    count = 1
    while (
        start + count < len(lines)
        and lines[start].isupper()
        and lines[start + count].isupper()
        and not is_label(lines[start + count])
        and not is_letterhead(lines[start + count])
        and not is_date_line(lines[start + count])
        and len(" ".join(lines[start : start + count + 1])) <= 160
        and count < 3
    ):
        count += 1
    return count


def find_headline(draft: Draft, notes: Notes) -> None:
    """Take the headline from the header and drop the letterhead around it."""
    lines = draft.lines
    title = draft.given_title or draft.meta_title
    printed = printed_title(lines, draft.catalogue_title, draft.issuers) if not title else None
    if (
        printed is not None
        and any(
            # (a line that holds the printed headline itself is the whole release run into one
            # line by a scan's second text layer, not a lead above the headline)
            _is_body(line, following)
            and printed[2] not in line
            # ("ROM THE MINISTER FOR … THE HON IAN MACPHEE M.P.": a letterhead the scan cut)
            and not (line.isupper() and _OFFICE_IN_CAPITALS.search(line))
            # ("Media release The Hon Jo Roe MP Minister for … 19 June 2013": a letterhead
            # the release ran into one line, naming the issuers)
            and not _issuers_letterhead(line, draft.issuers)
            for line, following in zip(lines[: printed[0]], lines[1:], strict=False)
        )
    ):
        printed = None  # the cataloguer's words come again below the lead: not the headline
    if printed is not None:
        # The headline the cataloguer's title names; what stands above it is letterhead.
        at, count, title, rest = printed
        after = rest.split("\n") if rest else []  # a date run on after it: a line of its own
        lines = draft.lines = [*lines[:at], *after, *lines[at + count :]]
    end = max(_header_end(lines), printed[0] if printed else 0)
    label_at = next((i for i in range(end) if is_label(lines[i])), None)
    below = _below_letterhead(lines, end, draft.issuers) if not title else 0
    if printed is not None:
        below = printed[0]
    kept: list[str] = []
    i = 0
    while i < end:
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if is_label(line) or is_letterhead(line) or names_an_issuer(line, draft.issuers):
            notes.drop(f"letterhead: {_short(line)}")
            draft.letterhead_names += names_in_letterhead(line)
            draft.letterhead_offices += offices_in_letterhead(line)
            draft.header_place = (
                draft.header_place or place_of_issue(line) or place_ending_label(line)
            )
            if i and not draft.header_place:
                draft.header_place = place_below_office(lines[i - 1], line)
        elif is_header_date_line(line):
            draft.header_date = draft.header_date or line
            if i and not draft.header_place:
                draft.header_place = place_before_date(lines[i - 1])
            notes.drop(f"letterhead: {line}")
        elif title and line.casefold().rstrip(".") == title.casefold().rstrip("."):
            kept.append(line)  # a copy of the title, dropped with the others
        elif not title and i >= below and looks_like_headline(line, following):
            count = min(_headline_lines(lines, i), end - i)
            # A mark standing alone at the end is a speck of OCR, not a closing quotation mark.
            title = _STRAY_MARK.sub("", " ".join(lines[i : i + count]))
            title = HEADLINE_REFERENCE.sub("", title)
            i += count
            continue
        elif (label_at is not None and i < label_at) or i < below:
            # Above "MEDIA RELEASE", or above a headline under the letterhead, whatever is not
            # the headline belongs to the letterhead.
            notes.drop(f"letterhead: {_short(line)}")
            draft.header_place = draft.header_place or place_of_issue(line)
            if i and not draft.header_place:
                draft.header_place = place_below_office(lines[i - 1], line)
            draft.letterhead_names += names_in_letterhead(line)
            draft.letterhead_offices += offices_in_letterhead(line)
        else:
            kept.append(line)
        i += 1
    stamp = _DATE_STAMP_AFTER.search(title) if title else None
    if stamp:  # "Joint Statement with the Prime Minister of Malaysia  SAT 07 MAY 2011"
        draft.header_date = draft.header_date or stamp.group(0).strip()
        title = title[: stamp.start()]
    draft.title = _cut_at_word(title, TITLE_MAX_FIELD) if title else ""
    draft.letterhead_roles = letterhead_offices(lines[:end], names_in_letterhead)
    draft.lines = kept + lines[end:]


def _below_letterhead(lines: list[str], end: int, issuers: list[str]) -> int:
    """Where to look for the headline: below the last label or letterhead line, when a
    headline stands there. What an OCR'd statement has above its letterhead ("(File 212/75)",
    "li'lH p f t") is debris, not the headline."""
    last = max(
        (
            i
            for i in range(end)
            if is_label(lines[i]) or is_letterhead(lines[i]) or names_an_issuer(lines[i], issuers)
        ),
        default=-1,
    )
    for i in range(last + 1, end):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if looks_like_headline(lines[i], following):
            return i
    return 0


def _header_end(lines: list[str]) -> int:
    """Index of the first line of the body: the header is the letterhead, label, date and title."""
    # A label below two paragraphs of the body ("Media Centre" in a web page's menu at the
    # foot of a short release) is no part of the header.
    body = [
        i
        for i, line in enumerate(lines[:_HEADER_LINES])
        if _is_body(line, lines[i + 1] if i + 1 < len(lines) else "")
    ]
    below_body = body[1] if len(body) >= 2 else _HEADER_LINES
    labels = [i for i, line in enumerate(lines[:below_body]) if is_label(line)]
    last_label = labels[-1] if labels else -1
    for i, line in enumerate(lines[:_HEADER_LINES]):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if i > last_label and _is_body(line, following):
            return i
    if labels:
        return min(len(lines), _HEADER_LINES)
    return 1 if len(lines) > 1 else 0  # a short text: only its first line can be a headline


_WORDY = re.compile(r"[A-Za-z]{2}")
# A web page's date stamp run on after the headline: "… of Malaysia  SAT 07 MAY 2011".
_DATE_STAMP_AFTER = re.compile(
    r"\s+(?:MON|TUE|WED|THU|FRI|SAT|SUN)\s+\d{2}\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    r"[A-Z]*\s+\d{4}$"
)
_OFFICE_IN_CAPITALS = re.compile(r"\bTHE HON\b|\bM\.\s?P\.$")


# A sentence has a few of these; a letterhead the scan garbled has none.
_SMALL_WORDS = _words(
    "the of and to a an in for is on that with by was will has have are be as at from said "
    "this it its their his her our we"
)


def _issuers_letterhead(line: str, issuers: list[str]) -> bool:
    """Whether the line names an issuer and an office, as a letterhead does."""
    low = line.casefold()
    return (
        any(name.casefold() in low for name in issuers)
        and bool(_OFFICE_WORD.search(line))
        # (not a lead: "The Minister, Jo Roe, said …", "… MP, Minister for Rivers, today
        # announced $20 million for the" broken over lines)
        and not _TERMINAL_END.search(line)
        and not _SENTENCE_WORDS.search(line)
    )


_OFFICE_WORD = re.compile(r"\b(?:MP|M\.P\.|The Hon\.?|the Hon\.?)(?=\s|$)")


def _is_body(line: str, following: str) -> bool:
    if is_label(line) or is_letterhead(line) or is_date_line(line):
        return False
    # Words, not a scan's specks: "V-> ,'.' â€ ; A A r- Ν Î‘" is no sentence.
    tokens = line.split()
    words = sum(1 for w in tokens if _WORDY.search(w))
    # A line going on below in lower case is a sentence broken over lines; a letterhead the
    # scan garbled ("M iiMINISTER FOR fofore ig n affairs.V … viibiviit") has no small words.
    small = sum(1 for w in tokens if w.strip(",.;:") in _SMALL_WORDS)
    # ("Senator Jo Roe Australian Democrat Senator for Victoria democrats;": a letterhead's
    # names and office, a speck for its last stop, no sentence)
    ended = _TERMINAL_END.search(line) and (line.rstrip()[-1:] != ";" or small >= 2)
    if words >= 28 or (words >= 8 and ended):
        return True
    return words >= 8 and following[:1].islower() and small >= 2


def drop_copies(draft: Draft, notes: Notes) -> None:
    """Remove repeats of the title from the body; the body starts after the first one."""
    if not draft.title:
        return
    paragraphs = draft.paragraphs
    key = draft.title.casefold().rstrip(".")
    kept: list[str] = []
    body_from = None
    i = 0
    while i < len(paragraphs):
        low = paragraphs[i].casefold().rstrip(".")
        taken = 0
        if low == key:
            taken = 1
        elif (
            i + 1 < len(paragraphs)
            and key.startswith(low)
            and f"{low} {paragraphs[i + 1].casefold().rstrip('.')}" == key
        ):
            taken = 2  # a heading hard-wrapped over two lines
        if taken:
            notes.drop(_short(" ".join(paragraphs[i : i + taken])))
            if body_from is None:
                body_from = len(kept)
            i += taken
            continue
        kept.append(paragraphs[i])
        i += 1
    draft.paragraphs = kept
    draft.body_from = body_from or 0
