"""Queries and texts as the search documents hold them: cleaned, normalised, plain."""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from functools import lru_cache
from urllib.parse import urlencode

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
# Combining marks: the accents NFKD separates from their letters.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TAG = re.compile(r"<[^>]*>")
# Typographic quotes and apostrophes as the keyboard types them.
_PLAIN_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def clean_query(raw: str) -> str:
    """The query as searched: printable, single-spaced, at most 200 characters."""
    return _SPACES.sub(" ", _CONTROL.sub("", raw or "")).strip()[:MAX_QUERY_LENGTH].strip()


def page_query(query: str, filters: dict | None = None) -> str:
    """The query-string prefix that keeps the search (and its filters) when paging."""
    params = {"q": query} if query else {}
    params.update({name: value for name, value in (filters or {}).items() if value})
    return urlencode(params)


def query_words(query: str) -> list[str]:
    return [word for word in query.split(" ") if word][:MAX_WORDS]


def normalise(text: str) -> str:
    """
    Text as the search documents hold it: without accents, with plain quotes,
    case folded, words separated by single spaces.
    """
    text = text.translate(_PLAIN_QUOTES)
    if not text.isascii():
        text = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_NOT_WORD.split(text.casefold())).strip()


def search_words(query: str) -> list[str]:
    """The normalised words of a query; LIKE and tsquery syntax cannot survive this."""
    return normalise(query).split()[:MAX_WORDS]


def body_text(body: str) -> str:
    """The body's text without its markup (tags become spaces, entities characters)."""
    return html.unescape(_TAG.sub(" ", body or ""))


# A stemmer keeps its working state on itself: one for each thread.
_stemmers = threading.local()


def _stemmer(config: str):
    """Snowball's stemmer for a text-search configuration ("english"), None for "simple"."""
    if config not in snowballstemmer.algorithms():
        return None
    mine = _stemmers.__dict__
    if config not in mine:
        mine[config] = snowballstemmer.stemmer(config)
    return mine[config]


@lru_cache(maxsize=20_000)
def stem(word: str, config: str) -> str:
    """
    ``word`` (normalised) reduced to its stem by Snowball's stemmer for
    ``config``, close to how PostgreSQL's configuration of that name reduces
    it (PostgreSQL may keep an older version of the stemmer); the word itself
    where the configuration has no stemmer.
    """
    stemmer = _stemmer(config)
    return stemmer.stemWord(word) if stemmer else word


# A stem shorter than this finds too much as the start of a word ("was": "wa").
MIN_STEM = 4


def word_forms(word: str, config: str) -> list[str]:
    """
    The starts a word of a document may have to be found by ``word``: the
    word, and its stem when that is MIN_STEM letters or more.
    """
    found = stem(word, config)
    return [word] if found == word or len(found) < MIN_STEM else [word, found]
