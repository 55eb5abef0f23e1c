"""What the stages pass along: the draft being built, and the notes for the editor."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class ParsedSpeaker:
    """A person quoted in the release; ``role`` is "" when the text does not give one."""

    name: str
    role: str


@dataclass
class ParsedQuote:
    """The speaker's own words, without quotation marks or attribution.

    Paragraphs of a quote that runs over several paragraphs are joined by a
    blank line ("\\n\\n"). ``context`` is the occasion when the text gives one
    ("opening the conference").
    """

    speaker: ParsedSpeaker
    text: str
    context: str = ""


@dataclass
class ParsedEvent:
    """A date range mentioned in the release; ``source`` is the text it was read from.

    ``participants`` is the expected number of participants when the text
    gives one ("about 160 senior police representatives"), else None.
    """

    start: datetime.date
    end: datetime.date
    source: str
    participants: int | None = None


@dataclass
class ParsedRelease:
    """Everything found in one release.

    ``paragraphs`` is the readable body in order (quotes included, the
    dateline stripped from the paragraph that carried it, debris removed).
    ``dropped`` lists the debris removed and ``unplaced`` what was noticed but
    could not be placed, both for the editor's report.
    """

    title: str
    dateline_city: str
    dateline_country: str
    lead: str
    paragraphs: list[str]
    speakers: list[ParsedSpeaker]
    quotes: list[ParsedQuote]
    events: list[ParsedEvent]
    themes: list[str]
    dropped: list[str]
    unplaced: list[str]


@dataclass
class Notes:
    """What the editor is told: debris removed, and what could not be placed."""

    dropped: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def drop(self, text: str) -> None:
        self.dropped.append(text)

    def unplace(self, text: str) -> None:
        if text not in self.unplaced:  # the same words quoted twice are one thing to check
            self.unplaced.append(text)


@dataclass
class Draft:
    """The release as the stages build it, in pipeline order.

    The caller's arguments come first; each stage then fills in its own
    fields and reads only those of earlier stages.
    """

    # The caller's arguments, checked.
    given_title: str = ""
    known_themes: list[str] = field(default_factory=list)
    year: int | None = None
    # decode
    text: str = ""
    # segment (lines) and letterhead/debris
    lines: list[str] = field(default_factory=list)
    meta_title: str = ""
    meta_date: str = ""
    issuers: list[str] = field(default_factory=list)  # a catalogue's creators: "Alexander Downer"
    catalogue_title: str = ""  # a front matter's title: finds the headline printed in the body
    header_date: str = ""
    page_starts: set[str] = field(default_factory=set)  # lines after a page number or footer
    after_blank: set[str] = field(default_factory=set)  # lines after a blank line
    # Paragraphs with no blank line above them: cut off a glued one, or on the next line
    glued_starts: set[str] = field(default_factory=set)
    # title
    title: str = ""
    letterhead_names: list[str] = field(default_factory=list)  # "B.M. Snedden"
    letterhead_offices: list[str] = field(default_factory=list)  # "Shadow Minister for Rivers"
    # "PRIME MINISTER" / "THE HON. JO ROE MP": each name's office, as the letterhead pairs them
    letterhead_roles: dict[str, str] = field(default_factory=dict)
    header_place: str = ""  # "… MP | Treasurer | MELBOURNE": the place of issue
    page_place: str = ""  # "Parliament House, Canberra" between paragraphs: the last resort
    # segment (paragraphs)
    paragraphs: list[str] = field(default_factory=list)
    body_from: int = 0
    # embedded posts: the words as printed, by the text given to the quotes stage
    post_words: dict[str, str] = field(default_factory=dict)
    # dateline
    dateline_city: str = ""
    dateline_country: str = ""
    dateline_date: str = ""
    lead_index: int | None = None
    lead: str = ""
    # people and quotes
    speakers: list[ParsedSpeaker] = field(default_factory=list)
    quotes: list[ParsedQuote] = field(default_factory=list)
    # event and themes
    events: list[ParsedEvent] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)

    def release(self, notes: Notes) -> ParsedRelease:
        return ParsedRelease(
            title=self.title,
            dateline_city=self.dateline_city,
            dateline_country=self.dateline_country,
            lead=self.lead,
            paragraphs=self.paragraphs,
            speakers=self.speakers,
            quotes=self.quotes,
            events=self.events,
            themes=self.themes,
            dropped=notes.dropped,
            unplaced=notes.unplaced,
        )
