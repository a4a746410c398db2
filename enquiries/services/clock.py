"""Reminders and escalation, driven by Celery beat sweeping the database.

Each enquiry carries `next_action_at`: when the sweep next has something to do for it. The
ladder's rungs each have a moment: the end of the deadline day, then N working days per rung
(policy.escalation_dates). At each moment the enquiry goes to the next person up the ladder
after the last one who had it: a rung that is vacant, held by someone who already had the
enquiry, or conflicted is passed over and its moment goes to the person above, and the ladder
ends at its top rung (the Deputy Monitoring Officer stands in only when the Monitoring Officer
cannot act, never as a rung of their own).

Each reminder and each escalation is an EnquiryEvent unique on (enquiry, kind, cycle, rung),
`rung` being the ladder position reached, so two sweeps at once, a sweep run twice, or a
retried task do each step exactly once. A late sweep takes every step whose moment has passed,
each once, and records when each was due as well as when it was taken.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from protocol_site.calendar import (
    WorkingCalendar,
    council_calendar,
    end_of_day,
    start_of_working_day,
)
from protocol_site.cases import (
    lock_first,
    notify,
    record_event,
    record_once,
    run_sweep,
)
from protocol_site.council_rules import rule
from registers.cover.rules import stand_in

from ..models import OPEN_STATUSES, Enquiry, EnquiryEvent
from ..policy import escalation_dates, escalation_ladder, reminder_at
from . import ladder_steps
from .ladder_steps import next_on_ladder  # noqa: F401 - read by the bench and reach


def _moments(enquiry: Enquiry, calendar: WorkingCalendar) -> tuple[datetime | None, list]:
    """The reminder's moment (None once it is done or too late) and each rung's moment."""
    escalations = [moment for _, moment in escalation_dates(calendar, enquiry.target_date)]
    remind = None
    if enquiry.reminded_cycle != enquiry.target_cycle:
        remind = reminder_at(calendar, enquiry.target_date)
    return remind, escalations


def waiting_moment(calendar: WorkingCalendar, since: datetime, days: int) -> datetime:
    """08:00 on the working day `days` working days after a question asked at `since`."""
    asked = calendar.working_day_on_or_after(timezone.localtime(since).date())
    return start_of_working_day(calendar.add_working_days(asked, days))


def _waiting_moments(enquiry: Enquiry, calendar: WorkingCalendar):
    """While a question waits: the open pause, the councillor's reminder's moment (None once
    reminded, or when closing comes first) and the moment it closes as no reply (None: never)."""
    pause = enquiry.pauses.filter(resumed_at__isnull=True).first()
    since = enquiry.waiting_since
    close_days = rule("ENQUIRY_WAITING_CLOSE_WORKING_DAYS")
    close = waiting_moment(calendar, since, close_days) if close_days else None
    remind = None
    if pause is not None and pause.reminded_at is None:
        remind = waiting_moment(calendar, since, rule("ENQUIRY_WAITING_REMINDER_WORKING_DAYS"))
        if close is not None and remind >= close:
            remind = None
    return pause, remind, close


def reschedule(enquiry: Enquiry, calendar: WorkingCalendar, *, now: datetime) -> None:
    """Set next_action_at from the target date and what this deadline has already had.

    While the enquiry waits for the councillor's answer nothing runs but the councillor's one
    reminder of the question, and then its closing as no reply (if the council closes them)."""
    if enquiry.status not in OPEN_STATUSES:
        enquiry.next_action_at = None
        return
    if enquiry.waiting_since is not None:
        _, remind, close = _waiting_moments(enquiry, calendar)
        enquiry.next_action_at = remind or close
        return
    remind, escalations = _moments(enquiry, calendar)
    deadline = escalations[0]
    candidates = []
    if remind is not None:
        if remind < deadline and now < deadline:
            candidates.append(remind)
        else:
            enquiry.reminded_cycle = enquiry.target_cycle  # too late to remind: escalate instead
    if enquiry.escalation_rung < len(escalations):
        candidates.append(escalations[enquiry.escalation_rung])
    enquiry.next_action_at = min(candidates) if candidates else None


# What the sweep changes on an enquiry.
CLOCK_FIELDS = ("reminded_cycle", "escalation_rung", "escalated_to", "next_action_at")


def enquiries_sweep(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Do every reminder and escalation that is due, a batch at a time. Returns the number of
    steps taken."""
    from .sweep_batch import enquiries_advance_many

    return run_sweep(
        Enquiry,
        due=Q(status__in=OPEN_STATUSES),
        advance=enquiry_advance,
        advance_many=enquiries_advance_many,
        now=now,
        limit=limit,
    )


def enquiry_advance(*, pk: int, now: datetime, calendar: WorkingCalendar | None = None) -> int:
    """Take every step now due for one enquiry, under its row lock, oldest moment first."""
    calendar = calendar or council_calendar()
    steps = 0
    with transaction.atomic():
        enquiry = lock_first(
            Enquiry.objects.open().filter(pk=pk),
            "assigned_to__user",
            "councillor__user",
            "escalated_to",
        )
        while enquiry is not None and enquiry.next_action_at and enquiry.next_action_at <= now:
            due_at = enquiry.next_action_at
            if enquiry.waiting_since is not None:  # the clock stands still: no escalation
                pause, remind, close = _waiting_moments(enquiry, calendar)
                if remind is not None and remind <= now:
                    steps += _remind_councillor(enquiry, pause, now, due_at)
                elif close is not None and close <= now:
                    steps += _close_no_reply(enquiry, now, due_at)
            elif enquiry.reminded_cycle != enquiry.target_cycle:
                if now < end_of_day(enquiry.target_date):  # too late to remind: escalate
                    steps += _remind(enquiry, now, due_at)
                enquiry.reminded_cycle = enquiry.target_cycle
            else:
                taken, ended = _escalate(enquiry, now, due_at)
                steps += taken
                # The moment is used up; once the top is reached there are no more.
                enquiry.escalation_rung = (
                    len(escalation_ladder()) if ended else enquiry.escalation_rung + 1
                )
            reschedule(enquiry, calendar, now=now)
        if enquiry is not None:
            enquiry.save(update_fields=list(CLOCK_FIELDS))
    return steps


def _remind(enquiry: Enquiry, now: datetime, due_at: datetime) -> int:
    """The officer it is with, or their cover on the day while they are away, reminded once."""
    to = stand_in(enquiry.assigned_to, timezone.localtime(now).date())
    return _once(enquiry, ladder_steps.reminder(enquiry, now, due_at, to=to))


def _once(enquiry: Enquiry, step: ladder_steps.Described) -> int:
    """Take a described step once: its timeline row, audit event and emails, unless another
    sweep, beat or retry took it already. Returns the steps taken."""

    def send(event):
        if step.officer is not None:
            enquiry.escalated_to = step.officer
        for email in step.emails:
            notify(email.users, email.template, email.context, key=email.key)

    return int(record_once(enquiry, step.kind, then=send, **step.values) is not None)


def _remind_councillor(enquiry: Enquiry, pause, now: datetime, due_at: datetime) -> int:
    """The councillor reminded, once, of a question still waiting for their answer."""

    def send(event):
        pause.reminded_at = now
        pause.save(update_fields=["reminded_at"])
        notify(
            [enquiry.councillor.user],
            "enquiry_question_reminder",
            {"enquiry": enquiry, "asked_at": pause.asked_at},
            key=f"enquiry:{enquiry.pk}:question-reminder:{pause.number}",
        )

    event = record_once(
        enquiry,
        EnquiryEvent.Kind.COUNCILLOR_REMINDED,
        detail=f"{enquiry.councillor} reminded that the officer is waiting for their answer.",
        cycle=pause.number,
        rung=0,
        at=now,
        due_at=due_at,
        then=send,
    )
    if event is None:  # another sweep did it: it is done all the same
        pause.reminded_at = pause.reminded_at or now
        pause.save(update_fields=["reminded_at"])
    return int(event is not None)


def _close_no_reply(enquiry: Enquiry, now: datetime, due_at: datetime) -> int:
    """A question unanswered for ENQUIRY_WAITING_CLOSE_WORKING_DAYS: the enquiry closes as no
    reply, once (under the row lock; a second sweep finds it closed)."""
    enquiry.close_no_reply()
    enquiry.closed_at = now
    enquiry.next_action_at = None
    enquiry.waiting_since = None
    enquiry.pauses.filter(resumed_at__isnull=True).update(resumed_at=now)
    enquiry.save(update_fields=["status", "closed_at", "next_action_at", "waiting_since"])
    record_event(
        enquiry,
        EnquiryEvent.Kind.CLOSED_NO_REPLY,
        detail="Closed: the question to the councillor was not answered.",
        at=now,
        due_at=due_at,
    )
    notify(
        [enquiry.councillor.user, enquiry.assigned_to.user],
        "enquiry_closed_no_reply",
        {"enquiry": enquiry, "days": rule("ENQUIRY_WAITING_CLOSE_WORKING_DAYS")},
        key=f"enquiry:{enquiry.pk}:closed-no-reply",
    )
    return 1


def _escalate(enquiry: Enquiry, now: datetime, due_at: datetime) -> tuple[int, bool]:
    """Escalate to the next person up the ladder after the last one who had this deadline.

    Returns (steps taken, whether the ladder has ended).
    """
    ladder = [r.rung for r in escalation_ladder()]
    step = ladder_steps.escalation(enquiry, ladder, now, due_at)
    if step is None:
        return 0, True
    return _once(enquiry, step), step.last
