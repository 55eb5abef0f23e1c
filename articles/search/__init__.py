"""
Searching public releases.

Each release keeps one search document, in two plain-text columns of its
own row: ``search_title`` (the title and theme names) and ``search_text``
(lead, body text without markup, quotes, the names and roles of their
speakers, the event's name and place, the dateline and the reference
number). Both are *normalised*: accents removed, typographic quotes and
apostrophes made plain, case folded, punctuation made spaces, so "Jürgen",
"jurgen" and "JURGEN" are one word, and "today’s" is "today's".
``documents_update()`` rewrites them whenever something they hold changes
(the receivers in ``documents``, connected in ``ArticlesConfig.ready()``,
and the bundle importer for its bulk writes): a renamed speaker, theme or
event reaches every release that shows it.

On PostgreSQL the database makes a weighted, GIN-indexed vector of the two
columns (title and themes A, the rest C; migration 0016); every word of the
query must match a word of the release by its stem or as its start. On
SQLite every word, or its stem (Snowball's, as PostgreSQL's configurations
stem), must start a word of the document. Either way the
releases with the most words in their title or themes come first, then the
newest; on PostgreSQL the first 200 of them are then ordered by the
database's rank of the weighted vector.

Results can be narrowed by theme, country (of the dateline), event,
speaker and date range; each filter's choices come with their counts, as
links that keep the query and the other filters.

Snippets are HTML. The only markup they may carry is our own ``<mark>``: the
text is reduced to plain text first, escaped, and only then marked.

The order of the public releases and the totals the filters count from
are kept per site generation (``archive``): the database is asked only
which releases hold the words.

The package's parts: ``text`` (normalising queries and texts), ``documents``
(writing the documents and keeping them current), ``archive`` (the public
releases' order and totals, per generation), ``finding`` (matching,
filtering and ranking), ``facets`` (the filters' choices with their counts)
and ``snippets`` (the extracts shown with each result).
"""

from articles.search.documents import (
    document,
    documents_update,
    event_changed,
    release_part_changed,
    release_saved,
    speaker_changed,
    theme_changed,
    theme_names_changed,
    themes_changed,
)
from articles.search.facets import Choice, Facet, facets
from articles.search.finding import (
    FILTERS,
    SEARCH_CONFIGS,
    Found,
    clean_filters,
    search_config,
    search_releases,
)
from articles.search.snippets import snippet
from articles.search.text import (
    MAX_QUERY_LENGTH,
    MAX_WORDS,
    body_text,
    clean_query,
    normalise,
    page_query,
    query_words,
    search_words,
)

__all__ = [
    "FILTERS",
    "MAX_QUERY_LENGTH",
    "MAX_WORDS",
    "SEARCH_CONFIGS",
    "search_config",
    "Choice",
    "Facet",
    "Found",
    "body_text",
    "clean_filters",
    "clean_query",
    "document",
    "documents_update",
    "event_changed",
    "facets",
    "normalise",
    "page_query",
    "query_words",
    "release_part_changed",
    "release_saved",
    "search_releases",
    "search_words",
    "snippet",
    "speaker_changed",
    "theme_changed",
    "theme_names_changed",
    "themes_changed",
]
