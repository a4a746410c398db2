"""The constituent's details on a casework enquiry, recorded or changed by its councillor after
logging: a case step (protocol_site.views), 404 outside the viewer's reach, 403 for anyone
but the councillor."""

from __future__ import annotations

from protocol_site.views import CaseStep, case_step_view

from .. import services
from ..constituent_forms import ConstituentForm
from ..permissions import can_keep_constituent
from ..selectors import constituent_of, enquiry_for
from .actions import render_step
from .common import done


def _save(actor, enquiry, data):
    kept = services.constituent_details_save(actor=actor, enquiry=enquiry, **data)
    if kept is None:
        return f"The constituent's details were removed from {enquiry.reference}."
    return f"The constituent's details on {enquiry.reference} were saved."


STEP = CaseStep(
    title="The constituent's details",
    submit="Save details",
    form=ConstituentForm,
    form_kwargs=lambda enquiry: {"initial": ConstituentForm.initial_for(constituent_of(enquiry))},
    allowed=can_keep_constituent,
    perform=_save,
    intro="Personal data: only you, the officer dealing with the enquiry and their managers "
    "see these details, and they are never put in an email. Clear every detail to remove them.",
)

enquiry_constituent = case_step_view(
    "enquiry_constituent", STEP, load=enquiry_for, done=done, render=render_step
)
