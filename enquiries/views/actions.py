"""One page per step on an enquiry: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; PermissionDenied is a 403; an enquiry
outside the viewer's reach is a 404 (enquiry_for). The services are atomic: nothing half-saves.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from protocol_site.cases import long_date
from protocol_site.protocol_refs import protocol_cited
from protocol_site.views import CaseStep, case_step_view, submit

from .. import forms, services
from ..models import ExtensionRequest
from ..permissions import can_decide_extension, can_decline, can_work
from ..selectors import enquiry_for, may_read_casework, wording_offered
from .common import done


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
        f"{long_date(data['expected_date'])}."
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
        actor=actor,
        enquiry=enquiry,
        response=data["response"],
        minor=data["minor"],
        files=data["files"],
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
    "acknowledge": CaseStep(
        title="Acknowledge the enquiry",
        submit="Acknowledge",
        form=forms.AcknowledgeForm,
        allowed=can_work,
        perform=_acknowledge,
        intro="The councillor is told that you are dealing with it. The clock keeps running.",
    ),
    "holding": CaseStep(
        title="Send a holding reply",
        submit="Send holding reply",
        form=forms.HoldingReplyForm,
        allowed=can_work,
        perform=_holding,
        intro=protocol_cited(
            "Tell the councillor what is happening and when to expect a full response{ref}. "
            "Reminders and escalation then work from the new date.",
            "enquiry_response_time",
        ),
    ),
    "extension": CaseStep(
        title="Ask for more time",
        submit="Ask for more time",
        form=forms.ExtensionRequestForm,
        allowed=can_work,
        perform=_extension,
        intro=protocol_cited(
            "Senior management decide, and agree any new deadline with the councillor{ref}.",
            "enquiry_more_time",
        ),
    ),
    "guidance": CaseStep(
        title="Seek guidance",
        submit="Seek guidance",
        form=forms.GuidanceForm,
        allowed=can_work,
        perform=_guidance,
        intro=protocol_cited(
            "Where information is not readily available or is costly to provide, seek the "
            "Director's guidance; the Director may refer it to the Chief Executive{ref}.",
            "enquiry_guidance",
        ),
    ),
    "reassign": CaseStep(
        title="Reassign the enquiry",
        submit="Reassign",
        form=forms.ReassignForm,
        form_kwargs=lambda enquiry: {"enquiry": enquiry},
        allowed=can_work,
        perform=_reassign,
        intro="Pass it to the right officer or service. The clock keeps running.",
    ),
    "respond": CaseStep(
        title="Respond to the councillor",
        submit="Send response",
        form=forms.RespondForm,
        viewer_kwargs=lambda user, enquiry: {"wordings": wording_offered(enquiry)},
        allowed=can_work,
        perform=_respond,
        intro=protocol_cited(
            "The response closes the enquiry. The councillor is reminded to use the "
            "information only for the purpose it was provided{ref}.",
            "enquiry_use_of_information",
        ),
    ),
    "decline": CaseStep(
        title="Decline the enquiry",
        submit="Decline enquiry",
        form=forms.DeclineForm,
        allowed=can_decline,
        perform=_decline,
        intro=protocol_cited(
            "A senior officer may decline an inappropriate enquiry, giving reasons{ref}. "
            "Information anyone could have under FOI should be given without a formal request.",
            "enquiry_decline",
        ),
        warning=True,
    ),
}


def render_step(request, enquiry, step: CaseStep, form, **extra):
    return render(
        request,
        "enquiries/action.html",
        {
            "enquiry": enquiry,
            "step": step,
            "form": form,
            "may_read_casework": may_read_casework(request.user, enquiry),
            **step.extra_context(enquiry),
            **extra,
        },
    )


def _step_view(name: str):
    return case_step_view(
        f"enquiry_{name}", STEPS[name], load=enquiry_for, done=done, render=render_step
    )


enquiry_acknowledge = _step_view("acknowledge")
enquiry_holding_reply = _step_view("holding")
enquiry_extension = _step_view("extension")
enquiry_guidance = _step_view("guidance")
enquiry_reassign = _step_view("reassign")
enquiry_respond = _step_view("respond")
enquiry_decline = _step_view("decline")


def _decide(actor, extension, data):
    """The decide page's step is on the request for more time, not the enquiry."""
    agree = data["decision"] == "agree"
    services.enquiry_decide_extension(
        actor=actor,
        request=extension,
        agree=agree,
        note=data["note"],
        agreed_date=data["agreed_date"] if agree else None,
    )
    reference = extension.enquiry.reference
    if agree:
        new = data["agreed_date"] or extension.proposed_date
        return f"More time agreed on {reference}: now due by {long_date(new)}."
    return f"More time refused on {reference}. The officer has been told."


DECIDE = CaseStep(
    title="Decide on more time",
    submit="Record decision",
    form=forms.ExtensionDecisionForm,
    allowed=can_decide_extension,
    perform=_decide,
    intro="Agree an alternative deadline with the councillor, or refuse with a note for the "
    "officer.",
)


@require_http_methods(["GET", "POST"])
def enquiry_extension_decide(request, pk: int, req: int):
    enquiry = enquiry_for(request.user, pk)
    extension = get_object_or_404(
        ExtensionRequest.objects.select_related("requested_by__user", "decided_by__user"),
        pk=req,
        enquiry=enquiry,
    )
    if not DECIDE.allowed(request.user, enquiry):
        raise PermissionDenied
    form = DECIDE.make_form(request, enquiry)
    decided = extension.outcome != ExtensionRequest.Outcome.PENDING
    decision = submit(
        request,
        form,
        lambda data: (enquiry.pk, DECIDE.perform(request.user, extension, data)),
        done=done,
    )
    if decision is not None:
        return decision
    return render_step(request, enquiry, DECIDE, form, extension=extension, decided=decided)
