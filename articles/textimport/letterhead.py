"""The letterhead above a release's headline: the issuers' names and offices ("The Hon Jane
Roe MP  Minister for Health", "A.R. DOWNER"), labels ("MEDIA RELEASE", "FOR THE PRESS", an
office's reference), the date and contact lines. The title stage drops what these recognise.
"""

from __future__ import annotations

import re

from .debris import is_library_stamp
from .places import _CAPITALS
from .vocabulary import _DATE_ONLY, _MONTH_RE, _ROLE_WORDS, _words

# A minister's web page: the section a release was filed under.
_SECTION = r"(?:news\s*room|media\s+cent(?:re|er)|press\s+room|media\s+releases)"
_LABELS = re.compile(
    r"^(?:joint\s+)?(?:media|press|news)\s+(?:release|statement|advisory)$"
    r"|^for immediate release$|^news$|^statement$"
    rf"|^{_SECTION}$"
    # "PRESS STATEMENT BY THE MINISTER FOR …", "News Release 42/68", "Press statement No. 2"
    r"|^(?:joint\s+)?(?:media|press|news)\s+(?:release|statement)\s+(?:no\b|\d|by\b).{0,180}$",
    re.IGNORECASE,
)
# Typed statements: "FOR THE PRESS", the office's reference ("PR 57", "DEFENCE PR No. 203/74"),
# "STATEMENT BY THE HON. …" in capitals (a headline "Statement by X on Y" is not in capitals).
_TYPED_LABELS = (
    re.compile(r"^for\s*(?:the\s+)?press:?$", re.IGNORECASE),  # ("FORPRESS:", a scan's)
    re.compile(r"^(?:[A-Z]+\s+)?PR(?:\s+No\.?)?(?:\s*[\d/]+)?$|^PM\s+No\.?\s*[\d/.]+$"),
    # ("STATEMENT BY MINISTER FOR … ON DEPARTURE FROM BANGKOK" names its subject: a headline.)
    re.compile(r"^(?:JOINT\s+)?STATEMENT\s+(?:BY|FROM)\b(?!.*\sON\s)[^a-z]{0,180}$"),
    # A form's reference block: "NO. 23 DATE 14.3.74", "NQ DATE" (OCR), "DATE: 14/3/74".
    re.compile(
        r"^(?=.*(?:\d|DATE|Date))(?:N[OQ0o]\.?|Ref\.?|REF\.?)\s*[:.]?\s*(?:[\w/.-]*\d[\w/.-]*)?"
        r"\s*(?:(?:DATE|Date)\b[:.]?[^a-z]{0,40})?$"
    ),
    re.compile(r"^(?:DATE|Date)\s*[:.]?\s*[\d/.-]+$"),
    # An office's reference alone: "MPS 076/2000", "VPS 066/2005", "074.08", "AA61".
    re.compile(r"^(?:[A-Z]{1,5}\s?\d{1,4}(?:[/.]\d{2,4})?|\d{1,4}[/.]\d{2,4})$"),
)
# A letterhead line carrying the label among the issuer's names:
# "THE LIBERAL PARTY OF AUSTRALIA MEDIA RELEASE FEDERAL SECRETARIAT".
_LABEL_INSIDE = re.compile(r"\b(?:media|press|news)\s+release\b", re.IGNORECASE)

_LETTERHEAD_START = re.compile(
    r"^(?:senator\s+)?(?:the\s+)?hon\.?\s|^(?:senator|dr|mr|mrs|ms)\s+the\s+hon\b"
    # "Labor Senator for Victoria", "Liberal Member for Bass": a party before the seat.
    r"|^(?:(?:labor|liberal|national|nationals|greens|democrats|independent)\s+)?"
    r"(?:(?:shadow|assistant|deputy|federal|acting)\s+)*(?:minister|member|senator|"
    r"treasurer|parliamentary secretary|leader|chief minister|special envoy)\s+(?:for|of)\b"
    # "Minister Assisting the Prime Minister for …", "Parliamentary Secretary to the Treasurer"
    r"|^(?:(?:shadow|assistant|deputy|acting)\s+)?minister\s+assisting\s+(?:the\s+)?"
    r"(?:prime\s+minister|minister|treasurer|premier|leader)\b"
    r"|^(?:assistant\s+minister|parliamentary\s+secretary)\s+to\s+the\b"
    # an office alone, "PRIME MINISTER"; "FROM THE MINISTER FOR …", "DEPARTMENT OF …"
    r"|^(?:the\s+)?prime\s+minister(?:\s+of\s+\w+)?$"
    r"|^(?:from\s+the\s+)?(?:minister|department)\s+(?:for|of)\b",
    re.IGNORECASE,
)
# A titled name and the office after it: "Professor Jane Roe  Australian Government Chief
# Medical Officer" (capitalised words only, none a verb such as "Named" or "Appointed").
_TITLED_OFFICE = re.compile(
    r"^(?i:professor|prof\.?|dr\.?|associate\s+professor)\s+"
    r"(?:(?![A-Za-z]+ed\b)(?:[A-Z][\w'’&.-]*|of|for|and|the)\s+){2,12}"
    r"(?i:officer|minister|secretary|commissioner|director|adviser|advisor|scientist|envoy|"
    r"spokesperson|chair|president|ambassador)$"
)
# A titled name and the offices after it: "Senator Chris Example Leader of the Government in the
# Senate Minister for …", "Senator Jo Roe MINISTER FOR IMMIGRATION", "SENATOR JO ROE SENATOR FOR …".
_NAMED_OFFICE = re.compile(
    r"^(?i:senator|(?:the\s+)?hon\.?|dr\.?|mr\.?|mrs\.?|ms\.?)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?i:(?:the\s+)?(?:(?:shadow|assistant|deputy|acting)\s+)*(?:minister|leader|treasurer|"
    r"attorney-general|parliamentary\s+secretary|special\s+minister|(?:senator|member)\s+for)\b)"
)
# The issuer's name alone on its line, with initials: "A.R. DOWNER", "THE HON. B.M. SNEDDEN, M.P."
_NAME_WITH_INITIALS = re.compile(
    r"^(?:(?:THE\s+)?HON\.?\s+|MR\.?\s+|SENATOR\s+)?(?:[A-Z]\.\s?){1,3}\s?[A-Z][A-Z'’-]+"
    r"(?:,?\s+(?:[A-Z]\.){1,3})*,?$"
)
# …but "U.S. TROOPS" is a headline.
_PLACE_INITIALS = re.compile(
    r"(?:U\.S\.A?|U\.N|U\.K|E\.U|N\.Z|N\.S\.W|A\.C\.T|W\.A|S\.A|N\.T)\.?\s"
)
_POST_NOMINAL_TOKEN = re.compile(r"(?<![\w.])(?:MP|MLA|MHR|MLC|MHA|QC|KC|SC)(?![\w.])")
_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|\(0\d\)\s?\d|\+\d{2}\s?\d|\bparliament house\b|\bPO Box\b"
    r"|\b(?:tel|phones?|ph|fax|mob|mobile|email|e-mail|web)\s*[:.]\s*\S|\bext\.\s*\d",
    re.IGNORECASE,
)
_OFFICE_FOR = re.compile(
    r"\b(?:minister|senator|member|secretary|treasurer|leader)\s+(?:for|of)\b", re.IGNORECASE
)
# Words that make a line a sentence, not a letterhead entry.
_SENTENCE_WORDS = re.compile(
    r"\b(?:said|says|has|have|is|are|was|were|will|would|announced|today|welcomed?s?|"
    r"calls?|urges?|gives?|opens?|launch(?:es)?)\b",
    re.IGNORECASE,
)


def is_section_label(line: str) -> bool:
    """ "Media Centre", "Newsroom": the section of a web page a release was filed under."""
    return bool(re.fullmatch(_SECTION, line.strip(), re.IGNORECASE))


def is_label(line: str) -> bool:
    """ "MEDIA RELEASE", "Joint media statement", "For immediate release"."""
    line = line.strip(" :.-–—'\"")
    if any(pattern.match(line) for pattern in _TYPED_LABELS):
        return True
    return bool(_LABELS.match(line))


# A date the OCR damaged in its day ("y6 February 1974", "l4th March, 1970").
_DAMAGED_DATE = re.compile(
    rf"^(?=\S{{0,2}}\d)[\w|]{{1,3}}(?:st|nd|rd|th)?\.?,?\s+(?:{_MONTH_RE})\.?,?\s+\d{{4}}\.?$",
    re.IGNORECASE,
)
# The office's reference before the date: "74/23 14th March, 1974", "No. 41/69 3 March 1969".
# "FA176  7 December 2001", "MPS 076/2000 20 July 2000".
_REFERENCE = re.compile(
    r"^(?:(?:No\.?|N[OQ0]\.?|Ref\.?)\s*)?(?:[A-Z]{1,4}\s?)?\d+/\d+,?\s+|^[A-Z]{1,5}\d{1,4}\s+"
)
# …or after it: "Tuesday, 9 May 2006 41/2006".
_REFERENCE_AFTER = re.compile(r",?\s+(?:(?:No\.?|Ref\.?)\s*)?(?:[A-Z]{1,4}\s?)?\d+/\d+$")
# The reference ends a headline on a minister's web page: "Encouraging Signs … MPS 084/2002".
HEADLINE_REFERENCE = re.compile(r"\s+[A-Z]{1,5}\s?\d{1,4}/\d{2,4}$")
# A date the line broke after its day: "AA61  21" / "September 1999".
_MONTH_YEAR = re.compile(rf"^(?:{_MONTH_RE})\.?,?\s+\d{{4}}\.?$", re.IGNORECASE)
_REFERENCE_DAY = re.compile(r"^[A-Z]{1,5}\s?\d{1,4}(?:/\d{2,4})?\s+\d{1,2}$")


def is_date_line(line: str) -> bool:
    if _REFERENCE_DAY.match(line) or _MONTH_YEAR.match(line):
        return True
    line = _REFERENCE_AFTER.sub("", _REFERENCE.sub("", line))
    return bool(_DATE_ONLY.match(line) or _DAMAGED_DATE.match(line))


# "22nd September 2010 5:51 pm": the time a web page was made, after the header's date.
_TIME_AFTER = re.compile(r"\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE)


def is_header_date_line(line: str) -> bool:
    """A date line in the header, the time of day perhaps after it (never an event's time
    at the foot: "Friday 5 March 2010 11.00 am")."""
    return is_date_line(line) or (len(line) < 60 and is_date_line(_TIME_AFTER.sub("", line)))


# A banner in capitals before the issuer's name and office: "BUDGET 2010-11 SENATOR THE HON JO
# ROE Minister for Rivers", "ELECTION 2007 THE HON JO ROE MP …".
_BANNER = re.compile(r"^[A-Z0-9][A-Z0-9&/'’ -]{2,30}?\s+(?=(?i:senator\s+the\s+hon|the\s+hon)\b)")


_JOINT_BY = re.compile(r"^joint\s+(?:media\s+)?statement\s+by\b", re.IGNORECASE)
_FROM_OFFICE = re.compile(
    r"^from\s+the\s+(?:office\s+of\s+the\s+)?(?:minister|department|treasurer|prime\s+minister|"
    r"attorney-general)\b",
    re.IGNORECASE,
)


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 10 and bool(_SENTENCE_WORDS.search(line)) and "." in line


def is_letterhead(line: str) -> bool:
    """An issuer's name and offices ("The Hon Jane Roe MP  Minister for Health"), contacts,
    or a library's stamp."""
    if len(line) > 300:
        return False
    banner = _BANNER.match(line)
    if banner and _OFFICE_FOR.search(line) and is_letterhead(line[banner.end() :]):
        return True
    if is_library_stamp(line):
        return True
    contact = _CONTACT.search(line)
    if contact and not (contact.group(0).casefold() == "parliament house" and _is_sentence(line)):
        return True  # (not "… celebrations at Parliament House today.": a sentence)
    if _NAME_WITH_INITIALS.match(line) and not _PLACE_INITIALS.match(line):
        return True  # "THE HON. B.M. EXAMPLE, M.P.": its last stop ends the initials
    if (
        _JOINT_BY.match(line)
        and _OFFICE_FOR.search(line)
        and (line.endswith(",") or len(line.split()) > 20)
    ):
        return True  # "Joint Statement by Philip Ruddock, Shadow Minister for …, and Senator …,"
    # (a scan's letter-spacing after it, "t he H o n, M.J.R, Ma cKe l l a r", no more words)
    words = [w for w in line.split() if len(w) > 1]
    if _FROM_OFFICE.match(line) and len(words) <= 20 and not _SENTENCE_WORDS.search(line):
        return True  # "From the Minister for Immigration and Ethnic Affairs.", its stop typed
    if line.endswith((".", "!", "?")):
        return False
    if len(_OFFICE_FOR.findall(line)) >= 2 and _LETTERHEAD_START.search(line):
        return True  # "Labor Senator for Victoria  Shadow Minister for … Open Government"
    if _SENTENCE_WORDS.search(line):
        return False
    if len(line) <= 200 and _LABEL_INSIDE.search(line) and not is_label(line):
        return True
    return bool(
        _LETTERHEAD_START.search(line)
        or _POST_NOMINAL_TOKEN.search(line)
        or _TITLED_OFFICE.match(line)
        or _NAMED_OFFICE.match(line)
    )


# "The Hon Jo Roe MP | Treasurer | MELBOURNE": the issuer, the office and the place of issue.
_PLACE_FIELD = re.compile(r"^[A-Z][A-Za-z’'.-]+(?:\s+[A-Z][A-Za-z’'.-]+){0,2}$")
_ISSUER_FIELD = re.compile(r"\b(?i:hon|senator)\b|" + _POST_NOMINAL_TOKEN.pattern)


# "PR 88-030 11 February 1988 Perth": a reference line's date, then the place of issue, a
# capital (not "… 1988 Electorate Office", "… 2011 Midnight").
_DATE_THEN_PLACE = re.compile(
    rf"\b\d{{1,2}}\s+(?i:{_MONTH_RE})\s+\d{{4}}\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)$"
)


def place_of_issue(line: str) -> str:
    """The place a letterhead line of fields gives last, after the issuer's name and office,
    or after the date of a reference line."""
    found = _DATE_THEN_PLACE.search(line[-80:])
    if found and found.group("place").casefold() in _CAPITALS:
        return found.group("place")
    fields = [field.strip() for field in line.split("|")]
    if len(fields) < 3 or not _ISSUER_FIELD.search(fields[0]):
        return ""
    place = fields[-1]
    if not _PLACE_FIELD.match(place) or _DATE_ONLY.match(place):
        return ""
    if any(w.casefold().rstrip(".") in _ROLE_WORDS for w in place.split()):
        return ""
    return place


# "DEPARTMENT OF EXTERNAL AFFAIRS" / "CANBERRA": a place alone below an office's line.
# (A minister's line is followed by the minister's name, not a place: only a department's.)
_OFFICE_LINE = re.compile(r"^(?:DEPARTMENT|MINISTRY) OF\b")
_PLACE_ALONE = re.compile(r"^[A-Z]{4,}(?: [A-Z]{4,})?\.?$")
_NO_PLACE = _words(
    "URGENT CORRECTION UPDATED UPDATE ADVANCE COPY EMBARGOED EMBARGO STATEMENT PRESS MEDIA "
    "RELEASE NEWS HOUSE BUILDING OFFICES"
)


def place_below_office(above: str, line: str) -> str:
    """The place of issue printed alone under the office's line of a letterhead."""
    if not (_OFFICE_LINE.match(above) and _PLACE_ALONE.match(line)):
        return ""
    words = line.rstrip(".").split()
    if any(w.casefold() in _ROLE_WORDS or w in _NO_PLACE or is_label(w) for w in words):
        return ""
    return line.rstrip(".")


# An office in a letterhead: "SHADOW MINISTER FOR IMMIGRATION AND BORDER PROTECTION",
# "Minister for Foreign Affairs", up to the next one ("FEDERAL MEMBER FOR BLAIR").
_OFFICE_START = (
    r"(?:(?:shadow|assistant|acting|deputy|federal)\s+)*(?:minister|treasurer|attorney-general|"
    r"member|senator|leader|parliamentary\s+secretary)"
)
_LETTERHEAD_OFFICE = re.compile(
    rf"\b(?P<office>{_OFFICE_START}\s+(?:for|of)\s+.{{2,80}}?)"
    rf"(?=\s+{_OFFICE_START}\b|\s*$|\s*[|,])",
    re.IGNORECASE,
)
_SMALL = frozenset({"for", "of", "and", "the", "on", "in"})


def offices_in_letterhead(line: str) -> list[str]:
    """The offices a letterhead line gives, as a role reads them ("Shadow Minister for
    Immigration and Border Protection")."""
    if len(line) > 200 or _SENTENCE_WORDS.search(line):
        return []
    offices = []
    for found in _LETTERHEAD_OFFICE.finditer(line):
        # (a scan's dash alone between the words: "Minister for Immigration — and …")
        office = " ".join(w for w in found.group("office").split() if w not in "—–-").strip(" ,.")
        if office.isupper():
            office = " ".join(
                w.lower() if i and w.lower() in _SMALL else w.capitalize()
                for i, w in enumerate(office.split())
            )
        offices.append(office)
    return offices


# "ALEXANDER DOWNER", "The Hon Jo Roe MP": an issuer's name alone, honorifics and post-nominals
# aside.
_HONORIFIC = re.compile(r"^(?:(?:senator|the|hon\.?|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)+", re.I)


def names_an_issuer(line: str, issuers: list[str]) -> bool:
    """Whether the line is only the name of one of the issuers a catalogue lists."""
    if not issuers or len(line) > 80:
        return False
    bare = _POST_NOMINAL_TOKEN.sub("", _HONORIFIC.sub("", line)).strip(" ,.")
    key = " ".join(bare.casefold().split())
    return any(key == " ".join(name.casefold().split()) for name in issuers)
