"""One page per step on a complaint: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; PermissionDenied is a 403; a complaint
outside the viewer's reach is a 404 (complaint_for). The services are atomic: nothing half-saves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.shortcuts import render

from protocol_site.views import step_view

from .. import forms, services
from ..models import Outcome, Referral
from ..selectors import complaint_for
from .common import actions_for, done


@dataclass(frozen=True)
class Step:
    """One action page: which Actions flag opens it, its form, the service call, the message."""

    title: str
    submit: str
    form: type
    action: str  # the Actions attribute that allows it
    perform: Callable  # (actor, complaint, cleaned_data) -> message
    intro: str = ""
    warning: bool = False
    complainant_title: str = ""  # when the complainant takes the step, it reads differently
    complainant_intro: str = ""
    aliases: dict = field(default_factory=dict)


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
    "acknowledge": Step(
        title="Acknowledge the complaint",
        submit="Acknowledge",
        form=forms.AcknowledgeForm,
        action="acknowledge",
        perform=_acknowledge,
        intro="The complainant is told you are dealing with it, and the target date.",
    ),
    "resolve": Step(
        title="Record the outcome of this stage",
        submit="Record outcome",
        form=forms.ResolveForm,
        action="resolve",
        perform=_resolve,
        intro="Try to resolve it informally first (003 §12.2). The complainant is told the "
        "outcome, never any formal action against an officer (003 §13.3).",
    ),
    "refer": Step(
        title="Refer the complaint",
        submit="Refer",
        form=forms.ReferForm,
        action="refer",
        perform=_refer,
        intro="Refer it out of this procedure (003 §15): officers' conduct to the disciplinary "
        "procedure; a member's Code of Conduct to the Standards Committee, by the Monitoring "
        "Officer only (003 §14.4).",
        warning=True,
    ),
    "escalate": Step(
        title="Move it up a stage",
        submit="Move up a stage",
        form=forms.EscalateForm,
        action="escalate",
        perform=_escalate,
        intro="It goes to the next stage's handler, who has not dealt with it before. Say why.",
        complainant_title="Ask for the next stage",
        complainant_intro="If you are unhappy with the outcome or progress, the next stage's "
        "handler looks at it afresh. Say why.",
    ),
    "withdraw": Step(
        title="Withdraw the complaint",
        submit="Withdraw complaint",
        form=forms.WithdrawForm,
        action="withdraw",
        perform=_withdraw,
        intro="The complaint is closed and the handler told.",
        warning=True,
    ),
    "notify_subject": Step(
        title="Tell the subject",
        submit="Tell the subject",
        form=forms.NotifySubjectForm,
        action="notify_subject",
        perform=_notify_subject,
        intro="The person the complaint is about is told of it, and from then may see it and "
        "its progress. It stays confidential.",
    ),
    "report": Step(
        title="Report the outcome",
        submit="Send the report",
        form=forms.ReportForm,
        action="report",
        perform=_report,
        intro="Report your findings to the Chief Executive, the member, the officer and the "
        "officer's Director (003 §14.2), with a resolution both can accept or the action you "
        "recommend (003 §14.3). The member is told of the complaint if they had not been.",
    ),
}


def _step_view(name: str):
    step = STEPS[name]

    def show(request, complaint, form):
        actions = actions_for(request.user, complaint)
        by_complainant = actions.complainant and bool(step.complainant_title)
        return render(
            request,
            "complaints/action.html",
            {
                "complaint": complaint,
                "step": step,
                "step_name": name,
                "title": step.complainant_title if by_complainant else step.title,
                "intro": step.complainant_intro if by_complainant else step.intro,
                "submit": step.complainant_title if by_complainant else step.submit,
                "form": form,
            },
        )

    return step_view(
        f"complaint_{name}",
        load=complaint_for,
        allowed=lambda user, complaint: getattr(actions_for(user, complaint), step.action),
        make_form=lambda request, complaint: step.form(
            request.POST if request.method == "POST" else None
        ),
        perform=step.perform,
        done=done,
        show=show,
        aliases=step.aliases,
        title=step.title,
    )


complaint_acknowledge = _step_view("acknowledge")
complaint_resolve = _step_view("resolve")
complaint_refer = _step_view("refer")
complaint_escalate = _step_view("escalate")
complaint_withdraw = _step_view("withdraw")
complaint_notify_subject = _step_view("notify_subject")
complaint_report = _step_view("report")
