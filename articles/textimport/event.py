"""Stage 8, event: date ranges ("11-13 June", "24 October to 1 November 2020") and the
expected participants ("about 160 senior police representatives").

A range without a year takes the caller's year, else the year of the
dateline, the feed's date or the date line under the letterhead; with no
year anywhere it is reported, not guessed.
"""

from __future__ import annotations

import datetime
import re

from .model import Draft, Notes, ParsedEvent
from .vocabulary import _ANY_DATE, _DATE_ONLY, _MONTH_RE, _MONTHS, _WEEKDAY_RE, _YEAR

# Event date ranges.
_EV_WD = rf"(?:{_WEEKDAY_RE},?\s+)?"
_EV_SEP = (
    r"(?P<sep>\s*[-–—]\s*|\s+(?:to|until|till|through|thru|au|à|al|bis|până la|pana la)\s+"
    r"|\s+(?P<andsep>and|și|si|et|und|y)\s+)"
)
_EV_YEAR = r"(?:19|20)\d\d(?!\d)"
_EVENT_DAY_FIRST = re.compile(
    rf"{_EV_WD}(?<![\w.,$€£/\-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:\s+(?P<m1>{_MONTH_RE})\.?(?:,?\s+(?P<y1>{_EV_YEAR}))?)?{_EV_SEP}{_EV_WD}"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?"
    rf"(?:,?\s+(?P<y2>{_EV_YEAR}))?(?!\w)",
    re.IGNORECASE,
)
_EVENT_MONTH_FIRST = re.compile(
    rf"{_EV_WD}(?<![\w])(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<y1>{_EV_YEAR}))?{_EV_SEP}{_EV_WD}(?:(?P<m2>{_MONTH_RE})\.?\s+)?"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y2>{_EV_YEAR}))?",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_BETWEEN = re.compile(r"(?:between|între|intre|entre|zwischen)\s*$", re.IGNORECASE)
# "about 160 senior police representatives", "some 3,000 delegates", "more than 40 countries"
_PARTICIPANTS = re.compile(
    r"\b(?:about|around|some|nearly|almost|over|more than|up to|approximately|roughly|"
    r"close to|at least|an estimated)?\s*(?P<count>\d{1,3}(?:[,\u202f ]\d{3})*|\d+)\s+"
    r"(?:[a-z-]+\s+){0,4}?(?P<who>participants|delegates|attendees|representatives|"
    r"officials|officers|experts|leaders|guests|speakers|visitors|exhibitors|members|"
    r"ministers|delegations|people)\b",
    re.IGNORECASE,
)
_GATHERING = re.compile(
    r"\b(?:attend|attended|attending|gather|gathered|gathering|bring(?:s|ing)? together|"
    r"brought together|took part|take part|taking part|participat\w*|joined|welcom\w*|"
    r"conference|summit|forum|meeting|congress|assembly|expected)\b",
    re.IGNORECASE,
)


def run(draft: Draft, notes: Notes) -> None:
    release_year = _release_year(draft)
    events: list[ParsedEvent] = []
    seen: set[tuple[datetime.date, datetime.date]] = set()
    noted: set[str] = set()
    texts = list(draft.paragraphs)
    if draft.title:
        texts.append(draft.title)
    for text in texts:
        if not _HAS_DIGIT.search(text):
            continue  # a range needs a day
        matches = []
        for pattern in (_EVENT_DAY_FIRST, _EVENT_MONTH_FIRST):
            matches.extend(pattern.finditer(text))
        matches.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
        last_end = -1
        for match in matches:
            if match.start() < last_end:
                continue
            result = _event(match, text, draft.year or release_year)
            if result is None:
                continue
            last_end = match.end()
            if isinstance(result, str):
                if result not in noted:
                    noted.add(result)
                    notes.unplace(result)
                continue
            key = (result.start, result.end)
            if key not in seen:
                seen.add(key)
                events.append(result)
    if events:
        events[0].participants = participants(draft.paragraphs)
    draft.events = events


def participants(paragraphs: list[str]) -> int | None:
    """The number of people expected at the event, read from a sentence about the gathering."""
    for paragraph in paragraphs:
        for match in _PARTICIPANTS.finditer(paragraph):
            sentence_start = max(paragraph.rfind(". ", 0, match.start()), 0)
            sentence_end = paragraph.find(". ", match.end())
            sentence = paragraph[sentence_start : sentence_end if sentence_end > 0 else None]
            if not _GATHERING.search(sentence):
                continue
            count = int(re.sub(r"\D", "", match.group("count")))
            if 2 <= count <= 1_000_000:
                return count
    return None


def _month(name: str | None) -> int | None:
    return _MONTHS.get(name.casefold().rstrip(".")) if name else None


def _release_year_from(text: str) -> int | None:
    match = _ANY_DATE.search(text)
    if match:
        return int(match.group("y1") or match.group("y2") or match.group("y3"))
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _release_year(draft: Draft) -> int | None:
    for source in (draft.dateline_date, draft.meta_date, draft.header_date):
        if source:
            found = _release_year_from(source)
            if found:
                return found
    for paragraph in draft.paragraphs[:10]:
        if _DATE_ONLY.match(paragraph):
            return _release_year_from(paragraph)
    return None


def _event(match: re.Match[str], text: str, year: int | None) -> ParsedEvent | str | None:
    """The event for ``match``, a note for the editor, or None when it is no range."""
    if match.group("andsep") and not _BETWEEN.search(
        text[max(0, match.start() - 15) : match.start()]
    ):
        return None
    months = [match.group("m1"), match.group("m2")]
    if "may" in months:
        return None  # lower-case "may" is the verb
    source = match.group(0).strip(" ,")
    d1, d2 = int(match.group("d1")), int(match.group("d2"))
    m1, m2 = _month(months[0]), _month(months[1])
    m1 = m1 or m2
    m2 = m2 or m1
    if m1 is None or m2 is None:
        return None
    if (not months[0] or not months[1]) and d2 < d1:
        return None  # "13-11 June" within one month runs backwards
    wraps = (m1, d1) > (m2, d2)
    y1 = int(match.group("y1")) if match.group("y1") else None
    y2 = int(match.group("y2")) if match.group("y2") else None
    if y2:
        end_year, start_year = y2, y1 or (y2 - 1 if wraps else y2)
    elif y1:
        start_year, end_year = y1, y1 + 1 if wraps else y1
    else:
        fallback = year
        if fallback is None:
            return f"date range “{source}” has no year; pass a year to place it"
        start_year, end_year = fallback, fallback + 1 if wraps else fallback
    try:
        start = datetime.date(start_year, m1, d1)
        end = datetime.date(end_year, m2, d2)
    except ValueError:
        return f"date range “{source}” is not a valid date"
    if end < start or (end - start).days > 366:
        return f"date range “{source}” does not make sense"
    return ParsedEvent(start=start, end=end, source=source)
