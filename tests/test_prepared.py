"""Prepared queries give what the ORM gives, bind every value, and refuse what they cannot bind."""

from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone

from articles.models import Article, GalleryImage
from articles.prepared import PreparedQuery
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


def test_a_value_the_orm_transforms_is_refused_not_bound_wrong():
    query = PreparedQuery(lambda words: Article.objects.filter(title__icontains=words))
    make_article(title="Border security")
    with pytest.raises(ValueError, match="words not bound as given"):
        query(words="border")
