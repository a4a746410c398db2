"""The constituent's details on a casework enquiry, recorded or changed by its councillor after
logging: a case step (protocol_site.views), 404 outside the viewer's reach, 403 for anyone
but the councillor."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required
from protocol_site.protocol_refs import protocol_cited
from protocol_site.views import CaseStep, case_step_view

from .. import services
from ..constituent_forms import ConstituentForm
from ..permissions import can_keep_constituent, can_seek_advice
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


class SeekAdviceForm(GovukForm):
    question = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        label="Your question for the Monitoring Officer",
        help_text="Only you and the Monitoring Officer's office will see it",
        error_messages=required("Enter your question for the Monitoring Officer"),
    )


def _seek(actor, enquiry, data):
    case = services.enquiry_seek_advice(actor=actor, enquiry=enquiry, question=data["question"])
    return (
        f"Request for advice {case.reference} sent to the Monitoring Officer and linked to "
        f"{enquiry.reference}."
    )


SEEK_ADVICE = CaseStep(
    title="Ask the Monitoring Officer's advice first",
    submit="Send request",
    form=SeekAdviceForm,
    allowed=can_seek_advice,
    perform=_seek,
    intro=protocol_cited(
        "The constituent is a council officer. Officers who live locally have the same rights "
        "as any resident{ref}, but should be clear in what capacity they act: ask the "
        "Monitoring Officer how to handle this casework before you act on it.",
        "officer_constituents",
    ),
)

enquiry_seek_advice = case_step_view(
    "enquiry_seek_advice", SEEK_ADVICE, load=enquiry_for, done=done, render=render_step
)
