"""What every complaint service shares: locking, stages, the timeline, audit and notification."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from protocol_site import cases
from protocol_site.calendar import WorkingCalendar, end_of_day, start_of_working_day
from protocol_site.cases import do_once, record_event
from protocol_site.council_rules import rule
from registers.ladder import Step

from ..models import Complaint, ComplaintEvent, ComplaintStage
from ..routing import co_handler_for, next_handler, next_rung

Ev = ComplaintEvent.Kind
# Joined whenever a complaint is locked (protocol_site.cases.lock): everyone a step may tell.
PEOPLE = ("complainant", "current_handler", "subject_officer__user", "subject_councillor__user")


def current_stage(complaint: Complaint) -> ComplaintStage | None:
    return complaint.stages.select_related("handler").filter(number=complaint.stage_number).first()


def require_open(complaint: Complaint) -> None:
    if not complaint.is_open:
        raise ValidationError(f"{complaint.reference} is closed ({complaint.get_status_display()})")


def close_stage(stage, *, outcome: str, note: str, management_note: str, referral: str = ""):
    stage.close()
    stage.closed_at = timezone.now()
    stage.outcome = outcome
    stage.outcome_note = note
    stage.management_note = management_note
    stage.referral = referral
    stage.save(
        update_fields=[
            "status",
            "closed_at",
            "outcome",
            "outcome_note",
            "management_note",
            "referral",
        ]
    )


def close_complaint(complaint: Complaint, outcome: str) -> None:
    complaint.outcome = outcome
    complaint.closed_at = timezone.now()
    complaint.next_action_at = None
    complaint.save(update_fields=["status", "outcome", "closed_at", "next_action_at"])


def stage_dates(calendar: WorkingCalendar, opened_at: datetime) -> tuple[date, date]:
    receipt = calendar.day_of_receipt(opened_at)
    return (
        calendar.add_working_days(receipt, rule("COMPLAINT_ACKNOWLEDGE_WORKING_DAYS")),
        calendar.add_working_days(receipt, rule("COMPLAINT_RESOLVE_WORKING_DAYS")),
    )


def acknowledge_reminder_at(
    calendar: WorkingCalendar, opened_at: datetime, acknowledge_by: date
) -> datetime | None:
    """08:00 on the working day before the acknowledge-by date; None when that is no later
    than the stage opened (a one-day target leaves no time to remind)."""
    moment = start_of_working_day(calendar.working_days_before(acknowledge_by, 1))
    return moment if moment > opened_at else None


def next_action_at(stage: ComplaintStage) -> datetime:
    """The stage's next deadline for the sweep: the acknowledgement reminder while it is
    unacknowledged and not yet sent, otherwise the end of its resolve-by day."""
    deadline = end_of_day(stage.resolve_by)
    remind = stage.acknowledge_reminder_at
    if stage.status == stage.Status.OPEN and remind is not None and remind < deadline:
        return remind
    return deadline


def earlier_handlers(complaint: Complaint) -> set[int]:
    """Everyone who has handled a stage of it, on their own or with another."""
    if complaint.pk is None:
        return set()
    rows = complaint.stages.values_list("handler_id", "co_handler_id")
    return {user_id for row in rows for user_id in row if user_id is not None}


def open_stage(
    complaint: Complaint,
    step: Step,
    *,
    number: int,
    reason: str,
    actor,
    now: datetime,
    calendar: WorkingCalendar,
    then=None,
    due_at: datetime | None = None,
    stood_in_for: str = "",
) -> ComplaintStage | None:
    """Create stage `number` exactly once (the unique (complaint, number) row is the record).

    Returns the stage, or None when another caller created it first. `then(stage)` runs in the
    same savepoint, before the handler and complainant are told. `due_at`: the moment the sweep
    should have opened it (the stage below ran out of time), recorded beside when it did.
    """
    acknowledge_by, resolve_by = stage_dates(calendar, now)
    created: list[ComplaintStage] = []
    co_handler = co_handler_for(complaint, step, earlier=earlier_handlers(complaint))

    def opened(stage: ComplaintStage) -> None:
        if then is not None:
            then(stage)
        complaint.stage_number = stage.number
        complaint.current_handler_id = stage.handler_id
        complaint.current_co_handler_id = stage.co_handler_id
        complaint.next_action_at = next_action_at(stage)
        complaint.save(
            update_fields=[
                "stage_number",
                "current_handler",
                "current_co_handler",
                "next_action_at",
            ]
        )
        record_event(
            complaint,
            Ev.STAGE_OPENED,
            actor=actor,
            detail=f"Stage {stage.number}: with {stage.handled_by}. {reason}".strip(),
            stage_number=stage.number,
            row={"at": now, "due_at": due_at},
            audit={"handler": stage.handler_id, "co_handler": stage.co_handler_id},
        )
        context = {"complaint": complaint, "stage": stage, "reason": reason}
        cases.notify(
            [stage.handler],
            "complaint_stage_opened_handler",
            context,
            key=f"complaint:{complaint.pk}:stage:{stage.number}:handler",
        )
        if co_handler is not None:
            cases.notify(
                [co_handler.user],
                "complaint_stage_opened_handler",
                context,
                key=f"complaint:{complaint.pk}:stage:{stage.number}:co-handler",
            )
        cases.notify(
            [complaint.complainant],
            "complaint_stage_opened_complainant",
            context,
            key=f"complaint:{complaint.pk}:stage:{stage.number}:complainant",
        )
        created.append(stage)

    done = do_once(
        ComplaintStage,
        {
            "complaint": complaint,
            "number": number,
            "rung": step.rung.value,
            "handler_id": step.user_id,
            "handler_role": step.label,
            "co_handler_id": co_handler.user_id if co_handler is not None else None,
            "opened_reason": reason,
            "opened_at": now,
            "acknowledge_by": acknowledge_by,
            "resolve_by": resolve_by,
            "acknowledge_reminder_at": acknowledge_reminder_at(calendar, now, acknowledge_by),
            "due_at": due_at,
            "stood_in_for": stood_in_for,
            "last_rung": next_rung(complaint, after_rung=step.rung) is None,
        },
        opened,
    )
    return created[0] if done else None


def move_up(
    complaint: Complaint,
    *,
    actor,
    reason: str,
    outcome: str,
    now: datetime,
    calendar: WorkingCalendar,
    due_at: datetime | None = None,
) -> ComplaintStage | None:
    """Open the next stage above the current one, closing the current stage with `outcome`
    if it is still open. None when the ladder has ended: its top rung has the complaint, or
    nobody above is left who may take it."""
    stage = current_stage(complaint)
    after = stage.rung if stage else None
    step = next_handler(complaint, after_rung=after, earlier=earlier_handlers(complaint))
    if step is None:
        return None
    next_in_line = next_rung(complaint, after_rung=after)

    def close_previous(_new):
        if stage is not None and stage.is_open:
            stage.close()
            stage.closed_at = now
            stage.outcome = outcome
            stage.save(update_fields=["status", "closed_at", "outcome"])

    return open_stage(
        complaint,
        step,
        number=complaint.stage_number + 1,
        reason=reason,
        actor=actor,
        now=now,
        calendar=calendar,
        then=close_previous,
        due_at=due_at,
        stood_in_for=next_in_line if next_in_line not in (None, step.rung) else "",
    )
