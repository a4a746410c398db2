"""ELE-1 pages: the periods and their guidance for everyone signed in; declaring, amending and
ending one for the Monitoring Officer."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import require
from protocol_site.council_rules import rule
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from ..forms import ElectionPeriodEndForm, ElectionPeriodForm
from ..permissions import can_declare_periods
from ..selectors import period_changes, period_for, periods_visible_to
from ..services import election_period_declare, election_period_end, election_period_update


def _signed_in(person) -> bool:
    return bool(getattr(person.user, "is_authenticated", False))


@require_GET
def period_list(request):
    require_person(request, _signed_in)
    today = timezone.localdate()
    groups = {"current": [], "upcoming": [], "over": []}
    for period in periods_visible_to(request.user).select_related("declared_by"):
        groups[period.state(today)].append(period)
    groups["upcoming"].reverse()  # soonest first
    return render(
        request,
        "notices/periods.html",
        {**groups, "may_declare": can_declare_periods(request.user), "today": today},
    )


@require_GET
def period_detail(request, pk: int):
    require_person(request, _signed_in)
    period = period_for(request.user, pk)
    state = period.state()
    mo = can_declare_periods(request.user)
    return render(
        request,
        "notices/period_detail.html",
        {
            "period": period,
            "state": state,
            "may_change": mo and not period.ended_early,
            "may_end": mo and state == "current",
            "changes": period_changes(period),
        },
    )


def _period_page(request, form, period, perform):
    """Declaring a period, or changing one: the form, and beside it whom the guidance goes to."""
    return form_page(
        request,
        form,
        perform,
        done=_to_period,
        template="notices/period_form.html",
        context=lambda: {
            "period": period,
            "all_officers": rule("ELECTION_GUIDANCE_TO_ALL_OFFICERS"),
        },
    )


def _said(period, what: str) -> tuple[int, str]:
    return period.pk, f"{what}: {period.name}."


def _to_period(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("notices:period", pk)


@require_http_methods(["GET", "POST"])
def period_new(request):
    require(can_declare_periods, request.user)
    form = ElectionPeriodForm(request.POST if request.method == "POST" else None)
    return _period_page(
        request,
        form,
        None,
        lambda data: _said(
            election_period_declare(actor=request.user, **data), "Pre-election period declared"
        ),
    )


@require_http_methods(["GET", "POST"])
def period_change(request, pk: int):
    require(can_declare_periods, request.user)
    period = period_for(request.user, pk)
    form = ElectionPeriodForm(
        request.POST if request.method == "POST" else None,
        initial=ElectionPeriodForm.initial_for(period),
    )
    return _period_page(
        request,
        form,
        period,
        lambda data: _said(
            election_period_update(actor=request.user, period=period, **data),
            "Pre-election period saved",
        ),
    )


def _declared_period(user, pk: int):
    """A period in reach, for the Monitoring Officer (403 before anything else)."""
    require(can_declare_periods, user)
    return period_for(user, pk)


def _end(actor, period, data):
    ended = election_period_end(actor=actor, period=period, **data)
    return f"Pre-election period ended: {ended.name}."


END = CaseStep(
    title="End the pre-election period early",
    submit="End the period now",
    form=ElectionPeriodEndForm,
    allowed=lambda user, period: can_declare_periods(user),
    perform=_end,
    warning=True,
)
period_end = case_step_view(
    "period_end",
    END,
    load=_declared_period,
    done=_to_period,
    render=lambda request, period, step, form: render(
        request, "notices/period_end.html", {"form": form, "period": period, "step": step}
    ),
)
