"""One page per step on a complaint: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; PermissionDenied is a 403; a complaint
outside the viewer's reach is a 404 (complaint_for). The services are atomic: nothing half-saves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render

from protocol_site.views import CaseStep, case_step_view

from .. import forms, services
from ..models import Outcome, Referral
from ..permissions import can_share_with_subject, is_complainant
from ..selectors import complaint_for
from .common import actions_for, done


def _may(action: str):
    """A step's rule: the flag in `Actions` (who may, and whether the complaint's state
    allows it now), so the button and the page always agree."""
    return lambda user, complaint: getattr(actions_for(user, complaint), action)


def _acknowledge(actor, complaint, data):
    services.complaint_stage_acknowledge(actor=actor, complaint=complaint)
    return f"You acknowledged {complaint.reference}. The complainant has been told."


def _resolve(actor, complaint, data):
    services.complaint_stage_resolve(
        actor=actor,
        complaint=complaint,
        outcome=data["outcome"],
        note=data["note"],
        management_note=data["management_note"],
    )
    return f"Outcome recorded on {complaint.reference}: {Outcome(data['outcome']).label}."


def _refer(actor, complaint, data):
    services.complaint_stage_refer(
        actor=actor,
        complaint=complaint,
        referral=data["referral"],
        note=data["note"],
        management_note=data["management_note"],
    )
    return f"{complaint.reference} referred to {Referral(data['referral']).label}."


def _escalate(actor, complaint, data):
    complaint = services.complaint_escalate(actor=actor, complaint=complaint, reason=data["reason"])
    return f"{complaint.reference} moved up to stage {complaint.stage_number}."


def _withdraw(actor, complaint, data):
    services.complaint_withdraw(actor=actor, complaint=complaint, reason=data["reason"])
    return f"You withdrew {complaint.reference}. The handler has been told."


def _notify_subject(actor, complaint, data):
    services.complaint_notify_subject(actor=actor, complaint=complaint)
    return f"{complaint.subject} has been told of {complaint.reference}."


def _message(actor, complaint, data):
    shared = data.get("share_with_subject", False)
    services.complaint_message(
        actor=actor, complaint=complaint, message=data["message"], share_with_subject=shared
    )
    if is_complainant(actor, complaint):
        return f"Message sent on {complaint.reference}. The handler has been told."
    told = f" {complaint.subject} has been told too." if shared else ""
    return f"Message sent on {complaint.reference}. The complainant has been told.{told}"


@dataclass(frozen=True)
class MessageStep(CaseStep):
    """The message page's form depends on who writes: the handler may share their message
    with the subject once the subject has been told of the complaint."""

    def make_form(self, request, case):
        may_share = (
            can_share_with_subject(request.user, case) and case.subject_notified_at is not None
        )
        data = request.POST if request.method == "POST" else None
        return self.form(data, share_with=case.subject if may_share else None)


def _report(actor, complaint, data):
    services.complaint_report_outcome(
        actor=actor,
        complaint=complaint,
        report=data["report"],
        tell_group_leader=data["tell_group_leader"],
    )
    told = " and the group leader" if data["tell_group_leader"] else ""
    return f"Report on {complaint.reference} sent to the member, the officer{told}."


STEPS = {
    "acknowledge": CaseStep(
        title="Acknowledge the complaint",
        submit="Acknowledge",
        form=forms.AcknowledgeForm,
        allowed=_may("acknowledge"),
        perform=_acknowledge,
        intro="The complainant is told you are dealing with it, and the target date.",
    ),
    "resolve": CaseStep(
        title="Record the outcome of this stage",
        submit="Record outcome",
        form=forms.ResolveForm,
        allowed=_may("resolve"),
        perform=_resolve,
        intro="Try to resolve it informally first. The complainant is told the "
        "outcome, never any formal action against an officer.",
    ),
    "refer": CaseStep(
        title="Refer the complaint",
        submit="Refer",
        form=forms.ReferForm,
        allowed=_may("refer"),
        perform=_refer,
        intro="Refer it out of this procedure: officers' conduct to the disciplinary "
        "procedure; a member's Code of Conduct to the Standards Committee, by the Monitoring "
        "Officer only.",
        warning=True,
    ),
    "escalate": CaseStep(
        title="Move it up a stage",
        submit="Move up a stage",
        form=forms.EscalateForm,
        allowed=_may("escalate"),
        perform=_escalate,
        intro="It goes to the next stage's handler, who has not dealt with it before. Say why.",
    ),
    "withdraw": CaseStep(
        title="Withdraw the complaint",
        submit="Withdraw complaint",
        form=forms.WithdrawForm,
        allowed=_may("withdraw"),
        perform=_withdraw,
        intro="The complaint is closed and the handler told.",
        warning=True,
    ),
    "notify_subject": CaseStep(
        title="Tell the subject",
        submit="Tell the subject",
        form=forms.NotifySubjectForm,
        allowed=_may("notify_subject"),
        perform=_notify_subject,
        intro="The person the complaint is about is told of it, and from then may see it and "
        "its progress. It stays confidential.",
    ),
    "message": MessageStep(
        title="Send a message to the complainant",
        submit="Send message",
        form=forms.MessageForm,
        allowed=_may("message"),
        perform=_message,
        intro="Your message goes on the complaint's record for this stage, and the complainant "
        "is told by email. The person the complaint is about does not see it unless you share "
        "it with them. Any formal action against an officer stays with management: never "
        "write about it here.",
    ),
    "report": CaseStep(
        title="Report the outcome",
        submit="Send the report",
        form=forms.ReportForm,
        allowed=_may("report"),
        perform=_report,
        intro="Report your findings to the Chief Executive, the member, the officer and the "
        "officer's Director, with a resolution both can accept or the action you "
        "recommend. The member is told of the complaint if they had not been. "
        "Sending it closes the complaint: refer it to the Standards Committee first if it "
        "should go there.",
    ),
}


# When the complainant asks for the next stage, the page reads as theirs.
ASK_FOR_NEXT_STAGE = CaseStep(
    title="Ask for the next stage",
    submit="Ask for the next stage",
    form=forms.EscalateForm,
    allowed=_may("escalate"),
    perform=_escalate,
    intro="If you are unhappy with the outcome or progress, the next stage's handler looks at "
    "it afresh. Say why.",
)


# When the complainant writes, the message page reads as theirs.
MESSAGE_TO_HANDLER = MessageStep(
    title="Send a message to the handler",
    submit="Send message",
    form=forms.MessageForm,
    allowed=_may("message"),
    perform=_message,
    intro="Your message goes on the complaint's record for this stage, and the person handling "
    "it is told by email. Only you and those handling the complaint read it: the person it is "
    "about does not.",
)

# The steps whose page reads differently for the complainant.
FOR_COMPLAINANT = {"escalate": ASK_FOR_NEXT_STAGE, "message": MESSAGE_TO_HANDLER}


def _render(request, complaint, step: CaseStep, form):
    if is_complainant(request.user, complaint):
        name = next((key for key, value in STEPS.items() if value is step), None)
        step = FOR_COMPLAINANT.get(name, step)
    return render(
        request,
        "complaints/action.html",
        {"complaint": complaint, "step": step, "form": form},
    )


def _step_view(name: str):
    return case_step_view(
        f"complaint_{name}", STEPS[name], load=complaint_for, done=done, render=_render
    )


complaint_acknowledge = _step_view("acknowledge")
complaint_resolve = _step_view("resolve")
complaint_refer = _step_view("refer")
complaint_escalate = _step_view("escalate")
complaint_withdraw = _step_view("withdraw")
complaint_notify_subject = _step_view("notify_subject")
complaint_report = _step_view("report")
complaint_message = _step_view("message")
