"""Complaints at the top of the council.

- 002 §10.b: an officer's complaint about a member, upheld, is referred to the Chief Executive,
  who decides the course of action having told the Leader of the Council and the member's
  Group Leader, after consulting the chair of the Standards Committee.
- 003 §14.1, §15.1: the officer may take it to the Standards Committee instead (a council rule),
  while it is open or when it ended without being resolved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import do_once, lock, notify, record_event, require
from protocol_site.council_rules import rule
from protocol_site.protocol_refs import protocol_ref
from registers.ladder import (
    chief_executive,
    leader_of_council,
    monitoring_officer_user,
    standards_chair,
)

from ..models import ChiefExecutiveDecision, Complaint, ComplaintCopy, Outcome, Referral, Status
from ..permissions import can_decide_as_chief_executive, can_go_to_standards_committee
from .common import PEOPLE, Ev, close_stage, current_stage

Direction = Complaint.Direction
UPHELD = (Outcome.UPHELD, Outcome.PARTLY_UPHELD)


def is_upheld_about_member(complaint: Complaint) -> bool:
    return complaint.direction == Direction.OFFICER_ABOUT_MEMBER and complaint.outcome in UPHELD


def group_leader_of(complaint: Complaint):
    """The member's Group Leader (None when they have no group, or lead it themselves)."""
    group = complaint.subject_councillor.group
    leader = getattr(group, "leader", None) if group is not None else None
    if leader is None or leader.pk == complaint.subject_councillor_id:
        return None
    return leader


def refer_upheld_to_chief_executive(complaint: Complaint, *, actor) -> None:
    """Inside complaint_stage_resolve's transaction: an officer's complaint about a member
    upheld (or partly) goes to the Chief Executive for a decision, once."""
    if not is_upheld_about_member(complaint):
        return
    ce = chief_executive()
    if ce is None or ce.user_id in complaint.party_user_ids:
        return

    def referred(decision: ChiefExecutiveDecision) -> None:
        ComplaintCopy.objects.get_or_create(
            complaint=complaint,
            user_id=ce.user_id,
            defaults={"role": "Chief Executive", "reason": ComplaintCopy.Reason.REPORTED},
        )
        record_event(
            complaint,
            Ev.UPHELD_TO_CHIEF_EXECUTIVE,
            actor=actor,
            detail="Upheld: sent to the Chief Executive to decide the course of action"
            f"{protocol_ref('complaint_upheld_chief_executive')}.",
            stage_number=complaint.stage_number,
            audit={"chief_executive": ce.user_id},
        )
        notify(
            [ce.user],
            "complaint_upheld_to_chief_executive",
            {"complaint": complaint},
            key=f"complaint:{complaint.pk}:upheld-to-ce",
        )

    do_once(
        ChiefExecutiveDecision,
        {"complaint": complaint, "referred_at": timezone.now()},
        referred,
    )


def _missing(*, leader, group_leader, chair, leader_told, group_leader_told, consulted) -> dict:
    errors = {}
    if leader is not None and not leader_told:
        errors["leader_told"] = f"Confirm you told the Leader of the Council, {leader}"
    if group_leader is not None and not group_leader_told:
        errors["group_leader_told"] = f"Confirm you told the member's Group Leader, {group_leader}"
    if not consulted:
        who = f", {chair}" if chair is not None else ""
        errors["standards_chair_consulted"] = (
            f"Confirm you consulted the chair of the Standards Committee{who}"
        )
    return errors


def complaint_chief_executive_decide(
    *,
    actor,
    complaint: Complaint,
    decision: str,
    leader_told: bool,
    group_leader_told: bool,
    standards_chair_consulted: bool,
) -> ChiefExecutiveDecision:
    """002 §10.b: the Chief Executive's decision on an upheld complaint about a member, only
    once the Leader and the member's Group Leader have been told and the Standards Committee
    chair consulted (each named where the registers name them). Decided once."""
    decision = decision.strip()
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_decide_as_chief_executive, actor, complaint)
        record = (
            ChiefExecutiveDecision.objects.select_for_update().filter(complaint=complaint).first()
        )
        if record is None or not is_upheld_about_member(complaint):
            raise ValidationError(
                f"{complaint.reference} has not been upheld and sent to the Chief Executive"
            )
        if record.status == ChiefExecutiveDecision.Status.DECIDED:
            raise ValidationError(f"The decision on {complaint.reference} has been recorded")
        leader, chair = leader_of_council(), standards_chair()
        group_leader = group_leader_of(complaint)
        # The Leader of the Council who also leads the member's group is told once.
        also_leader = leader is not None and group_leader is not None and leader == group_leader
        if also_leader:
            group_leader_told = leader_told
        errors = _missing(
            leader=leader,
            group_leader=None if also_leader else group_leader,
            chair=chair,
            leader_told=leader_told,
            group_leader_told=group_leader_told,
            consulted=standards_chair_consulted,
        )
        if not decision:
            errors["decision"] = "Enter the course of action you decided on"
        if errors:
            raise ValidationError(errors)
        record.decide()
        record.leader_told, record.leader = leader is not None, leader
        record.group_leader_told, record.group_leader = group_leader is not None, group_leader
        record.standards_chair_consulted, record.standards_chair = True, chair
        record.decision, record.decided_by, record.decided_at = decision, actor, timezone.now()
        record.save()
        told = [f"the Leader of the Council ({leader})"] if leader else []
        told += [f"the member's Group Leader ({group_leader})"] if group_leader else []
        chair_words = f" ({chair})" if chair else ""
        record_event(
            complaint,
            Ev.CHIEF_EXECUTIVE_DECISION,
            actor=actor,
            detail=f"Having told {' and '.join(told) or 'nobody (no Leader or Group Leader)'} "
            f"and consulted the chair of the Standards Committee{chair_words}, the Chief "
            f"Executive decided: {decision}",
            stage_number=complaint.stage_number,
            audit={
                "leader": getattr(leader, "user_id", None),
                "group_leader": getattr(group_leader, "user_id", None),
                "standards_chair": getattr(chair, "user_id", None),
            },
        )
        recipients = [complaint.complainant, monitoring_officer_user(complaint)]
        if complaint.subject_notified_at is not None:
            recipients.append(complaint.subject_councillor.user)
        notify(
            recipients,
            "complaint_chief_executive_decision",
            {"complaint": complaint},
            key=f"complaint:{complaint.pk}:ce-decision",
        )
    return record


def may_go_to_standards_committee(complaint: Complaint) -> bool:
    """The complaint's state allows it: open, or closed without being resolved informally,
    reported or referred (003 §15.1: 'if the matter has not been resolved')."""
    if complaint.direction != Direction.OFFICER_ABOUT_MEMBER or complaint.reported_at:
        return False
    if complaint.status == Status.OPEN:
        return True
    return complaint.status == Status.RESOLVED and complaint.outcome in (
        Outcome.UPHELD,
        Outcome.PARTLY_UPHELD,
        Outcome.NOT_UPHELD,
    )


def complaint_to_standards_committee(*, actor, complaint: Complaint, reason: str) -> Complaint:
    """003 §14.1, §15.1: the officer who raised it takes it to the Standards Committee instead
    (where the council's rule allows). It leaves this procedure: an open stage closes as
    referred; the Monitoring Officer, who receives complaints under the Code of Conduct, and
    the stage's handlers are told."""
    reason = reason.strip()
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_go_to_standards_committee, actor, complaint)
        if not rule("COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE"):
            raise ValidationError(
                "Under the council's protocol a complaint goes through this procedure first"
            )
        if not may_go_to_standards_committee(complaint):
            raise ValidationError(
                f"{complaint.reference} is {complaint.get_status_display().lower()}: it cannot "
                "go to the Standards Committee now"
            )
        if not reason:
            raise ValidationError(
                {"reason": "Say why you are taking it to the Standards Committee"}
            )
        stage = current_stage(complaint)
        handlers = []
        if stage is not None and stage.is_open:
            close_stage(
                stage,
                outcome=Outcome.REFERRED,
                note=reason,
                management_note="",
                referral=Referral.STANDARDS_COMMITTEE,
            )
            handlers = stage.handlers
        complaint.to_standards_committee()
        complaint.outcome = Outcome.REFERRED
        complaint.closed_at = timezone.now()
        complaint.next_action_at = None
        complaint.save(update_fields=["status", "outcome", "closed_at", "next_action_at"])
        record_event(
            complaint,
            Ev.STANDARDS_COMMITTEE,
            actor=actor,
            detail="The officer took the complaint to the Standards Committee"
            f"{protocol_ref('complaint_standards_committee')}. {reason}".strip(),
            stage_number=complaint.stage_number,
            audit={"stage_closed": bool(handlers)},
        )
        notify(
            [monitoring_officer_user(complaint), *handlers, complaint.complainant],
            "complaint_to_standards_committee",
            {"complaint": complaint, "reason": reason},
            key=f"complaint:{complaint.pk}:standards-committee",
        )
    return complaint
