"""Stage 5, dateline: the place (and date) the release opens with.

"TIRANA, Albania –", "THE HAGUE, the Netherlands –", "WASHINGTON, D.C.—",
"BURLINGTON, Vt., July 31 –", "Washington D.C.—Today", "LONDON, 3 May 2024 -",
"NEW YORK, 5 May (UN News) —", or a place and date on a line of their own; else the place
in a feed's "Date:" field or the letterhead's place of issue ("… MP | Treasurer | MELBOURNE").
"""

from __future__ import annotations

import re

from .model import Draft, Notes
from .places import _no_place, city_name, named_as_person
from .quotes.around import citation
from .signoff import from_sign_off
from .vocabulary import _MONTH_RE, _WEEKDAY_RE

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
    r"|(?<=,\s[A-Z]{2})-(?=[A-Z][a-z])"
    # "Washington, D.C-Congresswoman": the abbreviation's last stop lost before the hyphen
    r"|(?<=\bD\.C)-(?=[A-Z][a-z]))"
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
# "Queenstown, NZ" on a line of its own at the top: the place, with its country's or state's
# letters (not "Gillard, Julia", a catalogue's name).
_PLACE_LINE = re.compile(
    r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+"
    r"(?P<region>ACT|NSW|NT|QLD|Qld|SA|TAS|Tas|VIC|Vic|WA|NZ|DC|D\.C\.|Australia|New Zealand)"
    r"\.?(?P<date>)$"
)
# "Manado-Indonesia, 29 July 2017": the country joined to the city by a hyphen, the text
# naming the place "Manado, Indonesia" too (not "Winston-Salem", "Baden-Baden").
_DATELINE_HYPHENED = re.compile(
    rf"^(?P<city>[A-Z][a-z]+)-(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*,\s*"
    rf"(?P<date>{_DL_DATE})\.?$"
)

# "Washington— Today, …": one place-name glued to the dash before a sentence of the lead.
_DATELINE_GLUED = re.compile(
    r"^(?P<city>[A-Z][a-z]{3,})(?P<date>(?!))?[–—]\s*(?P<rest>[A-Z]\S*(?:\s+\S+){7,}.*)$"
)


def _place_line(paragraph: str, text: str) -> re.Match[str] | None:
    """ "Queenstown, NZ", where the text speaks of the city as a place, and never of it as a
    person ("Mark Smith, ACT" under the contact lines, "Senator Seselja")."""
    found = _PLACE_LINE.match(paragraph)
    if found is None:
        return None
    city = found.group("city")
    if named_as_person(city.split()[-1], text) or not re.search(
        rf"\b(?:in|at|from)\s+{city}\b", text
    ):
        return None  # (the text names a place as one: "met in Queenstown on 9 February")
    return found


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


# A paragraph of the body: a dozen words or more, a sentence ended in it.
_SENTENCES = re.compile(r"^(?=(?:\S+\s+){11}).*[a-z][.!?][”\"’]?(?:\s|$)")


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
        if (
            found
            and not found.groupdict().get("region")
            and sum(bool(_SENTENCES.search(p)) for p in paragraphs[:index]) >= 2
        ):
            # "CHIEF SCIENTIST RESIGNS - Professor …" under paragraphs of the body: a topic
            # (not "WASHINGTON, D.C. —" under a standfirst or an editor's note)
            found = None
        if found:
            region = found.groupdict().get("region") or found.groupdict().get("dc") or ""
            draft.dateline_city = city_name(found.group("city"))
            draft.dateline_country = region.strip(" ,")
            draft.dateline_date = found.group("date") or ""
            paragraphs[index] = found.group("rest").strip()
            draft.lead_index = index
            return
        found = (
            _DATELINE_ALONE.match(paragraph)
            or _hyphened(paragraph, draft.text)
            or _place_line(paragraph, draft.text)
        )
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
        from_sign_off(draft)
    if not draft.dateline_city:
        _from_catalogue(draft)
    if not draft.dateline_city and draft.page_place:
        draft.dateline_city = draft.page_place


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
