"""What the complaint views share: who uses them, what the viewer may do, and after a change."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect
from django_fsm import can_proceed

from protocol_site.council_rules import rule
from registers.roles import Person, Role

from ..models import ChiefExecutiveDecision, Complaint, ComplaintStage, Status
from ..permissions import (
    can_decide_as_chief_executive,
    can_go_to_standards_committee,
    can_handle,
    can_message,
    can_refer,
    can_report,
    can_withdraw,
    is_complainant,
    is_monitoring_officer,
)
from ..selectors import complaints_visible_to, managed_post
from ..services.top import is_upheld_about_member, may_go_to_standards_committee


def uses_complaints(person: Person) -> bool:
    """CMP-1 / CMP-2: councillors and officers raise and handle complaints."""
    return person.councillor is not None or person.officer is not None


def manages_a_team(person: Person) -> bool:
    """Sees the complaint stages handled under them, beside their own."""
    return managed_post(person) is not None


def is_mo(person: Person) -> bool:
    """Holds the Monitoring Officer's powers in general (registers.roles)."""
    return person.has(Role.MONITORING_OFFICER)


def done(request, complaint_pk: int, message: str):
    """After a change: back to the complaint, or to the list if it has moved out of reach."""
    messages.success(request, message)
    if complaints_visible_to(request.user).filter(pk=complaint_pk).exists():
        return redirect("complaints:detail", complaint_pk)
    return redirect("complaints:list")


@dataclass(frozen=True)
class Actions:
    """What the viewer may do to this complaint now, for the buttons and the action pages."""

    acknowledge: bool = False
    resolve: bool = False
    refer: bool = False
    escalate: bool = False  # the handler moves it up, or the complainant asks for the next stage
    withdraw: bool = False
    notify_subject: bool = False
    report: bool = False  # the Monitoring Officer's report (003 §14.2)
    message: bool = False  # the complainant and the handler, while the stage is open
    chief_executive_decision: bool = False  # 002 §10.b, on an upheld complaint about a member
    standards_committee: bool = False  # 003 §14.1: the officer goes there instead
    complainant: bool = False

    @property
    def any(self) -> bool:
        return any(
            (
                self.acknowledge,
                self.resolve,
                self.refer,
                self.escalate,
                self.withdraw,
                self.notify_subject,
                self.report,
                self.message,
                self.chief_executive_decision,
                self.standards_committee,
            )
        )


def actions_for(user, complaint: Complaint, stage: ComplaintStage | None = None) -> Actions:
    """Who may (permissions) and whether the complaint's state allows it now: only what the
    services would allow."""
    open_ = complaint.is_open
    handler = open_ and can_handle(user, complaint)
    complainant = is_complainant(user, complaint)
    mo = is_monitoring_officer(user, complaint)
    if stage is None and (handler or complainant):
        stage = complaint.stages.filter(number=complaint.stage_number).first()
    # The top of the ladder has no stage above it: nobody is offered a move up.
    at_top = stage is not None and stage.last_rung
    about_member = complaint.direction == Complaint.Direction.OFFICER_ABOUT_MEMBER
    return Actions(
        acknowledge=handler and stage is not None and can_proceed(stage.acknowledge),
        resolve=handler,
        refer=open_ and can_refer(user, complaint),
        escalate=not at_top
        and complaint.reported_at is None
        and (handler or (complainant and complaint.status in (Status.OPEN, Status.RESOLVED))),
        withdraw=open_ and can_withdraw(user, complaint),
        notify_subject=(handler or (mo and not complainant))
        and complaint.subject_notified_at is None
        and complaint.subject_user_id != user.pk,
        report=about_member and complaint.reported_at is None and can_report(user, complaint),
        message=open_
        and (handler or complainant)
        and stage is not None
        and stage.is_open
        and can_message(user, complaint),
        chief_executive_decision=_may_decide(user, complaint),
        standards_committee=complainant
        and may_go_to_standards_committee(complaint)
        and bool(rule("COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE"))
        and can_go_to_standards_committee(user, complaint),
        complainant=complainant,
    )


def _may_decide(user, complaint: Complaint) -> bool:
    """The Chief Executive, on an upheld complaint about a member waiting for their decision
    (a query only when the complaint is one)."""
    if not is_upheld_about_member(complaint) or not can_decide_as_chief_executive(user, complaint):
        return False
    return ChiefExecutiveDecision.objects.filter(
        complaint=complaint, status=ChiefExecutiveDecision.Status.PENDING
    ).exists()
