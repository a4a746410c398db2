"""Each person's daily summary: the emails for their information they asked to have once a
day, listed in one email with a link to each, on working days at 07:30 (beat).

Exactly once per person per day: the summary's outbox row carries the key
"digest:<person>:<day>", so a second run that day (two beats, a retried task) writes nothing,
and each held email is taken into one summary only, under its row lock.
"""

from __future__ import annotations

import logging
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .calendar import council_calendar
from .cases.kit import long_date
from .models import OutboxEmail
from .outbox import email_enqueue

logger = logging.getLogger(__name__)
Held = OutboxEmail.Status.HELD


def digest_send_all(*, today: date | None = None) -> int:
    """Send every person with held emails their summary; returns how many were sent. On a day
    that is not a working day nothing is sent: the emails wait for the next working day."""
    today = today or timezone.localdate()
    if not council_calendar().is_working_day(today):
        return 0
    people = (
        OutboxEmail.objects.filter(status=Held, recipient__isnull=False)
        .values_list("recipient", flat=True)
        .distinct()
    )
    sent = 0
    for pk in list(people):
        try:
            sent += digest_send(recipient_id=pk, day=today)
        except Exception:  # one person's summary never stops the others'
            logger.exception("The daily summary for user %s failed", pk)
    return sent


def digest_send(*, recipient_id: int, day: date) -> bool:
    """One person's summary for `day`, in one transaction: the summary row and its items."""
    user = get_user_model().objects.filter(pk=recipient_id).first()
    if user is None:
        return False
    with transaction.atomic():
        items = list(
            OutboxEmail.objects.select_for_update()
            .filter(status=Held, recipient_id=recipient_id)
            .order_by("created_at", "id")
        )
        if not items:
            return False
        address = user.email or items[-1].to_address
        digest = email_enqueue(
            to_address=address,
            recipient=user,
            template="digest",
            context={"recipient": user, "items": items, "day": long_date(day)},
            dedupe_key=f"digest:{recipient_id}:{day.isoformat()}",
        )
        if digest is None:  # already sent today: these wait for tomorrow's
            return False
        OutboxEmail.objects.filter(pk__in=[item.pk for item in items], status=Held).update(
            status=OutboxEmail.Status.IN_DIGEST, digest=digest
        )
    return True
