"""A generational suffix the text writes after a speaker's name ("Martin Example, Jr.").

The speaker is named in the fullest form the text gives, and "Jr.", "Sr." or "III" belong
to the name. They are added once the quotations are credited, so that "Dr. Example" later
in the text still finds the person by surname.
"""

from __future__ import annotations

import re
from itertools import islice

from ..model import ParsedSpeaker

_SUFFIX = re.compile(r"(?:,\s*|\s+)(?:Jr\.?|Sr\.?|II|III|IV)(?![\w-])")


def add_suffixes(speakers: list[ParsedSpeaker], paragraphs: list[str]) -> None:
    found = list(islice(((p, m) for p in paragraphs for m in _SUFFIX.finditer(p)), 50))
    for speaker in speakers:
        if len(speaker.name.split()) < 2:
            continue  # a surname alone: the text never gives the first name, nor "Jr."
        for paragraph, match in found:
            before = " ".join(paragraph[max(0, match.start() - 200) : match.start()].split())
            if before == speaker.name or before.endswith(" " + speaker.name):
                speaker.name = " ".join((speaker.name + match.group(0)).split())
                if speaker.role.rstrip(".") == speaker.name.split()[-1].rstrip("."):
                    speaker.role = ""  # "X, Jr. said": the suffix read as X's role
                break
