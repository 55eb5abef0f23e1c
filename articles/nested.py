"""
A parent's related rows, carried in the parent's own query as one JSON array.

The release page shows a release with its themes, quotes (with their
speakers) and photos. Loaded the usual way (``prefetch_related``) that is
four queries, and on PostgreSQL each is a round trip that costs more than
the SQL it runs. A ``NestedRows`` puts a related queryset in the parent's
SELECT as a scalar subquery whose rows come back as one JSON array
(``JSON_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY`` on SQLite), and turns that
array back into model instances, as the ORM would have made them.

The queryset is still the ORM's: its filters (``OuterRef("pk")`` for the
parent) and joins are Django's. Every concrete field of the model, and of
each ``related`` model, is loaded, so no instance has a deferred field that
would cost a query later. Only field types whose JSON form converts back
exactly are accepted; any other is refused when the ``NestedRows`` is made.
"""

from __future__ import annotations

import json
from datetime import UTC

from django.conf import settings
from django.db import NotSupportedError, connections, models
from django.db.models import F, Subquery
from django.utils.dateparse import parse_datetime

# Field types that JSON gives back as they are (numbers, strings) or that
# _converter() turns back into what the ORM gives.
_AS_IS = (
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
    models.IntegerField,
    models.CharField,
    models.TextField,
    models.FileField,
    models.ForeignKey,
)


def _refuse(field, why: str):
    return TypeError(f"NestedRows cannot carry {field.model.__name__}.{field.name}: {why}")


def _converter(field):
    """
    How a value of ``field`` read back from JSON becomes what the ORM gives,
    as ``convert(value, vendor)``; None: as it is.
    """
    if isinstance(field, models.JSONField):
        if field.decoder is not None:
            raise _refuse(field, "a JSON field with its own decoder")
        return _json_value
    if isinstance(field, models.BooleanField):
        return lambda value, vendor: value if value is None else bool(value)
    if isinstance(field, models.DateTimeField):
        if not settings.USE_TZ:
            raise _refuse(field, "date-times without USE_TZ")
        return _datetime
    if hasattr(field, "from_db_value"):
        raise _refuse(field, "the field converts what the database gives")
    if isinstance(field, _AS_IS):
        return None
    raise _refuse(field, f"no JSON form that converts back exactly ({field!r})")


def _json_value(value, vendor):
    # PostgreSQL nests the jsonb value itself; SQLite gives the stored JSON text.
    return json.loads(value) if vendor == "sqlite" and value is not None else value


def _datetime(value, vendor):
    if value is None:
        return None
    moment = parse_datetime(value)
    # SQLite keeps UTC without an offset, as the ORM writes it.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class _Group:
    """One model's columns in a row: the model, its attnames and their converters."""

    def __init__(self, model, path: str):
        fields = model._meta.concrete_fields
        self.model = model
        self.attnames = [f.attname for f in fields]
        self.pk_index = self.attnames.index(model._meta.pk.attname)
        self.columns = [f"{path}__{f.attname}" if path else f.attname for f in fields]
        self.converters = [(i, c) for i, f in enumerate(fields) if (c := _converter(f))]

    def instance(self, values: list, using: str, vendor: str):
        # A null foreign key: no related row, every column null.
        if values[self.pk_index] is None:
            return None
        for index, convert in self.converters:
            values[index] = convert(values[index], vendor)
        return self.model.from_db(using, self.attnames, values)


class JSONArrayOfRows(Subquery):
    """The rows of ``queryset``'s ``columns`` as one JSON array of arrays, as text."""

    output_field = models.TextField()

    def __init__(self, queryset, columns: list[str]):
        aliases = {f"c{i}": F(column) for i, column in enumerate(columns)}
        super().__init__(queryset.order_by().values(**aliases))
        self.width = len(columns)

    def _template(self, aggregate: str) -> str:
        # Only the aliases made above: nothing of the data is written into the SQL.
        columns = ", ".join(f"_rows.c{i}" for i in range(self.width))
        return f"(SELECT {aggregate % columns} FROM (%(subquery)s) _rows)"  # noqa: S608

    def as_sql(self, compiler, connection, template=None, **extra_context):
        raise NotSupportedError(f"NestedRows is not written for {connection.vendor}")

    def as_sqlite(self, compiler, connection, **extra_context):
        template = self._template("JSON_GROUP_ARRAY(JSON_ARRAY(%s))")
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        template = self._template("COALESCE(JSON_AGG(JSON_BUILD_ARRAY(%s))::text, '[]')")
        return super().as_sql(compiler, connection, template=template, **extra_context)


class NestedRows:
    """
    ``queryset`` (filtered on ``OuterRef`` of the parent) as an annotation of
    the parent's query, and back as a list of instances, with the models of
    ``related`` (forward foreign keys) attached as ``select_related`` would.
    Rows come back in the order of ``order_by`` (attribute names, ``-`` for
    descending), applied in Python: JSON aggregation does not keep the
    subquery's order.
    """

    def __init__(self, queryset, *, order_by: tuple[str, ...], related: tuple[str, ...] = ()):
        self.queryset = queryset
        self.order_by = order_by
        self.groups = [_Group(queryset.model, "")]
        for name in related:
            field = queryset.model._meta.get_field(name)
            self.groups.append(_Group(field.related_model, name))
        self.related = related
        self.columns = [column for group in self.groups for column in group.columns]

    def annotation(self) -> JSONArrayOfRows:
        return JSONArrayOfRows(self.queryset.all(), self.columns)

    def instances(self, value: str, using: str = "default") -> list:
        vendor = connections[using].vendor
        objects = []
        for row in json.loads(value):
            start = 0
            made = []
            for group in self.groups:
                end = start + len(group.attnames)
                made.append(group.instance(row[start:end], using, vendor))
                start = end
            obj = made[0]
            for name, related in zip(self.related, made[1:], strict=True):
                setattr(obj, name, related)
            objects.append(obj)
        # One stable sort a key, the last key first: descending keys need no negating.
        for name in reversed(self.order_by):
            attname = name.lstrip("-")
            objects.sort(
                key=lambda obj, attname=attname: getattr(obj, attname),
                reverse=name.startswith("-"),
            )
        return objects
