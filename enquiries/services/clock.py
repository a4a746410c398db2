"""Reminders and escalation (ENQ-7), driven by Celery beat sweeping the database.

Each enquiry carries `next_action_at`: when the sweep next has something to do for it.
Each reminder and each escalation is an EnquiryEvent unique on (enquiry, kind, cycle, rung),
so two sweeps at once, a sweep run twice, or a retried task do each step exactly once.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from protocol_site.calendar import WorkingCalendar, council_calendar, end_of_day
from protocol_site.cases import do_once
from registers.ladder import RUNG_LABELS, ladder_for

from ..models import OPEN_STATUSES, Enquiry, EnquiryEvent
from ..policy import escalation_dates, escalation_ladder, reminder_at
from ..routing import conflict_check
from .common import notify


def reschedule(enquiry: Enquiry, calendar: WorkingCalendar, *, now: datetime) -> None:
    """Set next_action_at from the target date and what this deadline has already had."""
    if enquiry.status not in OPEN_STATUSES:
        enquiry.next_action_at = None
        return
    escalations = escalation_dates(calendar, enquiry.target_date)
    deadline = escalations[0][1]
    candidates = []
    if enquiry.reminded_cycle != enquiry.target_cycle:
        remind = reminder_at(calendar, enquiry.target_date)
        if remind < deadline and now < deadline:
            candidates.append(remind)
        else:
            enquiry.reminded_cycle = enquiry.target_cycle  # too late to remind: escalate instead
    if enquiry.escalation_rung < len(escalations):
        candidates.append(escalations[enquiry.escalation_rung][1])
    enquiry.next_action_at = min(candidates) if candidates else None


def enquiries_sweep(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Do every reminder and escalation that is due. Returns the number of steps taken."""
    now = now or timezone.now()
    calendar = council_calendar()
    due = list(
        Enquiry.objects.filter(status__in=OPEN_STATUSES, next_action_at__lte=now)
        .order_by("next_action_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(enquiry_advance(pk=pk, now=now, calendar=calendar) for pk in due)


def enquiry_advance(*, pk: int, now: datetime, calendar: WorkingCalendar | None = None) -> int:
    """Take every step now due for one enquiry, under its row lock."""
    calendar = calendar or council_calendar()
    steps = 0
    with transaction.atomic():
        enquiry = (
            Enquiry.objects.select_for_update(of=("self",))
            .select_related("assigned_to__user", "councillor__user", "escalated_to")
            .filter(pk=pk, status__in=OPEN_STATUSES)
            .first()
        )
        while enquiry is not None and enquiry.next_action_at and enquiry.next_action_at <= now:
            if enquiry.reminded_cycle != enquiry.target_cycle:
                if now < end_of_day(enquiry.target_date):  # too late to remind: escalate
                    steps += _remind(enquiry)
                enquiry.reminded_cycle = enquiry.target_cycle
            else:
                steps += _escalate(enquiry, now)
                enquiry.escalation_rung += 1
            reschedule(enquiry, calendar, now=now)
        if enquiry is not None:
            enquiry.save(
                update_fields=[
                    "reminded_cycle",
                    "escalation_rung",
                    "escalated_to",
                    "next_action_at",
                ]
            )
    return steps


def _remind(enquiry: Enquiry) -> int:
    when = f"{enquiry.target_date:%A} {enquiry.target_date.day} {enquiry.target_date:%B}"

    def send(event):
        notify(
            [enquiry.assigned_to.user],
            enquiry,
            "Reminder: a member's enquiry is due soon",
            [f"A full response or holding reply is due by {when}."],
            key=f"enquiry:{enquiry.pk}:reminder:{enquiry.target_cycle}",
        )

    return int(
        None
        is not do_once(
            EnquiryEvent,
            {
                "enquiry": enquiry,
                "kind": EnquiryEvent.Kind.REMINDER,
                "cycle": enquiry.target_cycle,
                "rung": 0,
                "officer": enquiry.assigned_to,
                "detail": f"{enquiry.assigned_to} reminded that it is due by {when}.",
                "visible_to_councillor": False,
            },
            send,
        )
    )


def _escalate(enquiry: Enquiry, now: datetime) -> int:
    """Escalate to the person at this rung (or the next rung that has someone)."""
    ladder = escalation_ladder()
    index = enquiry.escalation_rung
    wanted = [r.rung for r in ladder[index:]]
    earlier = set(
        enquiry.events.filter(
            kind=EnquiryEvent.Kind.ESCALATED, cycle=enquiry.target_cycle
        ).values_list("officer__user_id", flat=True)
    )
    steps = ladder_for(
        enquiry.assigned_to,
        wanted,
        exclude_user_ids=earlier,
        is_conflicted=conflict_check(enquiry.councillor),  # REG-2: skip anyone related
    )
    if not steps:
        return 0
    step = steps[0]
    officer = step.person
    overdue_since = f"{enquiry.target_date:%A} {enquiry.target_date.day} {enquiry.target_date:%B}"

    def send(event):
        enquiry.escalated_to = officer
        notify(
            [officer.user],
            enquiry,
            f"Escalated to you: an overdue member's enquiry ({step.label})",
            [
                f"It was due by {overdue_since} and is still open with {enquiry.assigned_to}.",
                "Please make sure the councillor gets a response.",
            ],
            key=f"enquiry:{enquiry.pk}:escalated:{enquiry.target_cycle}:{index}",
        )
        notify(
            [enquiry.assigned_to.user],
            enquiry,
            "Your overdue enquiry has been escalated",
            [f"It has been escalated to {officer} ({step.label})."],
            key=f"enquiry:{enquiry.pk}:escalated-copy:{enquiry.target_cycle}:{index}",
        )

    done = do_once(
        EnquiryEvent,
        {
            "enquiry": enquiry,
            "kind": EnquiryEvent.Kind.ESCALATED,
            "cycle": enquiry.target_cycle,
            "rung": index,
            "at": now,
            "officer": officer,
            "detail": f"Overdue: escalated to {officer} ({RUNG_LABELS[step.rung]}).",
        },
        send,
    )
    return int(done is not None)
