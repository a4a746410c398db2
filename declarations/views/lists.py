"""The declarer's, the other party's and the manager's lists; the Monitoring Officer's review
queue; the whole register (status filter, name search, pages) and its CSV export."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from protocol_site.spreadsheet import csv_response
from registers.roles import require_person

from ..models import Declaration
from ..selectors import (
    keeps_register,
    made_by,
    naming,
    register_for,
    review_queue,
    reviews_declarations,
    told_of,
)
from ..services import declarations_record_export
from .common import uses_declarations

LIMIT = 100
PAGE_SIZE = 25
STATUSES = {"any": "Any status", **dict(Declaration.Status.choices), "lapsed": "Lapsed"}


@require_GET
def declaration_list(request):
    person = require_person(request, uses_declarations)
    user = request.user
    return render(
        request,
        "declarations/list.html",
        {
            "made": list(made_by(user)[:LIMIT]),
            "naming": list(naming(user)[:LIMIT]),
            "told": list(told_of(user)[:LIMIT]),
            "declares": person.councillor is not None or person.officer is not None,
            "reviews": reviews_declarations(user),
            "keeps_register": keeps_register(person),
        },
    )


@require_GET
def queue(request):
    """The Monitoring Officer's queue: declarations awaiting review or an answer."""
    require_person(request, uses_declarations)
    if not reviews_declarations(request.user):
        raise PermissionDenied
    rows = list(review_queue(request.user)[:LIMIT])
    return render(request, "declarations/queue.html", {"rows": rows})


def _filters(request) -> tuple[str, str]:
    status = request.GET.get("status", "any")
    status = status if status in STATUSES else "any"
    return status, request.GET.get("q", "").strip()[:100]


def _register(request):
    person = require_person(request, uses_declarations)
    if not keeps_register(person):
        raise PermissionDenied
    status, q = _filters(request)
    return status, q, register_for(request.user, status="" if status == "any" else status, q=q)


@require_GET
def register(request):
    status, q, qs = _register(request)
    paginator = Paginator(qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "declarations/register.html",
        {
            "statuses": STATUSES,
            "status": status,
            "status_label": STATUSES[status],
            "caption": f"Declarations: {STATUSES[status].lower()}"
            + (f", matching “{q}”" if q else ""),
            "q": q,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


EXPORT_HEADER = [
    "Reference",
    "Declared by",
    "Declarer's side",
    "Relationship with",
    "Relationship",
    "Details",
    "Started",
    "Ended",
    "Status",
    "Declared on",
    "Last confirmed",
    "Re-confirm by",
    "Lapsed",
    "Manager told",
    "Reviewed by",
    "Reviewed on",
    "Monitoring Officer's advice",
    "Action taken",
]


def _export_row(d: Declaration) -> list:
    return [
        d.reference,
        d.declarer.display_name,
        d.declarer_side.capitalize(),
        d.other_party.display_name,
        d.get_relationship_display(),
        d.details,
        d.starts_on.isoformat(),
        d.ends_on.isoformat() if d.ends_on else "",
        d.get_status_display(),
        timezone.localdate(d.created_at).isoformat(),
        d.confirmed_on.isoformat(),
        d.confirm_by.isoformat(),
        "Yes" if d.is_lapsed else "No",
        d.manager_notified.display_name if d.manager_notified else "",
        d.reviewed_by.display_name if d.reviewed_by else "",
        timezone.localdate(d.reviewed_at).isoformat() if d.reviewed_at else "",
        d.mo_advice,
        d.mo_action,
    ]


@require_GET
def register_csv(request):
    """The register as CSV, with the page's filters; the export itself is audited."""
    status, q, qs = _register(request)
    rows = [_export_row(d) for d in qs.iterator(chunk_size=500)]
    declarations_record_export(actor=request.user, count=len(rows), status=status, q=q)
    today = timezone.localdate().isoformat()
    return csv_response(f"relationship-declarations-{today}.csv", EXPORT_HEADER, rows)
