"""Exactly-once steps: a reminder or an escalation is a row with a unique key.

Whoever inserts the row first does the step; a second sweep, a second beat or a retried task
hits the unique constraint and does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


def do_once(model: type[M], values: dict, then: Callable[[M], None] | None = None) -> M | None:
    """Insert `model(**values)`; if it is new, call `then(row)` in the same savepoint.

    Returns the new row when this caller did the step, None when it had been done already
    (and then nothing `then` would have written is kept).
    """
    try:
        with transaction.atomic():
            row = model.objects.create(**values)
            if then is not None:
                then(row)
    except IntegrityError:
        return None
    return row
