"""
On PostgreSQL, a stored, indexed full-text vector of each quote, like the
releases' (migration 0006): searching quotes no longer reads every quote's
text on each search. SQLite has no such thing; its search matches words.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE articles_quote ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED
    """,
    "CREATE INDEX quote_search_idx ON articles_quote USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS quote_search_idx",
    "ALTER TABLE articles_quote DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_speaker_photo_renditions")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
