"""Related rows carried in the parent's query as JSON come back as the ORM would load them."""

import json
from datetime import UTC, datetime

import pytest
from django.db import models
from django.db.models import OuterRef

from articles import nested
from articles.models import Article, Event, GalleryImage, Quote
from articles.nested import NestedRows
from tests.factories import make_article, make_event, make_image, make_quote, make_speaker

pytestmark = pytest.mark.django_db


def values(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


QUOTES = NestedRows(
    Quote.objects.filter(article=OuterRef("pk")), related=("speaker",), order_by=("position", "pk")
)
IMAGES = NestedRows(
    GalleryImage.objects.filter(article=OuterRef("pk")), order_by=("position", "pk")
)


def load(nested: NestedRows, parent):
    row = type(parent).objects.filter(pk=parent.pk).annotate(rows=nested.annotation()).get()
    return nested.instances(row.rows, row._state.db)


def test_quotes_and_their_speakers_are_the_orms(django_assert_num_queries):
    article = make_article()
    hostile = 'She said: "<b>\\n</b>" — 100 % ✓ 🚓\n\nSecond paragraph\u2028end.'
    make_quote(article, text="Second", position=2)
    make_quote(article, make_speaker(name="Nérée O'Brien", bio=hostile), text=hostile, position=1)
    make_quote(article, text="Third", position=2, context="at the opening")

    quotes = load(QUOTES, article)

    expected = list(Quote.objects.filter(article=article).select_related("speaker"))
    assert [q.pk for q in quotes] == [q.pk for q in expected]
    assert [values(q) for q in quotes] == [values(q) for q in expected]
    assert [values(q.speaker) for q in quotes] == [values(q.speaker) for q in expected]
    assert quotes[0].text == hostile
    with django_assert_num_queries(0):
        assert quotes[0].speaker.name == "Nérée O'Brien"


def test_images_keep_their_renditions_and_flags():
    article = make_article()
    make_image(article, position=3)
    make_image(article, position=1, keep_metadata=True, caption="Caption & credits")

    images = load(IMAGES, article)

    expected = list(GalleryImage.objects.filter(article=article))
    assert [values(i) for i in images] == [values(i) for i in expected]
    assert images[0].keep_metadata is True and images[1].keep_metadata is False
    assert images[0].renditions["jpeg"] and isinstance(images[0].renditions, dict)
    assert images[0].image.name == expected[0].image.name


def test_a_release_without_quotes_has_none():
    assert load(QUOTES, make_article()) == []


def test_date_times_come_back_aware_and_exact():
    event = make_event()
    moment = datetime(2024, 6, 11, 9, 30, 15, 123456, tzinfo=UTC)
    make_article(event=event, publish_at=moment)
    make_article(event=event)
    nested = NestedRows(Article.objects.filter(event=OuterRef("pk")), order_by=("pk",))

    articles = load(nested, event)

    expected = list(Article.objects.filter(event=event).order_by("pk"))
    assert [values(a) for a in articles] == [values(a) for a in expected]
    assert articles[0].publish_at == moment and articles[0].publish_at.tzinfo is not None


def test_a_null_foreign_key_is_none_without_a_query(django_assert_num_queries):
    article = make_article(author=None)
    nested = NestedRows(
        Article.objects.filter(pk=OuterRef("pk")), related=("author",), order_by=("pk",)
    )
    (loaded,) = load(nested, article)
    with django_assert_num_queries(0):
        assert loaded.author is None


def test_descending_order():
    event = make_event()
    old = make_article(event=event, publish_at=datetime(2023, 1, 1, tzinfo=UTC))
    new = make_article(event=event, publish_at=datetime(2024, 1, 1, tzinfo=UTC))
    nested = NestedRows(Article.objects.filter(event=OuterRef("pk")), order_by=("-publish_at",))
    assert [a.pk for a in load(nested, event)] == [new.pk, old.pk]


def test_field_types_it_cannot_carry_are_refused_up_front():
    with pytest.raises(TypeError, match=r"Event\.start_date"):
        NestedRows(Event.objects.filter(pk=OuterRef("pk")), order_by=("pk",))


class _Upper(models.CharField):
    def from_db_value(self, value, expression, connection):
        return value.upper()


@pytest.mark.parametrize(
    "field", [models.JSONField(decoder=json.JSONDecoder), _Upper(max_length=5)], ids=repr
)
def test_fields_the_orm_converts_are_refused(field):
    """A JSON field's own decoder, or a field's from_db_value(), would be skipped."""
    field.set_attributes_from_name("odd")
    field.model = Article
    with pytest.raises(TypeError, match=r"Article\.odd"):
        nested._converter(field)
