"""The complaints list (raised by me, handled by me, the MO queue) and the MO's patterns."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import render
from django.views.decorators.http import require_GET

from registers.roles import require_person
from registers.selectors import group_contacts

from ..models import Complaint, ComplaintStage
from ..permissions import can_read_rulings
from ..selectors import (
    complaints_copied_to,
    complaints_handled_by,
    complaints_visible_to,
    mo_patterns,
    mo_queue,
)
from .common import is_mo, uses_complaints

PAGE_SIZE = 25

TABS = {
    "handling": ("With you now", "Complaints you are handling"),
    "raised": ("Raised by you", "Complaints you raised"),
    "copied": ("Copied to you", "Complaints reported or copied to you"),
    "all": ("All you can see", "Every complaint you can see"),
    "queue": ("MO queue", "Escalated or copied to the Monitoring Officer"),
}
STATUSES = {"any": "Any status", "open": "Open", "closed": "Closed"}


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
        .order_by("-created_at", "-pk")
    )


def _tab_queryset(tab: str, user):
    if tab == "queue":
        return mo_queue(user)
    if tab == "handling":
        return complaints_handled_by(user)
    if tab == "copied":
        return complaints_copied_to(user)
    qs = complaints_visible_to(user)
    return qs.filter(complainant=user) if tab == "raised" else qs


def _search(qs, q: str):
    """By reference, summary, or the name of the person it is about."""
    if not q:
        return qs
    match = Q(reference__icontains=q) | Q(summary__icontains=q)
    for word in q.split()[:3]:
        match |= Q(subject_officer__user__last_name__icontains=word)
        match |= Q(subject_councillor__user__last_name__icontains=word)
    return qs.filter(match)


@require_GET
def complaint_list(request):
    person = require_person(request, uses_complaints)
    user = request.user
    mo = is_mo(person)
    tabs = {key: labels for key, labels in TABS.items() if key != "queue" or mo}
    default = "queue" if mo else ("handling" if person.officer is not None else "raised")
    tab = request.GET.get("tab", default)
    tab = tab if tab in tabs else default
    status = request.GET.get("status", "any")
    status = status if status in STATUSES else "any"
    qs = _tab_queryset(tab, user)
    if status == "open":
        qs = qs.open()
    elif status == "closed":
        qs = qs.closed()
    q = request.GET.get("q", "").strip()[:100]
    paginator = Paginator(_listed(_search(qs, q)), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/list.html",
        {
            "tabs": {key: label for key, (label, _) in tabs.items()},
            "tab": tab,
            "caption": tabs[tab][1],
            "statuses": STATUSES,
            "status": status,
            "q": q,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "is_mo": mo,
            "reads_rulings": can_read_rulings(request.user),
        },
    )


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
        {"tables": tables, "total": Complaint.objects.count(), "groups": group_contacts()},
    )
