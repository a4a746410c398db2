"""Linked enquiries' pages: link enquiries about the same matter, unlink one, and send one
response to all of them. Case steps like every other (protocol_site.views): out of reach is a
404, a step the officer may not take a 403."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from protocol_site.views import CaseStep, case_step_view

from .. import conversation_forms, forms, services
from ..permissions import can_link
from ..selectors import enquiries_visible_to, enquiry_for, wording_offered
from ..services.links import linked_with
from .actions import render_step
from .common import done


def _link(actor, enquiry, data):
    references = data["enquiries"]
    found = {e.reference: e for e in enquiries_visible_to(actor).filter(reference__in=references)}
    missing = [ref for ref in references if ref not in found]
    if missing:
        raise ValidationError(
            {"enquiries": f"There is no enquiry {missing[0]} that you can see: check the reference"}
        )
    linked = services.enquiry_link(actor=actor, enquiry=enquiry, others=found.values())
    names = ", ".join(e.reference for e in linked)
    return f"{enquiry.reference} is linked with {names}."


def _unlink(actor, enquiry, data):
    services.enquiry_unlink(actor=actor, enquiry=enquiry)
    return f"{enquiry.reference} is no longer linked with other enquiries."


def _respond_linked(actor, enquiry, data):
    result = services.enquiry_respond_linked(
        actor=actor,
        enquiry=enquiry,
        response=data["response"],
        minor=data["minor"],
        files=data["files"],
    )
    sent = ", ".join(e.reference for e in result.responded)
    message = f"Response sent on {sent}. Each councillor has been told."
    if result.left_out:
        left = "; ".join(f"{e.reference}, {why}" for e, why in result.left_out)
        message += f" Left out: {left}."
    return message


def _linked(enquiry) -> dict:
    """The enquiries linked with this one, shown beside the response."""
    return {"linked": list(linked_with(enquiry).select_related("councillor__user"))}


STEPS = {
    "link": CaseStep(
        title="Link enquiries about the same matter",
        submit="Link enquiries",
        form=conversation_forms.LinkForm,
        allowed=can_link,
        perform=_link,
        intro="Link enquiries that several councillors made about the same matter, so you can "
        "answer them all at once. Each keeps its own clock and record, and no councillor sees "
        "another's enquiry.",
    ),
    "unlink": CaseStep(
        title="Unlink the enquiry",
        submit="Unlink",
        form=conversation_forms.UnlinkForm,
        allowed=can_link,
        perform=_unlink,
        intro="The enquiry is taken out of the linked enquiries; the others stay linked with "
        "each other. Nothing is sent to anyone.",
        context=_linked,
    ),
    "respond_linked": CaseStep(
        title="Respond to all the linked enquiries",
        submit="Send the response to all",
        form=forms.RespondForm,
        viewer_kwargs=lambda user, enquiry: {"wordings": wording_offered(enquiry)},
        allowed=can_link,
        perform=_respond_linked,
        intro="The same response goes to this enquiry and each linked one that is open and "
        "that you may respond to: each councillor gets it by email, and each enquiry closes "
        "with its own record and its own copy of any files. A closed enquiry, or one you may "
        "not respond to, is left out.",
        context=_linked,
    ),
}


def _step_view(name: str):
    return case_step_view(
        f"enquiry_{name}", STEPS[name], load=enquiry_for, done=done, render=render_step
    )


enquiry_link = _step_view("link")
enquiry_unlink = _step_view("unlink")
enquiry_respond_linked = _step_view("respond_linked")
