"""
iCalendar (RFC 5545) for events, written by hand: one all-day VEVENT needs
no library, only correct escaping and line folding.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from articles.models import Event

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
# TEXT values may hold no control characters but tab (line breaks are escaped first).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return _CONTROL.sub("", value)


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never inside a character."""
    chunks = []
    current, size = "", 0
    limit = MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            chunks.append(current)
            # Continuation lines start with a space, which counts towards their 75 octets.
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1
        current += char
        size += octets
    chunks.append(current)
    return (CRLF + " ").join(chunks)


def _date(value) -> str:
    return value.strftime("%Y%m%d")


def event_calendar(event: Event, *, url: str, domain: str, stamp: datetime) -> str:
    """A VCALENDAR holding ``event`` as an all-day VEVENT (DTEND is exclusive)."""
    description = "\n\n".join(part for part in (event.description, event.link) if part)
    properties = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//Newsroom//Events//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("BEGIN", "VEVENT"),
        ("UID", f"event-{event.slug}@{domain}"),
        ("DTSTAMP", stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")),
        ("DTSTART;VALUE=DATE", _date(event.start_date)),
        ("DTEND;VALUE=DATE", _date(event.end_date + timedelta(days=1))),
        ("SUMMARY", escape_text(event.name)),
    ]
    if event.place:
        properties.append(("LOCATION", escape_text(event.place)))
    if description:
        properties.append(("DESCRIPTION", escape_text(description)))
    properties += [
        ("URL", url),
        ("END", "VEVENT"),
        ("END", "VCALENDAR"),
    ]
    return "".join(fold(f"{name}:{value}") + CRLF for name, value in properties)
