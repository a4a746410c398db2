"""ENQ-9 and ENQ-10: the councillor's and officer's lists, their CSV download, and the performance
page."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from protocol_site.pagination import CappedPaginator
from protocol_site.spreadsheet import csv_response
from registers.roles import Role

from ..filters import EnquiryFilter
from ..models import Enquiry
from ..permissions import can_record, keeps_wording
from ..saved_forms import SavedViewForm
from ..selectors import (
    directorate_performance,
    enquiries_visible_to,
    member_volumes,
    officer_queue,
    queue_filter,
    urgent_first,
)
from ..services import enquiry_list_exported, saved_query
from .common import can_see_performance, can_see_volumes, require_person, uses_enquiries

PAGE_SIZE = 25

# Whose enquiries (officers): each a label and how to narrow "all I can see".
SCOPES = {
    "queue": "My queue",
    "assigned": "Assigned to me",
    "escalated": "Escalated to me",
    "all": "All I can see",
}
STATUSES = {
    "any": "Any status",
    "open": "Open",
    "due_soon": "Due soon",
    "overdue": "Overdue",
    "closed": "Closed",
}
COUNCILLOR_STATUSES = ("any", "open", "overdue", "closed")
SORTS = {
    "due": ("Due date, soonest first", ("target_date", "received_at")),
    "received": ("Received, newest first", ("-received_at",)),
    "oldest": ("Received, oldest first", ("received_at",)),
}


def _choice(request, name: str, allowed, default: str) -> str:
    value = request.GET.get(name, default)
    return value if value in allowed else default


def _scoped(user, person, scope: str):
    if scope == "queue":
        return officer_queue(user)
    visible = enquiries_visible_to(user)
    if scope == "assigned":
        return visible.filter(assigned_to=person.officer)
    if scope == "escalated":
        return visible.filter(escalated_to=person.officer)
    return visible


@dataclass(frozen=True)
class Listing:
    """The enquiries a list asks for: the scope, status, filters, search and sort it was given
    (the page, its CSV download and a saved view's count read the same one). `valid` is False
    when a filter's value was wrong: the page shows the errors and lists nothing."""

    queryset: QuerySet[Enquiry]
    is_officer: bool
    scopes: dict[str, str]
    scope: str
    statuses: dict[str, str]
    status: str
    q: str
    sort: str
    sorts: dict[str, str]
    filters: EnquiryFilter
    valid: bool


def listing_for(request, person) -> Listing:
    """The list `request`'s query string asks for, within what `person` may see."""
    user = request.user
    is_officer = can_record(person)
    if is_officer:
        default_scope = "all" if person.has(Role.DEMOCRATIC_SERVICES) else "queue"
        if person.officer is None:
            default_scope, scopes = "all", {"all": SCOPES["all"]}
        else:
            scopes = SCOPES
        scope = _choice(request, "scope", scopes, default_scope)
        statuses = STATUSES
        status = _choice(request, "status", statuses, "open")
        qs = _scoped(user, person, scope)
    else:
        scopes, scope = {}, ""
        statuses = {key: STATUSES[key] for key in COUNCILLOR_STATUSES}
        status = _choice(request, "status", statuses, "any")
        qs = enquiries_visible_to(user)
    qs = queue_filter(qs, status)
    filters = EnquiryFilter(request.GET, queryset=qs, request=request)
    valid = filters.is_valid()
    q = (filters.form.cleaned_data.get("q") or "") if valid else ""
    sorts = {key: label for key, (label, _) in SORTS.items()}
    if q:
        sorts = {"relevance": "Best match first", **sorts}
    default_sort = "relevance" if q else ("due" if is_officer else "received")
    sort = _choice(request, "sort", sorts, default_sort)
    qs = filters.qs if valid else qs.none()
    qs = qs.select_related("councillor__user", "assigned_to__user", "escalated_to__user", "service")
    # Officers see open urgent enquiries first, whatever the sort.
    first = (urgent_first(),) if is_officer else ()
    order = ("-rank", "-received_at") if sort == "relevance" else SORTS[sort][1]
    qs = qs.order_by(*first, *order, "pk")
    return Listing(qs, is_officer, scopes, scope, statuses, status, q, sort, sorts, filters, valid)


def _save_form() -> SavedViewForm:
    form = SavedViewForm()
    form.submission_token = uuid.uuid4()
    return form


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
def enquiry_list(request):
    person = require_person(request, uses_enquiries)
    listing = listing_for(request, person)
    return _list_page(request, person, listing)


def _list_page(request, person, listing: Listing, status: int = 200):
    paginator = CappedPaginator(listing.queryset, PAGE_SIZE, ranked=listing.sort == "relevance")
    page = paginator.get_page(request.GET.get("page"))
    scopes, scope, statuses = listing.scopes, listing.scope, listing.statuses
    return render(
        request,
        "enquiries/list.html",
        {
            "is_officer": listing.is_officer,
            # Officers choose enquiries to acknowledge or reassign together (views.bulk).
            "may_bulk": person.officer is not None,
            # A councillor's list holds their own and those ward colleagues shared with them.
            "my_councillor_id": None
            if listing.is_officer or person.councillor is None
            else person.councillor.pk,
            "scopes": scopes,
            "scope": scope,
            "scope_label": scopes.get(scope, "My enquiries"),
            "statuses": statuses,
            "status": listing.status,
            "status_label": statuses[listing.status],
            "sorts": listing.sorts,
            "filters": listing.filters,
            "filter_form": listing.filters.form,
            "chosen": listing.filters.chosen(),
            "valid": listing.valid,
            "saved_query": saved_query(request.GET),
            "save_form": _save_form(),
            "keep": {
                key: value for key, value in (("scope", scope), ("status", listing.status)) if value
            },
            "sort": listing.sort,
            "q": listing.q,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "today": timezone.localdate(),
            "can_log": person.councillor is not None,
            "can_record": listing.is_officer,
            "can_see_performance": can_see_performance(person),
            "can_see_volumes": can_see_volumes(person),
            "keeps_wording": keeps_wording(request.user),
            "download_query": _without_page(request),
        },
        status=status,
    )


CSV_HEADER = (
    "Reference",
    "Subject",
    "Councillor",
    "Service",
    "With",
    "Escalated to",
    "Status",
    "Due by",
    "Received",
    "Ward",
    "Urgent",
)
CHUNK = 2000


@require_GET
def enquiry_list_csv(request):
    """The list as CSV, every page of it, with the same scope, status, filters, search and
    sort: what the page lists, never the casework text. Streamed a chunk of rows at a time, so
    50,000 rows take no more memory than 50; one audit event says who took which rows. Wrong
    filters show the list page with their errors instead."""
    person = require_person(request, uses_enquiries)
    listing = listing_for(request, person)
    if not listing.valid:
        return _list_page(request, person, listing, status=400)
    enquiry_list_exported(
        actor=request.user, query=saved_query(request.GET), rows=listing.queryset.count()
    )
    rows = (
        (
            e.reference,
            e.subject,
            e.councillor,
            e.service,
            e.assigned_to,
            e.escalated_to if e.is_open else None,
            e.get_status_display(),
            e.target_date,
            e.received_at,
            e.ward,
            e.urgent,
        )
        for e in listing.queryset.select_related("ward").iterator(chunk_size=CHUNK)
    )
    return csv_response(f"enquiries-{timezone.localdate():%Y-%m-%d}.csv", CSV_HEADER, rows)


def _year(request) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        return this_year
    return year if 2000 <= year <= this_year else this_year


@require_GET
def performance(request):
    person = require_person(request, can_see_performance)
    year = _year(request)
    rows = list(directorate_performance(request.user, year))
    totals = {
        key: sum(row[key] for row in rows)
        for key in ("open", "due_soon", "overdue", "escalated", "received", "on_time", "late")
    }
    for row in (*rows, totals):
        answered = row["on_time"] + row["late"]
        row["share"] = round(100 * row["on_time"] / answered) if answered else None
    return render(
        request,
        "enquiries/performance.html",
        {
            "year": year,
            "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
            "rows": rows,
            "totals": totals,
            "show_volumes": can_see_volumes(person),
            "volumes": list(member_volumes(request.user, year)) if can_see_volumes(person) else [],
        },
    )
