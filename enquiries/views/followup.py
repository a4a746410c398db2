"""The councillor's follow-up to a response, and marking an enquiry urgent or no longer urgent:
case steps
(protocol_site.views) like the rest of the conversation."""

from __future__ import annotations

from django.utils import timezone

from protocol_site.cases import long_date
from protocol_site.views import CaseStep, case_step_view

from .. import conversation_forms as forms
from .. import services
from ..permissions import can_follow_up, can_mark_urgent
from ..selectors import enquiry_for
from ..services.followup import follow_up_deadline
from .actions import render_step
from .common import done


def _follow_up(actor, enquiry, data):
    services.enquiry_follow_up(
        actor=actor, enquiry=enquiry, message=data["message"], files=data["files"]
    )
    enquiry.refresh_from_db()
    return (
        f"{enquiry.reference} is open again with your follow-up. {enquiry.assigned_to} has "
        f"been told; a reply is due by {long_date(enquiry.target_date)}."
    )


def _urgent(actor, enquiry, data):
    services.enquiry_mark_urgent(actor=actor, enquiry=enquiry, reason=data["reason"])
    enquiry.refresh_from_db()
    return (
        f"{enquiry.reference} is marked urgent. {enquiry.assigned_to} has been told; a reply "
        f"is now due by {long_date(enquiry.target_date)}."
    )


def _not_urgent(actor, enquiry, data):
    services.enquiry_unmark_urgent(actor=actor, enquiry=enquiry, reason=data["reason"])
    enquiry.refresh_from_db()
    return (
        f"{enquiry.reference} is no longer urgent. {enquiry.assigned_to} has been told; a "
        f"reply is now due by {long_date(enquiry.target_date)}."
    )


def follow_up_window(enquiry) -> dict:
    """Until when the councillor may follow up, or the day it ended, for the pages."""
    until = follow_up_deadline(enquiry)
    if until is None:
        return {}
    if timezone.localdate() <= until:
        return {"follow_up_until": until}
    return {"follow_up_ended": until}


def _follow_up_context(enquiry) -> dict:
    window = follow_up_window(enquiry)
    if "follow_up_until" in window:
        return window
    if "follow_up_ended" in window:
        ended = long_date(window["follow_up_ended"])
        return {"step_closed": f"The time to follow up ended on {ended}. Log a new enquiry."}
    return {"step_closed": "Only an enquiry with a response can be followed up."}


def _urgent_context(enquiry) -> dict:
    if enquiry.urgent:
        return {"step_closed": "This enquiry is already marked urgent."}
    if not enquiry.is_open:
        return {"step_closed": "Only an open enquiry can be marked urgent."}
    return {}


def _not_urgent_context(enquiry) -> dict:
    if not enquiry.urgent:
        return {"step_closed": "This enquiry is not marked urgent."}
    if not enquiry.is_open:
        return {"step_closed": "Only an open enquiry can be changed."}
    return {}


STEPS = {
    "follow_up": CaseStep(
        title="Follow up the response",
        submit="Send follow-up",
        form=forms.FollowUpForm,
        allowed=can_follow_up,
        perform=_follow_up,
        intro="The enquiry reopens with a new due date of its own, and the officer who "
        "responded is told.",
        context=_follow_up_context,
    ),
    "urgent": CaseStep(
        title="Mark the enquiry urgent",
        submit="Mark urgent",
        form=forms.UrgentForm,
        allowed=can_mark_urgent,
        perform=_urgent,
        intro="An urgent enquiry is due sooner, counted from when it was received, and comes "
        "first in the officers' queues. The officer dealing with it is told.",
        context=_urgent_context,
    ),
    "not_urgent": CaseStep(
        title="Say the enquiry is no longer urgent",
        submit="It is no longer urgent",
        form=forms.NotUrgentForm,
        allowed=can_mark_urgent,
        perform=_not_urgent,
        intro="The enquiry goes back to the usual timescale, counted from when it was received "
        "(or from your follow-up), and no longer comes first in the officers' queues. The "
        "officer dealing with it is told.",
        context=_not_urgent_context,
    ),
}


enquiry_follow_up = case_step_view(
    "enquiry_follow_up", STEPS["follow_up"], load=enquiry_for, done=done, render=render_step
)
enquiry_urgent = case_step_view(
    "enquiry_urgent", STEPS["urgent"], load=enquiry_for, done=done, render=render_step
)
enquiry_not_urgent = case_step_view(
    "enquiry_not_urgent", STEPS["not_urgent"], load=enquiry_for, done=done, render=render_step
)
