"""Exactly-once steps: a reminder or an escalation is a row with a unique key.

Whoever inserts the row first does the step; a second sweep, a second beat or a retried task
hits the unique constraint and does nothing. Enquiries and complaints share this.
"""

from collections.abc import Callable

from django.db import IntegrityError, models, transaction


def do_once(model: type[models.Model], values: dict, then: Callable[[models.Model], None]) -> bool:
    """Insert `model(**values)`; if it is new, call `then(row)` in the same transaction.

    Returns True when this caller did the step, False when it had been done already.
    """
    try:
        with transaction.atomic():
            row = model.objects.create(**values)
            then(row)
    except IntegrityError:
        return False
    return True
