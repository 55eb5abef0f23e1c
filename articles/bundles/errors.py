from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

# Enough to fix a bundle in one go without burying the terminal.
MAX_PROBLEMS_SHOWN = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bundle: where (record), which field, and what."""

    where: str  # "releases[2] (slug 'x')", or "" for the file as a whole
    field: str  # "quotes[0].speaker", or ""
    message: str

    def format(self, source: str) -> str:
        return ": ".join(part for part in (source, self.where, self.field, self.message) if part)


class BundleError(Exception):
    """A bundle that cannot be imported; nothing has been written."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__(self.text())

    def lines(self) -> list[str]:
        return [problem.format(self.source) for problem in self.problems]

    def text(self) -> str:
        lines = self.lines()
        shown = lines[:MAX_PROBLEMS_SHOWN]
        if len(lines) > len(shown):
            shown.append(_("… and %(count)d more problems.") % {"count": len(lines) - len(shown)})
        if len(lines) == 1:
            return shown[0]
        header = _("%(count)d problems in %(source)s:") % {
            "count": len(lines),
            "source": self.source,
        }
        return "\n".join([header, *shown])
