"""/cover/: officers' absences and who covers them. Thin views: the rules read, the services
write (registers.services.absences)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.access import visible_or_404
from protocol_site.views import CaseStep, case_step_view, form_page

from ..roles import require_person
from ..services import absence_end, absence_record
from ..services.absences import _span
from .forms import AbsenceEndForm, AbsenceForm
from .rules import absences_visible_to, can_record_absence


def _uses_cover(person) -> bool:
    return person.officer is not None or person.can_manage_organisation


@require_GET
def absence_list(request):
    person = require_person(request, _uses_cover)
    rows = list(absences_visible_to(request.user).order_by("starts_on", "pk")[:200])
    me = person.officer
    for row in rows:
        row.span = _span((row.starts_on, row.ends_on))
    return render(
        request,
        "registers/cover/list.html",
        {
            "mine": [r for r in rows if me is not None and r.officer_id == me.pk],
            "covering": [r for r in rows if me is not None and r.cover_id == me.pk],
            "others": [r for r in rows if me is None or me.pk not in (r.officer_id, r.cover_id)],
        },
    )


@require_http_methods(["GET", "POST"])
def absence_new(request):
    person = require_person(request, _uses_cover)
    form = AbsenceForm(request.POST if request.method == "POST" else None, me=person.officer)

    def perform(data):
        data = form.absence_data(person.officer)
        if data["officer"] is None:
            raise ValidationError({"officer": "Select the officer who is away"})
        if not can_record_absence(request.user, data["officer"]):
            raise ValidationError(
                {"officer": "You can record absences only for yourself and the officers you manage"}
            )
        absence = absence_record(actor=request.user, **data)
        who = "You are" if absence.officer == person.officer else f"{absence.officer} is"
        covered = (
            f"{absence.cover} is covering and has been told."
            if absence.cover
            else "Nobody is covering: new enquiries go to the service's team queue."
        )
        span = _span((absence.starts_on, absence.ends_on))
        return absence.pk, f"{who} recorded as away {span}. {covered}"

    return form_page(request, form, perform, done=_to_list, template="registers/cover/new.html")


def _to_list(request, pk, message: str):
    messages.success(request, message)
    return redirect("cover:list")


def absence_for(user, pk):
    return visible_or_404(absences_visible_to(user), pk=pk)


def _end(actor, absence, data):
    kept = absence_end(actor=actor, absence=absence)
    if kept is None:
        return f"The absence of {absence.officer} is cancelled."
    return f"{absence.officer} is back: their work comes to them again from today."


def _render(request, absence, step, form):
    absence.span = _span((absence.starts_on, absence.ends_on))
    return render(
        request, "registers/cover/end.html", {"absence": absence, "form": form, "step": step}
    )


END = CaseStep(
    title="End this absence",
    submit="End the absence",
    form=AbsenceEndForm,
    allowed=lambda user, absence: can_record_absence(user, absence.officer),
    perform=_end,
    intro="An absence not yet begun is cancelled. One under way ends yesterday, so from today "
    "the officer's new enquiries and reminders come to them again.",
    warning=True,
)
absence_end_view = case_step_view(
    "absence_end_view", END, load=absence_for, done=_to_list, render=_render
)
