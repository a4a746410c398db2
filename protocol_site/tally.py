"""Many counts in one query: for a page, like the home page, made of panels that each count a
few things.

A panel calls `tally(queryset)` where it would call `queryset.count()`. Called on its own, that
is just `.count()`. Called inside `count_together(build, user_pk=...)`, it hands back a
placeholder; when `build()` returns, every placeholder is counted in one SELECT (each count a
scalar subquery) and replaced by its number in the dicts and lists `build()` returned.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Func, QuerySet

T = TypeVar("T")

_batch: ContextVar[list | None] = ContextVar("tally_batch", default=None)


class Pending:
    """A count asked for inside `count_together`, filled in before the page sees it."""

    __slots__ = ("queryset",)

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset


def tally(queryset: QuerySet) -> int | Pending:
    batch = _batch.get()
    if batch is None:
        return queryset.count()
    pending = Pending(queryset)
    batch.append(pending)
    return pending


def _counting(queryset: QuerySet) -> QuerySet:
    """COUNT(*) of the queryset's rows, as `.count()` would count them."""
    query = queryset.query
    grouped = query.group_by is not None or any(
        getattr(annotation, "contains_aggregate", False)
        for annotation in query.annotations.values()
    )
    if query.distinct or query.is_sliced or grouped:
        queryset = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    return queryset.order_by().values(n=Func(F("pk"), function="COUNT"))


def _counts(pending: list[Pending], user_pk) -> dict[int, int]:
    """Each count compiled on its own (as `.count()` would be) and the SQL put side by side in
    one `SELECT (…), (…)`: nesting them as Django subqueries would copy and renumber every
    table alias of every count, which took longer than the counting."""
    numbers = {id(p): 0 for p in pending if p.queryset.query.is_empty()}
    asked = [p for p in pending if id(p) not in numbers]
    if not asked:
        return numbers
    db = asked[0].queryset.db
    if user_pk is None or any(p.queryset.db != db for p in asked):
        return numbers | {id(p): p.queryset.count() for p in asked}
    columns, params = [], []
    for p in asked:
        try:
            sql, sql_params = _counting(p.queryset).query.get_compiler(using=db).as_sql()
        except EmptyResultSet:
            columns.append("0")
            continue
        columns.append(f"({sql})")
        params.extend(sql_params)
    with connections[db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        row = cursor.fetchone()
    for p, n in zip(asked, row, strict=True):
        numbers[id(p)] = n or 0
    return numbers


def _filled(value, numbers: dict[int, int]):
    if isinstance(value, Pending):
        return numbers[id(value)]
    if isinstance(value, dict):
        return {key: _filled(item, numbers) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_filled(item, numbers) for item in value)
    return value


def count_together(build: Callable[[], T], *, user_pk) -> T:
    """`build()`, with every `tally()` inside it counted in one query (for a signed-in user,
    `user_pk`; without one, each is counted on its own)."""
    token = _batch.set([])
    try:
        result = build()
        pending = _batch.get()
    finally:
        _batch.reset(token)
    if not pending:
        return result
    return _filled(result, _counts(pending, user_pk))
