"""The key pages, timed server-side through Django's test client against the seeded database.

Each page is asked for by the person it is for, chosen as the heaviest such person in the data
(the officer with the longest queue, the councillor with the most enquiries, the Director of
the busiest directorate), warmed up, then timed request by request; the SQL queries of one
request are counted.
"""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint
from enquiries.models import Enquiry, EnquiryEvent
from groups.models import BriefingRequest
from protocol_site.models import User
from registers.models import Directorate, PoliticalGroup, StatutoryRole, Tier
from registers.roles import DEMOCRATIC_SERVICES_GROUP


@dataclass
class PageResult:
    name: str
    who: str
    url: str
    times_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # this process's CPU: Python's share
    sql_ms: float = 0.0  # the database's time in the request whose queries were counted
    queries: int = 0
    status: int = 0
    error: str = ""
    load: tuple[float, float] = (0.0, 0.0)  # the 1-minute load average as timing began, ended

    @property
    def p50(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else 0.0

    @property
    def p95(self) -> float:
        return percentile(self.times_ms, 95)

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu_ms) if self.cpu_ms else 0.0

    @property
    def cpu_p95(self) -> float:
        return percentile(self.cpu_ms, 95)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Cast:
    """The people the pages are timed for."""

    officer: User
    director: User
    councillor: User
    monitoring_officer: User
    group_member: User
    democratic_services: User
    enquiry_id: int
    service_id: int = 0  # the busiest service of the Director's directorate


def _top(queryset, key: str) -> dict:
    row = queryset.order_by("-n", key).first()
    if row is None:
        raise LookupError(f"No one found for {key}: seed the database first.")
    return row


def choose_cast() -> Cast:
    busiest_officer = (
        Enquiry.objects.open()
        .filter(assigned_to__post__tier=Tier.OFFICER)
        .values("assigned_to__user_id")
        .annotate(n=Count("pk"))
    )
    officer_user_id = _top(busiest_officer, "assigned_to__user_id")["assigned_to__user_id"]
    busiest_directorate = _top(
        Directorate.objects.annotate(n=Count("services__enquiries")).values("pk", "n"), "pk"
    )["pk"]
    director = User.objects.get(
        officer__post__directorate_id=busiest_directorate, officer__post__tier=Tier.DIRECTOR
    )
    busiest_councillor = Enquiry.objects.values("councillor__user_id").annotate(n=Count("pk"))
    councillor_user_id = _top(busiest_councillor, "councillor__user_id")["councillor__user_id"]
    mo = StatutoryRole.objects.select_related("officer__user").get(
        kind=StatutoryRole.Kind.MONITORING_OFFICER
    )
    group = _top(
        PoliticalGroup.objects.annotate(n=Count("briefing_requests")).values("pk", "n"), "pk"
    )
    leader = PoliticalGroup.objects.select_related("leader__user").get(pk=group["pk"]).leader
    democratic_services = User.objects.filter(groups__name=DEMOCRATIC_SERVICES_GROUP).first()
    enquiry = _top(
        EnquiryEvent.objects.filter(enquiry__assigned_to__user_id=officer_user_id)
        .values("enquiry_id")
        .annotate(n=Count("pk")),
        "enquiry_id",
    )["enquiry_id"]
    busiest_service = _top(
        Enquiry.objects.filter(service__directorate_id=busiest_directorate)
        .values("service_id")
        .annotate(n=Count("pk")),
        "service_id",
    )["service_id"]
    return Cast(
        service_id=busiest_service,
        officer=User.objects.get(pk=officer_user_id),
        director=director,
        councillor=User.objects.get(pk=councillor_user_id),
        monitoring_officer=mo.officer.user,
        group_member=leader.user,
        democratic_services=democratic_services,
        enquiry_id=enquiry,
    )


# The floor every page is measured against (scale.floor): timed first, the same way.
FLOOR = "Floor: bare view, one query by key"


def key_pages(cast: Cast) -> list[tuple[str, str, User, str]]:
    """(name, who, user, url) for every key page, after the floor."""
    return [
        (FLOOR, "busiest front-line officer", cast.officer,
         reverse("bench-floor", args=[cast.officer.pk])),
        ("Officer queue", "busiest front-line officer", cast.officer, reverse("enquiries:list")),
        ("Director dashboard", "Director of the busiest directorate", cast.director,
         reverse("home")),
        ("Councillor's enquiries", "busiest councillor", cast.councillor,
         reverse("enquiries:list")),
        ("Enquiry detail", "its officer (the longest timeline)", cast.officer,
         reverse("enquiries:detail", args=[cast.enquiry_id])),
        ("MO complaints queue", "Monitoring Officer", cast.monitoring_officer,
         reverse("complaints:list")),
        ("Group briefing log", "leader of the busiest group", cast.group_member,
         reverse("groups:list")),
        ("Annual report (one year)", "Monitoring Officer", cast.monitoring_officer,
         reverse("reports:annual")),
        ("Enquiries API list", "democratic services (sees all)", cast.democratic_services,
         reverse("api:enquiry-list")),
        ("Complaints API list", "Monitoring Officer (sees all)", cast.monitoring_officer,
         reverse("api:complaint-list")),
        ("Officer search (a form's picker)", "busiest councillor", cast.councillor,
         reverse("officer_search") + "?q=hugh"),
        (SEARCH_PAGE, "Director of the busiest directorate", cast.director,
         reverse("enquiries:list") + "?scope=all&status=any&q=damp+mould"),
        (FILTERED_PAGE, "Director of the busiest directorate", cast.director,
         reverse("enquiries:list") + f"?scope=all&status=any&service={cast.service_id}"
         f"&overdue=on&received_from={_a_year_ago()}"),
        (COMPLAINT_SEARCH_PAGE, "Monitoring Officer (sees all)", cast.monitoring_officer,
         reverse("complaints:list") + "?tab=all&q=planning+pressure"),
        (COMPLAINT_FILTERED_PAGE, "Monitoring Officer (sees all)", cast.monitoring_officer,
         reverse("complaints:list") + f"?tab=all&service={cast.service_id}&escalated=on"
         f"&received_from={_a_year_ago()}"),
    ]  # fmt: skip


# Finding enquiries: searched and filtered lists, with a budget of their own.
SEARCH_PAGE = "Enquiry search (full text)"
FILTERED_PAGE = "Filtered enquiry list"
COMPLAINT_SEARCH_PAGE = "Complaint search (full text)"
COMPLAINT_FILTERED_PAGE = "Filtered complaint list"


def _a_year_ago() -> str:
    day = timezone.localdate() - timedelta(days=365)
    return f"{day.day}/{day.month}/{day.year}"


def time_page(name: str, who: str, user: User, url: str, *, warmup: int, requests: int):
    """A page that fails is reported as failed (status 500, the error), not timed."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    result = PageResult(name=name, who=who, url=url)
    load_start = os.getloadavg()[0]
    for _ in range(warmup):
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    result.queries = len(captured.captured_queries)
    result.sql_ms = 1000 * sum(float(q["time"]) for q in captured.captured_queries)
    result.status = response.status_code
    if response.status_code != 200:
        result.error = f"answered {response.status_code} for {user.username}"
        return result
    for _ in range(requests):
        begun, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        result.times_ms.append((time.perf_counter() - begun) * 1000)
        result.cpu_ms.append((time.process_time() - cpu) * 1000)
    result.load = (load_start, os.getloadavg()[0])
    return result


@override_settings(ROOT_URLCONF="scale.floor")  # the site's URLs and the floor's
def bench_pages(*, warmup: int, requests: int, say=print) -> list[PageResult]:
    cast = choose_cast()
    results = []
    for name, who, user, url in key_pages(cast):
        result = time_page(name, who, user, url, warmup=warmup, requests=requests)
        if result.error:
            say(f"  {name}: FAILED, {result.error}")
        else:
            say(f"  {name}: p50 {result.p50:.1f} ms, p95 {result.p95:.1f} ms, "
                f"{result.queries} queries ({result.sql_ms:.0f} ms in SQL), "
                f"Python CPU p50 {result.cpu_p50:.1f} ms, p95 {result.cpu_p95:.1f} ms, "
                f"load {result.load[0]:.1f}-{result.load[1]:.1f}")  # fmt: skip
        results.append(result)
    return results


def scope_sizes(cast: Cast) -> dict[str, int]:
    """How much each chosen person's pages range over (for the report)."""
    officer = cast.officer.officer
    return {
        "officer_open_queue": Enquiry.objects.open()
        .filter(Q(assigned_to=officer) | Q(escalated_to=officer))
        .count(),
        "councillor_enquiries": Enquiry.objects.filter(councillor__user=cast.councillor).count(),
        "complaints": Complaint.objects.count(),
        "group_briefings": BriefingRequest.objects.filter(
            group__leader__user=cast.group_member
        ).count(),
    }
