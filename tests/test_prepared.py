"""Prepared queries give what the ORM gives, bind every value, and refuse what they cannot bind."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.db.models import Count, Q
from django.utils import timezone

from articles.models import Article, Event, GalleryImage
from articles.prepared import PreparedQuery, PreparedQueryError
from tests.factories import make_article, make_event, make_image, tomorrow, yesterday

pytestmark = pytest.mark.django_db


def public_by_slug(slug, now):
    return Article.objects.public(now).select_related("event").filter(slug=slug)


def test_gives_the_orms_rows_and_binds_new_values_into_the_same_sql():
    query = PreparedQuery(public_by_slug)
    event = make_event(name="Regional conference")
    first = make_article(slug="first", event=event)
    make_article(slug="second")
    now = timezone.now()

    [found] = query(slug="first", now=now)
    assert found == first
    assert found.event.name == "Regional conference"  # select_related, no extra query
    assert found.publish_at == first.publish_at and timezone.is_aware(found.publish_at)
    assert [a.slug for a in query(slug="second", now=now)] == ["second"]
    assert query(slug="nothing", now=now) == []
    assert len(query.plans) == 1  # compiled once


def test_the_time_is_bound_too_so_embargoes_hold():
    query = PreparedQuery(public_by_slug)
    release = make_article(slug="embargoed", publish_at=tomorrow())
    assert query(slug="embargoed", now=timezone.now()) == []
    assert query(slug="embargoed", now=release.publish_at + timedelta(seconds=1)) == [release]
    expired = make_article(
        slug="expired", publish_at=yesterday() - timedelta(days=2), unpublish_at=yesterday()
    )
    assert query(slug="expired", now=timezone.now()) == []
    assert query(slug="expired", now=yesterday() - timedelta(days=1)) == [expired]


def test_the_select_related_row_is_loaded_without_a_query(django_assert_num_queries):
    query = PreparedQuery(public_by_slug)
    make_article(slug="with-event", event=make_event(name="Summit"))
    query(slug="with-event", now=timezone.now())  # prepared
    with django_assert_num_queries(1):
        [found] = query(slug="with-event", now=timezone.now())
        assert found.event.name == "Summit"


def test_lists_are_prepared_once_per_length_and_annotations_and_json_come_back():
    query = PreparedQuery(
        lambda ids: (
            Article.objects.filter(pk__in=ids).annotate(photos=Count("images")).order_by("pk")
        )
    )
    a, b, c = make_article(), make_article(), make_article()
    make_image(a)
    make_image(a)
    assert [(x.pk, x.photos) for x in query(ids=[a.pk, b.pk])] == [(a.pk, 2), (b.pk, 0)]
    assert [x.pk for x in query(ids=[c.pk, b.pk])] == [b.pk, c.pk]
    assert [x.pk for x in query(ids=[a.pk, b.pk, c.pk])] == [a.pk, b.pk, c.pk]
    assert len(query.plans) == 2

    images = PreparedQuery(lambda article_id: GalleryImage.objects.filter(article=article_id))
    [first, _] = images(article_id=a.pk)
    assert isinstance(first.renditions, dict) and first.renditions["jpeg"]


@pytest.mark.parametrize(
    "build",
    [
        # The ORM wraps the value in wildcards: it never reaches the SQL as given.
        lambda words: Article.objects.filter(title__icontains=words),
        # Once as given, once transformed: the transformed place would keep its stand-in.
        lambda words: Article.objects.filter(Q(slug=words) | Q(title__icontains=words)),
        # A value out of a column's range makes the ORM drop the condition.
        lambda n: Event.objects.filter(expected_participants__gte=n).exclude(pk=n),
    ],
    ids=["transformed", "once-as-given-once-transformed", "condition-depends-on-value"],
)
def test_what_cannot_be_bound_as_given_is_refused_not_bound_wrong(build):
    make_article(title="Border security", slug="alpha")
    make_event(expected_participants=500)
    values = {"n": -1} if "n" in build.__code__.co_varnames else {"words": "alph"}
    with pytest.raises(PreparedQueryError, match="cannot prepare"):
        PreparedQuery(build)(**values)


@pytest.mark.django_db(transaction=True)
def test_plans_serve_every_thread():
    query = PreparedQuery(public_by_slug)
    make_article(slug="threaded")
    now = timezone.now()
    assert [a.slug for a in query(slug="threaded", now=now)] == ["threaded"]
    found = []

    def other_thread():
        try:
            found.extend(a.slug for a in query(slug="threaded", now=now))
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert found == ["threaded"]
    assert len(query.plans) == 1
