"""
On PostgreSQL the public list and search are answered through their indexes:
the covering list index, and the releases' full-text vector (GIN), which
holds their quotes and speakers too.

The list is checked on a 3,000-release archive, where the planner chooses the
index by itself. Search is checked with sequential scans discouraged: on an
archive this small a scan is cheaper, and what matters is that the query's
shape lets an index answer it (an ILIKE over every quote could not). The
benchmark prints the plans chosen on its 10,000 releases.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import search
from articles.models import Article, ArticleTheme, Quote
from tests.factories import make_speaker

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's"),
]

RELEASES = 3000


@pytest.fixture
def archive():
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Release {n}",
            slug=f"release-{n}",
            lead=f"Operation {n} against organised crime." + (" In Vienna." if n % 97 == 0 else ""),
            body="<p>Police forces of the region worked together.</p>",
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(hours=n),
            # Written with the row, as the search document of the release and
            # of its quote (every 7th has one, below) would be: the test is
            # about the query's plan, not about keeping documents current.
            search_text=" "
            + search.normalise(
                f"Operation {n} against organised crime."
                + (" In Vienna." if n % 97 == 0 else "")
                + " Police forces of the region worked together."
                + (" Borders no longer stop traffickers. Valdecy Urquiza" if n % 7 == 0 else "")
            )
            + " ",
        )
        for n in range(RELEASES)
    )
    themes = [Tag.objects.create(name=f"theme {n}", slug=f"theme-{n}") for n in range(30)]
    articles = list(Article.objects.only("pk"))
    ArticleTheme.objects.bulk_create(
        ArticleTheme(content_object=article, tag=themes[(article.pk + k) % 30])
        for article in articles
        for k in range(3)
    )
    speaker = make_speaker(name="Valdecy Urquiza")
    Quote.objects.bulk_create(
        Quote(article=article, speaker=speaker, text="Borders no longer stop traffickers.")
        for article in articles[::7]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return themes


def plan_of(client, url, *, discourage_scans=False) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        if discourage_scans:
            # Whole-table walks, in the table or along its primary key: rows
            # just written sit in the GIN index's pending list, which makes the
            # planner price it above such a walk until the table is vacuumed.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return "\n\n".join(plans)


def test_list_pages_walk_the_covering_index(client, archive):
    assert "article_public_list_idx" in plan_of(client, reverse("articles:list"))
    assert "article_public_list_idx" in plan_of(client, reverse("articles:list") + "?page=100")


def test_search_reads_the_full_text_indexes(client, archive):
    plan = plan_of(client, reverse("articles:search") + "?q=vienna", discourage_scans=True)
    assert "article_search_idx" in plan
    assert "Seq Scan on articles_quote" not in plan
    # A speaker's name is in the same document: no lookup of its own.
    plan = plan_of(client, reverse("articles:search") + "?q=urquiza", discourage_scans=True)
    assert "article_search_idx" in plan
    assert "Seq Scan on articles_quote" not in plan
