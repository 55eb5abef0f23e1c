"""Stage 3, letterhead and debris: what surrounds a release but is not part of it.

Dropped and listed for the editor: scraped-page furniture (share buttons,
gallery counters such as "1 / 13", cookie banners), feed metadata lines,
"==" item separators, end marks ("Ends", "-END-", "###"), classification
markings ("UNCLASSIFIED"), embargo notices, "Authorised by" lines, page numbers and page
footers repeated on every page, and the letterhead above the headline
(the issuers' names and offices, "MEDIA RELEASE", the date, contact lines), which
:mod:`.letterhead` recognises and the title stage drops.
"""

from __future__ import annotations

import re
import unicodedata

from .feed import SUBTITLE, subtitle, take_meta
from .footers import _footer_key, _repeated_footers
from .model import Draft, Notes
from .vocabulary import _MONTH_RE, _WEEKDAY_RE, _phrases, _short, _words

_DEBRIS_LINES = _phrases(
    """
    share|share this|share this article|share this page|share on facebook|share on twitter|
    share on linkedin|print|print this page|read more|continue reading|tweet|email|e-mail|
    facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|copy link|link copied|
    back to top|top|skip to content|skip to main content|advertisement|related|related news|
    related articles|related content|previous|next|close|menu|search|home|subscribe|sign up|
    log in|login|download|download pdf|view gallery|open gallery|play video|loading|loading...|
    more|show more|accept|accept all|reject all|manage preferences|cookie settings|got it|
    image|photo|video|gallery|x|×|listen|media releases|speeches|transcripts|biography|
    contact us
    """
)
_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
_COUNTER_HEAD = re.compile(r"^(\d{1,3})\s*/$")
# A page's number alone, perhaps among a scan's specks: "2", ".  2 .", "- 3 -".
_LONE_NUMBER = re.compile(r"^(?:[.·,'\s]*\s)?\d{1,4}(?:\s[.·,'\s]*)?$")
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:accept|consent|use|policy|settings|browsing|experience)\b"
    r"|\b(?:accept|consent|use|policy|settings)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_END_MARKER = re.compile(
    r"^[\s\-–—*#\[\]()]*(?:ends?|end of (?:media )?release|-?end-?|-?30-?)[\s\-–—*#\[\]().]*$"
    r"|^#{3,}$",
    re.IGNORECASE,
)
_CLASSIFICATION = re.compile(
    r"^(?:UNCLASSIFIED|OFFICIAL(?::?\s*SENSITIVE)?|PROTECTED|CONFIDENTIAL|RESTRICTED"
    r"|FOR OFFICIAL USE ONLY|SENSITIVE BUT UNCLASSIFIED)$",
    re.IGNORECASE,
)
# An embargo notice at the top of a typed statement, possibly over a few capitalised lines:
# "EMBARGO EMBARGO" / "NOT FOR PUBLICATION OR BROADCAST" / "BEFORE 6.45 P.M. ON SUNDAY" / "MARCH."
_EMBARGO = re.compile(
    # "M B ARGO until midday": a scan spaces the letters out, or loses the first.
    r"^(?:e?\s*m\s*b\s*a\s*r\s*g\s*o(?:\s*e\s*d)?\b|not\s+f\s?or\s+(?:publication|release|broadcast)\b"
    r"|not\s+to\s+be\s+(?:published|released|broadcast)\b)",
    re.IGNORECASE,
)
_EMBARGO_MORE = re.compile(
    r"^(?:(?:BEFORE|UNTIL|AFTER)\b.{0,80}|[A-Z]{3,9}\.?|NOT\s+F\s?OR\s+[A-Z ]{5,60})$"
)
# "EMBARGO: NOT FOR PUBLICATION BEFORE" / "7.00 P.M. SUNDAY 14 JULY 1974": a line carrying the
# time or the day, or completing a line left hanging on "BEFORE", "UNTIL", "ON"…
_EMBARGO_HANGS = re.compile(r"(?:\b(?:before|until|after|on|at|of|the|to|for|or|and|by)|,)$", re.I)
_EMBARGO_WHEN = re.compile(
    rf"(?<![A-Za-z])(?:\d+(?:st|nd|rd|th)?|[ap]\.?\s?m\b\.?|noon|midnight|hours|hrs|delivery"
    rf"|on|at|of|the|before|until|after|{_WEEKDAY_RE}|{_MONTH_RE})(?![A-Za-z])",
    re.IGNORECASE,
)


def _embargo_goes_on(line: str, following: str) -> bool:
    if _EMBARGO_MORE.match(following):
        return True
    if len(following) > 60 or len(following.split()) > 8 or following.endswith((":", "?", "!")):
        return False
    if _EMBARGO_HANGS.search(line):
        return True
    # A time, a day and a date, and nothing else: "7.00 P.M. SUNDAY 14 JULY 1974".
    rest = _EMBARGO_WHEN.sub(" ", following)
    return any(c.isdigit() for c in following) and not any(c.isalpha() for c in rest)


# A printed web page's footer: "URL: http://… Last update: …", "Media Release Index",
# "See: Index of Media Releases".
_WEB_PAGE_FOOTER = re.compile(
    r"^(?:URL:\s*(?:https?://|www\.)\S+.*|(?:see:\s*)?(?:index of media releases|media release"
    r"s?\s+index)|see:)$",
    re.IGNORECASE,
)
_AUTHORISED = re.compile(r"^(?:authori[sz]ed|approved) by\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]\.?|\d{1,3}\s+of\s+\d{1,3}"
    # A typescript's "turn over" marks: "…/3", "/3", "(more)", "continued over", "cont'd".
    r"|[.…]*\s*/\s*\d{1,3}|\(?(?:more|cont(?:inued|['’]?d)\.?(?:\s+(?:on|over)(?:\s+page)?)?)\)?)$",
    re.IGNORECASE,
)
# A web page printed from a browser: its header ("Page 1 of 2 Lantern parade … | Senator …")
# and footer ("8/07/2014 http://example.gov.au/media-releases/53") on every page.
_PRINTED_PAGE = re.compile(
    r"^(?:page\s+\d{1,3}\s+of\s+\d{1,3}\s+\S[^|]{0,200}\|.{0,120}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}\s+https?://\S+)$",
    re.IGNORECASE,
)
# The library's stamp the scan ran on after the last line: "… 8920 f COMMONWEALTH
# PARLIAMENTARY LIBRARY MICAH".
_STAMP_AFTER = re.compile(r" (?:\S )?COMMONWEALTH PARLIAMENTARY L[Ii1]BRARY MICAH$")
_STAMP_LINES = 8  # a stamp stands at the top or the foot of the copy, not among the headings
# A web page's menu: "HOME MEDIA RELEASES SPEECHES TRANSCRIPTS BIOGRAPHY CONTACT".
_MENU = re.compile(r"^HOME(?:\s+[A-Z&]+){3,12}$")
# A scan's specks on a line of their own: quotation marks and stops, no word ('"  "',
# '"", .  .'). A lone mark ('”.', '. . ."') may close a quotation above it and stays.
_SPECKS = re.compile(r"^[\"“”„'‘’.,·\s]+$")


def _speck_line(line: str) -> bool:
    marks = sum(line.count(c) for c in '"“”„')
    return marks >= 2 and bool(_SPECKS.match(line))


_MENU_WORDS = _words(
    "HOME MEDIA RELEASES RELEASE SPEECHES TRANSCRIPTS BIOGRAPHY CONTACT NEWS ABOUT ME US "
    "GALLERY ELECTORATE LINKS PUBLICATIONS OPINION VIDEOS PHOTOS EVENTS &"
)


def _stamp_stands_apart(raw: list[str], i: int) -> bool:
    """A library's stamp is in capitals, at the top of the copy or at its foot, on a line of
    its own ("National Library of Australia" heading a section is no stamp, nor are the
    words a sentence runs on with: "… at the" / "COMMONWEALTH PARLIAMENTARY LIBRARY")."""
    if not raw[i].isupper() or _STAMP_LINES <= i < len(raw) - _STAMP_LINES:
        return False
    above = raw[i - 1].rstrip() if i else ""
    return not above or above.isupper() or above[-1:] in '.!?"”’)'


def _is_menu(line: str) -> bool:
    return bool(_MENU.match(line)) and all(w in _MENU_WORDS for w in line.split())


_PLAIN_WORDS = re.compile(r"[“\"]?[A-Za-z][A-Za-z ,.:!?'’“”\"-]{0,400}$")

# A library's stamp on the copy it keeps ("PARLIAMENTARY LIBRARY", "NATIONAL LIBRARY OF
# AUSTRALIA  12 OCT 1965", spaced out by a scan as "L I B R A R Y"): its words and a date only.
_STAMP_WORDS = re.compile(
    r"(?:PARLIAMENTARY|PARL|COMMONWEALTH|NATIONAL|STATE|LEGISLATIVE|RESEARCH|REFERENCE|"
    r"SERVICES?|LIBRARY|RECEIVED|OF|THE|AUSTRALIA|CANBERRA|ACT|MICAH)+"
)
_STAMP_DATE = re.compile(rf"\b(?:{_MONTH_RE})\b|\d+", re.IGNORECASE)


def is_library_stamp(line: str) -> bool:
    if len(line) > 80 or "library" not in re.sub(r"\s", "", line).casefold():
        return False
    squashed = re.sub(r"[\W_]", "", _STAMP_DATE.sub("", line)).upper()
    return "LIBRARY" in squashed and bool(_STAMP_WORDS.fullmatch(squashed))


_PARLIAMENT_HOUSE = re.compile(r"^(?i:parliament house),?\s+(?i:canberra)\.?(?:\s+[a-z])?\s*$")


def _between_paragraphs(raw: list[str], i: int, after_blank: set[str]) -> bool:
    """A line with a blank line above and below it, below a paragraph of the body (not in
    the letterhead), not a venue's."""
    above = raw[i - 1].rstrip() if i else ""
    last = i + 1 == len(raw)  # (signing the release off)
    body_above = any(len(line.split()) >= 8 for line in raw[max(0, i - 4) : i])
    return (
        body_above
        and raw[i] in after_blank
        and (last or raw[i + 1] in after_blank)
        and not above.endswith(":")
    )


def drop_lines(draft: Draft, notes: Notes) -> None:
    """Drop debris lines, taking feed metadata ("Title:", "Date:") from the item's header."""
    footers = _repeated_footers(draft.lines)
    lines: list[str] = []
    raw = draft.lines
    item_start = 0
    page_break = False
    i = 0
    while i < len(raw):
        line = raw[i]
        stamp = _STAMP_AFTER.search(line)
        if stamp and stamp.start() > 0:
            notes.drop(stamp.group(0).strip())
            line = line[: stamp.start()]
        # Feed metadata sits in the first lines of an item, the headline possibly above it.
        header = i - item_start < 6
        if line.endswith("=="):
            # Scraped feeds run items together with "==" between them.
            notes.drop("==")
            line = line.rstrip("=").rstrip()
            item_start, header = i, True
            if not line:
                i += 1
                continue
        if header and take_meta(draft, notes, line, before=lines):
            i += 1
            continue
        if header and SUBTITLE.match(line):
            line = subtitle(line, raw[i + 1 :], notes)
            if not line:
                i += 1
                continue
        if i < 15 and len(line) <= 200 and _EMBARGO.match(line):
            notes.drop(line)
            while i + 1 < len(raw) and _embargo_goes_on(raw[i], raw[i + 1]):
                i += 1
                notes.drop(raw[i])
        elif _COUNTER.match(line):
            notes.drop(_COUNTER.sub(r"\1 / \2", line))
        elif _COUNTER_HEAD.match(line) and i + 1 < len(raw) and _LONE_NUMBER.match(raw[i + 1]):
            notes.drop(f"{line.rstrip('/ ').strip()} / {raw[i + 1]}")
            i += 1
        elif _LONE_NUMBER.match(line) or _PAGE_NUMBER.match(line) or _PRINTED_PAGE.match(line):
            notes.drop(line)
            page_break = True
        elif (
            line.casefold().strip(" .:|›»>") in _DEBRIS_LINES
            or _END_MARKER.match(line)
            or _CLASSIFICATION.match(line)
            or _is_menu(line)
            or _speck_line(line)
            or (is_library_stamp(line) and _stamp_stands_apart(raw, i))
        ):
            notes.drop(line)
        elif _PARLIAMENT_HOUSE.match(line) and _between_paragraphs(raw, i, draft.after_blank):
            # "Parliament House, Canberra" alone between paragraphs: a page's foot, the place
            # of issue when the release gives no other
            notes.drop(line)
            draft.page_place = "Canberra"
            page_break = True
        elif footers and _footer_key(line) in footers:
            notes.drop(_short(line))
            page_break = True
        elif len(line) <= 300 and (
            _COOKIE.search(line) or _AUTHORISED.match(line) or _WEB_PAGE_FOOTER.match(line)
        ):
            notes.drop(_short(line))
        else:
            if page_break:
                # A paragraph, or a quotation, may run on over the page.
                draft.page_starts.add(line)
            page_break = False
            lines.append(line)
        i += 1
    draft.lines = lines


def drop_junk(draft: Draft, notes: Notes) -> None:
    kept = []
    for paragraph in draft.paragraphs:
        if is_junk(paragraph):
            notes.drop(_short(paragraph))
        else:
            kept.append(paragraph)
    draft.paragraphs = kept


def is_junk(paragraph: str) -> bool:
    """Text nobody could read: no letters, mostly symbols, or undecodable mojibake."""
    if _PLAIN_WORDS.match(paragraph):
        return False  # words and ordinary punctuation only: the common case is cheap
    chars = [c for c in paragraph if not c.isspace()]
    if not chars:
        return True
    letters = sum(1 for c in chars if unicodedata.category(c)[0] in "LM")
    if letters == 0:
        return True
    garbled = sum(1 for c in chars if c in "ÃÂ\ufffd" or "\x80" <= c <= "\x9f")
    if garbled >= 2 and garbled / len(chars) > 0.08:
        return True
    # Text extracted through a broken PDF font: symbols and semicolons between letters.
    symbols = sum(
        1 for c in chars if c in ";|{}¿#" or unicodedata.category(c) in {"Sk", "Sm", "So"}
    )
    if symbols >= 4 and symbols / len(chars) > 0.08:
        return True
    return len(chars) >= 12 and letters / len(chars) < 0.3
