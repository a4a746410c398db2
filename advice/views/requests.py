"""Requests for advice: the list, asking, one request, and the adviser's and asker's steps."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import long_date
from protocol_site.council_rules import rule
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from .. import permissions, services
from ..forms import AdviseForm, AskForm, WithdrawForm
from ..routing import asks_advice
from ..selectors import (
    advice_answered,
    advice_for,
    advice_queue,
    advice_visible_to,
    advises,
    asked_by,
    enquiries_linked,
    steps_of,
)
from .common import uses_advice


def done(request, pk: int, message: str):
    messages.success(request, message)
    if advice_visible_to(request.user).filter(pk=pk).exists():
        return redirect("advice:detail", pk)
    return redirect("advice:list")


@require_GET
def advice_list(request):
    person = require_person(request, uses_advice)
    user = request.user
    return render(
        request,
        "advice/list.html",
        {
            "asks": asks_advice(person),
            "mine": list(asked_by(user).select_related("advised_by")[:100]),
            "advises": advises(user),
            "queue": list(advice_queue(user)[:200]),
            "answered": list(advice_answered(user)),
        },
    )


def _asked(case) -> tuple[int, str]:
    return case.pk, (
        f"Request for advice {case.reference} sent. Advice is due by {long_date(case.due_on)}."
    )


@require_http_methods(["GET", "POST"])
def advice_new(request):
    require_person(request, asks_advice)
    form = AskForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _asked(services.advice_ask(actor=request.user, **data)),
        done=done,
        template="advice/new.html",
        context=lambda: {"working_days": rule("ADVICE_WORKING_DAYS")},
    )


@require_GET
def advice_detail(request, pk: int):
    case = advice_for(request.user, pk)
    services.advice_record_view(actor=request.user, case=case)
    return render(
        request,
        "advice/detail.html",
        {
            "case": case,
            "steps": list(steps_of(case)),
            "enquiries": enquiries_linked(case),
            "may_advise": permissions.can_advise(request.user, case),
            "may_withdraw": permissions.can_withdraw(request.user, case),
            "is_asker": case.asker_id == request.user.pk,
        },
    )


def render_step(request, case, step, form):
    return render(
        request,
        "advice/action.html",
        {"case": case, "step": step, "form": form, **step.extra_context(case)},
    )


def _advise(actor, case, data):
    services.advice_give(actor=actor, case=case, advice=data["advice"])
    return f"Advice recorded on {case.reference}. {case.asker.display_name} has been told."


def _withdraw(actor, case, data):
    services.advice_withdraw(actor=actor, case=case, reason=data["reason"])
    return f"You withdrew {case.reference}."


advice_respond = case_step_view(
    "advice_respond",
    CaseStep(
        title="Give your advice",
        submit="Record advice",
        form=AdviseForm,
        allowed=permissions.can_advise,
        perform=_advise,
    ),
    load=advice_for,
    done=done,
    render=render_step,
)

advice_withdraw = case_step_view(
    "advice_withdraw",
    CaseStep(
        title="Withdraw your request",
        submit="Withdraw request",
        form=WithdrawForm,
        allowed=permissions.can_withdraw,
        perform=_withdraw,
        warning=True,
        intro="The Monitoring Officer's office will be told you no longer need the advice.",
    ),
    load=advice_for,
    done=done,
    render=render_step,
)
