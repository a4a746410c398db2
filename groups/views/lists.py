"""The briefings list (by role: the group's, to decide, assigned, addressed), what is offered or
shared with the viewer, and the Chief Executive's and Monitoring Officer's equal-access log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from protocol_site.council_rules import rule
from registers.roles import Role

from ..models import Status
from ..selectors import (
    briefings_by_group,
    briefings_visible_to,
    equal_access_log,
    offers_visible_to,
    sees_all_briefings,
    shares_visible_to,
)
from .common import may_request, require_briefings

PAGE_SIZE = 25
TABS = {
    "group": ("Your group's", "Your group's briefing requests"),
    "decide": ("To decide", "Requests waiting for your decision"),
    "assigned": ("Assigned to you", "Requests you are cleared or nominated for"),
    "addressed": ("Addressed to you", "Requests addressed to you"),
    "all": ("All you can see", "Every briefing request you can see"),
}
STATUSES = {"any": "Any status", "open": "Open", "closed": "Closed"}


def _tabs(person) -> dict:
    keys = []
    if person.councillor is not None and person.councillor.group_id:
        keys.append("group")
    if person.has(Role.CHIEF_EXECUTIVE):
        keys.append("decide")
    if person.officer is not None:
        keys += ["assigned", "addressed"]
    keys.append("all")
    return {key: TABS[key] for key in keys}


def _tab_queryset(tab: str, person, user):
    qs = briefings_visible_to(user)
    if tab == "group":
        return qs.filter(Q(group_id=person.councillor.group_id) | Q(requested_by=user))
    if tab == "decide":
        return qs.filter(status=Status.REQUESTED)
    if tab == "assigned":
        return qs.filter(officer=person.officer)
    if tab == "addressed":
        return qs.filter(addressed_to=person.officer)
    return qs


@require_GET
def briefing_list(request):
    person = require_briefings(request)
    user = request.user
    tabs = _tabs(person)
    tab = request.GET.get("tab", next(iter(tabs)))
    tab = tab if tab in tabs else next(iter(tabs))
    if "decide" in tabs and "tab" not in request.GET:
        tab = "decide"
    status = request.GET.get("status", "any")
    status = status if status in STATUSES else "any"
    qs = _tab_queryset(tab, person, user)
    if status == "open":
        qs = qs.open()
    elif status == "closed":
        qs = qs.closed()
    q = request.GET.get("q", "").strip()[:100]
    if q:
        qs = qs.filter(Q(reference__icontains=q) | Q(subject__icontains=q) | Q(topic__icontains=q))
    qs = qs.select_related("group", "officer__user", "addressed_to__user").order_by(
        "-created_at", "-pk"
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    offers = offers_visible_to(user).select_related("note__request").order_by("-offered_at")
    shares = shares_visible_to(user).select_related("request__requested_by").order_by("-at")
    return render(
        request,
        "groups/list.html",
        {
            "tabs": {key: label for key, (label, _) in tabs.items()},
            "tab": tab,
            "caption": tabs[tab][1],
            "statuses": STATUSES,
            "status": status,
            "q": q,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "offers": list(offers[:50]),
            "shares": list(shares[:50]),
            "may_request": may_request(person),
            "sees_log": sees_all_briefings(person),
        },
    )


@require_GET
def equal_access(request):
    """GRP-6, GRP-9: per topic, every group's access; and every group's requests counted."""
    person = require_briefings(request)
    if not sees_all_briefings(person):
        raise PermissionDenied
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "groups/equal_access.html",
        {
            "topics": equal_access_log(request.user, q=q),
            "by_group": list(briefings_by_group(request.user)),
            "equal_access": rule("GROUP_BRIEFING_EQUAL_ACCESS"),
            "q": q,
        },
    )
