"""
Querysets compiled to SQL once per process, for the busiest page.

Building and compiling a queryset costs Django 0.3–1.5 ms of Python each
time, several times what SQLite or PostgreSQL take to answer the release
page's small indexed queries. A ``PreparedQuery`` builds its queryset with
the ORM as usual but compiles it only once per database and shape; each
later run binds the new values in their places, executes the same SQL and
turns the rows into model instances as the ORM's own iterable does
(converters, ``select_related``, annotations).

The places are found by compiling the queryset three times when it is
prepared: with the real values and with two sets of stand-ins that no real
value equals. The SQL must come out the same all three times; the
parameters that differ between the two stand-in compilations are the
values' places, each identified by its stand-in; every other parameter must
be the same and hold no stand-in; and the real values bound into those
places must give exactly the real compilation's parameters. Anything else
(a value the ORM transforms, such as ``__contains`` adding wildcards, or a
condition that depends on the value) is refused when the query is
prepared, never bound wrong.

The queryset is still the ORM's, so ``Article.objects.public()`` stays the
one rule for what readers see. Lists of values (``__in``) are prepared once
per length.
"""

from __future__ import annotations

import datetime
import itertools
import weakref
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

_counter = itertools.count()


def _stand_in(value, variant: int):
    """A value of the same type as ``value`` that no real row or request holds."""
    n = next(_counter) % 5_000
    if isinstance(value, bool) or value is None:
        raise TypeError("booleans and None are part of a query's shape, not values to bind")
    if isinstance(value, int):
        # Within every integer column's range, so no lookup drops its condition.
        return 20_000 + 2 * n + variant
    if isinstance(value, str):
        return f"\x1f{variant}:{n}:stand-in"
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1901 + variant, 1, 1, tzinfo=value.tzinfo) + datetime.timedelta(
            microseconds=n
        )
    raise TypeError(f"cannot prepare a query on a value of type {type(value).__name__}")


def _stand_ins(values: dict, variant: int) -> dict:
    return {
        name: [_stand_in(v, variant) for v in value]
        if isinstance(value, list | tuple)
        else _stand_in(value, variant)
        for name, value in values.items()
    }


def _flat(stand_ins: dict):
    for name, value in stand_ins.items():
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield name, index, item
        else:
            yield name, None, value


class PreparedQueryError(ValueError):
    pass


class _Plan:
    """One compiled shape of a PreparedQuery on one connection: SQL, value places, row mapping."""

    def __init__(self, build: Callable[..., QuerySet], values: dict, using: str):
        # Nothing of the connection is kept: a plan serves every thread's.
        self.using = using
        real_sql, real_params = self._compile(build(**values), using)
        first, second = _stand_ins(values, 0), _stand_ins(values, 1)
        compiler = build(**first).query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        other_sql, other_params = self._compile(build(**second), using)
        if not (self.sql == other_sql == real_sql):
            raise PreparedQueryError("cannot prepare: the SQL depends on the values")
        self.params = list(params)
        self.slots = []  # (position, name, index in a list or None, adapt the datetime?)
        for position, (param, other) in enumerate(zip(self.params, other_params, strict=True)):
            if param == other and type(param) is type(other):
                if isinstance(param, str) and "\x1f" in param and ":stand-in" in param:
                    raise PreparedQueryError("cannot prepare: a value is not bound as given")
                continue
            self.slots.append((position, *self._identify(param, first)))
        if self._bind(values) != list(real_params):
            raise PreparedQueryError("cannot prepare: a value is not bound as given")

        klass_info = compiler.klass_info
        select = compiler.select
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [column[0].target.attname for column in select[self.model_slice]]
        self.related_populators = get_related_populators(klass_info, select, using)
        self.annotations = list(compiler.annotation_col_map.items())
        self.columns = list(enumerate(column[0] for column in select[: compiler.col_count]))
        self._converters_by_connection: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @staticmethod
    def _compile(queryset, using):
        return queryset.query.get_compiler(using=using).as_sql()

    def _identify(self, param, stand_ins: dict) -> tuple:
        adapt = connections[self.using].ops.adapt_datetimefield_value
        for name, index, value in _flat(stand_ins):
            if type(param) is type(value) and param == value:
                return name, index, False
            if isinstance(value, datetime.datetime) and param == adapt(value):
                return name, index, True
        raise PreparedQueryError("cannot prepare: a value is not bound as given")

    def _bind(self, values: dict) -> list:
        adapt = connections[self.using].ops.adapt_datetimefield_value
        params = list(self.params)
        for position, name, index, adapted in self.slots:
            value = values[name] if index is None else values[name][index]
            params[position] = adapt(value) if adapted else value
        return params

    def _converters(self, connection) -> list:
        """What the ORM applies to each column (SQLite's dates, JSON), for this connection."""
        # Worked out once per connection (each thread has its own).
        cached = self._converters_by_connection.get(connection)
        if cached is not None:
            return cached
        converters = []
        for position, expression in self.columns:
            found = connection.ops.get_db_converters(expression)
            found += expression.get_db_converters(connection)
            if found:
                converters.append((position, found, expression))
        self._converters_by_connection[connection] = converters
        return converters

    def run(self, values: dict) -> list:
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self._bind(values))
            rows = cursor.fetchall()
        converters = self._converters(connection) if rows else []
        objects = []
        for row in rows:
            if converters:
                row = list(row)
                for position, found, expression in converters:
                    value = row[position]
                    for converter in found:
                        value = converter(value, expression, connection)
                    row[position] = value
            obj = self.model.from_db(self.using, self.init_list, row[self.model_slice])
            for populator in self.related_populators:
                populator.populate(row, obj)
            for attr_name, column in self.annotations:
                setattr(obj, attr_name, row[column])
            objects.append(obj)
        return objects


class PreparedQuery:
    """
    ``build(**values)`` returns a queryset; calling the PreparedQuery with the
    same keyword values returns the queryset's model instances as a list.
    Values are ints, strings, aware datetimes, or lists of those.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.plans: dict = {}

    def _plan(self, using: str, values: dict) -> _Plan:
        shape = tuple(
            (name, len(value) if isinstance(value, list | tuple) else None)
            for name, value in sorted(values.items())
        )
        key = (using, connections[using].vendor, shape)
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = _Plan(self.build, values, using)
        return plan

    def __call__(self, using: str = "default", **values) -> list:
        return self._plan(using, values).run(values)
