"""Rows into tables in bulk: PostgreSQL COPY, or batched inserts on other databases.

Ids are given here, not by the database, so rows can point at each other before they are
written (PostgreSQL's and SQLite's foreign keys are checked at commit). Sequences are moved past
the ids used when the writing is done.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from django.core.management.color import no_style
from django.db import connection, models

NULL = "\\N"
BATCH = 20_000


def _escape(text: str) -> str:
    """COPY's text format: backslash, tab, newline and carriage return are escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _text(value) -> str:
    return NULL if value is None else _escape(str(value))


def _number(value) -> str:
    return NULL if value is None else str(int(value))


def _boolean(value) -> str:
    return NULL if value is None else ("t" if value else "f")


def _moment(value: datetime | None) -> str:
    if value is None:
        return NULL
    if value.tzinfo is None:
        raise ValueError("Times must be timezone-aware.")
    return value.isoformat()


def _day(value: date | None) -> str:
    return NULL if value is None else value.isoformat()


def _json(value) -> str:
    return NULL if value is None else _escape(json.dumps(value))


# How each kind of column is written in COPY's text format, as an expression of its value
# `@` (compiled into one function per table: _row_formatter).
_EXPRESSIONS = {
    "boolean": "(N if @ is None else ('t' if @ else 'f'))",
    "moment": "(N if @ is None else moment(@))",
    "day": "(N if @ is None else @.isoformat())",
    "json": "json_(@)",
    "float": "(N if @ is None else repr(float(@)))",
    "number": "(N if @ is None else '%d' % @)",
    "text": "(N if @ is None else text(@))",
}
# Texts repeat (subjects, details, reasons, names): each is escaped once.
_ESCAPED: dict = {}
_ESCAPED_MOST = 200_000


def _text_cached(value) -> str:
    if type(value) is not str:  # a choice, a number: as str() writes it, not cached
        return _escape(str(value))
    found = _ESCAPED.get(value)
    if found is None:
        found = _escape(value)
        if len(_ESCAPED) < _ESCAPED_MOST:
            _ESCAPED[value] = found
    return found


def _column_kind(field: models.Field) -> str:
    kind = field.get_internal_type()
    if kind == "BooleanField":
        return "boolean"
    if kind == "DateTimeField":
        return "moment"
    if kind == "DateField":
        return "day"
    if kind == "JSONField":
        return "json"
    if kind in ("FloatField", "DecimalField"):
        return "float"
    if field.is_relation or kind.endswith("IntegerField") or kind.endswith("AutoField"):
        return "number"
    return "text"


def _row_formatter(kinds: list[str]) -> Callable[[tuple], str]:
    """One row as a line of COPY text (without its newline): a function compiled for these
    columns, so a million rows cost one call each rather than one per value."""
    names = [f"v{n}" for n in range(len(kinds))]
    parts = [_EXPRESSIONS[kind].replace("@", name) for kind, name in zip(kinds, names, strict=True)]
    source = (
        f"def line(row):\n    {', '.join(names)}{',' if len(names) == 1 else ''} = row\n"
        f"    return '\\t'.join(({', '.join(parts)},))\n"
    )
    scope = {"N": NULL, "moment": _moment, "json_": _json, "text": _text_cached}
    exec(compile(source, "<scale.writer row>", "exec"), scope)  # noqa: S102 - our own source
    return scope["line"]


class Table:
    """One table being filled: `add(row)` with values in `columns` order, then `flush()`."""

    def __init__(self, writer: Writer, model: type[models.Model], columns: Iterable[str]):
        self.writer = writer
        self.model = model
        self.columns = list(columns)
        opts = model._meta
        named = [opts.get_field(name) for name in self.columns]
        # Every other stored field gets its default (an empty string for text, else None),
        # so a field added to a model later never leaves a NOT NULL column empty. A default
        # that is a value is the same on every row: written once; one worked out per row (a
        # time, say) is asked for on each.
        others = [f for f in opts.concrete_fields if f not in named and not f.primary_key]
        self.defaults = [f for f in others if callable(f.default)]
        fixed = [f for f in others if not callable(f.default)]
        self.fields = named + self.defaults + fixed
        self.db_columns = [f.column for f in self.fields]
        self.fixed = tuple(f.get_default() for f in fixed)
        self.rows: list[tuple] = []
        self.written = 0
        self.postgres = connection.vendor == "postgresql"
        kinds = [_column_kind(f) for f in self.fields]
        self.line = _row_formatter(kinds)

    def add(self, row: tuple) -> None:
        if self.defaults:
            row = (*row, *(f.get_default() for f in self.defaults))
        self.rows.append(row + self.fixed if self.fixed else row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.db_columns)
        with connection.cursor() as cursor:
            if self.postgres:
                self._copy(cursor, table, columns)
            else:
                self._insert(cursor, table, columns)
        self.written += len(self.rows)
        self.rows = []

    def _copy(self, cursor, table: str, columns: str) -> None:
        lines = list(map(self.line, self.rows))
        data = io.StringIO("\n".join(lines) + "\n")
        cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", data)

    def _insert(self, cursor, table: str, columns: str) -> None:
        marks = ", ".join(["%s"] * len(self.db_columns))  # the defaulted columns too
        prepared = [
            [f.get_db_prep_save(v, connection) for f, v in zip(self.fields, row, strict=True)]
            for row in self.rows
        ]
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)


class Writer:
    """Hands out ids per model and keeps the tables being filled."""

    def __init__(self):
        self.tables: dict[tuple, Table] = {}
        self.next_ids: dict[type[models.Model], int] = {}

    def table(self, model: type[models.Model], columns: Iterable[str]) -> Table:
        columns = tuple(columns)
        key = (model, columns)
        if key not in self.tables:
            self.tables[key] = Table(self, model, columns)
        return self.tables[key]

    def new_id(self, model: type[models.Model]) -> int:
        if model not in self.next_ids:
            top = model.objects.order_by("-pk").values_list("pk", flat=True).first()
            self.next_ids[model] = (top or 0) + 1
        value = self.next_ids[model]
        self.next_ids[model] = value + 1
        return value

    def flush(self) -> None:
        for table in self.tables.values():
            table.flush()

    def finish(self) -> dict[str, int]:
        """Write what is left and move the sequences past the ids given out."""
        self.flush()
        used = list(self.next_ids)
        if used and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), used):
                    cursor.execute(sql)
        written: dict[str, int] = {}
        for table in self.tables.values():
            label = table.model._meta.label
            written[label] = written.get(label, 0) + table.written
        return written


@contextmanager
def foreign_keys_checked_at_the_end(tables: Iterable[str]) -> Iterator[None]:
    """PostgreSQL checks a deferred foreign key row by row at commit; for millions of rows it is
    far quicker to drop the keys, load, and add them back, which checks each key once over the
    whole table (as pg_restore does). Other databases: nothing to do."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [list(tables)],
        )
        keys = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


class SecondaryIndexes:
    """The indexes of `tables` that back no constraint, dropped before a bulk load and built
    after it: building an index once over the whole table is far quicker than growing it row
    by row (as pg_restore does). Keys and unique constraints stay. Other databases: nothing."""

    def __init__(self, tables: Iterable[str]):
        self.waiting: list[tuple[str, str, str]] = []  # (table, index, its CREATE INDEX)
        self.tables = list(tables)

    def drop(self) -> None:
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE n.nspname = current_schema() AND t.relname = ANY(%s) AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
                "ORDER BY t.relname, i.relname",
                [self.tables],
            )
            self.waiting = cursor.fetchall()
            for _table, name, _definition in self.waiting:
                cursor.execute(f'DROP INDEX "{name}"')

    def build(self, *, but: Iterable[str] = ()) -> int:
        """Build the dropped indexes, but those of the tables `but` (built by a later call);
        returns how many were built."""
        keep = set(but)
        now = [w for w in self.waiting if w[0] not in keep]
        with connection.cursor() as cursor:
            for _table, _name, definition in now:
                cursor.execute(definition)
        self.waiting = [w for w in self.waiting if w[0] in keep]
        return len(now)
