"""The top of the council: the Chief Executive's decision on an upheld complaint about a member
(002 §10.b), an officer taking a complaint straight to the Standards Committee (003 §14.1,
§15.1), and the Chief Executive's rulings on interpreting the protocol (004 §13.1)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.protocol_refs import protocol_cited
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.ladder import leader_of_council, standards_chair
from registers.roles import require_person

from .. import services
from ..permissions import can_read_rulings, can_record_ruling
from ..selectors import complaint_for
from ..services.top import group_leader_of
from ..top.forms import ChiefExecutiveDecisionForm, RulingForm, StandardsCommitteeForm
from ..top.selectors import ruling_for, rulings_visible_to
from .common import actions_for, done

PAGE_SIZE = 25


def _may(action: str):
    return lambda user, complaint: getattr(actions_for(user, complaint), action)


def _decide(actor, complaint, data):
    services.complaint_chief_executive_decide(
        actor=actor,
        complaint=complaint,
        decision=data["decision"],
        leader_told=data["leader_told"],
        group_leader_told=data.get("group_leader_told", False),
        standards_chair_consulted=data["standards_chair_consulted"],
    )
    return (
        f"Your decision on {complaint.reference} is recorded. The officer and the Monitoring "
        "Officer have been told."
    )


def _people(complaint) -> dict:
    leader, group_leader = leader_of_council(), group_leader_of(complaint)
    return {
        "leader": leader,
        "group_leader": group_leader,
        "chair": standards_chair(),
    }


def _to_standards_committee(actor, complaint, data):
    services.complaint_to_standards_committee(
        actor=actor, complaint=complaint, reason=data["reason"]
    )
    return (
        f"{complaint.reference} is with the Standards Committee. The Monitoring Officer has "
        "been told."
    )


DECIDE = CaseStep(
    title="Record your decision on the upheld complaint",
    submit="Record the decision",
    form=ChiefExecutiveDecisionForm,
    allowed=_may("chief_executive_decision"),
    perform=_decide,
    form_kwargs=_people,
    intro=protocol_cited(
        "The complaint about the member was upheld. Before you decide the course of action, "
        "tell the Leader of the Council and the member's Group Leader, and consult the chair "
        "of the Standards Committee{ref}. Confirm each below.",
        "complaint_upheld_chief_executive",
    ),
)

STANDARDS_COMMITTEE = CaseStep(
    title="Take it to the Standards Committee",
    submit="Take it to the Standards Committee",
    form=StandardsCommitteeForm,
    allowed=_may("standards_committee"),
    perform=_to_standards_committee,
    warning=True,
    intro=protocol_cited(
        "You do not have to use this procedure: you may make a complaint under the Code of "
        "Conduct to the Standards Committee instead{ref}. The complaint leaves this procedure "
        "and the Monitoring Officer, who receives Code of Conduct complaints, is told.",
        "complaint_standards_committee",
    ),
)


def _render(request, complaint, step: CaseStep, form):
    return render(
        request, "complaints/action.html", {"complaint": complaint, "step": step, "form": form}
    )


complaint_chief_executive_decision = case_step_view(
    "complaint_chief_executive_decision", DECIDE, load=complaint_for, done=done, render=_render
)
complaint_standards_committee = case_step_view(
    "complaint_standards_committee",
    STANDARDS_COMMITTEE,
    load=complaint_for,
    done=done,
    render=_render,
)


@require_GET
def ruling_list(request):
    require_person(request, lambda person: can_read_rulings(person.user))
    page = Paginator(rulings_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/rulings/list.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "may_record": can_record_ruling(request.user),
        },
    )


@require_GET
def ruling_detail(request, pk: int):
    require_person(request, lambda person: can_read_rulings(person.user))
    return render(
        request, "complaints/rulings/detail.html", {"ruling": ruling_for(request.user, pk)}
    )


def _ruled(request, ruling_pk: int, message: str):
    messages.success(request, message)
    return redirect("complaints:ruling_detail", ruling_pk)


@require_http_methods(["GET", "POST"])
def ruling_new(request):
    require_person(request, lambda person: can_record_ruling(person.user))
    form = RulingForm(request.POST if request.method == "POST" else None)

    def record(data):
        ruling = services.ruling_record(actor=request.user, **data)
        return ruling.pk, (
            f"Ruling {ruling.reference} recorded. The Group Leaders and the Monitoring "
            "Officer have been told."
        )

    return form_page(request, form, record, done=_ruled, template="complaints/rulings/new.html")
