"""Team queues: a service's enquiries waiting for an officer. Officers of the service pick one
up; the head of service (or the officer they named) allocates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.views import CaseStep, case_step_view, form_page
from registers.models import Service
from registers.services import service_name_queue_delegate
from registers.teams import services_headed_by

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
    return render(
        request,
        "enquiries/team_queue.html",
        {"services": services_, "heads": services_headed_by(request.user)},
    )


@require_http_methods(["GET", "POST"])
def team_delegate(request):
    """The head of service names the officer who allocates their team queue with them."""
    person = require_person(request, lambda person: person.officer is not None)
    headed = services_headed_by(request.user)
    if not headed:
        raise PermissionDenied("Only a head of service names who allocates its team queue.")
    service = Service.objects.select_related("queue_delegate__user").get(pk=headed[0].pk)
    initial = {"delegate": service.queue_delegate}
    form = forms.QueueDelegateForm(
        request.POST if request.method == "POST" else None, initial=initial, me=person.officer
    )

    def perform(data):
        delegate = data["delegate"]
        service_name_queue_delegate(actor=request.user, service=service, delegate=delegate)
        if delegate is None:
            return service.pk, f"You allocate the {service} team queue alone."
        told = "They have been told."
        return service.pk, f"{delegate} allocates the {service} team queue with you. {told}"

    return form_page(
        request,
        form,
        perform,
        done=_to_queue,
        template="enquiries/team_delegate.html",
        context=lambda: {"service": service},
    )


def _to_queue(request, pk, message: str):
    messages.success(request, message)
    return redirect("enquiries:team_queue")


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
