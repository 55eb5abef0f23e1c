"""Stage 9, themes: the known themes a release is about.

A theme is proposed when its name or a simple variant (plurals, hyphens,
"-ise"/"-ize", "cyber-enabled crime" for "cybercrime") appears in the title
or the lead, or in the body more than once; a single passing mention in the
body is not enough. :func:`reasons` says why each was proposed.
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
