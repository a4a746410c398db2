"""Following up a response, and marking an enquiry urgent.

A follow-up within ENQUIRY_FOLLOW_UP_WORKING_DAYS working days of the response reopens the
enquiry for another round with a clock of its own: due ENQUIRY_WORKING_DAYS working days after
the follow-up came (counted by the kernel calendar), and a new deadline cycle, so reminders and
escalation start again from the bottom of the ladder (clock.py). The officer who sent the
response is told, once.

An urgent enquiry is due ENQUIRY_URGENT_WORKING_DAYS working days after receipt (or after the
follow-up that opened this round); marking one urgent later works the due date out again from
then, and the officer it is with is told, once. The councillor may say it is no longer urgent:
the due date goes back to the ordinary clock from the same start, and the officer is told once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.calendar import WorkingCalendar, council_calendar
from protocol_site.cases import lock, long_date, notify, record_event, require
from registers.cover.rules import stand_in

from ..models import Enquiry, Status
from ..models import EnquiryEvent as Ev
from ..permissions import can_follow_up, can_mark_urgent
from ..policy import clock_working_days, follow_up_until
from ..search import search_index
from .attachments import attach_files, checked_files
from .common import require_open
from .deadlines import move_target

URGENT_HINT = "Say why the enquiry is urgent"
NOT_URGENT = ", as it is no longer urgent"


def follow_up_deadline(enquiry: Enquiry, calendar: WorkingCalendar | None = None):
    """The last day the councillor may follow up this enquiry, or None if they may not (it
    was not responded to, or the council offers no follow-up)."""
    if enquiry.status != Status.RESPONDED or enquiry.closed_at is None:
        return None
    return follow_up_until(calendar or council_calendar(), enquiry.closed_at)


def may_follow_up_now(enquiry: Enquiry) -> bool:
    until = follow_up_deadline(enquiry)
    return until is not None and timezone.localdate() <= until


def _responder(enquiry: Enquiry):
    """The user who sent the latest response (the officer it is with, if none is recorded)."""
    event = enquiry.events.filter(kind=Ev.Kind.RESPONDED).order_by("-at", "-id").first()
    if event is not None and event.actor is not None:
        return event.actor
    return enquiry.assigned_to.user


def _paused_since(enquiry: Enquiry, start) -> int:
    """Working days this round's clock stood still for questions to the councillor."""
    return sum(p.working_days for p in enquiry.pauses.filter(asked_at__gte=start))


def enquiry_follow_up(*, actor, enquiry: Enquiry, message: str, files=()) -> Ev:
    """The councillor follows up a response, with any files: the enquiry reopens for a new
    round."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Enter your follow-up"})
    files = checked_files(files)
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_follow_up, actor, enquiry)
        now = timezone.now()
        until = follow_up_deadline(enquiry, calendar)
        if until is None:
            raise ValidationError("Only a response can be followed up: log a new enquiry")
        if timezone.localtime(now).date() > until:
            raise ValidationError(
                f"The time to follow up ended on {long_date(until)}: log a new enquiry instead"
            )
        responder = _responder(enquiry)
        explanation = calendar.explain(now, clock_working_days(enquiry.urgent))
        enquiry.reopen()
        enquiry.follow_ups += 1
        enquiry.follow_up_at = now
        enquiry.due_date = explanation.due
        enquiry.due_explanation = f"followed up: {explanation}"
        enquiry.closed_at = None
        enquiry.escalated_to = None  # a new round climbs the ladder from its foot
        fields = ["status", "follow_ups", "follow_up_at", "due_date", "due_explanation"]
        fields += ["closed_at", "escalated_to"]
        fields += move_target(enquiry, explanation.due, calendar, now)
        enquiry.save(update_fields=fields)
        event = record_event(
            enquiry,
            Ev.Kind.FOLLOW_UP,
            actor=actor,
            detail=message,
            cycle=enquiry.follow_ups,
            new_date=explanation.due,
        )
        attach_files(event, files, actor=actor)
        search_index(enquiry)
        notify(
            [responder],
            "enquiry_follow_up",
            {"enquiry": enquiry, "actor": actor, "due": long_date(explanation.due)},
            key=f"enquiry:{enquiry.pk}:follow-up:{enquiry.follow_ups}",
        )
    return event


def urgent_clock(enquiry: Enquiry, calendar: WorkingCalendar, now) -> list[str]:
    """Work this round's due date out again on the urgent clock; the fields it set. The date
    worked to moves (a new deadline cycle) only if the urgent date comes first."""
    due = _round_clock(enquiry, calendar, urgent=True, why=", as it is urgent")
    fields = ["due_date", "due_explanation"]
    if due < enquiry.target_date:
        fields += move_target(enquiry, due, calendar, now)
    return fields


def ordinary_clock(enquiry: Enquiry, calendar: WorkingCalendar, now) -> list[str]:
    """Work this round's due date out again on the ordinary clock, from the same start; the
    fields it set. The date worked to moves on to it (a new deadline cycle, so reminders and
    escalation follow the later date) unless a holding reply or agreed extension already put
    it later."""
    due = _round_clock(enquiry, calendar, urgent=False, why=NOT_URGENT)
    fields = ["due_date", "due_explanation"]
    if due > enquiry.target_date:
        fields += move_target(enquiry, due, calendar, now)
    return fields


def _round_clock(enquiry: Enquiry, calendar: WorkingCalendar, *, urgent: bool, why: str):
    """This round's due date on the urgent or the ordinary clock, moved on by the working days
    it waited for the councillor's answers, with its explanation; the due date."""
    start = enquiry.clock_started_at
    explanation = calendar.explain(start, clock_working_days(urgent))
    due = calendar.add_working_days(explanation.due, _paused_since(enquiry, start))
    enquiry.due_date = due
    prefix = "followed up: " if enquiry.follow_ups else ""
    enquiry.due_explanation = f"{prefix}{explanation}{why}"
    return due


def enquiry_mark_urgent(*, actor, enquiry: Enquiry, reason: str) -> Enquiry:
    """The councillor marks an open enquiry urgent, saying why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": URGENT_HINT})
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_mark_urgent, actor, enquiry)
        require_open(enquiry)
        if enquiry.urgent:
            raise ValidationError(f"{enquiry.reference} is already marked urgent")
        now = timezone.now()
        enquiry.urgent = True
        enquiry.urgent_reason = reason
        fields = ["urgent", "urgent_reason", *urgent_clock(enquiry, calendar, now)]
        enquiry.save(update_fields=fields)
        times = enquiry.events.filter(kind=Ev.Kind.URGENT).count()
        record_event(enquiry, Ev.Kind.URGENT, actor=actor, detail=reason, new_date=enquiry.due_date)
        tell_urgent(enquiry, actor, times=times)
    return enquiry


def tell_urgent(enquiry: Enquiry, actor, *, times: int = 0) -> None:
    """The officer it is with is told it is urgent, once each time it is marked so (`times`:
    how often it was marked before)."""
    notify(
        [stand_in(enquiry.assigned_to).user],
        "enquiry_urgent",
        {"enquiry": enquiry, "actor": actor, "due": long_date(enquiry.target_date)},
        key=f"enquiry:{enquiry.pk}:urgent" + (f":{times + 1}" if times else ""),
    )


def enquiry_unmark_urgent(*, actor, enquiry: Enquiry, reason: str = "") -> Enquiry:
    """The councillor says an open enquiry is no longer urgent (why, if they wish): the due
    date goes back to the ordinary clock from receipt (or from the follow-up that opened this
    round), moved on by any pause, and the officer it is with is told, once."""
    reason = (reason or "").strip()
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_mark_urgent, actor, enquiry)
        require_open(enquiry)
        if not enquiry.urgent:
            raise ValidationError(f"{enquiry.reference} is not marked urgent")
        now = timezone.now()
        enquiry.urgent = False
        enquiry.urgent_reason = ""
        fields = ["urgent", "urgent_reason", *ordinary_clock(enquiry, calendar, now)]
        enquiry.save(update_fields=fields)
        times = enquiry.events.filter(kind=Ev.Kind.NOT_URGENT).count() + 1
        detail = reason or "The councillor says the enquiry is no longer urgent."
        record_event(
            enquiry, Ev.Kind.NOT_URGENT, actor=actor, detail=detail, new_date=enquiry.due_date
        )
        notify(
            [enquiry.assigned_to.user],
            "enquiry_not_urgent",
            {"enquiry": enquiry, "actor": actor, "due": long_date(enquiry.target_date)},
            key=f"enquiry:{enquiry.pk}:not-urgent:{times}",
        )
    return enquiry
