"""The schedule (democratic services change it; the Monitoring Officer reads it) and legal
holds (both set and lift them)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import require
from protocol_site.views import form_page

from ..forms import HoldForm, LiftForm, RuleForm
from ..models import Anonymisation, LegalHold
from ..permissions import can_change_schedule, can_hold
from ..selectors import (
    anonymised_for,
    case_by_reference,
    hold_for,
    holds_for,
    rule_for,
    schedule_for,
)
from ..services import legal_hold_lift, legal_hold_set, retention_rule_change


@require_GET
def schedule(request):
    rules = schedule_for(request.user)
    done = dict(anonymised_for(request.user).values_list("kind").order_by().annotate(n=Count("pk")))
    held = dict(LegalHold.objects.in_force().values_list("kind").order_by().annotate(n=Count("pk")))
    rows = [(rule, done.get(rule.kind, 0), held.get(rule.kind, 0)) for rule in rules]
    recent = anonymised_for(request.user).filter(why=Anonymisation.Why.ERASURE)[:5]
    return render(
        request,
        "retention/schedule.html",
        {
            "rows": rows,
            "may_change": can_change_schedule(request.user),
            "may_hold": can_hold(request.user),
            "erasures": recent,
        },
    )


def _to_schedule(request, pk, message):
    messages.success(request, message)
    return redirect("retention:schedule")


@require_http_methods(["GET", "POST"])
def rule_change(request, kind: str):
    require(can_change_schedule, request.user)
    rule = rule_for(request.user, kind)
    form = RuleForm(
        request.POST if request.method == "POST" else None,
        initial={"keep_years": rule.keep_years},
    )

    def perform(data):
        retention_rule_change(actor=request.user, rule=rule, **data)
        return rule.pk, f"{rule.get_kind_display()}: kept {data['keep_years']} years."

    return form_page(
        request,
        form,
        perform,
        done=_to_schedule,
        template="retention/rule_form.html",
        context=lambda: {
            "rule": rule,
            "history": rule.history.select_related("history_user")[:10],
        },
    )


@require_GET
def holds(request):
    every = holds_for(request.user)
    return render(
        request,
        "retention/holds.html",
        {
            "in_force": every.filter(lifted_at__isnull=True),
            "lifted": every.filter(lifted_at__isnull=False)[:20],
            "may_hold": can_hold(request.user),
        },
    )


def _to_holds(request, pk, message):
    messages.success(request, message)
    return redirect("retention:holds")


@require_http_methods(["GET", "POST"])
def hold_new(request):
    require(can_hold, request.user)
    form = HoldForm(request.POST if request.method == "POST" else None)

    def perform(data):
        found = case_by_reference(data["reference"])
        if found is None:
            raise ValidationError({"reference": "Enter the reference of a case that exists"})
        kind, case = found
        hold = legal_hold_set(actor=request.user, kind=kind.kind, case=case, reason=data["reason"])
        return hold.pk, f"{hold.reference} is held: it will not be anonymised."

    return form_page(request, form, perform, done=_to_holds, template="retention/hold_form.html")


@require_http_methods(["GET", "POST"])
def hold_lift(request, pk: int):
    require(can_hold, request.user)
    hold = hold_for(request.user, pk)
    form = LiftForm(request.POST if request.method == "POST" else None)

    def perform(data):
        legal_hold_lift(actor=request.user, hold=hold, reason=data["reason"])
        return hold.pk, f"The hold on {hold.reference} is lifted."

    return form_page(
        request,
        form,
        perform,
        done=_to_holds,
        template="retention/hold_lift.html",
        context=lambda: {"hold": hold},
    )
