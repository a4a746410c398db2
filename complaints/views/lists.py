"""The complaints list (raised by me, handled by me, the MO queue) and the MO's patterns."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from enquiries.services import saved_query
from protocol_site.pagination import CappedPaginator
from protocol_site.spreadsheet import csv_response
from registers.roles import require_person
from registers.selectors import group_contacts

from ..filters import ComplaintFilter
from ..models import Complaint, ComplaintStage
from ..permissions import can_read_rulings
from ..selectors import (
    complaints_copied_to,
    complaints_handled_by,
    complaints_visible_to,
    mo_patterns,
    mo_queue,
)
from ..services import complaint_list_exported
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
    return qs.select_related(
        "subject_officer__user", "subject_councillor__user", "complainant"
    ).annotate(
        handler_role=Subquery(current.values("handler_role")[:1]),
        resolve_by=Subquery(current.values("resolve_by")[:1]),
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


SORTS = {
    "received": ("Raised, newest first", ("-created_at",)),
    "oldest": ("Raised, oldest first", ("created_at",)),
}


@dataclass(frozen=True)
class Listing:
    """The complaints a list asks for: its tab, status, filters, search and sort (the page and
    its CSV download read the same one). `valid` is False when a filter's value was wrong: the
    page shows the errors and lists nothing."""

    queryset: QuerySet[Complaint]
    tabs: dict
    tab: str
    status: str
    q: str
    sort: str
    sorts: dict[str, str]
    filters: ComplaintFilter
    valid: bool


def listing_for(request, person) -> Listing:
    """The list `request`'s query string asks for, within what `person` may see."""
    mo = is_mo(person)
    tabs = {key: labels for key, labels in TABS.items() if key != "queue" or mo}
    default = "queue" if mo else ("handling" if person.officer is not None else "raised")
    tab = _choice(request, "tab", tabs, default)
    status = _choice(request, "status", STATUSES, "any")
    qs = _tab_queryset(tab, request.user)
    if status == "open":
        qs = qs.open()
    elif status == "closed":
        qs = qs.closed()
    filters = ComplaintFilter(request.GET, queryset=qs, request=request)
    valid = filters.is_valid()
    q = (filters.form.cleaned_data.get("q") or "") if valid else ""
    sorts = {key: label for key, (label, _) in SORTS.items()}
    if q:
        sorts = {"relevance": "Best match first", **sorts}
    sort = _choice(request, "sort", sorts, "relevance" if q else "received")
    qs = filters.qs if valid else qs.none()
    order = ("-rank", "-created_at") if sort == "relevance" else SORTS[sort][1]
    qs = _listed(qs).order_by(*order, "-pk")
    return Listing(qs, tabs, tab, status, q, sort, sorts, filters, valid)


def _choice(request, name: str, allowed, default: str) -> str:
    value = request.GET.get(name, default)
    return value if value in allowed else default


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
def complaint_list(request):
    person = require_person(request, uses_complaints)
    return _list_page(request, person, listing_for(request, person))


def _list_page(request, person, listing: Listing, status: int = 200):
    paginator = CappedPaginator(listing.queryset, PAGE_SIZE, ranked=listing.sort == "relevance")
    page = paginator.get_page(request.GET.get("page"))
    tabs, tab = listing.tabs, listing.tab
    return render(
        request,
        "complaints/list.html",
        {
            "tabs": {key: label for key, (label, _) in tabs.items()},
            "tab": tab,
            "caption": tabs[tab][1],
            "statuses": STATUSES,
            "status": listing.status,
            "q": listing.q,
            "sort": listing.sort,
            "sorts": listing.sorts,
            "filters": listing.filters,
            "filter_form": listing.filters.form,
            "chosen": listing.filters.chosen(),
            "valid": listing.valid,
            "keep": {"tab": tab, "status": listing.status},
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "is_mo": is_mo(person),
            "reads_rulings": can_read_rulings(request.user),
            "download_query": _without_page(request),
        },
        status=status,
    )


CSV_HEADER = (
    "Reference",
    "Summary",
    "Who raised it",
    "About",
    "Stage",
    "Handled by",
    "Resolve by",
    "Status",
    "Raised",
    "Closed",
)
CHUNK = 2000


@require_GET
def complaint_list_csv(request):
    """The list as CSV, every page of it, with the same tab, status, filters, search and sort:
    what the page lists, never the details or the messages. Streamed a chunk of rows at a time;
    one audit event says who took which rows. Wrong filters show the list page with their
    errors instead."""
    person = require_person(request, uses_complaints)
    listing = listing_for(request, person)
    if not listing.valid:
        return _list_page(request, person, listing, status=400)
    complaint_list_exported(
        actor=request.user, query=saved_query(request.GET), rows=listing.queryset.count()
    )
    rows = (
        (
            c.reference,
            c.summary,
            c.get_direction_display(),
            c.subject,
            c.stage_number,
            c.handler_role,
            c.resolve_by if c.is_open else None,
            c.get_status_display(),
            c.created_at,
            c.closed_at,
        )
        for c in listing.queryset.iterator(chunk_size=CHUNK)
    )
    return csv_response(f"complaints-{timezone.localdate():%Y-%m-%d}.csv", CSV_HEADER, rows)


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
