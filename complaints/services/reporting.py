"""003 §14: an officer's complaint about a member is reported to the Chief Executive and copied
to the officer's Director when raised (§14.1, a setting); the Monitoring Officer reports the
outcome to the Chief Executive, the member, the officer and the officer's Director, and may tell
the member's group leader (§14.2), with a resolution or recommended action (§14.3).

Whoever a complaint is reported or copied to becomes a ComplaintCopy: they read its public side
from then on, as the parties do, and never the management note."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import lock, notify, record_event, require
from protocol_site.protocol_refs import protocol_ref
from registers.ladder import Rung, Step
from registers.roles import person_for

from ..models import Complaint, ComplaintCopy, Outcome
from ..permissions import can_report
from ..routing import report_recipients, reported_to_rungs
from .common import PEOPLE, Ev, close_complaint, close_stage, current_stage

Direction = Complaint.Direction
Reason = ComplaintCopy.Reason


def _copy(complaint: Complaint, user_id: int, *, role: str, reason: str) -> None:
    """Give someone the complaint's public side (once; a later reason does not replace it)."""
    ComplaintCopy.objects.get_or_create(
        complaint=complaint, user_id=user_id, defaults={"role": role, "reason": reason}
    )


def _names(steps: list[Step]) -> str:
    return " and ".join(f"the {step.label} ({step.person})" for step in steps)


def report_on_raise(complaint: Complaint, *, actor, handler_id: int) -> None:
    """003 §14.1, inside complaint_raise's transaction."""
    steps = [
        step
        for step in report_recipients(complaint, reported_to_rungs())
        if step.user_id != handler_id
    ]
    if not steps:
        return
    for step in steps:
        reason = Reason.REPORTED if step.rung == Rung.CHIEF_EXECUTIVE else Reason.COPIED
        _copy(complaint, step.user_id, role=step.label, reason=reason)
    record_event(
        complaint,
        Ev.COPIED,
        actor=actor,
        detail=f"Reported to {_names(steps)}{protocol_ref('complaint_about_member_reported')}.",
        stage_number=None,
        audit={"copied_to": [step.user_id for step in steps]},
    )
    notify(
        [step.person.user for step in steps],
        "complaint_reported_on_raise",
        {"complaint": complaint},
        key=f"complaint:{complaint.pk}:reported-on-raise",
    )


def _group_leader(complaint: Complaint):
    """The subject councillor's group leader, if they lead a group and are not the subject."""
    group = complaint.subject_councillor.group
    leader = getattr(group, "leader", None) if group is not None else None
    if leader is None or leader.pk == complaint.subject_councillor_id:
        return None
    return leader


def _stands_in(actor) -> bool:
    """The Deputy reporting in the Monitoring Officer's place."""
    return person_for(actor).is_deputy_monitoring_officer


def _decide(complaint: Complaint, report: str):
    """The report is the outcome: mark the complaint reported and, if it is still open, close
    its stage and the complaint, so nothing is left due (the sweep has nothing to move up).
    Returns the closed stage's handler, or None when it was already closed."""
    complaint.reported_at = timezone.now()
    complaint.save(update_fields=["reported_at"])
    if not complaint.is_open:
        return None
    stage = current_stage(complaint)
    close_stage(stage, outcome=Outcome.REPORTED, note=report, management_note="")
    complaint.resolve()
    close_complaint(complaint, Outcome.REPORTED)
    return stage.handler


def complaint_report_outcome(
    *, actor, complaint: Complaint, report: str, tell_group_leader: bool = False
) -> Complaint:
    """003 §14.2–14.3: the Monitoring Officer's report of the findings, and the resolution or
    the recommended action, to the Chief Executive, the member, the officer and the officer's
    Director; optionally the member's group leader too. The member is told of the complaint
    (if they had not been) and may read it from then on.

    The report decides it: an open complaint is closed (its stage with it, the handler told),
    and a reported complaint is never moved up again, by a sweep or by asking."""
    report = report.strip()
    if not report:
        raise ValidationError({"report": "Write the findings and any recommended action"})
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_report, actor, complaint)
        if complaint.direction != Direction.OFFICER_ABOUT_MEMBER:
            raise ValidationError(
                "The Monitoring Officer's report is for an officer's complaint about a member"
            )
        if complaint.reported_at is not None:
            raise ValidationError(f"The outcome of {complaint.reference} has been reported")
        leader = _group_leader(complaint) if tell_group_leader else None
        if tell_group_leader and leader is None:
            raise ValidationError(
                {"tell_group_leader": f"{complaint.subject} has no group leader to tell"}
            )
        steps = report_recipients(complaint, (Rung.CHIEF_EXECUTIVE, Rung.DIRECTOR))
        for step in steps:
            _copy(complaint, step.user_id, role=step.label, reason=Reason.OUTCOME)
        member = complaint.subject_councillor
        if complaint.subject_notified_at is None:
            complaint.subject_notified_at = timezone.now()
            complaint.save(update_fields=["subject_notified_at"])
            record_event(
                complaint,
                Ev.SUBJECT_NOTIFIED,
                actor=actor,
                detail=f"{member} told of the complaint, with the report.",
                stage_number=complaint.stage_number,
            )
        told = ", ".join(
            [f"{member} (the member)", f"{complaint.complainant} (the officer)"]
            + [f"{step.person} ({step.label})" for step in steps]
        )
        handler = _decide(complaint, report)
        who = "Deputy Monitoring Officer" if _stands_in(actor) else "Monitoring Officer"
        closed = " The complaint is closed." if handler is not None else ""
        record_event(
            complaint,
            Ev.REPORTED,
            actor=actor,
            detail=f"The {who} reported the outcome to {told}: {report}{closed}",
            stage_number=complaint.stage_number,
            audit={"reported_to": [step.user_id for step in steps], "closed": bool(closed)},
        )
        context = {"complaint": complaint, "report": report}
        recipients = [complaint.complainant, member.user, *(step.person.user for step in steps)]
        if handler is not None and handler.pk != actor.pk:
            recipients.append(handler)
        notify(recipients, "complaint_outcome_reported", context)
        if leader is not None:
            _copy(complaint, leader.user_id, role="Group leader", reason=Reason.GROUP_LEADER)
            record_event(
                complaint,
                Ev.GROUP_LEADER_NOTIFIED,
                actor=actor,
                detail=f"{leader}, leader of {member.group}, told of the complaint and the "
                "findings.",
                stage_number=complaint.stage_number,
                audit={"group_leader": leader.user_id},
            )
            notify([leader.user], "complaint_group_leader_told", context)
    return complaint
