"""Exactly-once steps: a reminder or an escalation is a row with a unique key, and so is a
form's one-time token (a submission).

Whoever inserts the row first does the step; a second sweep, a second beat, a retried task or
a form sent twice hits the unique constraint and does nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from protocol_site.models import FormSubmission

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


# A form's one-time token is kept this long after it was used, then purged each night: long
# enough for a double click, a resend or the back button, short enough to keep the table small.
SUBMISSION_KEEP_DAYS = 7


def submission_take(token: uuid.UUID, user) -> FormSubmission | None:
    """Take a form's one-time token for `user`, in the caller's transaction. None: it is new,
    and the caller does what the form asks, then `submission_record`s the result. Otherwise
    the first submission of the same form, whose result to show again. A repeat sent while
    the first is still being done waits here (on the token's unique key) until it is."""
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token, user=user)
    except IntegrityError:
        first = FormSubmission.objects.filter(token=token, user=user).first()
        if first is None:  # another person's token: never theirs to repeat
            raise PermissionDenied from None
        return first
    return None


def submission_record(token: uuid.UUID, *, object_pk: int | None, message: str) -> None:
    """What the submission holding `token` did, for its repeats to show."""
    FormSubmission.objects.filter(token=token).update(object_pk=object_pk, message=message)


def submissions_purge(*, now: datetime | None = None) -> int:
    """Nightly: forget tokens used more than SUBMISSION_KEEP_DAYS ago. Returns rows removed."""
    cutoff = (now or timezone.now()) - timedelta(days=SUBMISSION_KEEP_DAYS)
    return FormSubmission.objects.filter(at__lt=cutoff).delete()[0]
