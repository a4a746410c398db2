"""Members' visits to council premises (REG-3): a councillor asks, the Director arranges, the
councillor may cancel. Thin views: a selector reads (out of reach is 404), a service writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.calendar import council_calendar
from protocol_site.views import submit

from ..models import Directorate, Visit
from ..roles import require_person
from ..selectors import VISIT_JOINS, visit_for, visits_visible_to
from ..services import visit_arrange, visit_cancel, visit_request
from ..services.visits import may_arrange, visit_earliest_date, when_text
from .forms import VisitArrangeForm, VisitCancelForm, VisitRequestForm

LIMIT = 100
ALIASES = {"starts_at": "visit_on"}


@dataclass(frozen=True)
class Actions:
    arrange: bool = False
    cancel: bool = False


def actions_for(user, visit: Visit) -> Actions:
    """What the viewer may do now; the services decide, this only offers what they allow."""
    upcoming = visit.is_upcoming
    return Actions(
        arrange=upcoming and visit.status == Visit.Status.REQUESTED and may_arrange(user, visit),
        cancel=upcoming and visit.is_open and visit.councillor.user_id == user.pk,
    )


def _rows(queryset):
    return list(queryset.select_related(*VISIT_JOINS).order_by("-starts_at", "-pk")[:LIMIT])


@require_GET
def visit_list(request):
    person = require_person(request, lambda person: person.uses_visits)
    visible = visits_visible_to(request.user)
    sections = []
    if person.councillor is not None:
        mine = visible.filter(councillor=person.councillor)
        sections.append(("Visits you asked for", _rows(mine)))
    directed = person.directed_directorate_ids
    if directed:
        names = Directorate.objects.filter(pk__in=directed).values_list("name", flat=True)
        to_mine = visible.filter(directorate_id__in=directed)
        sections.append((f"Visits to {', '.join(names)}", _rows(to_mine)))
    if person.sees_all_visits:
        sections.append(("All visits", _rows(visible)))
    return render(
        request,
        "registers/visits/list.html",
        {
            "sections": sections,
            "is_councillor": person.councillor is not None,
            "manages": person.can_manage_organisation,
            "limit": LIMIT,
        },
    )


@require_http_methods(["GET", "POST"])
def visit_new(request):
    require_person(request, lambda person: person.councillor is not None)
    form = VisitRequestForm(request.POST if request.method == "POST" else None)
    visit = submit(
        request,
        form,
        lambda data: visit_request(actor=request.user, **form.request_data()),
        ALIASES,
    )
    if visit is not None:
        messages.success(
            request,
            f"Visit asked for. {visit.director} (Director) has been told and will let you know "
            "the arrangements.",
        )
        return redirect("visits:detail", visit.pk)
    return render(
        request,
        "registers/visits/new.html",
        {
            "form": form,
            "notice_days": settings.VISIT_NOTICE_WORKING_DAYS,
            "earliest": visit_earliest_date(council_calendar(), timezone.now()),
        },
    )


@require_GET
def visit_detail(request, pk: int):
    visit = visit_for(request.user, pk)
    return render(
        request,
        "registers/visits/detail.html",
        {
            "visit": visit,
            "when": when_text(visit.starts_at),
            "actions": actions_for(request.user, visit),
        },
    )


def _step(request, pk: int, action: str):
    visit = visit_for(request.user, pk)
    if not getattr(actions_for(request.user, visit), action):
        raise PermissionDenied
    return visit


@require_http_methods(["GET", "POST"])
def visit_arrange_view(request, pk: int):
    visit = _step(request, pk, "arrange")
    data = request.POST if request.method == "POST" else None
    form = VisitArrangeForm(data, visit=visit)
    done = submit(
        request, form, lambda data: visit_arrange(actor=request.user, visit=visit, **data)
    )
    if done is not None:
        messages.success(request, f"Visit arranged. {visit.councillor} has been told.")
        return redirect("visits:detail", visit.pk)
    return render(
        request,
        "registers/visits/action.html",
        {
            "visit": visit,
            "when": when_text(visit.starts_at),
            "form": form,
            "title": "Arrange the visit",
            "intro": "Say who will meet the member and any conditions. The member and the "
            "officer are told.",
            "submit": "Arrange the visit",
        },
    )


@require_http_methods(["GET", "POST"])
def visit_cancel_view(request, pk: int):
    visit = _step(request, pk, "cancel")
    form = VisitCancelForm(request.POST if request.method == "POST" else None)
    done = submit(request, form, lambda data: visit_cancel(actor=request.user, visit=visit, **data))
    if done is not None:
        messages.success(request, "Visit cancelled. The Director has been told.")
        return redirect("visits:detail", visit.pk)
    return render(
        request,
        "registers/visits/action.html",
        {
            "visit": visit,
            "when": when_text(visit.starts_at),
            "form": form,
            "title": "Cancel the visit",
            "intro": "The Director and any officer due to meet you are told.",
            "submit": "Cancel the visit",
            "warning": True,
        },
    )
