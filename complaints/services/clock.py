"""Stages that run out of time move up (CMP-3), driven by Celery beat sweeping the database.

Each open complaint carries `next_action_at`: 08:00 on the working day before its current
stage's acknowledge-by date while the stage is unacknowledged (the handler is reminded once),
then the end of its resolve-by day. Moving up creates stage N+1, unique on (complaint, number);
on the last rung the handler gets one reminder. Reminders are unique on (complaint, kind, stage).
So two sweeps at once, a sweep run twice, or a retried task each do the step exactly once.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q

from protocol_site.calendar import WorkingCalendar, council_calendar, end_of_day
from protocol_site.cases import lock_first, long_date, notify, record_once, run_sweep

from ..models import Complaint, Outcome, Status
from .common import Ev, current_stage, move_up


def _remind_once(complaint, stage, kind: str, notification: str, *, now, due_at, detail: str):
    """One reminder to the stage's handler, on the timeline (internal) and in the audit trail,
    exactly once."""
    event = record_once(
        complaint,
        kind,
        detail=detail,
        stage_number=stage.number,
        at=now,
        due_at=due_at,
        visible_to_complainant=False,
        then=lambda event: notify(
            stage.handlers,
            notification,
            {"complaint": complaint, "stage": stage},
            key=f"complaint:{complaint.pk}:{kind}:{stage.number}",
        ),
    )
    return event is not None


def complaints_sweep(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Move up every stage now overdue. Returns the number of steps taken."""
    return run_sweep(
        Complaint, due=Q(status=Status.OPEN), advance=complaint_advance, now=now, limit=limit
    )


def complaint_advance(*, pk: int, now: datetime, calendar: WorkingCalendar | None = None) -> int:
    """Take the step now due for one complaint, under its row lock."""
    calendar = calendar or council_calendar()
    with transaction.atomic():
        complaint = lock_first(
            Complaint.objects.open().filter(pk=pk, next_action_at__lte=now),
            "complainant",
            "current_handler",
        )
        if complaint is None:
            return 0
        stage = current_stage(complaint)
        deadline = end_of_day(stage.resolve_by)
        if now < deadline:
            # Not overdue yet: the acknowledgement reminder is what is due.
            done = False
            if stage.status == stage.Status.OPEN:
                done = _remind_once(
                    complaint,
                    stage,
                    Ev.ACKNOWLEDGE_REMINDER,
                    "complaint_acknowledge_reminder",
                    now=now,
                    due_at=complaint.next_action_at,
                    detail=f"The {stage.handler_role} was reminded to acknowledge stage "
                    f"{stage.number} by {long_date(stage.acknowledge_by)}.",
                )
            complaint.next_action_at = deadline
            complaint.save(update_fields=["next_action_at"])
            return int(done)
        overdue_since = long_date(stage.resolve_by)
        new = move_up(
            complaint,
            actor=None,
            reason=f"Moved up automatically: stage {stage.number} was not resolved by "
            f"{overdue_since}.",
            outcome=Outcome.ESCALATED,
            now=now,
            calendar=calendar,
            due_at=deadline,
        )
        if new is not None:
            return 1
        # The last rung: one reminder, and nothing more for the sweep to do.
        done = _remind_once(
            complaint,
            stage,
            Ev.REMINDER,
            "complaint_overdue_reminder",
            now=now,
            due_at=deadline,
            detail=f"Stage {stage.number} was due to be resolved by {overdue_since}; there is "
            "no further stage, so the handler was reminded.",
        )
        complaint.next_action_at = None
        complaint.save(update_fields=["next_action_at"])
        return int(done)
