"""Lobbying about employment: a councillor reports it; the Monitoring Officer records action."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from .. import permissions, services
from ..forms import ActionForm, LobbyingForm
from ..selectors import lobbying_for, lobbying_visible_to
from ..selectors import lobbying_list as reports_for
from .common import reports_lobbying, uses_lobbying


def done(request, pk: int, message: str):
    messages.success(request, message)
    if lobbying_visible_to(request.user).filter(pk=pk).exists():
        return redirect("advice:lobbying_detail", pk)
    return redirect("advice:lobbying_list")


@require_GET
def lobbying_list(request):
    person = require_person(request, uses_lobbying)
    return render(
        request,
        "advice/lobbying_list.html",
        {"reports": list(reports_for(request.user)), "reports_lobbying": reports_lobbying(person)},
    )


@require_http_methods(["GET", "POST"])
def lobbying_new(request):
    require_person(request, reports_lobbying)
    form = LobbyingForm(request.POST if request.method == "POST" else None)

    def report(data):
        made = services.lobbying_report(actor=request.user, **data)
        return made.pk, f"Report {made.reference} sent to the Monitoring Officer."

    return form_page(request, form, report, done=done, template="advice/lobbying_new.html")


@require_GET
def lobbying_detail(request, pk: int):
    report = lobbying_for(request.user, pk)
    services.lobbying_record_view(actor=request.user, report=report)
    return render(
        request,
        "advice/lobbying_detail.html",
        {
            "report": report,
            "may_act": permissions.can_record_action(request.user, report),
        },
    )


def _render(request, report, step, form):
    return render(
        request,
        "advice/lobbying_action.html",
        {"report": report, "step": step, "form": form},
    )


def _act(actor, report, data):
    services.lobbying_record_action(actor=actor, report=report, action=data["action"])
    return f"Action recorded on {report.reference}. {report.member.display_name} has been told."


lobbying_action = case_step_view(
    "lobbying_action",
    CaseStep(
        title="Record your action",
        submit="Record action",
        form=ActionForm,
        allowed=permissions.can_record_action,
        perform=_act,
        form_kwargs=lambda report: {"initial": {"action": report.action}},
    ),
    load=lobbying_for,
    done=done,
    render=_render,
)
