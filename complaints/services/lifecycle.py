"""Every change to a complaint: one function each, audited, notified through the outbox."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from protocol_site.calendar import council_calendar
from protocol_site.cases import (
    audit_case,
    create_with_reference,
    lock,
    notify,
    record_event,
    require,
)
from protocol_site.council_rules import rule
from registers.ladder import monitoring_officers_now
from registers.models import NOT_COVERED, Councillor, Officer, Service

from ..models import DECISION_OUTCOMES, Complaint, Outcome, Status
from ..permissions import (
    can_complain_about_councillor,
    can_complain_about_officer,
    can_handle,
    can_notify_subject,
    can_withdraw,
    is_complainant,
)
from ..routing import directed_handler, next_handler
from ..search import search_index
from .common import (
    PEOPLE,
    Ev,
    close_complaint,
    close_stage,
    current_stage,
    move_up,
    next_action_at,
    open_stage,
    require_open,
)
from .reporting import report_on_raise
from .top import refer_upheld_to_chief_executive

Direction = Complaint.Direction


def complaint_raise(
    *,
    actor,
    summary: str,
    details: str,
    about_officer: Officer | None = None,
    about_councillor: Councillor | None = None,
    complaints_service: Service | None = None,
) -> Complaint:
    """CMP-1 / CMP-2: a member raises a concern about an officer, or an officer about a member,
    privately. Routed to the first stage; the Monitoring Officer copied (setting)."""
    if (about_officer is None) == (about_councillor is None):
        raise ValidationError("Say who the complaint is about: one officer or one councillor")
    if about_officer is not None:
        require(can_complain_about_officer, actor)
        direction = Direction.MEMBER_ABOUT_OFFICER
        if not about_officer.is_active:
            raise ValidationError({"about_officer": "Select a current officer"})
        if not about_officer.is_covered:
            raise ValidationError({"about_officer": NOT_COVERED})
        if about_officer.user_id == actor.pk:
            raise ValidationError({"about_officer": "You cannot complain about yourself"})
    else:
        require(can_complain_about_councillor, actor)
        direction = Direction.OFFICER_ABOUT_MEMBER
        if about_councillor.user_id == actor.pk:
            raise ValidationError({"about_councillor": "You cannot complain about yourself"})
    summary, details = summary.strip(), details.strip()
    if not summary:
        raise ValidationError({"summary": "Enter a short summary"})
    if not details:
        raise ValidationError({"details": "Describe the concern"})
    now = timezone.now()
    calendar = council_calendar()
    with transaction.atomic():
        fields = {
            "direction": direction,
            "complainant": actor,
            "subject_officer": about_officer,
            "subject_councillor": about_councillor,
            "summary": summary,
            "details": details,
            "created_at": now,
        }
        if complaints_service is not None and direction == Direction.MEMBER_ABOUT_OFFICER:
            # Directed to the service's named complaints officer instead of the line manager.
            step = directed_handler(Complaint(**fields), complaints_service)
        else:
            step = next_handler(Complaint(**fields))
        if step is None:
            raise ValidationError("No one is available to handle this complaint")
        complaint = create_with_reference(Complaint, prefix="CMP", on=now, **fields)
        search_index(complaint)
        record_event(
            complaint,
            Ev.RAISED,
            actor=actor,
            detail=f"Raised privately: {complaint.get_direction_display().lower()}.",
            stage_number=None,
            row={"at": now},
        )
        open_stage(
            complaint,
            step,
            number=1,
            reason="Raised: the first stage.",
            actor=actor,
            now=now,
            calendar=calendar,
        )
        if rule("COMPLAINT_COPY_MONITORING_OFFICER"):
            _copy_monitoring_officer(complaint, actor=actor, handler_id=step.user_id)
        if direction == Direction.OFFICER_ABOUT_MEMBER:
            report_on_raise(complaint, actor=actor, handler_id=step.user_id)
    return complaint


def _copy_monitoring_officer(complaint: Complaint, *, actor, handler_id: int) -> None:
    """003 §13.1: the Monitoring Officer is copied in; the Deputy when the Monitoring Officer
    is a party, away, or the post vacant."""
    officers = monitoring_officers_now()
    acting = officers.acting(complaint.party_user_ids)
    if acting is None:
        return
    mo = acting.user
    title = "Monitoring Officer" if acting == officers.holder else "Deputy Monitoring Officer"
    complaint.mo_copied = True
    complaint.save(update_fields=["mo_copied"])
    record_event(
        complaint,
        Ev.MO_COPIED,
        actor=actor,
        detail=f"Copied to the {title} ({mo.display_name}).",
        stage_number=None,
    )
    if mo.pk != handler_id:
        notify(
            [mo],
            "complaint_mo_copied",
            {"complaint": complaint},
            key=f"complaint:{complaint.pk}:mo-copy",
        )


def complaint_stage_acknowledge(*, actor, complaint: Complaint) -> Complaint:
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_handle, actor, complaint)
        require_open(complaint)
        stage = current_stage(complaint)
        if not can_proceed(stage.acknowledge):
            raise ValidationError("This stage has already been acknowledged")
        stage.acknowledge()
        stage.acknowledged_at = timezone.now()
        stage.save(update_fields=["status", "acknowledged_at"])
        complaint.next_action_at = next_action_at(stage)
        complaint.save(update_fields=["next_action_at"])
        record_event(
            complaint,
            Ev.ACKNOWLEDGED,
            actor=actor,
            detail=f"Stage {stage.number} acknowledged by the {stage.handler_role}.",
            stage_number=stage.number,
        )
        context = {"complaint": complaint, "stage": stage}
        notify([complaint.complainant], "complaint_acknowledged", context)
    return complaint


def complaint_stage_resolve(
    *, actor, complaint: Complaint, outcome: str, note: str, management_note: str = ""
) -> Complaint:
    """CMP-4: the handler records how the stage ended (informal resolution first). The
    management note (003 §13.3) is kept from the complainant and the subject."""
    if outcome not in DECISION_OUTCOMES:
        raise ValidationError({"outcome": "Select how the stage was resolved"})
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Say what was decided, for the complainant"})
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_handle, actor, complaint)
        require_open(complaint)
        stage = current_stage(complaint)
        close_stage(stage, outcome=outcome, note=note, management_note=management_note.strip())
        complaint.resolve()
        close_complaint(complaint, outcome)
        outcome = Outcome(outcome)
        record_event(
            complaint,
            Ev.RESOLVED,
            actor=actor,
            detail=f"Stage {stage.number}: {outcome.label}. {note}",
            stage_number=stage.number,
            audit={
                "outcome": outcome,
                "management_note_recorded": bool(stage.management_note),
            },
        )
        refer_upheld_to_chief_executive(complaint, actor=actor)
        context = {"complaint": complaint, "stage": stage, "outcome": outcome}
        notify([complaint.complainant], "complaint_resolved", context)
        if complaint.subject_notified_at is not None:
            notify([complaint.subject.user], "complaint_resolved_subject", context)
    return complaint


def complaint_escalate(*, actor, complaint: Complaint, reason: str) -> Complaint:
    """CMP-3: move up a stage — the handler with reasons, or the complainant asking for the
    next stage (while it is open, or after an outcome they are unhappy with)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reasons for moving it up"})
    now = timezone.now()
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        by_complainant = is_complainant(actor, complaint)
        if complaint.reported_at is not None:
            raise ValidationError(
                f"The outcome of {complaint.reference} has been reported: it is closed"
            )
        if by_complainant:
            if complaint.status not in (Status.OPEN, Status.RESOLVED):
                raise ValidationError(
                    f"{complaint.reference} is {complaint.get_status_display().lower()}"
                )
            outcome = Outcome.COMPLAINANT_REQUEST
        else:
            require(can_handle, actor, complaint)
            require_open(complaint)
            outcome = Outcome.ESCALATED
        reopening = complaint.status == Status.RESOLVED
        if reopening:
            complaint.reopen()
            complaint.outcome = ""
            complaint.closed_at = None
            complaint.save(update_fields=["status", "outcome", "closed_at"])
        who = (
            "the complainant asked for the next stage"
            if by_complainant
            else "the handler moved it up"
        )
        stage = move_up(
            complaint,
            actor=actor,
            reason=f"Moved up: {who}. {reason}",
            outcome=outcome,
            now=now,
            calendar=council_calendar(),
        )
        if stage is None:
            raise ValidationError("This complaint is already at its last stage")
        record_event(
            complaint,
            Ev.NEXT_STAGE_REQUESTED if by_complainant else Ev.ESCALATED,
            actor=actor,
            detail=f"Moved up to stage {stage.number}: {reason}",
            stage_number=stage.number,
        )
    return complaint


def complaint_withdraw(*, actor, complaint: Complaint, reason: str = "") -> Complaint:
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_withdraw, actor, complaint)
        require_open(complaint)
        stage = current_stage(complaint)
        close_stage(stage, outcome=Outcome.WITHDRAWN, note=reason.strip(), management_note="")
        complaint.withdraw()
        close_complaint(complaint, Outcome.WITHDRAWN)
        record_event(
            complaint,
            Ev.WITHDRAWN,
            actor=actor,
            detail=f"Withdrawn by the complainant. {reason}".strip(),
            stage_number=stage.number,
        )
        context = {"complaint": complaint, "reason": reason}
        notify(stage.handlers, "complaint_withdrawn", context)
    return complaint


def complaint_notify_subject(*, actor, complaint: Complaint) -> Complaint:
    """The handler or the Monitoring Officer tells the subject; from then they may see it."""
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_notify_subject, actor, complaint)
        if complaint.subject_notified_at is not None:
            raise ValidationError("The subject has already been told")
        complaint.subject_notified_at = timezone.now()
        complaint.save(update_fields=["subject_notified_at"])
        record_event(
            complaint,
            Ev.SUBJECT_NOTIFIED,
            actor=actor,
            detail=f"{complaint.subject} told of the complaint.",
            stage_number=complaint.stage_number,
        )
        notify([complaint.subject.user], "complaint_subject_notified", {"complaint": complaint})
    return complaint


def complaint_record_view(*, actor, complaint: Complaint) -> None:
    """Every view of a complaint is audited (CMP-5)."""
    audit_case(complaint, "viewed", actor=actor, summary=f"Viewed by {actor}.")
