"""Keyset ("cursor") pagination for the API's long lists.

A list of a million enquiries is not counted and not skipped through with OFFSET: each page
is the rows after the last one of the page before, in a fixed order on keys that end with the
primary key (so the order is total), found through an index on those keys. The answer is
`{"next": <url or null>, "results": [...]}`: `next` carries an opaque `cursor` (the last
row's keys); a caller follows it until it is null. There is no total and no page number.

Every key of one list runs the same way (all descending), so "after the cursor" is one row
comparison, `(k1, k2, ..., id) < (v1, v2, ..., vid)`, which PostgreSQL answers from a
composite index in that order and SQLite understands too.

A list that takes its pages' filters and search (`FilteredKeysetList`) puts the search's
`rank` among its keys while it is searched, so a search pages the same way, best match first.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, Expression, F, Func, Value
from django.utils.dateparse import parse_datetime
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

PAGE_SIZE = 50
# What a key's value is, as it travels in a cursor.
KINDS = (int, float, datetime)


@dataclass(frozen=True)
class Key:
    """One key of a list's order: a field or an annotation of each row, read back from the row
    by the same name (`pk` for the primary key)."""

    name: str
    kind: type = int
    # The SQL type the key is compared as, where the database's differs from what its value
    # reads back as: PostgreSQL's search rank is a `real`, which reads back as its shortest
    # decimal, so the cursor's value is cast back to `real` to find the same row again.
    sql_type: str = ""


class _Row(Func):
    """`(a, b, c)`: a row value, for comparing several columns at once."""

    template = "(%(expressions)s)"
    output_field = BooleanField()  # never selected: only compared


class RowBefore(Expression):
    """`(columns) < (values)`: the rows after a cursor in a descending order."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, columns, values):
        super().__init__()
        self.lhs = _Row(*columns)
        self.rhs = _Row(*values)

    def get_source_expressions(self):
        return [self.lhs, self.rhs]

    def set_source_expressions(self, exprs):
        self.lhs, self.rhs = exprs

    def as_sql(self, compiler, connection):
        lhs, lhs_params = compiler.compile(self.lhs)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} < {rhs}", (*lhs_params, *rhs_params)


def _as(key: Key, value):
    if not key.sql_type:
        return Value(value)
    return Func(Value(value), template=f"CAST(%(expressions)s AS {key.sql_type})")


def _encode(value):
    return value.isoformat() if isinstance(value, datetime) else value


def _decode(value, kind: type):
    """A cursor's value as its key's kind, or ValueError."""
    if kind is datetime:
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None or parsed.tzinfo is None:
            raise ValueError(value)
        return parsed
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(value)


class KeysetPagination(BasePagination):
    """Pages of PAGE_SIZE in the view's `keyset(request)` order (all descending), with a
    `next` link and no count. The view's queryset must carry every key (annotated if need
    be); the pagination orders it."""

    page_size = PAGE_SIZE
    cursor_query_param = "cursor"
    invalid_cursor_message = "That cursor is not one this list gave: start from the first page."

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.keys = tuple(view.keyset(request))
        ordered = queryset.order_by(*(F(key.name).desc() for key in self.keys))
        position = self._position(request)
        if position is not None:
            after = RowBefore(
                [F(key.name) for key in self.keys],
                [_as(key, value) for key, value in zip(self.keys, position, strict=True)],
            )
            ordered = ordered.filter(after)
        rows = list(ordered[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        self.last = rows[-1] if rows else None
        return rows

    def _position(self, request) -> tuple | None:
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None
        try:
            padded = raw + "=" * (-len(raw) % 4)
            values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if not isinstance(values, list) or len(values) != len(self.keys):
                raise ValueError(raw)
            return tuple(_decode(v, key.kind) for v, key in zip(values, self.keys, strict=True))
        except (ValueError, TypeError, UnicodeError, binascii.Error, RecursionError):
            raise NotFound(self.invalid_cursor_message) from None

    def encode_cursor(self, row) -> str:
        values = [_encode(getattr(row, key.name)) for key in self.keys]
        raw = json.dumps(values, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    def get_next_link(self) -> str | None:
        if not self.has_next or self.last is None:
            return None
        url = remove_query_param(self.base_url, "page")
        return replace_query_param(url, self.cursor_query_param, self.encode_cursor(self.last))

    def get_paginated_response(self, data) -> Response:
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page (with its `cursor`); null on the last page.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts: copy it from the previous page's "
                "`next` link (an opaque value; leave it out for the first page).",
                "schema": {"type": "string"},
            }
        ]


# The search's rank (PostgreSQL's is a `real`; 0 on SQLite), higher first.
BEST_MATCH = Key("rank", float, sql_type="real")


class FilteredKeysetList:
    """What a long API list that takes its pages' filters and search shares (mixed in before
    DRF's generic view): its `filterset_class` (a registers.list_filters.ListFilter) narrows what
    the asker sees, a bad value is a 400 with field errors, and it comes in keyset pages. The
    filter set's `q` search annotates each row it finds with its `rank`: the view's
    `keyset(request)` puts `best_match(request)` where a search orders the list."""

    pagination_class = KeysetPagination
    filter_backends = [DjangoFilterBackend]
    search_param = "q"

    def searching(self, request) -> bool:
        """Whether the list is searched (the filter set then annotates `rank`): the same test
        as the search's own, which searches nothing for words that are only spaces."""
        return bool(request.query_params.get(self.search_param, "").strip())

    def best_match(self, request) -> tuple[Key, ...]:
        """The rank key while the list is searched; no key otherwise."""
        return (BEST_MATCH,) if self.searching(request) else ()
