"""GRP-2, GRP-5: ask for a briefing, follow it, and the Chief Executive's decision on it."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.council_rules import rule
from protocol_site.views import CaseStep, form_page
from registers.roles import Role, require_person

from .. import services
from ..forms import BriefingRequestForm, DecisionForm, ReasonForm
from ..selectors import (
    attendance_for,
    briefing_for,
    is_briefing_officer,
    note_for,
    offers_for,
    timeline_for,
)
from .common import actions_for, done, may_request, offered, step_page


def _sent(briefing) -> tuple[int, str]:
    return briefing.pk, (
        f"Request {briefing.reference} sent. The Chief Executive will clear it, nominate "
        "a representative, or decline it."
    )


@require_http_methods(["GET", "POST"])
def briefing_new(request):
    person = require_person(request, may_request)
    group_leader = person.has(Role.GROUP_LEADER)
    form = BriefingRequestForm(
        request.POST if request.method == "POST" else None, group_leader=group_leader
    )
    return form_page(
        request,
        form,
        lambda data: _sent(services.briefing_request(actor=request.user, **data)),
        done=done,
        template="groups/new.html",
        context=lambda: {
            "group": person.councillor.leads_group if group_leader else person.councillor.group,
            "group_leader": group_leader,
        },
    )


@require_GET
def briefing_detail(request, pk: int):
    briefing = briefing_for(request.user, pk)
    note = note_for(request.user, briefing)
    officer_view = is_briefing_officer(request.user, briefing)
    requester = briefing.requested_by_id == request.user.pk
    return render(
        request,
        "groups/detail.html",
        {
            "briefing": briefing,
            "note": note,
            "attendance": attendance_for(briefing),
            "offers": list(offers_for(briefing)) if note and note.is_issued else [],
            "equal_access": rule("GROUP_BRIEFING_EQUAL_ACCESS"),
            "shares": list(briefing.shares.select_related("user"))
            if briefing.confidential and (requester or officer_view)
            else [],
            "events": list(timeline_for(briefing)),
            "actions": actions_for(request.user, briefing, note),
        },
    )


def _decide(actor, briefing, data):
    decision = data["decision"]
    exception = data.get("exception_text", "")
    if decision == DecisionForm.DECLINE:
        services.briefing_decline(actor=actor, briefing=briefing, reason=data["reason"])
        return f"You declined {briefing.reference}. The member who asked has been told why."
    if decision == DecisionForm.NOMINATE:
        briefing = services.briefing_nominate(
            actor=actor, briefing=briefing, nominee=data["nominee"], exception_text=exception
        )
        return f"You nominated {briefing.officer} for {briefing.reference}."
    briefing = services.briefing_clear(actor=actor, briefing=briefing, exception_text=exception)
    return f"You cleared {briefing.reference}: {briefing.officer} has been told."


def _withdraw(actor, briefing, data):
    services.briefing_withdraw(actor=actor, briefing=briefing, reason=data["reason"])
    return f"You withdrew {briefing.reference}."


DECIDE = CaseStep(
    title="Decide on the request",
    submit="Record your decision",
    form=DecisionForm,
    allowed=offered("decide"),
    perform=_decide,
    form_kwargs=lambda briefing: {"briefing": briefing},
)
WITHDRAW = CaseStep(
    title="Withdraw the request",
    submit="Withdraw the request",
    form=ReasonForm,
    allowed=offered("withdraw"),
    perform=_withdraw,
    intro="The Chief Executive and any officer cleared to brief the group are told it is no "
    "longer needed.",
    warning=True,
)

briefing_decide = step_page("briefing_decide", DECIDE, "groups/decide.html")
briefing_withdraw = step_page("briefing_withdraw", WITHDRAW, "groups/action.html")
