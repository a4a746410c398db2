"""GRP-8: an officer asks to meet an MP or another council's councillor; the Chief Executive
authorises or refuses; the officer records it was held with the local councillor present."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.audit import audit_trail_for
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from .. import permissions, services
from ..forms import (
    RepresentativeDecisionForm,
    RepresentativeHeldForm,
    RepresentativeMeetingForm,
)
from ..models import RepresentativeMeeting
from ..selectors import (
    REPRESENTATIVE_JOINS,
    representative_meeting_for,
    representative_meetings_visible_to,
)

Status = RepresentativeMeeting.Status


def _uses(person) -> bool:
    return person.officer is not None or person.councillor is not None


def _is_officer(person) -> bool:
    return person.officer is not None


def _done(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("groups:representative", pk)


@require_GET
def representative_list(request):
    person = require_person(request, _uses)
    qs = representative_meetings_visible_to(request.user).select_related(*REPRESENTATIVE_JOINS)
    page = Paginator(qs.order_by("-created_at", "-pk"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/representatives.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "is_officer": _is_officer(person),
        },
    )


def _sent(meeting) -> tuple[int, str]:
    return meeting.pk, f"{meeting.reference} sent to the Chief Executive for prior authorisation."


@require_http_methods(["GET", "POST"])
def representative_new(request):
    require_person(request, _is_officer)
    form = RepresentativeMeetingForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _sent(services.representative_meeting_request(actor=request.user, **data)),
        done=_done,
        template="groups/representative_new.html",
    )


def _actions(user, meeting) -> dict:
    """What the viewer may do now: the services' own rules, and the meeting's state."""
    return {
        "decide": permissions.can_decide_meeting(user, meeting)
        and meeting.status == Status.REQUESTED,
        "held": permissions.can_record_meeting(user, meeting)
        and meeting.status == Status.AUTHORISED,
    }


@require_GET
def representative_detail(request, pk: int):
    meeting = representative_meeting_for(request.user, pk)
    return render(
        request,
        "groups/representative.html",
        {
            "meeting": meeting,
            "actions": _actions(request.user, meeting),
            "events": audit_trail_for(meeting).order_by("id"),
        },
    )


def _decide(actor, meeting, data):
    if data["decision"] == RepresentativeDecisionForm.REFUSE:
        services.representative_meeting_refuse(actor=actor, meeting=meeting, reason=data["note"])
        return f"You refused {meeting.reference}. The officer has been told."
    services.representative_meeting_authorise(actor=actor, meeting=meeting, note=data["note"])
    return f"You authorised {meeting.reference}. Every Group Leader has been informed."


def _held(actor, meeting, data):
    services.representative_meeting_record(actor=actor, meeting=meeting, **data)
    return f"{meeting.reference} recorded as held."


def _offered(action: str):
    return lambda user, meeting: _actions(user, meeting)[action]


def _render(request, meeting, step, form):
    return render(
        request,
        "groups/representative_action.html",
        {"meeting": meeting, "step": step, "form": form},
    )


def _page(name: str, step: CaseStep):
    return case_step_view(name, step, load=representative_meeting_for, done=_done, render=_render)


DECIDE = CaseStep(
    title="Authorise the meeting",
    submit="Decide",
    form=RepresentativeDecisionForm,
    allowed=_offered("decide"),
    perform=_decide,
    aliases={"reason": "note"},
)
HELD = CaseStep(
    title="Record the meeting",
    submit="Record the meeting",
    form=RepresentativeHeldForm,
    allowed=_offered("held"),
    perform=_held,
)
representative_decide = _page("representative_decide", DECIDE)
representative_held = _page("representative_held", HELD)
