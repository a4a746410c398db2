"""CMP-1 / CMP-2: a councillor raises a concern about an officer, an officer about a councillor.
One page; the form depends on who is asking."""

from __future__ import annotations

from django.views.decorators.http import require_http_methods

from protocol_site.cases import long_date
from protocol_site.views import form_page
from registers.roles import require_person

from ..forms import AboutCouncillorForm, AboutOfficerForm
from ..permissions import can_complain_about_officer
from ..services import complaint_raise
from .common import done, uses_complaints


def _raised(complaint) -> tuple[int, str]:
    stage = complaint.stages.get(number=1)
    return complaint.pk, (
        f"Complaint {complaint.reference} raised privately. Stage 1 is with the "
        f"{stage.handler_role}, who aims to resolve it by {long_date(stage.resolve_by)}."
    )


@require_http_methods(["GET", "POST"])
def complaint_new(request):
    require_person(request, uses_complaints)
    # A councillor complains about an officer; an officer about a councillor.
    about_officer = can_complain_about_officer(request.user)
    form_class = AboutOfficerForm if about_officer else AboutCouncillorForm
    data = request.POST if request.method == "POST" else None
    initial = {}
    if about_officer and data is None and request.GET.get("service", "").isdigit():
        initial["complaints_service"] = request.GET["service"]  # chosen on who's who
    form = form_class(data, user=request.user, initial=initial)
    return form_page(
        request,
        form,
        lambda data: _raised(complaint_raise(actor=request.user, **data)),
        done=done,
        template="complaints/new.html",
        context=lambda: {"about_officer": about_officer},
    )
