"""
On PostgreSQL, each release gets a second generated vector for matching
only: the same words as ``search_vector`` without their positions and
weights (``strip()``), about half its size, kept in the row (storage MAIN)
instead of the TOAST table. A search for a word most releases hold reads
every matching row's vector when the planner walks the table instead of the
GIN index; read from the row, that costs a few milliseconds, where reading
the full vectors from the TOAST table cost tens. The GIN index moves to it
(a stripped vector has the same words, so it matches exactly the same
releases); ``search_vector`` stays for ranking (articles.search.finding).
"""

from django.db import migrations

CONFIG = """CASE language
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'fr' THEN 'french'::regconfig
        WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'de' THEN 'german'::regconfig
        ELSE 'simple'::regconfig
    END"""

FORWARD = [
    "DROP INDEX IF EXISTS article_search_idx",
    f"""
    ALTER TABLE articles_article ADD COLUMN search_match tsvector
    GENERATED ALWAYS AS (
        strip(
            to_tsvector({CONFIG}, coalesce(search_title, ''))
            || to_tsvector({CONFIG}, coalesce(search_text, ''))
        )
    ) STORED
    """,
    "ALTER TABLE articles_article ALTER COLUMN search_match SET STORAGE MAIN",
    # Before the rewrite below: its pending foreign-key checks would forbid it after.
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_match)",
    # The rows written above were stored before MAIN was set: write them again.
    "UPDATE articles_article SET search_match = DEFAULT",
]
BACKWARD = [
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_match",
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_public_list_index_covers_language"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
