"""Stage 9, themes: the known themes a release names.

A theme is proposed when its name or a simple variant (plurals, hyphens,
"-ise"/"-ize", "cyber-enabled crime" for "cybercrime") appears in the text.
:func:`explain` says why each was proposed and whether the release is about
it (title, lead, or named more than once) or names it only in passing, so a
review screen can leave the passing ones unticked.
"""

from __future__ import annotations

import re

from .model import Draft, Notes


def _theme_word(word: str) -> str:
    def inflect(w: str) -> str:
        pattern = re.escape(w)
        pattern = re.sub(r"(?<=[iy])[sz](?=(?:e|ed|es|ing|ation|ations)$)", "[sz]", pattern)
        pattern = re.sub(r"(?<=[a-z])ou?r$", "ou?r", pattern)
        if pattern.endswith("y"):
            return pattern[:-1] + "(?:y|ies)"
        return pattern + "(?:s|es)?"

    for prefix in (
        "counter",
        "cyber",
        "narco",
        "micro",
        "agri",
        "agro",
        "nano",
        "bio",
        "eco",
        "geo",
    ):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            # "cyber crime", "cyber-crime" and "cyber-enabled crime" are all cybercrime.
            return re.escape(prefix) + r"(?:[\s\-]?|-\w+[\s\-]+)" + inflect(word[len(prefix) :])
    return inflect(word)


def _theme_pattern(theme: str) -> re.Pattern[str] | None:
    words = [w for w in re.split(r"[\s\-]+", theme.casefold()) if w]
    if not words:
        return None
    body = r"[\s\-]+".join(_theme_word(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def run(draft: Draft, notes: Notes) -> None:
    draft.themes = [theme for theme, _reason in reasons(draft)]


def reasons(draft: Draft) -> list[tuple[str, str]]:
    """Each known theme the text names, with the words that name it."""
    haystack = "\n".join([draft.title, *draft.paragraphs])
    found: list[tuple[str, str]] = []
    for theme in draft.known_themes:
        if any(theme == name for name, _ in found):
            continue
        pattern = _theme_pattern(theme)
        match = pattern.search(haystack) if pattern is not None else None
        if match:
            count = len(pattern.findall(haystack))
            times = "once" if count == 1 else f"{count} times"
            found.append((theme, f"“{match.group(0)}” in the text ({times})"))
    return found


def explain(release) -> list[tuple[str, str, bool]]:
    """Each proposed theme with why, and whether the release is about it.

    The release is about a theme named in the title, the lead or the first
    two paragraphs, named at least twice, or named in a list of topics ("A,
    B and C"); one mention elsewhere is a passing one.
    """
    head = "\n".join([release.title, release.lead, *release.paragraphs[:2]])
    body = "\n".join(release.paragraphs)
    out = []
    for theme in release.themes:
        pattern = _theme_pattern(theme)
        if pattern is None:
            continue
        matches = list(pattern.finditer(body))
        first = pattern.search(head) or (matches[0] if matches else None)
        words = f"“{first.group(0)}”" if first else f"“{theme}”"
        listed = any(
            re.search(r"(?:,|\band)\s*$", body[max(0, m.start() - 6) : m.start()])
            and body[max(0, m.start() - 80) : m.end() + 80].count(",") >= 2
            for m in matches
        )
        if pattern.search(head):
            reason, about = f"{words} at the top of the release", True
        elif len(matches) > 1:
            reason, about = f"{words} named {len(matches)} times", True
        elif listed:
            reason, about = f"{words} in a list of the topics", True
        else:
            reason, about = f"{words} named once, in passing", False
        out.append((theme, reason, about))
    return out
