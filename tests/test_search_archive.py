"""
What search keeps of the public archive (articles.search.archive): the
order of the releases and the filters' totals, under the site's generation.
A search that finds most of the archive counts the releases it did not find
and subtracts them; the counts must be those of the releases found, exactly.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.search.archive import Archive
from tests.factories import make_article, make_event, make_quote, make_speaker, yesterday
from tests.test_search import search, titles


def counts(response):
    return {
        facet.name: [(choice.label, choice.count) for choice in facet.choices]
        for facet in response.context["facets"]
    }


def broad_archive():
    """Five public releases, four holding "police"; one draft and one under embargo hold it too."""
    lyon = make_event(name="Lyon Summit", slug="lyon-summit")
    stock = make_speaker(name="Jurgen Stock", slug="jurgen-stock")
    ana = make_speaker(name="Ana Peyro", slug="ana-peyro")
    one = make_article(title="Police in Lyon", themes=["Cybercrime", "Training"], event=lyon,
                       dateline_country="France")  # fmt: skip
    make_quote(one, stock)
    make_quote(one, stock)  # twice in one release: one release
    two = make_article(title="Police in Rome", themes=["Cybercrime"], dateline_country="Italy")
    make_quote(two, ana)
    make_article(title="Police in Nice", themes=["Migration"], dateline_country="France",
                 publish_at=yesterday() - timedelta(days=400))  # fmt: skip
    make_article(title="Police in Oslo", lead="A lead.", body="<p>A body.</p>")
    # Not found: its theme, speaker, country and event are counted by nobody.
    other = make_article(title="Weather report", lead="Rain.", body="<p>Sun.</p>",
                         themes=["Fisheries"], event=make_event(name="Harbour Days"),
                         dateline_country="Norway")  # fmt: skip
    make_quote(other, make_speaker(name="Olav Berg"))
    # Found by the words but never counted: not public.
    make_article(title="Police draft", status=Article.Status.DRAFT, themes=["Cybercrime"])
    make_article(title="Police embargoed", themes=["Cybercrime"],
                 publish_at=timezone.now() + timedelta(days=1))  # fmt: skip


@pytest.mark.django_db
class TestCountsWhenMostOfTheArchiveIsFound:
    def test_the_releases_not_found_are_subtracted_exactly(self, client):
        broad_archive()
        response = search(client, "police")
        assert sorted(titles(response)) == [
            "Police in Lyon", "Police in Nice", "Police in Oslo", "Police in Rome",
        ]  # fmt: skip
        found = counts(response)
        assert found["theme"] == [("Cybercrime", 2), ("Migration", 1), ("Training", 1)]
        assert found["country"] == [("France", 2), ("Italy", 1)]
        assert found["event"] == [("Lyon Summit", 1)]
        assert found["speaker"] == [("Ana Peyro", 1), ("Jurgen Stock", 1)]
        assert sum(count for _year, count in found["year"]) == 4

    def test_the_same_counts_as_a_search_that_finds_few(self, client):
        broad_archive()
        for n in range(6):  # now most of the archive is *not* found
            make_article(title=f"Weather {n}", lead="Rain.", body="<p>Sun.</p>")
        assert counts(search(client, "police")) == counts(_broad(client))

    def test_a_filter_counts_among_the_releases_found_not_from_the_totals(self, client):
        broad_archive()
        narrowed = counts(search(client, "police", country="France"))
        assert narrowed["country"] == [("France", 2)]
        assert narrowed["theme"] == [("Cybercrime", 1), ("Migration", 1), ("Training", 1)]
        assert narrowed["speaker"] == [("Jurgen Stock", 1)]

    def test_results_come_newest_first_after_title_matches_and_only_public(self, client):
        make_article(title="Old police story", publish_at=yesterday() - timedelta(days=30))
        make_article(title="Newer", lead="The police came.", body="<p>Text.</p>")
        make_article(title="Newest", lead="Police again.", body="<p>Text.</p>",
                     publish_at=timezone.now() - timedelta(minutes=1))  # fmt: skip
        make_article(title="Police draft", status=Article.Status.DRAFT)
        # Title matches first; then the newest first.
        assert titles(search(client, "police")) == ["Old police story", "Newest", "Newer"]


def _broad(client):
    """The same search, with the releases found fewer than half: counted among them."""
    response = search(client, "police")
    assert len(response.context["paginator"].object_list) * 2 <= len(
        response.context["paginator"].object_list.archive
    )
    return response


@pytest.mark.django_db(transaction=True)
class TestKeptUnderTheGeneration:
    """Committed edits, as in production: the archive kept is never stale."""

    def test_an_edit_reaches_the_next_search(self, client, search_archive):
        make_article(title="Police in Lyon", themes=["Cybercrime"])
        assert titles(search(client, "police")) == ["Police in Lyon"]
        later = make_article(title="Police in Rome", themes=["Training"])
        assert titles(search(client, "police")) == ["Police in Rome", "Police in Lyon"]
        assert counts(search(client, "police"))["theme"] == [("Cybercrime", 1), ("Training", 1)]
        later.status = Article.Status.DRAFT
        later.save()
        assert titles(search(client, "police")) == ["Police in Lyon"]
        assert counts(search(client, "police"))["theme"] == [("Cybercrime", 1)]

    def test_a_search_reads_it_once_per_generation(
        self, client, search_archive, django_assert_num_queries
    ):
        make_quote(make_article(title="Police in Lyon", themes=["Cybercrime"]))
        make_article(title="Weather", lead="Rain.", body="<p>Sun.</p>")
        search(client, "police")  # the first search of the generation reads the archive
        # the generation, the ids found (and on PostgreSQL, apart, those with
        # the word in their title, then the rank of the first ones), the counts
        # of themes and speakers among the releases not found, the names, the
        # page's rows and their lead photos
        queries = 9 if connection.vendor == "postgresql" else 7
        with django_assert_num_queries(queries):
            response = search(client, "police")
        assert titles(response) == ["Police in Lyon"]
        assert isinstance(response.context["paginator"].object_list.archive, Archive)

    def test_each_language_has_its_own(self, client, search_archive):
        english = make_article(title="Police in Lyon")
        make_article(title="Police à Lyon", language="fr", source=english)
        assert titles(search(client, "police")) == ["Police in Lyon"]
        response = client.get("/fr/search/", {"q": "police"})
        assert [a.title for a in response.context["articles"]] == ["Police à Lyon"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the vectors are PostgreSQL's")
def test_the_generated_vectors_are_added_to_a_table_that_has_releases(client):
    """Migrations 0020 and 0021 rewrite every row: their indexes come first, or they fail."""
    from django.core.management import call_command

    # Rows pointing to others: rewriting them queues foreign-key checks.
    make_quote(make_article(title="Police in Lyon", themes=["Cybercrime"], event=make_event()))
    make_article(title="Weather", lead="The police were out.", body="<p>Rain.</p>")
    call_command("migrate", "articles", "0019", verbosity=0)
    call_command("migrate", "articles", verbosity=0)
    assert titles(search(client, "police")) == ["Police in Lyon", "Weather"]
    assert titles(search(client, "cybercrime")) == ["Police in Lyon"]
