"""Every key page costs at most QUERY_BUDGET queries, and the same number whatever the amount
of data: each page is counted on a small council, then again with three times as many
enquiries, complaints, stages, briefings, people and events."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.services import (
    complaint_escalate,
    complaint_notify_subject,
    complaint_stage_acknowledge,
)
from enquiries.models import Enquiry
from enquiries.services import (
    enquiries_sweep,
    enquiry_acknowledge,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_seek_guidance,
    enquiry_send_holding_reply,
)
from protocol_site.calendar import council_calendar
from registers.models import Tier
from tests.complaints.helpers import about_member, about_officer
from tests.declarations.helpers import declare
from tests.enquiries.factories import casework, received_days_ago
from tests.groups.helpers import ask, cleared, issued, make_group_b_leader
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    OfficerFactory,
    PostFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
LONDON = ZoneInfo("Europe/London")
# Monday 2 November 2026, mid-morning; the report covers the municipal year so far.
NOW = datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)
REPORT_PERIOD = {
    "start_0": "1",
    "start_1": "5",
    "start_2": "2026",
    "last_0": "30",
    "last_1": "4",
    "last_2": "2027",
}
_serial = itertools.count()


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _people(org) -> None:
    """One more officer in the service, one more councillor in each group, and what they
    put on the registers: a declared relationship, a visit, a training session."""
    n = next(_serial)
    post = PostFactory(
        title=f"Waste Officer {n}",
        tier=Tier.OFFICER,
        service=org.service,
        reports_to=org.posts.line_manager,
    )
    officer = OfficerFactory(user=UserFactory(username=f"extra.officer{n}"), post=post)
    members = [
        CouncillorFactory(
            user=UserFactory(username=f"extra.cllr{n}.{group.pk}"), ward=org.ward, group=group
        )
        for group in (org.group_a, org.group_b)
    ]
    declare(officer.user, members[0].user)
    declare(org.councillors.councillor.user, officer.user)
    for member in (*members, org.councillors.councillor):
        VisitFactory(councillor=member, service=org.service, directorate=org.directorate)
        TrainingAttendanceFactory(
            councillor=member, session=TrainingSessionFactory(held_on=date(2026, 10, 1))
        )


def _enquiries(org) -> Enquiry:
    """Enquiries in every state: new, acknowledged, held, extended, escalated, answered."""
    officer = org.officers.officer.user
    calendar = council_calendar()
    later = calendar.add_working_days(NOW.date(), 15)
    fresh = casework(org, subject="Fresh")
    acknowledged = casework(org, subject="Acknowledged")
    enquiry_acknowledge(actor=officer, enquiry=acknowledged)
    held = casework(org, councillor=org.councillors.other_group_councillor, subject="Held")
    enquiry_send_holding_reply(
        actor=officer, enquiry=held, explanation="Waiting.", expected_date=later
    )
    extended = casework(org, councillor=org.councillors.group_leader, subject="Extended")
    enquiry_request_extension(actor=officer, enquiry=extended, reason="Busy.", proposed_date=later)
    enquiry_seek_guidance(actor=officer, enquiry=extended, note="Policy?")
    answered = casework(org, subject="Answered")
    enquiry_respond(actor=officer, enquiry=answered, response="Done.")
    received_days_ago(org, 16, subject="Overdue")
    received_days_ago(org, 12, subject="Due soon")
    enquiries_sweep()
    return fresh


def _complaints(org) -> None:
    """Complaints both ways, some moved up a stage, some acknowledged."""
    councillor = org.councillors.councillor.user
    officer = org.officers.officer.user
    up = about_officer(org)
    complaint_escalate(actor=councillor, complaint=up, reason="Not resolved.")
    acknowledged = about_officer(org, "democratic_services")
    complaint_stage_acknowledge(actor=acknowledged.current_handler, complaint=acknowledged)
    unhappy = about_member(org)
    complaint_escalate(actor=officer, complaint=unhappy, reason="Still unhappy.")
    told = about_member(org)
    complaint_notify_subject(actor=org.officers.monitoring_officer.user, complaint=told)


def _briefings(org) -> None:
    ask(org)
    cleared(org, addressed_to=org.officers.chief_executive)
    issued(org)


def grow(org, rounds: int = 1) -> None:
    for _ in range(rounds):
        _people(org)
        _enquiries(org)
        _complaints(org)
        _briefings(org)


def count(client, url, params=None) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries), [q["sql"][:300] for q in ctx.captured_queries]


def assert_flat(org, client, url, params=None, *, grow_more=None) -> int:
    """Counts the page on a small council, triples the data, and counts it again."""
    grow(org)
    client.get(url, params or {})  # the first view of the day fills the banner's cache
    few, _ = count(client, url, params)
    if grow_more is not None:
        grow_more()
    grow(org, 2)
    many, sql = count(client, url, params)
    listing = "\n".join(sql)
    assert many == few, f"{few} queries grew to {many}:\n{listing}"
    assert many <= QUERY_BUDGET, f"{many} queries:\n{listing}"
    return many


def token_client(user):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


PAGES = [
    # (page, role, url name, query string)
    ("enquiry queue", "officer", "enquiries:list", {}),
    ("enquiry list", "councillor", "enquiries:list", {}),
    ("enquiry list", "director", "enquiries:list", {"scope": "all", "status": "any"}),
    ("enquiry list", "democratic_services", "enquiries:list", {}),
    ("home", "director", "home", {}),
    ("home", "councillor", "home", {}),
    ("home", "group_leader", "home", {}),
    ("home", "officer", "home", {}),
    ("home", "line_manager", "home", {}),
    ("home", "chief_executive", "home", {}),
    ("home", "monitoring_officer", "home", {}),
    ("home", "democratic_services", "home", {}),
    ("complaints queue", "monitoring_officer", "complaints:list", {"tab": "queue"}),
    ("complaints list", "monitoring_officer", "complaints:list", {"tab": "all"}),
    ("complaints list", "line_manager", "complaints:list", {}),
    ("complaints list", "councillor", "complaints:list", {}),
    ("briefings", "group_leader", "groups:list", {}),
    ("briefings", "chief_executive", "groups:list", {}),
    ("briefings", "chief_executive", "groups:list", {"tab": "all"}),
    ("equal-access log", "chief_executive", "groups:equal_access", {}),
    ("annual report", "monitoring_officer", "reports:annual", REPORT_PERIOD),
    ("annual report", "democratic_services", "reports:annual", REPORT_PERIOD),
    ("directorate report", "director", "reports:directorate", {}),
]


PAGE_IDS = [f"{page}-{who}".replace(" ", "-") + f"-{n}" for n, (page, who, *_) in enumerate(PAGES)]


@pytest.mark.parametrize(("page", "who", "name", "params"), PAGES, ids=PAGE_IDS)
def test_page_costs_the_same_few_queries(request, client_for, org, page, who, name, params):
    make_group_b_leader(org)
    client = client_for(request.getfixturevalue(who))
    assert_flat(org, client, reverse(name), params)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("officer", "/api/v1/enquiries/"),
        ("democratic_services", "/api/v1/enquiries/"),
        ("councillor", "/api/v1/enquiries/"),
        ("monitoring_officer", "/api/v1/complaints/"),
        ("councillor", "/api/v1/complaints/"),
    ],
)
def test_api_list_costs_the_same_few_queries(request, org, who, url):
    make_group_b_leader(org)
    assert_flat(org, token_client(request.getfixturevalue(who)), url)


def _busier(org, enquiry):
    """More steps on one enquiry: acknowledged, guidance, a holding reply, more time asked."""
    officer = org.officers.officer.user
    later = council_calendar().add_working_days(NOW.date(), 15)
    much_later = council_calendar().add_working_days(NOW.date(), 20)

    def more():
        enquiry_acknowledge(actor=officer, enquiry=enquiry)
        for note in ("Policy?", "Budget?", "Timing?"):
            enquiry_seek_guidance(actor=officer, enquiry=enquiry, note=note)
        enquiry_send_holding_reply(
            actor=officer, enquiry=enquiry, explanation="Waiting.", expected_date=later
        )
        enquiry_request_extension(
            actor=officer, enquiry=enquiry, reason="Busy.", proposed_date=much_later
        )

    return more


@pytest.mark.parametrize("who", ["officer", "councillor", "director", "democratic_services"])
def test_enquiry_detail_costs_the_same_few_queries(request, client_for, org, who):
    enquiry = casework(org, subject="The one we look at")
    client = client_for(request.getfixturevalue(who))
    url = reverse("enquiries:detail", args=[enquiry.pk])
    assert_flat(org, client, url, grow_more=_busier(org, enquiry))


def _higher(org, complaint):
    """The complainant asks for the next stage twice; each handler acknowledges."""
    councillor = org.councillors.councillor.user

    def more():
        for _ in range(2):
            complaint_escalate(actor=councillor, complaint=complaint, reason="Not resolved.")
            complaint.refresh_from_db()
            complaint_stage_acknowledge(actor=complaint.current_handler, complaint=complaint)
        complaint_notify_subject(actor=org.officers.monitoring_officer.user, complaint=complaint)

    return more


@pytest.mark.parametrize("who", ["monitoring_officer", "line_manager", "councillor"])
def test_complaint_detail_costs_the_same_few_queries(request, client_for, org, who):
    complaint = about_officer(org, summary="The one we look at")
    complaint_stage_acknowledge(actor=org.officers.line_manager.user, complaint=complaint)
    client = client_for(request.getfixturevalue(who))
    url = reverse("complaints:detail", args=[complaint.pk])
    assert_flat(org, client, url, grow_more=_higher(org, complaint))
