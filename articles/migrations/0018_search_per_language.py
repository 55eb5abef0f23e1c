"""
On PostgreSQL, each release's search vector is made with the text-search
configuration of its own language (articles.search.finding.SEARCH_CONFIGS):
French and Spanish words are stemmed as French and Spanish, Arabic and
languages without a stemmer are taken word for word ("simple").
"""

from django.db import migrations


def _vector(config: str) -> str:
    return f"""
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector({config}, coalesce(search_title, '')), 'A')
        || setweight(to_tsvector({config}, coalesce(search_text, '')), 'C')
    ) STORED
    """


PER_LANGUAGE = """CASE language
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'fr' THEN 'french'::regconfig
        WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'de' THEN 'german'::regconfig
        ELSE 'simple'::regconfig
    END"""

DROP = [
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]
INDEX = "CREATE INDEX article_search_idx ON articles_article USING gin (search_vector)"
FORWARD = [*DROP, _vector(PER_LANGUAGE), INDEX]
BACKWARD = [*DROP, _vector("'english'::regconfig"), INDEX]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_translations"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
