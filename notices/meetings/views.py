"""Members' public meetings: a councillor tells the relevant officer, and may cancel. Thin
views: a selector reads (out of reach is 404), a service writes."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from .forms import MemberMeetingCancelForm, MemberMeetingForm
from .models import MemberMeeting
from .permissions import can_cancel
from .selectors import (
    JOINS,
    member_meeting_for,
    member_meetings_visible_to,
    sees_all_meetings,
    uses_member_meetings,
)
from .services import member_meeting_cancel, member_meeting_tell, when_text

LIMIT = 100
ALIASES = {"meeting_at": "meeting_on"}


def _rows(queryset) -> list[MemberMeeting]:
    return list(queryset.select_related(*JOINS).order_by("-meeting_at", "-pk")[:LIMIT])


@require_GET
def meeting_list(request):
    person = require_person(request, uses_member_meetings)
    visible = member_meetings_visible_to(request.user)
    sections = []
    if person.councillor is not None:
        sections.append(
            (
                "Public meetings you are arranging",
                _rows(visible.filter(councillor=person.councillor)),
            )
        )
    if person.officer is not None:
        sections.append(
            (
                "Public meetings members have told you of",
                _rows(visible.filter(officer=person.officer)),
            )
        )
    if sees_all_meetings(person):
        sections.append(("All members' public meetings", _rows(visible)))
    return render(
        request,
        "notices/meetings/list.html",
        {"sections": sections, "is_councillor": person.councillor is not None, "limit": LIMIT},
    )


def _told(meeting: MemberMeeting) -> tuple[int, str]:
    return meeting.pk, f"{meeting.officer} has been told of your meeting."


def _to_meeting(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("member_meetings:detail", pk)


@require_http_methods(["GET", "POST"])
def meeting_new(request):
    require_person(request, lambda person: person.councillor is not None)
    form = MemberMeetingForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _told(member_meeting_tell(actor=request.user, **form.service_values())),
        done=_to_meeting,
        template="notices/meetings/new.html",
        aliases=ALIASES,
    )


@require_GET
def meeting_detail(request, pk: int):
    meeting = member_meeting_for(request.user, pk)
    return render(
        request,
        "notices/meetings/detail.html",
        {
            "meeting": meeting,
            "when": when_text(meeting.meeting_at),
            "may_cancel": can_cancel(request.user, meeting),
        },
    )


def _cancel(actor, meeting, data):
    member_meeting_cancel(actor=actor, meeting=meeting)
    return f"Meeting cancelled. {meeting.officer} has been told."


def _render(request, meeting, step, form):
    return render(
        request,
        "notices/meetings/cancel.html",
        {"meeting": meeting, "when": when_text(meeting.meeting_at), "form": form, "step": step},
    )


CANCEL = CaseStep(
    title="Cancel the meeting",
    submit="Cancel the meeting",
    form=MemberMeetingCancelForm,
    allowed=can_cancel,
    perform=_cancel,
    intro="The officer you told is emailed that the meeting is off.",
    warning=True,
)
meeting_cancel = case_step_view(
    "meeting_cancel", CANCEL, load=member_meeting_for, done=_to_meeting, render=_render
)
