"""The foot of a release below its last paragraph: the press office's contact lines ("For
media information:", "Jo Example (02) 6277 4548"), the date and the place it was signed off
from. Dropped from the body and listed for the editor, once the dateline has been read from
them."""

from __future__ import annotations

import re

from .letterhead import _CONTACT, is_date_line
from .model import Draft, Notes
from .vocabulary import _short

# "For media information:", "Further information: Jo Roe, Media Adviser", "Media Contacts
# …", "Contact: …" (but "Further information about the fair can be found at …" is a note
# for readers, kept).
_CONTACT_LEAD = re.compile(
    r"^(?:(?:for\s+(?:further|more|media)\s+(?:information|enquiries|inquiries|details)"
    r"|further\s+(?:information|enquiries|inquiries))(?:\s*[:,–—-]|\s+(?:please\s+)?contact\b|$)"
    r"|media\s+(?:contacts?|enquiries|inquiries|information)\b"
    r"|(?:enquiries|inquiries|contacts?)\s*[:–—-])",
    re.IGNORECASE,
)
_FOOT_PARAGRAPHS = 6  # a contact block, a date and a place; no more
_SPECKS = " .,·•'’\"`"
# "11125 196 09:33: 15": a fax machine's numbers and time, printed at the foot of the page.
_FAX_STAMP = re.compile(r"^[\d\s/.-]*\b\d{1,2}:\s?\d{2}(?::\s?\d{2})?[\d\s/.-]*$")


def drop(draft: Draft, notes: Notes) -> None:
    """Drop the contact block, date and place of issue ending the text, bottom up."""
    paragraphs = draft.paragraphs
    place = draft.dateline_city.casefold()
    end = len(paragraphs)
    while end > 1 and len(paragraphs) - end < _FOOT_PARAGRAPHS:
        paragraph = paragraphs[end - 1].strip()
        if not _at_the_foot(paragraph, place):
            break
        end -= 1
    if end < len(paragraphs) and end > (draft.lead_index or 0):
        for paragraph in paragraphs[end:]:
            notes.drop(f"foot: {_short(paragraph)}")
        del paragraphs[end:]


def _at_the_foot(paragraph: str, place: str) -> bool:
    if place and paragraph.casefold().startswith(place):
        # "CANBERRA. For further information contact …": the place, then the contact lines
        rest = paragraph[len(place) :].lstrip(" .,")
        if _CONTACT_LEAD.match(rest):
            return True
    if _FAX_STAMP.match(paragraph):
        return True
    words = paragraph.split()
    if not words or len(words) > 20 or any(c in paragraph for c in "“”"):
        return False
    if _CONTACT_LEAD.match(paragraph) or (len(words) <= 12 and _CONTACT.search(paragraph)):
        return True
    if is_date_line(paragraph.strip(_SPECKS)):
        return True
    # ("CANBERRA A.C.T.": the place with its state's initials)
    return bool(place) and _STATE.sub("", paragraph).strip(_SPECKS).casefold() == place


_STATE = re.compile(r"[.,]?\s+(?:[A-Z]\.){2,4}$")
