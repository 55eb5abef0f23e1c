"""
What an import reports: per kind, how many records are new, changed, unchanged or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Progress = Callable[..., Iterable]


def no_progress(iterable, **kwargs):
    return iterable


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    speakers: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)
    contacts: Tally = field(default_factory=Tally)
    releases: Tally = field(default_factory=Tally)
    images: Tally = field(default_factory=Tally)
    themes: Tally = field(default_factory=Tally)  # names in other languages
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        tallies = (
            self.speakers,
            self.events,
            self.contacts,
            self.releases,
            self.images,
            self.themes,
        )
        return any(t.changed for t in tallies)
