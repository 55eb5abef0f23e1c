"""Stage 5, dateline: the place (and date) the release opens with.

"TIRANA, Albania –", "THE HAGUE, the Netherlands –", "WASHINGTON, D.C.—",
"BURLINGTON, Vt., July 31 –", "Washington D.C.—Today", "LONDON, 3 May 2024 -",
"NEW YORK, 5 May (UN News) —", or a place and date on a line of their own; else the place
in a feed's "Date:" field or the letterhead's place of issue ("… MP | Treasurer | MELBOURNE").
"""

from __future__ import annotations

import re

from .model import Draft, Notes
from .quotes.around import citation
from .vocabulary import _MONTH_RE, _MONTHS, _WEEKDAY_RE, _WEEKDAYS, _words

# Datelines: "TIRANA, Albania –", "WASHINGTON, July 31 –", "BURLINGTON, Vt., July 31 –",
# "Washington, D.C. -Today", "Washington D.C.—Today", "LONDON, 3 May 2024 -",
# "East Greenbush, NY-Congresswoman" (a state's two letters glued to the lead).
_DL_CAPS = r"[A-Z][A-Z’'.\-]*[A-Z.](?:\s+[A-Z][A-Z’'.\-]*[A-Z.]){0,3}"
_DL_TITLE = r"[A-Z][a-zà-ÿ’'\-]+(?:\s+[A-Z][a-zà-ÿ’'\-]+){0,2}"
_DL_REGION = (
    rf"(?!(?i:{_MONTH_RE}|{_WEEKDAY_RE})\b)(?:the\s+)?[A-Z][\w.’'\-]*"
    rf"(?:\s+(?:and|of|the|[A-Z][\w.’'\-]*)){{0,3}}"
)
_DL_DATE = (
    rf"(?:(?i:{_WEEKDAY_RE}),?\s+)?(?:\d{{1,2}}\s+(?i:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?"
    rf"|(?i:{_MONTH_RE})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
)
_DL_DASH = (
    r"(?:\s*[–—]+\s*|\s+-{1,2}\s*|\s*-{1,2}\s+|(?<=\.)-{1,2}(?=[A-Z])"
    r"|(?<=,\s[A-Z]{2})-(?=[A-Z][a-z]))"
)
_DATELINE_CAPS = re.compile(
    rf"^(?P<city>{_DL_CAPS})(?:\s*,\s*(?P<region>{_DL_REGION}))?"
    rf"(?:\s*,?\s*(?P<date>{_DL_DATE}))?(?:\s*\([A-Za-z][\w .,&-]{{0,30}}\))?"
    rf"{_DL_DASH}(?P<rest>\S.*)$",
    re.DOTALL,
)
_DATELINE_TITLE = re.compile(
    # "Washington. D.C. -In …": a stop typed for the comma before "D.C."
    rf"^(?P<city>{_DL_TITLE})(?:\s*,\s*(?P<region>{_DL_REGION})|\.?\s+(?P<dc>D\.\s?C\.))"
    rf"(?:\s*,?\s*(?P<date>{_DL_DATE}))?(?:\s*\([A-Za-z][\w .,&-]{{0,30}}\))?{_DL_DASH}"
    rf"(?P<rest>\S.*)$",
    re.DOTALL,
)
# "WASHINGTON  Sen. Jo Example (R-UT) supported …": the scrape lost the dash, the place in
# capitals runs straight into a lead that opens as leads do.
_DATELINE_DASH_LOST = re.compile(
    rf"^(?P<city>{_DL_CAPS})(?:\s*,\s*(?P<region>{_DL_REGION}))?(?P<date>)\s+"
    r"(?P<rest>(?:Sen\.|Senator|Sens\.|Rep\.|Reps\.|Representative|Congressman|Congresswoman"
    r"|U\.S\.|Today|Yesterday|Tonight)[\s,].*)$",
    re.DOTALL,
)
# The places a scrape of the members' releases prints before their leads; after any other
# words in capitals a lost dash cannot be told from a heading or a label ("PHOTOS Sen. X").
_PLACES_WITHOUT_DASH = frozenset({"WASHINGTON", "WASHINGTON, D.C.", "WASHINGTON D.C."})
_DATELINE_ALONE = re.compile(
    rf"^(?P<city>{_DL_CAPS}|{_DL_TITLE})(?:\s*,\s*(?P<region>{_DL_REGION}))?\s*,\s*"
    rf"(?P<date>{_DL_DATE})\.?$"
)
# "Manado-Indonesia, 29 July 2017": the country joined to the city by a hyphen, the text
# naming the place "Manado, Indonesia" too (not "Winston-Salem", "Baden-Baden").
_DATELINE_HYPHENED = re.compile(
    rf"^(?P<city>[A-Z][a-z]+)-(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*,\s*"
    rf"(?P<date>{_DL_DATE})\.?$"
)
_DATELINE_STOP = (
    _words(
        """
    media release press news statement update advisory joint embargo embargoed note editors
    editor immediate for contact contacts breaking alert notice exclusive photo video audio
    transcript speech interview opinion analysis background summary ends end today covid
    details what when where who why
    """
    )
    | _WEEKDAYS
    | frozenset(_MONTHS)
)


# "Washington— Today, …": one place-name glued to the dash before a sentence of the lead.
_DATELINE_GLUED = re.compile(
    r"^(?P<city>[A-Z][a-z]{3,})(?P<date>(?!))?[–—]\s*(?P<rest>[A-Z]\S*(?:\s+\S+){7,}.*)$"
)


def _no_place(words: str) -> bool:
    """Whether the words before a dash or a date name something other than a place: "MEDIA
    RELEASE", "UPDATE", a month or a weekday."""
    return any(w in _DATELINE_STOP for w in re.split(r"[\s.\-’']+", words.casefold()) if w)


def _hyphened(paragraph: str, text: str) -> re.Match[str] | None:
    found = _DATELINE_HYPHENED.match(paragraph)
    if found and f"{found.group('city')}, {found.group('region')}" in text:
        return found
    return None


def _headline_after_dash(rest: str) -> bool:
    """ "ADF OPERATIONS - MORE MONEY FOR THE FLEET": a headline in capitals with a dash, not a
    place before a lead; a lead is a sentence, ended by its stop (even a typed one in capitals)."""
    rest = rest.strip()
    return rest.isupper() and len(rest.split()) <= 15 and not re.search(r"[.!?][”’\"']?$", rest)


def match(paragraph: str) -> re.Match[str] | None:
    """The dateline opening ``paragraph``, with the text after it in ``rest``."""
    for pattern in (_DATELINE_CAPS, _DATELINE_TITLE, _DATELINE_GLUED, _DATELINE_DASH_LOST):
        found = pattern.match(paragraph)
        if not found:
            continue
        if _no_place(found.group("city")):
            continue
        if len(found.group("rest").strip()) < 3 or _headline_after_dash(found.group("rest")):
            continue
        if pattern is _DATELINE_DASH_LOST and found.group("city") not in _PLACES_WITHOUT_DASH:
            continue  # "PHOTOS Sen. X toured …", "SENATE PASSES FARM BILL Sen. X …": no place
        return found
    return None


def run(draft: Draft, notes: Notes) -> None:
    """Take the dateline off its paragraph; the lead starts there."""
    paragraphs = draft.paragraphs
    for index, paragraph in enumerate(paragraphs[:8]):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if len(paragraph.split()) <= 4 and following[:1] in ("–", "—", "-"):
            # "Washington, D.C." on a line of its own, "– Senator X …" on the next.
            joined = match(f"{paragraph} {following}")
            if joined and len(joined.group("rest")) == len(following.lstrip("–—- ")):
                paragraphs[index : index + 2] = [f"{paragraph} {following}"]
                paragraph = paragraphs[index]
        found = match(paragraph)
        if found:
            region = found.groupdict().get("region") or found.groupdict().get("dc") or ""
            draft.dateline_city = city_name(found.group("city"))
            draft.dateline_country = region.strip(" ,")
            draft.dateline_date = found.group("date") or ""
            paragraphs[index] = found.group("rest").strip()
            draft.lead_index = index
            return
        found = _DATELINE_ALONE.match(paragraph) or _hyphened(paragraph, draft.text)
        cites = (
            index > 0
            and paragraphs[index - 1].rstrip().endswith(("”", '"'))
            and citation(paragraph, paragraphs) is not None
        )
        if found and not _no_place(found.group("city")) and not cites:
            draft.dateline_city = city_name(found.group("city"))
            draft.dateline_country = (found.group("region") or "").strip(" ,")
            draft.dateline_date = found.group("date")
            del paragraphs[index]
            draft.body_from = min(draft.body_from, index)
            return
    _from_feed_date(draft)
    if not draft.dateline_city:
        _from_letterhead(draft)
    if not draft.dateline_city:
        _from_sign_off(draft)
    if not draft.dateline_city:
        _from_catalogue(draft)


# A statement signed off with its place and date: "CANBERRA" / "19 FEBRUARY 1975",
# "Canberra. A.C.T." / "24th October, 1965.", "Parliament House, Canberra" / "3 May 1975"
# (the building, on the place's line or on its own line above, is no place).
_BUILDING = r"(?:[A-Z][a-z]+|[A-Z]{3,})\s+(?:House|HOUSE|Building|BUILDING|Offices|OFFICES)"
_SIGN_OFF_BUILDING = re.compile(rf"^{_BUILDING}[.,]?$")
_SIGN_OFF_PLACE = re.compile(
    rf"^(?:{_BUILDING}[.,]?\s+)?"
    r"(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z]{3,}(?:\s+[A-Z]{3,})?)"
    r"(?:[.,]?\s+(?P<region>(?:[A-Z]\.){2,4}))?\.?$"
)
_SIGN_OFF_DATE = re.compile(
    rf"^(?:{_WEEKDAY_RE},?\s+)?"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})|(?:{_MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./](?:\d{2}|\d{4}))\.?"
    # "Melbourne Monday, 19 February 1996 For further information contact …": the contact
    # line run on after the date.
    r"(?:$|\s+(?=(?:for\s+further|further\s+information|contact|media|enquiries|inquiries)\b))",
    re.IGNORECASE,
)
_SIGN_OFF_LINES = 3
_PLACE_THEN_CONTACT = re.compile(
    r"^(?P<city>[A-Z]{3,}(?: [A-Z]{3,})?)\.?\s+(?=(?i:for\s+(?:further|more|media)\s+"
    r"(?:information|enquiries|inquiries)|further\s+information)\b)"
)
# Words in capitals before the contact lines that are no place, besides those `_no_place`
# knows ("MEDIA", "RELEASE ENDS"): "ALL MEDIA ENQUIRIES", "GENERAL ENQUIRIES", "AAP".
_NOT_A_PLACE_BEFORE_CONTACT = _words("all general aap")
# "Effective 1 July 2025", "Posted March 5, 2024": words that date a notice, not places.
_DATING_WORDS = _words("effective commencing posted dated updated issued released from until")


# A scan's specks after the place or the date: "CANBERRA.• V'. .'", "23 May 1975.’".
_SPECK_MARKS = "•·’'`\""
_WORDY = re.compile(r"[A-Za-z]{2}|\d")


def _without_specks(paragraph: str) -> str:
    """The place or date of a sign-off without a scan's specks after it: "CANBERRA.• V'. .'"
    is "CANBERRA.", "23 May 1975.’" is "23 May 1975."."""
    text = paragraph.strip()
    if len(text) > 120 or not any(c in text for c in _SPECK_MARKS):
        return text  # "Canberra. A.C.T.": the region's initials are no specks
    words = text.split()
    while len(words) > 1 and not _WORDY.search(words[-1]):
        words.pop()  # "V'." and ".'" after the place: specks, not words
    cut = min((words[-1].find(c) for c in _SPECK_MARKS if c in words[-1]), default=-1)
    if cut > 0:
        words[-1] = words[-1][:cut]  # "CANBERRA.•": the speck glued to the place
    return " ".join(words)


def _from_sign_off(draft: Draft) -> None:
    """The place a statement is signed off from, on a line of its own near the end with its
    date below it (a heading such as "STATEMENT FOR PRESS" may stand between)."""
    tail = [_without_specks(p) for p in draft.paragraphs[-(_SIGN_OFF_LINES + 1) :]]
    for index, paragraph in enumerate(tail[:-1]):
        if _SIGN_OFF_BUILDING.match(paragraph.strip()):
            continue  # "Parliament House" above "Canberra": the place is on the next line
        found = _SIGN_OFF_PLACE.match(paragraph.strip())
        below = tail[index + 1 :]
        if (
            found
            and any(_SIGN_OFF_DATE.match(p.strip()) for p in below)
            and all(len(p.split()) <= 4 for p in below)
            and found.group("city").casefold() not in _DATELINE_STOP
        ):
            draft.dateline_city = city_name(found.group("city"))
            draft.dateline_country = found.group("region") or ""
            return
    # "CANBERRA. For further information contact …": the place, then the contact lines.
    for paragraph in draft.paragraphs[-_SIGN_OFF_LINES:]:
        found = _PLACE_THEN_CONTACT.match(paragraph.strip())
        if (
            found
            and not _no_place(found.group("city"))
            and not set(found.group("city").casefold().split()) & _NOT_A_PLACE_BEFORE_CONTACT
        ):
            draft.dateline_city = city_name(found.group("city"))
            return
    # "BRISBANE  13 January 2009": the place and the date on one line, at the foot of the
    # release or above the background notes that follow it.
    last = len(draft.paragraphs) - 1
    for index in range(last, 0, -1):
        words = draft.paragraphs[index].split()
        for k in (1, 2):
            found = _SIGN_OFF_PLACE.match(" ".join(words[:k]))
            if (
                found
                and len(words) > k
                and _SIGN_OFF_DATE.match(" ".join(words[k:]))
                and found.group("city").casefold() not in _DATELINE_STOP
                and found.group("city").casefold() not in _DATING_WORDS
                # above the last few paragraphs only a place in capitals signs off
                and (index > last - _SIGN_OFF_LINES or found.group("city").isupper())
            ):
                draft.dateline_city = city_name(found.group("city"))
                return


def _from_letterhead(draft: Draft) -> None:
    """The place of issue the letterhead gives ("… MP | Treasurer | MELBOURNE") when the
    body opens with no dateline."""
    place = draft.header_place
    if place and not _no_place(place):
        draft.dateline_city = city_name(place)


def _from_catalogue(draft: Draft) -> None:
    """The place and date ending the cataloguer's title ("[Committee meets in private for the
    second time: Canberra, 19 August 2003]") when the release gives no place of its own."""
    title = draft.catalogue_title.strip().strip("[]. ")
    found = _DATELINE_ALONE.match(re.split(r"[:;]\s+", title)[-1]) if ": " in title else None
    if found and not _no_place(found.group("city")):
        draft.dateline_city = city_name(found.group("city"))
        draft.dateline_country = (found.group("region") or "").strip(" ,")


def _from_feed_date(draft: Draft) -> None:
    """A feed's "Date: Washington, February 1, 2024" gives the place the text leaves out."""
    found = _DATELINE_ALONE.match(draft.meta_date.strip())
    if not found:
        return
    if _no_place(found.group("city")):
        return
    draft.dateline_city = city_name(found.group("city"))
    draft.dateline_country = (found.group("region") or "").strip(" ,")
    draft.dateline_date = found.group("date")


def city_name(city: str) -> str:
    """ "THE HAGUE" reads "The Hague"; a city written in mixed case is kept as written."""
    if city.upper() != city:
        return city
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), city.lower())
