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

from django.contrib.auth import get_user_model
from django.db.models import F, Func, IntegerField, QuerySet, Subquery

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


def _as_subquery(queryset: QuerySet) -> Subquery:
    """COUNT(*) of the queryset's rows, as `.count()` would count them."""
    query = queryset.query
    grouped = query.group_by is not None or any(
        getattr(annotation, "contains_aggregate", False)
        for annotation in query.annotations.values()
    )
    if query.distinct or query.is_sliced or grouped:
        queryset = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    counted = queryset.order_by().values(n=Func(F("pk"), function="COUNT"))
    return Subquery(counted, output_field=IntegerField())


def _counts(pending: list[Pending], user_pk) -> dict[int, int]:
    numbers = {id(p): 0 for p in pending if p.queryset.query.is_empty()}
    asked = [p for p in pending if id(p) not in numbers]
    if not asked:
        return numbers
    row = None
    if user_pk is not None:
        columns = {f"n{i}": _as_subquery(p.queryset) for i, p in enumerate(asked)}
        row = get_user_model()._default_manager.filter(pk=user_pk).values(**columns).first()
    for i, p in enumerate(asked):
        numbers[id(p)] = (row[f"n{i}"] or 0) if row is not None else p.queryset.count()
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
    """`build()`, with every `tally()` inside it counted in one query (hung on the signed-in
    user's row, which is always there)."""
    token = _batch.set([])
    try:
        result = build()
        pending = _batch.get()
    finally:
        _batch.reset(token)
    if not pending:
        return result
    return _filled(result, _counts(pending, user_pk))
