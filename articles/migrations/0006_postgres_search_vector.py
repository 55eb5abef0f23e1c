"""
On PostgreSQL, a stored, indexed full-text vector of each release (title,
lead, body without tags), kept current by the database itself as a generated
column. SQLite has no such thing; its search falls back to simple matching.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(lead, '')), 'B')
        || setweight(
            to_tsvector(
                'english'::regconfig,
                regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')
            ),
            'C'
        )
    ) STORED
    """,
    "CREATE INDEX article_search_idx ON articles_article USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_gallery_keep_metadata")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
