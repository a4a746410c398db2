"""The complaints list (raised by me, handled by me, the MO queue) and the MO's patterns."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import render
from django.views.decorators.http import require_GET

from registers.roles import require_person

from ..models import Complaint, ComplaintStage
from ..selectors import complaints_handled_by, complaints_visible_to, mo_patterns, mo_queue
from .common import is_mo, uses_complaints

LIMIT = 100


def _listed(qs):
    """The current stage's handler role and target date, in the same query."""
    current = ComplaintStage.objects.filter(
        complaint=OuterRef("pk"), number=OuterRef("stage_number")
    )
    return (
        qs.select_related("subject_officer__user", "subject_councillor__user", "complainant")
        .annotate(
            handler_role=Subquery(current.values("handler_role")[:1]),
            resolve_by=Subquery(current.values("resolve_by")[:1]),
        )
        .order_by("-created_at", "-pk")[:LIMIT]
    )


@require_GET
def complaint_list(request):
    person = require_person(request, uses_complaints)
    user = request.user
    mo = is_mo(person)
    tab = "queue" if mo and request.GET.get("tab") == "queue" else "mine"
    context = {"tab": tab, "is_mo": mo}
    if tab == "queue":
        context["queue"] = list(_listed(mo_queue(user)))
    else:
        context["raised"] = list(_listed(complaints_visible_to(user).filter(complainant=user)))
        context["handling"] = list(_listed(complaints_handled_by(user)))
    return render(request, "complaints/list.html", context)


def _rows(rows: list[dict], id_key: str, first: str, last: str) -> list[dict]:
    return [
        {
            "name": f"{row[first]} {row[last]}".strip() or f"#{row[id_key]}",
            "total": row["total"],
            "open": row["open"],
            "not_upheld": row["not_upheld"],
            "withdrawn": row["withdrawn"],
        }
        for row in rows
    ]


@require_GET
def patterns(request):
    """CMP-6: counts per complainant and per subject, for the Monitoring Officer only."""
    person = require_person(request, uses_complaints)
    if not is_mo(person):
        raise PermissionDenied
    found = mo_patterns(request.user)
    tables = [
        (
            "By complainant",
            _rows(
                found.by_complainant,
                "complainant",
                "complainant__first_name",
                "complainant__last_name",
            ),
        ),
        (
            "By officer complained about",
            _rows(
                found.by_subject_officer,
                "subject_officer",
                "subject_officer__user__first_name",
                "subject_officer__user__last_name",
            ),
        ),
        (
            "By councillor complained about",
            _rows(
                found.by_subject_councillor,
                "subject_councillor",
                "subject_councillor__user__first_name",
                "subject_councillor__user__last_name",
            ),
        ),
    ]
    return render(
        request,
        "complaints/patterns.html",
        {"tables": tables, "total": Complaint.objects.count()},
    )
