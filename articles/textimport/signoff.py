"""A part of the dateline stage: the place a statement is signed off from, near its end
("CANBERRA" / "19 FEBRUARY 1975", "Parliament House, Canberra", "BRISBANE  13 January
2009", "CANBERRA. For further information contact …")."""

from __future__ import annotations

import re

from .foot import _CONTACT_LEAD
from .model import Draft
from .places import _CAPITALS, _DATELINE_STOP, _no_place, city_name, named_as_person
from .vocabulary import _MONTH_RE, _ROLE_WORDS, _WEEKDAY_RE, _words

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
_END_MARKS = re.compile(r"(?:\*\s*){3,}|#{3,}")
_PLACE_ABOVE_CONTACT = re.compile(r"^[A-Z]{4,}\.?$")
# Words in capitals above the contact lines that head something: no place.
_HEADINGS_ABOVE_CONTACT = _words(
    "notes attachment attachments authorised authorized photos photo interviews available "
    "background ends editors editor sheet"
)
# Words in capitals before the contact lines that are no place, besides those `_no_place`
# knows ("MEDIA", "RELEASE ENDS"): "ALL MEDIA ENQUIRIES", "GENERAL ENQUIRIES", "AAP".
_NOT_A_PLACE_BEFORE_CONTACT = _words("all general aap")
# "Effective 1 July 2025", "Posted March 5, 2024": words that date a notice, not places.
_DATING_WORDS = _words("effective commencing posted dated updated issued released from until")


_BULLETS = re.compile(r"[•·*]+")
_PLACE_DATED = re.compile(r"^\s*([A-Z]{3,}(?:\s[A-Z]{3,})?),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}", re.M)
_PLACE_COMMA_DATE = re.compile(r"^[A-Z][a-z]+,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
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


def _used_as_a_word(word: str, text: str) -> bool:
    """Whether the text uses the word in capitals above the contact lines as a word, not a
    place: in lower case ("PROGRAM" / "… a new ferry program") or as an acronym inside a
    sentence ("AIDAB" / "… administered by AIDAB")."""
    escaped = re.escape(word)
    return bool(
        re.search(rf"\b{re.escape(word.casefold())}\b", text)
        or re.search(rf"\b[a-z]+,?\s+{escaped}\b", text)
    )


def _down_to_contact(lines: list[str]) -> list[str]:
    """The lines below a place down to the contact lines that may follow its date
    ("CANBERRA" / "3 November 1989" / "Enquiries:" / "Jo Roe (062) 777 460")."""
    dated = False
    for index, line in enumerate(lines):
        if dated and _CONTACT_LEAD.match(line.strip()):
            return lines[:index]
        dated = dated or bool(_SIGN_OFF_DATE.match(line.strip()))
    return lines


def _reads_as_place(city: str, below: str, draft: Draft) -> bool:
    words = city.casefold().split()
    issuers = {n.split()[-1].casefold() for n in [*draft.issuers, *draft.letterhead_names]}
    return city.casefold() in _CAPITALS or not (
        set(words) & (_ROLE_WORDS | _HEADINGS_ABOVE_CONTACT | issuers)  # ("JOHN EXAMPLE")
        or named_as_person(city.split()[-1].capitalize(), draft.text)
        or below.split()[0].casefold() in _ROLE_WORDS
    )


def from_sign_off(draft: Draft) -> None:
    """The place a statement is signed off from, on a line of its own near the end with its
    date below it (a heading such as "STATEMENT FOR PRESS" may stand between)."""
    tail = [_without_specks(p) for p in draft.paragraphs[-(_SIGN_OFF_LINES + 1) :]]
    # (from the date up: "Jo Roe" / "Minister for Rivers" / "Canberra" / "3 May 1975")
    for index, paragraph in reversed(list(enumerate(tail[:-1]))):
        if _SIGN_OFF_BUILDING.match(paragraph.strip()):
            continue  # "Parliament House" above "Canberra": the place is on the next line
        found = _SIGN_OFF_PLACE.match(paragraph.strip())
        below = _down_to_contact(tail[index + 1 :])
        # (long contact lines below the date: the place must read as one, not "Gareth Evans"
        # above "Minister for Foreign Affairs", "MINISTER" or "Authorised")
        cut = any(len(p.split()) > 4 for p in tail[index + 1 :])
        if (
            found
            and any(_SIGN_OFF_DATE.match(p.strip()) for p in below)
            and all(len(p.split()) <= 4 for p in below)
            and found.group("city").casefold() not in _DATELINE_STOP
            and (not cut or _reads_as_place(found.group("city"), below[0], draft))
        ):
            draft.dateline_city = city_name(found.group("city"))
            draft.dateline_country = found.group("region") or ""
            return
    # "CANBERRA A.C.T." last, no date below: a capital city with its state's initials (or in
    # capitals alone below the last sentence, its "* * *" dropped).
    found = _SIGN_OFF_PLACE.match(tail[-1].strip()) if tail else None
    ended = (
        len(tail) > 1
        and tail[-2].rstrip()[-1:] in ".!?*"
        and len(tail[-2].split()) >= 3  # (a sentence, not the last but one of a list of places)
        and all(  # (not below "JAKARTA, 21 August 1990")
            d.group(1) == tail[-1].strip() for d in _PLACE_DATED.finditer(draft.text[:3000])
        )
    )
    if (
        found
        and (found.group("region") or (ended and found.group("city").isupper()))
        and found.group("city").casefold() in _CAPITALS
    ):
        draft.dateline_city = city_name(found.group("city"))
        draft.dateline_country = found.group("region") or ""
        return
    # "CANBERRA. For further information contact …": the place, then the contact lines.
    tail = draft.paragraphs[-_SIGN_OFF_LINES:]
    for index, paragraph in enumerate(tail):
        # ("… Bureau. * * * * * * CANBERRA For further information contact …": after the end,
        # a capital city only, not "FACT SHEET" or "AIDAB")
        after_end = _END_MARKS.split(paragraph)[-1].strip()
        first = after_end.split()[:1]
        if after_end != paragraph.strip() and (not first or first[0].casefold() not in _CAPITALS):
            continue
        paragraph = after_end
        if (
            _PLACE_ABOVE_CONTACT.match(paragraph)
            and index + 1 < len(tail)
            and paragraph.rstrip(".").casefold() not in _HEADINGS_ABOVE_CONTACT
            and not named_as_person(paragraph.rstrip(".").capitalize(), draft.text)
            and not _used_as_a_word(paragraph.rstrip("."), draft.text)
        ):
            paragraph = f"{paragraph} {tail[index + 1]}"  # "CANBERRA" / "For further …"
        found = _PLACE_THEN_CONTACT.match(paragraph)
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
        paragraph = draft.paragraphs[index]
        if paragraph[:1] in "•·*":
            continue  # "• Sydney 16 June 2013": an item of a list of events
        # ("Canberra •17 April 1982 *·": a scan's bullet and specks around the date)
        words = _BULLETS.sub(" ", paragraph).split()
        if len(words) > 3 and len(words[-1]) == 1 and words[-1].islower():
            words.pop()  # "CANBERRA 8 June 1971 i": a scan's speck after the date
        for k in (1, 2):
            place = " ".join(words[:k])
            if place.endswith(",") and place[:-1].casefold() in _CAPITALS:
                if any(
                    _PLACE_COMMA_DATE.match(p) for p in draft.paragraphs[index - 1 : index + 2 : 2]
                ):
                    continue  # "Melbourne, 4 November 1997" / "Hobart, …": a list of dates
                place = place[:-1]  # "Canberra, 1 October 1997  Media inquiries: …"
            found = _SIGN_OFF_PLACE.match(place)
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
