"""Members' visits to council premises (REG-3): a councillor asks, the Director arranges, the
councillor may cancel. Thin views: a selector reads (out of reach is 404), a service writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.calendar import council_calendar
from protocol_site.council_rules import rule
from protocol_site.views import CaseStep, case_step_view, form_page

from ..models import Directorate, Visit
from ..roles import require_person
from ..selectors import VISIT_JOINS, visit_for, visits_visible_to
from ..services import visit_arrange, visit_cancel, visit_record_unannounced, visit_request
from ..services.visits import visit_earliest_date, when_text
from .forms import UnannouncedVisitForm, VisitArrangeForm, VisitCancelForm, VisitRequestForm
from .permissions import can_arrange, can_cancel

LIMIT = 100
ALIASES = {"starts_at": "visit_on"}


@dataclass(frozen=True)
class Actions:
    arrange: bool = False
    cancel: bool = False


def actions_for(user, visit: Visit) -> Actions:
    """What the viewer may do now: the services' own rules, and the visit's state."""
    upcoming = visit.is_upcoming
    return Actions(
        arrange=upcoming and visit.status == Visit.Status.REQUESTED and can_arrange(user, visit),
        cancel=upcoming and visit.is_open and can_cancel(user, visit),
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
            "unannounced_allowed": rule("VISIT_UNANNOUNCED_ALLOWED"),
            "manages": person.can_manage_organisation,
            "limit": LIMIT,
        },
    )


def _asked(visit) -> tuple[int, str]:
    return visit.pk, (
        f"Visit asked for. {visit.director} (Director) has been told and will let you know "
        "the arrangements."
    )


@require_http_methods(["GET", "POST"])
def visit_new(request):
    require_person(request, lambda person: person.councillor is not None)
    form = VisitRequestForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _asked(visit_request(actor=request.user, **form.request_data())),
        done=_to_visit,
        template="registers/visits/new.html",
        context=lambda: {
            "notice_days": rule("VISIT_NOTICE_WORKING_DAYS"),
            "earliest": visit_earliest_date(council_calendar(), timezone.now()),
        },
        aliases=ALIASES,
    )


def _recorded(visit) -> tuple[int, str]:
    return visit.pk, f"Unannounced visit recorded. {visit.director} (Director) has been told."


@require_http_methods(["GET", "POST"])
def visit_unannounced(request):
    """A councillor records a visit made without notice in special circumstances."""
    require_person(request, lambda person: person.councillor is not None)
    if not rule("VISIT_UNANNOUNCED_ALLOWED"):
        raise PermissionDenied
    form = UnannouncedVisitForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _recorded(visit_record_unannounced(actor=request.user, **form.request_data())),
        done=_to_visit,
        template="registers/visits/unannounced.html",
        aliases=ALIASES,
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


def _offered(action: str):
    return lambda user, visit: getattr(actions_for(user, visit), action)


def _arrange(actor, visit, data):
    visit_arrange(actor=actor, visit=visit, **data)
    return f"Visit arranged. {visit.councillor} has been told."


def _cancel(actor, visit, data):
    visit_cancel(actor=actor, visit=visit, **data)
    return "Visit cancelled. The Director has been told."


def _to_visit(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("visits:detail", pk)


def _render(request, visit, step, form):
    return render(
        request,
        "registers/visits/action.html",
        {"visit": visit, "when": when_text(visit.starts_at), "form": form, "step": step},
    )


ARRANGE = CaseStep(
    title="Arrange the visit",
    submit="Arrange the visit",
    form=VisitArrangeForm,
    allowed=_offered("arrange"),
    perform=_arrange,
    intro="Say who will meet the member and any conditions. The member and the officer are told.",
    form_kwargs=lambda visit: {"visit": visit},
)
CANCEL = CaseStep(
    title="Cancel the visit",
    submit="Cancel the visit",
    form=VisitCancelForm,
    allowed=_offered("cancel"),
    perform=_cancel,
    intro="The Director and any officer due to meet you are told.",
    warning=True,
)
visit_arrange_view = case_step_view(
    "visit_arrange_view", ARRANGE, load=visit_for, done=_to_visit, render=_render
)
visit_cancel_view = case_step_view(
    "visit_cancel_view", CANCEL, load=visit_for, done=_to_visit, render=_render
)
