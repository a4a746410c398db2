"""One page per step on an enquiry: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; PermissionDenied is a 403; an enquiry
outside the viewer's reach is a 404 (enquiry_for). The services are atomic: nothing half-saves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from protocol_site.views import step_view

from .. import forms, services
from ..models import ExtensionRequest
from ..permissions import can_decide_extension, can_decline, can_work
from ..selectors import enquiry_for, may_read_casework
from .common import add_service_errors, done


def _date(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Step:
    """One action page: who may open it, its form, the service call and what to say after."""

    title: str
    submit: str
    form: type
    allowed: Callable
    perform: Callable  # (actor, enquiry, cleaned_data) -> message
    intro: str = ""
    warning: bool = False
    aliases: dict = field(default_factory=dict)


def _acknowledge(actor, enquiry, data):
    services.enquiry_acknowledge(actor=actor, enquiry=enquiry)
    return f"You acknowledged {enquiry.reference}. The councillor has been told."


def _holding(actor, enquiry, data):
    services.enquiry_send_holding_reply(
        actor=actor,
        enquiry=enquiry,
        explanation=data["explanation"],
        expected_date=data["expected_date"],
    )
    return (
        f"Holding reply sent on {enquiry.reference}. The full response is now expected by "
        f"{_date(data['expected_date'])}."
    )


def _extension(actor, enquiry, data):
    services.enquiry_request_extension(
        actor=actor,
        enquiry=enquiry,
        reason=data["reason"],
        proposed_date=data["proposed_date"],
    )
    return f"More time asked for on {enquiry.reference}. Senior management will decide."


def _guidance(actor, enquiry, data):
    services.enquiry_seek_guidance(
        actor=actor,
        enquiry=enquiry,
        note=data["note"],
        refer_to_chief_executive=data["refer_to_chief_executive"],
    )
    to = "the Chief Executive" if data["refer_to_chief_executive"] else "the Director"
    return f"Guidance sought from {to} on {enquiry.reference}."


def _reassign(actor, enquiry, data):
    services.enquiry_reassign(
        actor=actor,
        enquiry=enquiry,
        to=data["to"],
        note=data["note"],
        service=data["service"],
    )
    return f"{enquiry.reference} passed to {data['to']}. The clock keeps running."


def _respond(actor, enquiry, data):
    services.enquiry_respond(
        actor=actor, enquiry=enquiry, response=data["response"], minor=data["minor"]
    )
    return f"Response sent to {enquiry.councillor} on {enquiry.reference}. It is now closed."


def _decline(actor, enquiry, data):
    services.enquiry_decline(
        actor=actor,
        enquiry=enquiry,
        reason=data["reason"],
        explanation=data["explanation"],
        point_to_foi=data["point_to_foi"],
    )
    return f"{enquiry.reference} declined. The councillor has been told why."


STEPS = {
    "acknowledge": Step(
        title="Acknowledge the enquiry",
        submit="Acknowledge",
        form=forms.AcknowledgeForm,
        allowed=can_work,
        perform=_acknowledge,
        intro="The councillor is told that you are dealing with it. The clock keeps running.",
    ),
    "holding": Step(
        title="Send a holding reply",
        submit="Send holding reply",
        form=forms.HoldingReplyForm,
        allowed=can_work,
        perform=_holding,
        intro="Tell the councillor what is happening and when to expect a full response "
        "(000 §6.2). Reminders and escalation then work from the new date.",
    ),
    "extension": Step(
        title="Ask for more time",
        submit="Ask for more time",
        form=forms.ExtensionRequestForm,
        allowed=can_work,
        perform=_extension,
        intro="Senior management decide, and agree any new deadline with the councillor "
        "(003 §8.2).",
    ),
    "guidance": Step(
        title="Seek guidance",
        submit="Seek guidance",
        form=forms.GuidanceForm,
        allowed=can_work,
        perform=_guidance,
        intro="Where information is not readily available or is costly to provide, seek the "
        "Director's guidance; the Director may refer it to the Chief Executive (003 §9.3).",
    ),
    "reassign": Step(
        title="Reassign the enquiry",
        submit="Reassign",
        form=forms.ReassignForm,
        allowed=can_work,
        perform=_reassign,
        intro="Pass it to the right officer or service. The clock keeps running (ENQ-3).",
    ),
    "respond": Step(
        title="Respond to the councillor",
        submit="Send response",
        form=forms.RespondForm,
        allowed=can_work,
        perform=_respond,
        intro="The response closes the enquiry. The councillor is reminded to use the "
        "information only for the purpose it was provided (004 §7.6).",
    ),
    "decline": Step(
        title="Decline the enquiry",
        submit="Decline enquiry",
        form=forms.DeclineForm,
        allowed=can_decline,
        perform=_decline,
        intro="A senior officer may decline an inappropriate enquiry, giving reasons "
        "(002 §7.iii). Information anyone could have under FOI should be given without a "
        "formal request (000 §6.7).",
        warning=True,
    ),
}


def _render(request, enquiry, step: Step, form, name: str, **extra):
    return render(
        request,
        "enquiries/action.html",
        {
            "enquiry": enquiry,
            "step": step,
            "step_name": name,
            "form": form,
            "may_read_casework": may_read_casework(request.user, enquiry),
            **extra,
        },
    )


def _form_for(step: Step, request, enquiry):
    kwargs = {"enquiry": enquiry} if step.form is forms.ReassignForm else {}
    if request.method == "POST":
        return step.form(request.POST, **kwargs)
    return step.form(**kwargs)


def _step_view(name: str):
    step = STEPS[name]
    return step_view(
        f"enquiry_{name}",
        load=enquiry_for,
        allowed=step.allowed,
        make_form=lambda request, enquiry: _form_for(step, request, enquiry),
        perform=step.perform,
        done=done,
        show=lambda request, enquiry, form: _render(request, enquiry, step, form, name),
        aliases=step.aliases,
        title=step.title,
    )


enquiry_acknowledge = _step_view("acknowledge")
enquiry_holding_reply = _step_view("holding")
enquiry_extension = _step_view("extension")
enquiry_guidance = _step_view("guidance")
enquiry_reassign = _step_view("reassign")
enquiry_respond = _step_view("respond")
enquiry_decline = _step_view("decline")

DECIDE = Step(
    title="Decide on more time",
    submit="Record decision",
    form=forms.ExtensionDecisionForm,
    allowed=can_decide_extension,
    perform=lambda *args: "",
    intro="Agree an alternative deadline with the councillor, or refuse with a note for the "
    "officer (003 §8.2).",
)


@require_http_methods(["GET", "POST"])
def enquiry_extension_decide(request, pk: int, req: int):
    enquiry = enquiry_for(request.user, pk)
    extension = get_object_or_404(
        ExtensionRequest.objects.select_related("requested_by__user", "decided_by__user"),
        pk=req,
        enquiry=enquiry,
    )
    if not can_decide_extension(request.user, enquiry):
        raise PermissionDenied
    form = forms.ExtensionDecisionForm(request.POST if request.method == "POST" else None)
    decided = extension.outcome != ExtensionRequest.Outcome.PENDING
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agree = data["decision"] == "agree"
        try:
            services.enquiry_decide_extension(
                actor=request.user,
                request=extension,
                agree=agree,
                note=data["note"],
                agreed_date=data["agreed_date"] if agree else None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if agree:
                new = data["agreed_date"] or extension.proposed_date
                message = f"More time agreed on {enquiry.reference}: now due by {_date(new)}."
            else:
                message = f"More time refused on {enquiry.reference}. The officer has been told."
            return done(request, enquiry.pk, message)
    return _render(request, enquiry, DECIDE, form, "decide", extension=extension, decided=decided)
