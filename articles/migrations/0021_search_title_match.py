"""
On PostgreSQL, each release gets a third generated vector: the words of its
title and themes alone (``search_title``), stripped, kept in the row like
``search_match`` and GIN-indexed. Search puts the releases whose title or
themes hold the words first (articles.search.finding): the index finds
them among the releases found without a ``LIKE`` over every title, which
for a word most releases hold was the dearest part of a search.
"""

from importlib import import_module

from django.db import migrations

# The text-search configuration of each release's language, and running
# statements on PostgreSQL only, as 0020 has them.
_0020 = import_module("articles.migrations.0020_search_match_vector")
CONFIG, _run = _0020.CONFIG, _0020._run

FORWARD = [
    f"""
    ALTER TABLE articles_article ADD COLUMN search_title_match tsvector
    GENERATED ALWAYS AS (strip(to_tsvector({CONFIG}, coalesce(search_title, '')))) STORED
    """,
    "ALTER TABLE articles_article ALTER COLUMN search_title_match SET STORAGE MAIN",
    # Before the rewrite below: its pending foreign-key checks would forbid it after.
    "CREATE INDEX article_search_title_idx ON articles_article USING gin (search_title_match)",
    # The rows written above were stored before MAIN was set: write them again.
    "UPDATE articles_article SET search_title_match = DEFAULT",
]
BACKWARD = [
    "DROP INDEX IF EXISTS article_search_title_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_title_match",
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_search_match_vector"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
