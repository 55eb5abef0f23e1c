"""
Querysets compiled to SQL once per process, for the busiest page.

Building and compiling a queryset costs Django 0.3–1.5 ms of Python each
time, several times what SQLite or PostgreSQL take to answer the release
page's small indexed queries. A ``PreparedQuery`` builds its queryset with
the ORM as usual, but compiles it only once per process and shape: with
stand-in values that cannot occur in real data, whose places in the
compiled parameters are noted. Each later run binds the real values in
those places, executes the same SQL and turns the rows into model instances
as the ORM's own iterable does (converters, ``select_related``,
annotations).

The queryset is still the ORM's, so ``Article.objects.public()`` stays the
one rule for what readers see. A value the ORM transforms before it reaches
the SQL (``__contains`` adds wildcards, for example) cannot be found among
the parameters and is refused when the query is prepared, never bound wrong.
Lists of values (``__in``) are prepared once per length.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

_stand_ins = itertools.count(1)


def _stand_in(value):
    """A value of the same type as ``value`` that no real row or request holds."""
    n = next(_stand_ins)
    if isinstance(value, bool) or value is None:
        raise TypeError("booleans and None are part of a query's shape, not values to bind")
    if isinstance(value, int):
        return -(7_300_000_000 + n)
    if isinstance(value, str):
        return f"\x1f{n}:stand-in"
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1901, 1, 1, tzinfo=value.tzinfo) + datetime.timedelta(
            microseconds=n
        )
    raise TypeError(f"cannot prepare a query on a value of type {type(value).__name__}")


class _Plan:
    """One compiled shape of a PreparedQuery: its SQL, where each value goes, how rows map."""

    def __init__(self, queryset: QuerySet, stand_ins: dict, using: str):
        connection = connections[using]
        compiler = queryset.query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slots = []  # (position, name, index in a list or None, adapt the datetime?)
        found = set()
        adapt = connection.ops.adapt_datetimefield_value
        for position, param in enumerate(self.params):
            for name, stand_in in stand_ins.items():
                for index, value in (
                    enumerate(stand_in) if isinstance(stand_in, list) else [(None, stand_in)]
                ):
                    adapted = isinstance(value, datetime.datetime) and param == adapt(value)
                    if (type(param) is type(value) and param == value) or adapted:
                        self.slots.append((position, name, index, adapted))
                        found.add(name)
        missing = set(stand_ins) - found
        if missing:
            raise ValueError(f"cannot prepare: {', '.join(sorted(missing))} not bound as given")
        self.compiler = compiler
        self.select = compiler.select
        self.converters = compiler.get_converters([c[0] for c in self.select[: compiler.col_count]])
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [column[0].target.attname for column in self.select[self.model_slice]]
        self.related_populators = get_related_populators(klass_info, self.select, using)
        self.annotations = list(compiler.annotation_col_map.items())
        self.using = using

    def run(self, values: dict, adapt) -> list:
        params = list(self.params)
        for position, name, index, adapted in self.slots:
            value = values[name] if index is None else values[name][index]
            params[position] = adapt(value) if adapted else value
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        objects = []
        for row in rows:
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

    def __call__(self, using: str = "default", **values) -> list:
        shape = tuple(
            (name, len(value) if isinstance(value, list | tuple) else None)
            for name, value in sorted(values.items())
        )
        key = (using, connections[using].vendor, shape)
        plan = self.plans.get(key)
        if plan is None:
            stand_ins = {
                name: [_stand_in(v) for v in value]
                if isinstance(value, list | tuple)
                else _stand_in(value)
                for name, value in values.items()
            }
            plan = self.plans[key] = _Plan(self.build(**stand_ins), stand_ins, using)
        adapt = connections[using].ops.adapt_datetimefield_value
        return plan.run(values, adapt)
