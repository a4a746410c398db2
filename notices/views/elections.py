"""ELE-1 pages: the periods and their guidance for everyone signed in; declaring, amending and
ending one for the Monitoring Officer."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.views import submit
from registers.roles import require_person

from ..forms import ElectionPeriodEndForm, ElectionPeriodForm
from ..selectors import may_declare_periods, period_changes, period_for, periods_visible_to
from ..services import election_period_declare, election_period_end, election_period_update


def _signed_in(person) -> bool:
    return bool(getattr(person.user, "is_authenticated", False))


@require_GET
def period_list(request):
    person = require_person(request, _signed_in)
    today = timezone.localdate()
    groups = {"current": [], "upcoming": [], "over": []}
    for period in periods_visible_to(request.user).select_related("declared_by"):
        groups[period.state(today)].append(period)
    groups["upcoming"].reverse()  # soonest first
    return render(
        request,
        "notices/periods.html",
        {**groups, "may_declare": may_declare_periods(person), "today": today},
    )


@require_GET
def period_detail(request, pk: int):
    person = require_person(request, _signed_in)
    period = period_for(request.user, pk)
    state = period.state()
    mo = may_declare_periods(person)
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


def _form_page(request, form, period):
    return render(
        request,
        "notices/period_form.html",
        {
            "form": form,
            "period": period,
            "all_officers": settings.ELECTION_GUIDANCE_TO_ALL_OFFICERS,
        },
    )


@require_http_methods(["GET", "POST"])
def period_new(request):
    require_person(request, may_declare_periods)
    form = ElectionPeriodForm(request.POST if request.method == "POST" else None)
    period = submit(request, form, lambda data: election_period_declare(actor=request.user, **data))
    if period is not None:
        messages.success(request, f"Pre-election period declared: {period.name}.")
        return redirect("notices:period", period.pk)
    return _form_page(request, form, None)


@require_http_methods(["GET", "POST"])
def period_change(request, pk: int):
    require_person(request, may_declare_periods)
    period = period_for(request.user, pk)
    form = ElectionPeriodForm(
        request.POST if request.method == "POST" else None,
        initial=ElectionPeriodForm.initial_for(period),
    )
    saved = submit(
        request,
        form,
        lambda data: election_period_update(actor=request.user, period=period, **data),
    )
    if saved is not None:
        messages.success(request, f"Pre-election period saved: {saved.name}.")
        return redirect("notices:period", saved.pk)
    return _form_page(request, form, period)


@require_http_methods(["GET", "POST"])
def period_end(request, pk: int):
    require_person(request, may_declare_periods)
    period = period_for(request.user, pk)
    form = ElectionPeriodEndForm(request.POST if request.method == "POST" else None)
    ended = submit(
        request,
        form,
        lambda data: election_period_end(actor=request.user, period=period, **data),
    )
    if ended is not None:
        messages.success(request, f"Pre-election period ended: {ended.name}.")
        return redirect("notices:period", ended.pk)
    return render(request, "notices/period_end.html", {"form": form, "period": period})
