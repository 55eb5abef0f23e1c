from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Theme
from articles.search import MAX_QUERY_LENGTH, clean_query
from tests.factories import make_article, make_event, make_quote, make_speaker, yesterday
from tests.test_public_pages import NON_PUBLIC

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text ranking is PostgreSQL's"
)


def search(client, query, **params):
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [article.title for article in response.context["articles"]]


def snippets(response):
    return [str(article.snippet) for article in response.context["articles"]]


def no_markup_but_mark(snippet):
    return "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


class TestFinding:
    def test_finds_words_in_title_lead_body_quotes_and_speaker_names(self, client):
        make_article(title="Ransomware gang dismantled")
        make_article(title="By lead", lead="Investigators trace laundered money.")
        make_article(title="By body", body="<p>Officers seized <em>cocaine</em> shipments.</p>")
        quoted = make_article(title="By quote")
        make_quote(quoted, text="Borders no longer stop traffickers.")
        spoken = make_article(title="By speaker")
        make_quote(spoken, make_speaker(name="Valdecy Urquiza"))
        make_article(title="Unrelated")
        assert titles(search(client, "ransomware")) == ["Ransomware gang dismantled"]
        assert titles(search(client, "laundered")) == ["By lead"]
        assert titles(search(client, "cocaine")) == ["By body"]
        assert titles(search(client, "traffickers")) == ["By quote"]
        assert titles(search(client, "Urquiza")) == ["By speaker"]

    def test_a_speakers_name_and_a_word_of_their_quote(self, client):
        quoted = make_article(title="Conference closes")
        make_quote(quoted, make_speaker(name="Jürgen Stock"), text="Cybercrime knows no borders.")
        other = make_article(title="Other speaker")
        make_quote(other, make_speaker(name="Ana Peyró"), text="Cybercrime is on the rise.")
        assert titles(search(client, "Stock cybercrime")) == ["Conference closes"]
        assert titles(search(client, "Jürgen borders")) == ["Conference closes"]
        assert titles(search(client, "Stock rise")) == []

    def test_every_word_must_match(self, client):
        make_article(title="Cybercrime summit", lead="Police chiefs meet.")
        make_article(title="Cybercrime report", lead="Analysts publish figures.")
        assert titles(search(client, "cybercrime police")) == ["Cybercrime summit"]
        assert sorted(titles(search(client, "cybercrime"))) == [
            "Cybercrime report",
            "Cybercrime summit",
        ]

    def test_case_does_not_matter(self, client):
        make_article(title="Interpol conference")
        assert titles(search(client, "INTERPOL")) == ["Interpol conference"]

    @NON_PUBLIC
    def test_non_public_releases_are_never_found(self, client, fields):
        make_article(title="Public vaccine fraud case")
        make_article(title="Hidden vaccine fraud case", **fields)
        quoted = make_article(title="Hidden by quote", **fields)
        make_quote(quoted, text="vaccine fraud everywhere")
        response = search(client, "vaccine fraud")
        assert titles(response) == ["Public vaccine fraud case"]
        assert "Hidden" not in response.content.decode()

    def test_results_are_paginated_and_pages_keep_the_query(self, client):
        for n in range(23):
            make_article(title=f"Smuggling case {n}", publish_at=yesterday() - timedelta(hours=n))
        first = search(client, "smuggling")
        assert len(first.context["articles"]) == 20
        html = first.content.decode()
        assert "23 releases found for “<bdi>smuggling</bdi>”" in html
        assert 'href="?q=smuggling&amp;page=2"' in html
        assert len(search(client, "smuggling", page=2).context["articles"]) == 3

    @on_postgres
    def test_title_matches_rank_above_body_matches(self, client):
        make_article(title="Notes", body="<p>A line about extradition.</p>")
        make_article(title="Extradition treaty signed", publish_at=yesterday() - timedelta(days=9))
        assert titles(search(client, "extradition")) == ["Extradition treaty signed", "Notes"]

    @on_postgres
    def test_words_are_matched_by_their_stem(self, client):
        make_article(title="Police arrested five suspects")
        make_article(title="La police a arrêté des suspects", language="fr")
        assert titles(search(client, "arrests")) == ["Police arrested five suspects"]

    @on_postgres
    def test_the_database_ranks_the_first_releases_found(self, client, monkeypatch):
        """
        Ranking reads each release's whole vector, so PostgreSQL ranks only the
        first RANKED releases by title hits and date; the rest keep that order.
        """
        from articles.search import finding

        monkeypatch.setattr(finding, "RANKED", 2)
        hours = iter(range(1, 100))

        def release(title, body):
            published = yesterday() - timedelta(hours=next(hours))
            return make_article(title=title, body=f"<p>{body}</p>", publish_at=published)

        # Newest first, as the releases are put before ranking.
        release("Once", "Extradition.")
        release("Often", "Extradition, extradition, extradition requests.")
        release("Older once", "Extradition.")
        release("Older often", "Extradition, extradition, extradition requests.")
        # Within the first two the rank decides; after them, the date.
        assert titles(search(client, "extradition")) == [
            "Often",
            "Once",
            "Older once",
            "Older often",
        ]
        monkeypatch.setattr(finding, "RANKED", 200)
        assert titles(search(client, "extradition")) == [
            "Often",
            "Older often",
            "Once",
            "Older once",
        ]

    def test_each_release_found_is_on_exactly_one_page(self, client):
        for n in range(45):
            make_article(
                title=f"Smuggling {n}" if n % 3 else f"Report {n}",
                body="<p>About smuggling.</p>",
                publish_at=yesterday() - timedelta(hours=n % 7),
            )
        seen = []
        for page in (1, 2, 3):
            seen += titles(search(client, "smuggling", page=page))
        assert len(seen) == 45 and len(set(seen)) == 45
        # Titles that hold the word first.
        assert all(title.startswith("Smuggling") for title in seen[:30])


class TestSnippets:
    def test_snippet_marks_the_words_around_the_first_match(self, client):
        body = "<p>" + "Opening words. " * 40 + "The <strong>extradition</strong> treaty.</p>"
        make_article(title="Treaty", lead="A lead.", body=body)
        (snippet,) = snippets(search(client, "extradition"))
        assert "<mark>extradition</mark>" in snippet
        assert "<strong>" not in snippet
        assert no_markup_but_mark(snippet)

    def test_snippet_escapes_release_text(self, client):
        make_article(
            title="Escaping",
            lead="Plain lead.",
            body='<p>Text &lt;script&gt;alert(1)&lt;/script&gt; about piracy &amp; "more".</p>',
        )
        response = search(client, "piracy")
        (snippet,) = snippets(response)
        assert "<mark>piracy</mark>" in snippet
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet
        assert no_markup_but_mark(snippet)
        assert "<script>alert(1)" not in response.content.decode()

    def test_markup_hidden_in_attributes_stays_out(self, client):
        make_article(
            title="Attributes",
            body='<p><a href="https://example.org/?a=<b>" title="x>y<img src=x onerror=alert(1)>">'
            "piracy link</a> and piracy again</p>",
        )
        for snippet in snippets(search(client, "piracy")):
            assert no_markup_but_mark(snippet)
            assert "onerror" not in snippet or "&lt;img" in snippet

    def test_words_are_marked_whatever_their_accents_and_case(self, client):
        body = "<p>" + "Opening words. " * 40 + "Then JÜRGEN Stock spoke, and Jurgen’s aide.</p>"
        make_article(title="Visit", lead="A lead.", body=body)
        (snippet,) = snippets(search(client, "jürgen"))
        assert snippet.startswith("… ")  # the extract is taken around the words found
        assert "<mark>JÜRGEN</mark> Stock" in snippet
        assert "<mark>Jurgen</mark>’s aide" in snippet

    def test_words_found_by_their_stem_are_found_and_marked(self, client):
        make_article(title="Budget", lead="New policies on data.", body="<p>A policy paper.</p>")
        make_article(title="Other", lead="Police in Lyon.", body="<p>Nothing more.</p>")
        (snippet,) = snippets(search(client, "policy"))
        assert "<mark>policy</mark> paper" in snippet
        assert "New <mark>policies</mark> on data." in snippet
        # "conferences" finds "conference", on both databases.
        assert titles(search(client, "policies")) == ["Budget"]
        make_article(title="Annual conference", lead="It opens.", body="<p>Text.</p>")
        assert titles(search(client, "conferences")) == ["Annual conference"]

    def test_a_body_that_opens_with_the_lead_gives_it_once(self, client):
        lead = "Port police share vessel data in real time."
        make_article(title="Ports", lead=lead, body=f"<p>{lead}</p><p>More follows.</p>")
        (snippet,) = snippets(search(client, "vessel"))
        assert snippet.count("<mark>vessel</mark>") == 1
        assert "More follows." in snippet


HOSTILE = [
    "<script>alert(1)</script>",
    "\"'",
    "%",
    "_",
    "\\",
    "a & b | !c <-> d:*",
    "' OR 1=1 --",
    "Ωμέγα 東京 🚓",
    "null\x00byte",
    "x" * 5000,
    "   ",
]


class TestQueries:
    def test_empty_query_shows_the_form_and_no_results(self, client, django_assert_num_queries):
        make_article()
        with django_assert_num_queries(1):
            response = client.get(reverse("articles:search"))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="search-page-q"' in html
        assert "Search the titles" in html
        assert 'class="release-list' not in html and "found for" not in html
        assert 'name="robots" content="noindex' in html

    @pytest.mark.parametrize("query", HOSTILE)
    def test_hostile_queries_are_harmless(self, client, query):
        # No digits in it: "1=1" must not find the release by the number in its
        # default lead, whatever the order the tests run in.
        make_article(title="An ordinary release", lead="A lead.", body="<p>A body.</p>")
        response = search(client, query)
        html = response.content.decode()
        assert "<script>alert(1)" not in html
        assert len(response.context["query"]) <= MAX_QUERY_LENGTH
        # LIKE wildcards and operators are literal text, never "match everything".
        assert titles(response) == []

    def test_query_is_echoed_escaped(self, client):
        html = search(client, '<img src=x onerror="alert(1)">').content.decode()
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
        assert 'value="&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"' in html  # the search box

    def test_query_is_cleaned_and_capped(self):
        assert clean_query("  many   spaces\there\n ") == "many spaces here"
        assert clean_query("nul\x00 byte") == "nul byte"
        assert len(clean_query("y" * 1000)) == MAX_QUERY_LENGTH

    def test_unicode_words_are_found(self, client):
        make_article(title="Sûreté publique à Genève")
        assert titles(search(client, "Genève")) == ["Sûreté publique à Genève"]

    def test_query_count_does_not_grow_with_results(self, client, django_assert_num_queries):
        for n in range(3):  # most of the archive is not found: counted among those found
            make_article(title=f"Other news {n}")
        make_quote(make_article(title="Piracy off the coast", themes=["sea"], event=make_event()))
        # the site's generation; the archive, read afresh since tests do not
        # commit (its releases in order, and its theme and speaker totals); the
        # ids found, with on PostgreSQL a second query for those with the word
        # in their title and a third for the rank of the first ones; the
        # filters' counts of themes and speakers; the names of the themes,
        # speakers and events that can be shown, together; the page's rows and
        # their lead photos
        queries = 12 if connection.vendor == "postgresql" else 10
        with django_assert_num_queries(queries):
            search(client, "piracy")
        for n in range(30):
            make_quote(make_article(title=f"Other news {n}", themes=["piracy"]))
        for n in range(30):
            make_quote(make_article(title=f"Piracy case {n}", themes=["piracy"]))
        with django_assert_num_queries(queries):
            response = search(client, "piracy")
        assert len(response.context["articles"]) == 20


class TestSearchThatFinds:
    """Issue 15: every part of a release that readers see finds it, normalised."""

    def test_theme_event_speaker_role_dateline_and_reference_find_the_release(self, client):
        event = make_event(name="INTERPOL Conference", city="Tirana", venue="Palace of Congresses")
        article = make_article(
            title="Police chiefs meet",
            lead="Three days of talks.",
            body="<p>Nothing else.</p>",
            themes=["Cybercrime"],
            event=event,
            dateline_city="Lyon",
            dateline_country="France",
            reference="PR-2024-061",
        )
        make_quote(article, make_speaker(name="Valdecy Urquiza", role="Secretary General"))
        make_article(title="Unrelated")
        for query in (
            "cybercrime",
            "INTERPOL Conference",
            "Tirana",
            "Palace of Congresses",
            "Urquiza",
            "secretary general",
            "Lyon",
            "France",
            "PR-2024-061",
        ):
            assert titles(search(client, query)) == ["Police chiefs meet"], query

    def test_markup_is_not_text(self, client):
        make_article(title="Headings", body="<h2>Agenda</h2><p>Talks.</p>")
        assert titles(search(client, "h2")) == []
        assert titles(search(client, "agenda")) == ["Headings"]

    def test_accents_and_typographic_quotes_are_normalised(self, client):
        make_article(title="Today\u2019s crimes are international", lead="Sûreté à Genève.")
        assert titles(search(client, "today's crimes")) == ["Today\u2019s crimes are international"]
        assert titles(search(client, "today\u2019s")) == ["Today\u2019s crimes are international"]
        assert titles(search(client, "surete geneve")) == ["Today\u2019s crimes are international"]
        assert titles(search(client, "SÛRETÉ")) == ["Today\u2019s crimes are international"]

    def test_renaming_a_speaker_theme_or_event_reaches_the_search(self, client):
        event = make_event(name="Old event name")
        article = make_article(title="Renamed parts", themes=["old theme"], event=event)
        speaker = make_speaker(name="Old Speaker")
        make_quote(article, speaker)
        speaker.name = "Fresh Speakername"
        speaker.save()
        event.name = "Fresh Eventname"
        event.save()
        theme = Theme.objects.get(name="old theme")
        theme.name = "Fresh Themename"
        theme.save()
        for query in ("Speakername", "Eventname", "Themename"):
            assert titles(search(client, query)) == ["Renamed parts"], query
        assert titles(search(client, "Old Speaker")) == []

    def test_title_and_theme_matches_rank_first(self, client):
        make_article(title="A body match", body="<p>About extradition.</p>")
        make_article(
            title="Older", themes=["Extradition"], publish_at=yesterday() - timedelta(days=9)
        )
        assert titles(search(client, "extradition")) == ["Older", "A body match"]

    def test_filters_with_counts_as_links_keeping_the_query(self, client):
        event = make_event(name="Regional Conference", slug="regional")
        speaker = make_speaker(name="Jurgen Stock", slug="jurgen-stock")
        one = make_article(title="Cybercrime in Lyon", themes=["Cybercrime"], event=event,
                           dateline_country="France")  # fmt: skip
        make_quote(one, speaker)
        make_article(title="Cybercrime in Rome", themes=["Cybercrime", "Migration"],
                     dateline_country="Italy")  # fmt: skip
        response = search(client, "cybercrime")
        facets = {facet.name: facet for facet in response.context["facets"]}
        assert [(c.label, c.count) for c in facets["theme"].choices] == [
            ("Cybercrime", 2),
            ("Migration", 1),
        ]
        assert [(c.label, c.count) for c in facets["country"].choices] == [
            ("France", 1),
            ("Italy", 1),
        ]
        assert [(c.label, c.count) for c in facets["event"].choices] == [("Regional Conference", 1)]
        assert [(c.label, c.count) for c in facets["speaker"].choices] == [("Jurgen Stock", 1)]
        html = response.content.decode()
        assert 'href="?q=cybercrime&amp;event=regional"' in html
        # Filters combine, and the query stays.
        narrowed = search(client, "cybercrime", theme="cybercrime", country="Italy")
        assert titles(narrowed) == ["Cybercrime in Rome"]
        assert titles(search(client, "cybercrime", speaker="jurgen-stock")) == [
            "Cybercrime in Lyon"
        ]
        assert titles(search(client, "cybercrime", event="regional")) == ["Cybercrime in Lyon"]
        year = str(timezone.localdate(one.publish_at).year)
        dated = search(client, "cybercrime", **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
        assert len(titles(dated)) == 2
        assert (
            titles(search(client, "cybercrime", **{"from": "2001-01-01", "to": "2001-12-31"})) == []
        )
        # A chosen filter links to its removal.
        chosen = {f.name: f for f in narrowed.context["facets"]}["country"].choices
        assert [(c.label, c.selected, c.url) for c in chosen] == [
            ("Italy", True, "?q=cybercrime&theme=cybercrime")
        ]

    def test_a_chosen_filter_stays_among_many_equal_ones_and_names_sort_as_read(self, client):
        names = ["banana", "Énergie", "apple", "Cherry"] + [f"Theme {n:02}" for n in range(16)]
        make_article(title="Tied themes", themes=[*names, "Zebra"])
        tied = search(client, "tied")
        shown = [c.label for c in {f.name: f for f in tied.context["facets"]}["theme"].choices]
        assert shown[:5] == ["apple", "banana", "Cherry", "Énergie", "Theme 00"]
        assert len(shown) == 15 and "Zebra" not in shown
        chosen = search(client, "tied", theme="zebra")
        choices = {f.name: f for f in chosen.context["facets"]}["theme"].choices
        assert (choices[0].label, choices[0].selected, choices[0].url) == ("Zebra", True, "?q=tied")

    def test_each_result_shows_its_dateline_date_and_reference(self, client):
        make_article(title="Referenced", dateline_city="Lyon", reference="PR-7")
        html = search(client, "referenced").content.decode()
        assert "LYON" in html and "PR-7" in html and "<time datetime=" in html

    def test_on_phones_the_results_come_before_the_filters_with_the_chosen_ones_on_top(
        self, client
    ):
        make_article(title="Cybercrime in Lyon", themes=["Cybercrime"], dateline_country="France")
        html = search(client, "cybercrime", country="France").content.decode()
        # Results first in the page; a link at their top leads to the filters,
        # beside it the chosen filters, each a link that removes it.
        assert html.index('class="search-results"') < html.index('id="filters"')
        jump = html[html.index('class="search-jump"') : html.index('class="release-list')]
        assert 'href="#filters"' in jump
        assert 'href="?q=cybercrime"' in jump and "France" in jump

    def test_filtered_pages_are_cached_apart(self, client, settings):
        settings.NEWSROOM_PAGE_CACHE_SECONDS = 3600
        make_article(title="Cybercrime A", themes=["alpha"])
        make_article(title="Cybercrime B", themes=["beta"])
        assert len(titles(search(client, "cybercrime"))) == 2
        assert titles(search(client, "cybercrime", theme="alpha")) == ["Cybercrime A"]


class TestImportedReleases:
    """Bundle imports write in bulk, without signals: their releases are found all the same."""

    def test_found_by_theme_speaker_and_event_and_after_a_rename(self, client, tmp_path):
        from articles.bundles.importer import releases_import
        from tests.test_bundles import SMALL_IMAGES, small_bundle, write_bundle

        document = small_bundle()
        releases_import(write_bundle(tmp_path / "first", document, SMALL_IMAGES))
        for query in ("cybercrime", "Stock", "European Regional Conference", "PR-2024-061"):
            assert titles(search(client, query)) == ["Police chiefs meet in Tirana"], query
        # The same bundle again, with the speaker and the event renamed.
        document["speakers"][0]["name"] = "Jurgen Renamedstock"
        document["events"][0]["name"] = "Renamed Regional Summit"
        releases_import(write_bundle(tmp_path / "second", document, SMALL_IMAGES))
        for query in ("Renamedstock", "Renamed Regional Summit"):
            assert titles(search(client, query)) == ["Police chiefs meet in Tirana"], query
        assert titles(search(client, "European Regional Conference")) == []


def test_a_word_is_also_found_by_a_stem_long_enough_to_mean_something():
    from articles.search.text import word_forms

    assert word_forms("policies", "english") == ["policies", "polici"]
    assert word_forms("conferences", "english") == ["conferences", "confer"]
    assert word_forms("ages", "english") == ["ages"]  # "age" would find "agenda" and "agent"
    assert word_forms("vienna", "english") == ["vienna"]
    assert word_forms("policies", "simple") == ["policies"]  # no stemmer: the word only


class TestExtractsOfAnyQuery:
    def test_a_letter_left_by_an_apostrophe_marks_nothing(self, client):
        body = "<p>She said several states in Spain agree. " * 3 + "The pension reform passed.</p>"
        make_article(title="Macron’s pension reform", lead="A lead.", body=body)
        (snippet,) = snippets(search(client, "Macron's pension reform"))
        assert "<mark>pension</mark> <mark>reform</mark> passed" in snippet
        assert "<mark>s" not in snippet.lower()

    def test_a_short_word_marks_only_itself_and_the_extract_shows_the_longest(self, client):
        body = "<p>" + "Then there was the weather. " * 12 + "Wars end at the summit.</p>"
        make_article(title="Summit", lead="The EU and Europe meet.", body=body)
        (snippet,) = snippets(search(client, "the EU war summit"))
        assert "<mark>Wars</mark> end at <mark>the</mark> <mark>summit</mark>." in snippet
        assert "Then there" in snippet and "<mark>Then" not in snippet
        (snippet,) = snippets(search(client, "EU summit"))
        assert snippet.startswith("… ") and "<mark>summit</mark>" in snippet

    def test_a_title_found_by_its_stem_comes_first(self, client):
        make_article(title="Annual conference", publish_at=yesterday())
        make_article(title="Budget", lead="The conferences went well.")
        assert titles(search(client, "conferences")) == ["Annual conference", "Budget"]

    def test_threads_stem_alike(self):
        from concurrent.futures import ThreadPoolExecutor

        from articles.search.text import stem

        words = [f"{w}{n}ing" for n in range(1000) for w in ("report", "conferenc", "polic")]
        expected = [stem.__wrapped__(word, "english") for word in words]
        with ThreadPoolExecutor(4) as pool:
            for _ in range(3):
                stem.cache_clear()
                assert list(pool.map(stem, words, ["english"] * len(words))) == expected
