"""Stage 6a, embedded posts: a post copied from a social network into the release.

Scraped releases keep an embedded post as its text, its short link and its
signature, "So … a boondoggle https://t.co/… — Josh Hawley (@HawleyMO)", with the
date on the next line. The post is its author's own words: it is made a quotation
signed with a dash line, which the quotes stage credits, and the link and the
date are dropped.
"""

from __future__ import annotations

import re

from .model import Draft, Notes
from .vocabulary import _MONTH_RE

_POST = re.compile(
    r"^(?P<text>\S.{2,2000}?)\s+(?P<links>(?:(?:https?://t\.co/|pic\.twitter\.com/)\S+\s+)*)"
    r"[—–-]\s*(?P<name>[A-Z][^()—–“”\"]{2,80}?)\s*\(@\w{1,30}\)$",
    re.DOTALL,
)
# The signature on a line of its own, below the post's text ("… I hope Tyson…").
SIGNATURE = re.compile(r"^[—–-]\s*[A-Z][^()—–“”\"]{2,80}?\s*\(@\w{1,30}\)$")
_POST_DATE = re.compile(rf"^(?i:{_MONTH_RE})\.?\s+\d{{1,2}},\s+\d{{4}}$")


# A phrase the post itself puts in marks ("idiotic “climate change” initiatives"): a few
# words inside a sentence, not a quotation of the post; they take single marks inside it
# while the quotes are read, and get their own marks back in the quote's text.
_PHRASE = re.compile(r"(?<=\w )“([^“”\"]{1,40})”(?= \w)")


def _marks_outside_phrases(text: str) -> bool:
    return any(c in _PHRASE.sub("", text) for c in '“”"')


def run(draft: Draft, notes: Notes) -> None:
    paragraphs = draft.paragraphs
    index = 0
    while index < len(paragraphs):
        if (
            index
            and SIGNATURE.match(paragraphs[index])
            and not _POST.match(paragraphs[index - 1])
            and not _marks_outside_phrases(paragraphs[index - 1])
        ):
            paragraphs[index - 1 : index + 1] = [f"{paragraphs[index - 1]} {paragraphs[index]}"]
            index -= 1
        found = _POST.match(paragraphs[index])
        if found and not _marks_outside_phrases(found.group("text")):
            text = _PHRASE.sub(r"‘\1’", found.group("text"))
            if text != found.group("text"):
                draft.post_words[" ".join(text.split())] = " ".join(found.group("text").split())
            paragraphs[index] = f"“{text}” — {found.group('name')}"
            for link in found.group("links").split():
                notes.drop(link)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if _POST_DATE.match(following):
                notes.drop(following)
                del paragraphs[index + 1]
        index += 1
