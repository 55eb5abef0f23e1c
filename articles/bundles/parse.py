"""
Reading bundle.json into typed records, before any database is consulted.

Every problem is collected with the record and field it belongs to, so one run
reports all that is wrong with a bundle. A record with a problem here is kept
out of the later checks (which would only repeat it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from articles.bundles.errors import BundleError, Problem
from articles.bundles.shapes import FORMAT_NAME, FORMAT_VERSION, READABLE_VERSIONS
from articles.bundles.sources import bundle_path_problem, normalise


class Invalid(Exception):
    """A value of the wrong type or form; the message says what was expected."""


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(_("must be a string, not %(type)s") % {"type": _json_type(value)})
    return value


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(_("must be a whole number, not %(type)s") % {"type": _json_type(value)})
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(_("must be true or false, not %(type)s") % {"type": _json_type(value)})
    return value


def iso_date(value: Any) -> date:
    text(value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(
            _("“%(value)s” is not a valid date; write it as YYYY-MM-DD") % {"value": value}
        ) from None


def iso_datetime(value: Any) -> datetime:
    """
    An ISO 8601 date and time with its UTC offset. A time without an offset is
    refused rather than guessed: an embargo an hour out is worse than an error.
    """
    text(value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(
            _(
                "“%(value)s” is not a valid ISO 8601 date and time with a UTC offset, "
                "e.g. 2024-06-11T09:00:00+02:00"
            )
            % {"value": value}
        ) from None
    if parsed.utcoffset() is None:
        raise Invalid(
            _(
                "“%(value)s” has no UTC offset; add one, e.g. 2024-06-11T09:00:00+02:00 "
                "or 2024-06-11T07:00:00Z"
            )
            % {"value": value}
        )
    return parsed


def bundle_path(value: Any) -> str:
    text(value)
    problem = bundle_path_problem(value)
    if problem:
        raise Invalid(problem)
    return normalise(value)


def sha256(value: Any) -> str:
    text(value)
    if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
        raise Invalid(_("must be 64 hexadecimal digits (a SHA-256 hash)"))
    return value.lower()


def strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise Invalid(_("must be a list of strings, not %(type)s") % {"type": _json_type(value)})
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise Invalid(
                _("item %(index)d must be a string, not %(type)s")
                % {"index": index, "type": _json_type(item)}
            )
    return value


def names_by_language(value: Any) -> dict[str, str]:
    """``{language: name}``: an object of strings (the languages are checked later)."""
    if not isinstance(value, dict):
        raise Invalid(
            _("must be an object of {language: name}, not %(type)s") % {"type": _json_type(value)}
        )
    for key, item in value.items():
        if not isinstance(item, str):
            raise Invalid(
                _("“%(language)s” must be a string, not %(type)s")
                % {"language": key, "type": _json_type(item)}
            )
    return value


def nullable(convert):
    def convert_or_none(value):
        return None if value is None else convert(value)

    return convert_or_none


@dataclass(frozen=True)
class Nested:
    """An object inside a record, checked against its own spec."""

    spec: dict


@dataclass(frozen=True)
class NestedList:
    """A list of objects inside a record, each checked against ``spec``."""

    spec: dict


REQUIRED, OPTIONAL = True, False

SPEAKER = {
    "slug": (text, REQUIRED),
    "name": (text, REQUIRED),
    "role": (text, OPTIONAL),
    "organisation": (text, OPTIONAL),
    "country": (text, OPTIONAL),
    "bio": (text, OPTIONAL),
    "photo": (nullable(bundle_path), OPTIONAL),
}

EVENT = {
    "slug": (text, REQUIRED),
    "name": (text, REQUIRED),
    "start_date": (iso_date, REQUIRED),
    "end_date": (iso_date, REQUIRED),
    "venue": (text, OPTIONAL),
    "city": (text, OPTIONAL),
    "country": (text, OPTIONAL),
    "expected_participants": (nullable(integer), OPTIONAL),
    "description": (text, OPTIONAL),
    "link": (text, OPTIONAL),
}

CONTACT = {
    "slug": (text, REQUIRED),
    "name": (text, REQUIRED),
    "role": (text, OPTIONAL),
    "organisation": (text, OPTIONAL),
    "phone": (text, OPTIONAL),
    "email": (text, OPTIONAL),
    "languages": (text, OPTIONAL),
    "is_default": (boolean, OPTIONAL),
    "position": (integer, OPTIONAL),
}

QUOTE = {
    "speaker": (text, REQUIRED),
    "text": (text, REQUIRED),
    "context": (text, OPTIONAL),
}

GALLERY_ENTRY = {
    "path": (bundle_path, REQUIRED),
    "alt_text": (text, REQUIRED),
    "caption": (text, OPTIONAL),
    "credit": (text, OPTIONAL),
    "licence": (text, OPTIONAL),
    "keep_metadata": (boolean, OPTIONAL),
    "sha256": (sha256, OPTIONAL),
    "width": (integer, OPTIONAL),
    "height": (integer, OPTIONAL),
}

DATELINE = {"city": (text, OPTIONAL), "country": (text, OPTIONAL)}

RELEASE = {
    "slug": (text, REQUIRED),
    "title": (text, REQUIRED),
    "lead": (text, REQUIRED),
    "language": (text, OPTIONAL),
    "reference": (text, OPTIONAL),
    "status": (text, OPTIONAL),
    "publish_at": (nullable(iso_datetime), OPTIONAL),
    "unpublish_at": (nullable(iso_datetime), OPTIONAL),
    "dateline": (Nested(DATELINE), OPTIONAL),
    "body": (text, OPTIONAL),
    "event": (nullable(text), OPTIONAL),
    "themes": (strings, OPTIONAL),
    "quotes": (NestedList(QUOTE), OPTIONAL),
    "gallery": (NestedList(GALLERY_ENTRY), OPTIONAL),
    "contacts": (strings, OPTIONAL),
}

# Version 2: translation groups, and themes with their names in other languages.
RELEASE_V2 = {
    **RELEASE,
    "translation_of": (nullable(text), OPTIONAL),
    "released_with_source": (boolean, OPTIONAL),
}

THEME = {
    "name": (text, REQUIRED),
    "names": (names_by_language, OPTIONAL),
}

KINDS_BY_VERSION = {
    1: {"speakers": SPEAKER, "events": EVENT, "contacts": CONTACT, "releases": RELEASE},
    2: {
        "speakers": SPEAKER,
        "events": EVENT,
        "contacts": CONTACT,
        "themes": THEME,
        "releases": RELEASE_V2,
    },
}
KINDS = KINDS_BY_VERSION[FORMAT_VERSION]


@dataclass
class Record:
    kind: str  # "speakers", "events", "contacts", "themes" or "releases"
    index: int
    where: str
    values: dict
    ok: bool = True

    @property
    def slug(self) -> str | None:
        """The record's key: a slug, or a theme's name (case aside, as themes are)."""
        if self.kind == "themes":
            name = self.values.get("name")
            return name.strip().lower() if isinstance(name, str) else None
        slug = self.values.get("slug")
        return slug if isinstance(slug, str) else None


@dataclass
class Bundle:
    source: str
    version: int = FORMAT_VERSION
    speakers: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    contacts: list[Record] = field(default_factory=list)
    themes: list[Record] = field(default_factory=list)
    releases: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def slugs(self, kind: str) -> set[str]:
        return {record.slug for record in getattr(self, kind) if record.slug}


def _reject_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(_("the key “%(key)s” appears twice in one object") % {"key": key})
        seen[key] = value
    return seen


def _reject_constant(name):
    raise ValueError(_("%(name)s is not valid JSON") % {"name": name})


def load_json(raw: bytes, source: str) -> Any:
    def fail(message):
        return BundleError(source, [Problem("", "", message)])

    if not raw.strip():
        raise fail(_("the file is empty"))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fail(_("the file is not UTF-8 text (is it really a JSON file?)")) from None
    try:
        return json.loads(
            content, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise fail(
            _("not valid JSON: %(error)s at line %(line)d, column %(column)d")
            % {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    except ValueError as exc:
        raise fail(_("not valid JSON: %(error)s") % {"error": exc}) from None
    except RecursionError:
        raise fail(_("not valid JSON: nested too deeply")) from None


class Parser:
    def __init__(self, source: str):
        self.bundle = Bundle(source=source)

    def problem(self, where: str, field_name: str, message: str) -> None:
        self.bundle.problems.append(Problem(where, field_name, message))

    def parse(self, document: Any) -> Bundle:
        source = self.bundle.source
        if not isinstance(document, dict):
            raise BundleError(
                source,
                [
                    Problem(
                        "",
                        "",
                        _("the bundle must be a JSON object, not %(type)s")
                        % {"type": _json_type(document)},
                    )
                ],
            )
        if document.get("format") != FORMAT_NAME:
            raise BundleError(
                source,
                [
                    Problem(
                        "",
                        "format",
                        _("must be “%(expected)s”; is this a Newsroom release bundle?")
                        % {"expected": FORMAT_NAME},
                    )
                ],
            )
        version = document.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:
            raise BundleError(
                source,
                [
                    Problem(
                        "",
                        "version",
                        _("version %(found)s is not supported; this Newsroom reads versions %(ok)s")
                        % {
                            "found": json.dumps(version),
                            "ok": ", ".join(str(v) for v in READABLE_VERSIONS),
                        },
                    )
                ],
            )
        self.bundle.version = version
        kinds = KINDS_BY_VERSION[version]
        for key in sorted(document.keys() - {"format", "version", *kinds}):
            self.problem("", key, _("unknown field"))
        for kind, spec in kinds.items():
            items = document.get(kind, [])
            if not isinstance(items, list):
                self.problem(
                    "", kind, _("must be a list, not %(type)s") % {"type": _json_type(items)}
                )
                continue
            records = getattr(self.bundle, kind)
            first_at: dict[str, str] = {}
            for index, item in enumerate(items):
                record = self.record(kind, index, item, spec)
                records.append(record)
                if record.slug is None:
                    continue
                if record.slug in first_at:
                    key = "name" if kind == "themes" else "slug"
                    self.problem(
                        record.where,
                        key,
                        _("“%(slug)s” is used twice in this bundle; first at %(first)s")
                        % {"slug": record.values[key], "first": first_at[record.slug]},
                    )
                    record.ok = False
                else:
                    first_at[record.slug] = record.where
        return self.bundle

    def record(self, kind: str, index: int, item: Any, spec: dict) -> Record:
        where = f"{kind}[{index}]"
        if isinstance(item, dict) and isinstance(item.get("slug"), str):
            where += f" (slug '{item['slug']}')"
        elif kind == "themes" and isinstance(item, dict) and isinstance(item.get("name"), str):
            where += f" (name '{item['name']}')"
        before = len(self.bundle.problems)
        values = self.fields(item, spec, where, prefix="")
        ok = values is not None and len(self.bundle.problems) == before
        return Record(kind=kind, index=index, where=where, values=values or {}, ok=ok)

    def fields(self, item: Any, spec: dict, where: str, prefix: str) -> dict | None:
        if not isinstance(item, dict):
            self.problem(
                where,
                prefix.rstrip("."),
                _("must be an object, not %(type)s") % {"type": _json_type(item)},
            )
            return None
        for key in sorted(item.keys() - spec.keys()):
            self.problem(where, prefix + key, _("unknown field"))
        values = {}
        for key, (convert, required) in spec.items():
            name = prefix + key
            if key not in item:
                if required:
                    self.problem(where, name, _("is required"))
                continue
            value = item[key]
            if isinstance(convert, Nested):
                values[key] = self.fields(value, convert.spec, where, prefix=name + ".")
            elif isinstance(convert, NestedList):
                if not isinstance(value, list):
                    self.problem(
                        where, name, _("must be a list, not %(type)s") % {"type": _json_type(value)}
                    )
                    continue
                values[key] = [
                    self.fields(entry, convert.spec, where, prefix=f"{name}[{i}].")
                    for i, entry in enumerate(value)
                ]
            else:
                try:
                    values[key] = convert(value)
                except Invalid as exc:
                    self.problem(where, name, str(exc))
        return values


def parse_bundle(raw: bytes, source: str) -> Bundle:
    return Parser(source).parse(load_json(raw, source))
