"""The working-day clock on a request for advice, driven by Celery beat sweeping the database.

A request is due ADVICE_WORKING_DAYS (a council rule) working days after the working day it
was received. Its `next_action_at` is 08:00 on the day it is due (the adviser is reminded),
then the end of that day (advice not yet given goes to the Deputy, or to the Monitoring Officer
for the Chief Finance Officer's). Each is an AdviceStep unique per request, so two sweeps at
once, a sweep run twice or a retried task each take the step exactly once.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import Q

from protocol_site.calendar import WorkingCalendar, end_of_day, start_of_working_day
from protocol_site.cases import lock_first, long_date, notify, record_once, run_sweep

from ..models import AdviceRequest, AdviceStep
from ..routing import advisers, escalation_to

Kind = AdviceStep.Kind


def due_on_for(calendar: WorkingCalendar, received_at: datetime, working_days: int) -> date:
    """The day advice is due: `working_days` working days after the day of receipt."""
    return calendar.due_date(received_at, working_days)


def reminder_at(due_on: date) -> datetime:
    return start_of_working_day(due_on)


def overdue_at(due_on: date) -> datetime:
    return end_of_day(due_on)


def next_moment(due_on: date, done: set[str]) -> datetime | None:
    """The sweep's next moment for an open request, from the steps it has had."""
    if Kind.ESCALATED in done:
        return None
    if Kind.REMINDER in done:
        return overdue_at(due_on)
    return reminder_at(due_on)


def advice_sweep(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Send every reminder and escalation now due. Returns the steps taken."""
    return run_sweep(
        AdviceRequest,
        due=Q(status=AdviceRequest.Status.ASKED),
        advance=advice_advance,
        now=now,
        limit=limit,
    )


def advice_advance(*, pk: int, now: datetime, calendar=None) -> int:
    """Take the step now due on one request, under its row lock."""
    with transaction.atomic():
        case = lock_first(
            AdviceRequest.objects.filter(
                pk=pk, status=AdviceRequest.Status.ASKED, next_action_at__lte=now
            ),
            "asker",
        )
        if case is None:
            return 0
        done = set(case.steps.filter(kind__in=AdviceStep.ONCE_KINDS).values_list("kind", flat=True))
        steps = 0
        if now >= overdue_at(case.due_on):
            steps += _escalate(case, now)
            done |= {Kind.REMINDER, Kind.ESCALATED}
        elif Kind.REMINDER not in done:
            steps += _remind(case, now)
            done.add(Kind.REMINDER)
        case.next_action_at = next_moment(case.due_on, done)
        case.save(update_fields=["next_action_at"])
        return steps


def _remind(case: AdviceRequest, now: datetime) -> int:
    told = advisers(case)
    names = " and ".join(u.display_name for u in told) or "nobody (no adviser in post)"
    step = record_once(
        case,
        Kind.REMINDER,
        detail=f"{names} reminded that advice is due today, {long_date(case.due_on)}.",
        row={"at": now, "due_at": reminder_at(case.due_on)},
        then=lambda step: notify(
            told, "advice_reminder", {"case": case}, key=f"advice:{case.pk}:reminder"
        ),
    )
    return int(step is not None)


def _escalate(case: AdviceRequest, now: datetime) -> int:
    to = escalation_to(case)
    names = " and ".join(u.display_name for u in to) or "nobody (no one else in post)"
    step = record_once(
        case,
        Kind.ESCALATED,
        detail=f"Not advised by {long_date(case.due_on)}: passed on to {names}.",
        row={"at": now, "due_at": overdue_at(case.due_on)},
        then=lambda step: notify(
            [*to, *advisers(case)],
            "advice_overdue",
            {"case": case},
            key=f"advice:{case.pk}:overdue",
        ),
    )
    return int(step is not None)
