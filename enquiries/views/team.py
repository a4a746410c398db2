"""Team queues: a service's enquiries waiting for an officer. Officers of the service pick one
up; the head of service (or the officer they named) allocates."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from protocol_site.views import CaseStep, case_step_view
from registers.models import Service

from .. import forms, services
from ..permissions import can_allocate, can_pick_up, queue_service_ids, team_service_id
from ..selectors import enquiry_for, team_queue_for
from .actions import render_step
from .common import done, require_person


def _in_queue(rule):
    return lambda user, enquiry: enquiry.is_open and enquiry.in_team_queue and rule(user, enquiry)


@require_GET
def team_queue(request):
    require_person(request, lambda person: person.officer is not None)
    allocates = queue_service_ids(request.user)
    mine = team_service_id(request.user)
    service_ids = set(allocates) | ({mine} if mine is not None else set())
    rows = list(team_queue_for(request.user)[:200])
    services_ = list(
        Service.objects.filter(pk__in=service_ids).select_related("directorate").order_by("name")
    )
    for service in services_:
        service.rows = [e for e in rows if e.service_id == service.pk]
        service.allocates = service.pk in allocates
    return render(request, "enquiries/team_queue.html", {"services": services_})


def _pick_up(actor, enquiry, data):
    services.enquiry_pick_up(actor=actor, enquiry=enquiry)
    return f"You picked up {enquiry.reference}. It is in your queue; the councillor has been told."


def _allocate(actor, enquiry, data):
    services.enquiry_allocate(actor=actor, enquiry=enquiry, to=data["to"])
    return f"{enquiry.reference} allocated to {data['to']}. They and the councillor have been told."


PICK_UP = CaseStep(
    title="Pick up this enquiry",
    submit="Pick it up",
    form=forms.PickUpForm,
    allowed=_in_queue(can_pick_up),
    perform=_pick_up,
    intro="It comes to your queue and the councillor is told you are dealing with it. The clock "
    "keeps running.",
)
ALLOCATE = CaseStep(
    title="Allocate this enquiry",
    submit="Allocate",
    form=forms.AllocateForm,
    form_kwargs=lambda enquiry: {"enquiry": enquiry},
    allowed=_in_queue(can_allocate),
    perform=_allocate,
    intro="Name the officer who will deal with it. The clock keeps running.",
)

enquiry_pick_up = case_step_view(
    "enquiry_pick_up", PICK_UP, load=enquiry_for, done=done, render=render_step
)
enquiry_allocate = case_step_view(
    "enquiry_allocate", ALLOCATE, load=enquiry_for, done=done, render=render_step
)
