"""The complaints API (issue 5): sign-in, scope (the same as the pages), the audit of every
detail view, the management note kept from the parties, the list page's filters and search on
the list, and list query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from complaints.models import Complaint, Outcome, Status
from complaints.services import (
    complaint_escalate,
    complaint_message,
    complaint_stage_resolve,
    complaint_withdraw,
)
from protocol_site.models import AuditEvent
from tests.clock import at, clock_at

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

LIST = "/api/v1/complaints/"


def detail(pk) -> str:
    return f"/api/v1/complaints/{pk}/"


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_anonymous_callers_are_refused_not_redirected(org):
    complaint = about_officer(org)
    client = APIClient()
    for url in (LIST, detail(complaint.pk)):
        response = client.get(url)
        assert response.status_code == 403
        assert b"results" not in response.content and b"reference" not in response.content


INSIDERS = ["councillor", "line_manager", "monitoring_officer"]  # complainant, handler, MO
OUTSIDERS = [
    "democratic_services",
    "chief_executive",  # above everyone, but neither handling it nor copied
    "outsider",
    "other_group_councillor",
]


@pytest.mark.parametrize("who", INSIDERS)
def test_the_people_on_the_complaint_see_it(api, org, who, request):
    complaint = about_officer(org)
    client = api(request.getfixturevalue(who))
    assert ids(client.get(LIST)) == {complaint.pk}
    response = client.get(detail(complaint.pk))
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == complaint.reference
    assert body["direction"] == Complaint.Direction.MEMBER_ABOUT_OFFICER
    assert body["status"] == "open" and body["stage_number"] == 1
    assert [s["number"] for s in body["stages"]] == [1]
    assert body["stages"][0]["resolve_by"] == "2026-11-16"
    assert any(step["kind"] == "raised" for step in body["timeline"])


@pytest.mark.parametrize("who", OUTSIDERS)
def test_people_outside_the_complaint_get_nothing_and_404(api, org, who, request):
    complaint = about_officer(org)
    user = request.getfixturevalue(who)
    assert user.pk not in {s.handler_id for s in complaint.stages.all()}
    client = api(user)
    assert ids(client.get(LIST)) == set()
    assert client.get(detail(complaint.pk)).status_code == 404


def test_the_detail_is_audited_and_the_list_is_not(api, org, line_manager):
    complaint = about_officer(org)
    client = api(line_manager)
    before = AuditEvent.objects.count()
    client.get(LIST)
    assert AuditEvent.objects.count() == before
    assert client.get(detail(complaint.pk)).status_code == 200
    assert AuditEvent.objects.count() == before + 1


def test_404_is_not_audited(api, org, outsider):
    complaint = about_officer(org)
    before = AuditEvent.objects.count()
    assert api(outsider).get(detail(complaint.pk)).status_code == 404
    assert AuditEvent.objects.count() == before


def test_the_parties_see_neither_handler_names_nor_the_management_note(
    api, org, councillor, line_manager, monitoring_officer
):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome=Outcome.UPHELD,
        note="We apologise.",
        management_note="Formal warning issued.",
    )
    for url, pick in ((detail(complaint.pk), lambda b: b), (LIST, lambda b: b["results"][0])):
        party = pick(api(councillor).get(url).json())
        assert party["stages"][0]["handler"] is None
        assert party["stages"][0]["management_note"] is None
        assert party["stages"][0]["outcome"] == Outcome.UPHELD
        assert "Formal warning" not in str(party)
        for insider in (line_manager, monitoring_officer):
            body = pick(api(insider).get(url).json())
            assert body["stages"][0]["management_note"] == "Formal warning issued."
            assert body["stages"][0]["handler"] == line_manager.display_name


def test_the_list_costs_the_same_few_queries_however_many_rows(
    api, org, monitoring_officer, django_assert_max_num_queries
):
    client = api(monitoring_officer)

    def count(n):
        while Complaint.objects.count() < n:
            about_member(org)
            about_officer(org)
        client.get(LIST)  # who the caller is, read again once the registers changed
        with CaptureQueriesContext(connection) as ctx:
            assert len(ids(client.get(LIST))) == n
        return len(ctx.captured_queries)

    few = count(2)
    many = count(10)
    assert many == few
    with django_assert_max_num_queries(few):
        client.get(LIST)


def test_the_schema_lists_the_complaint_endpoints(api, councillor):
    paths = api(councillor).get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    assert {"/api/v1/complaints/", "/api/v1/complaints/{id}/"} <= set(paths)


# The list page's filters and search, on the list.


@pytest.fixture
def three(org):
    """About the waste officer, about democratic services' officer (Legal), about a member."""
    return (
        about_officer(org),
        about_officer(org, "democratic_services", summary="Late papers for committee"),
        about_member(org),
    )


def test_the_list_takes_the_pages_filters(api, org, monitoring_officer, councillor, three):
    waste, legal, member = three
    client = api(monitoring_officer)

    def found(**params) -> set[int]:
        return ids(client.get(LIST, params))

    assert found() == {c.pk for c in three}
    assert found(service=org.legal_service.pk) == {legal.pk}
    # The officer who raised a complaint about a member is its officer party.
    assert found(service=org.service.pk) == {waste.pk, member.pk}
    assert found(directorate=org.resources.pk) == {legal.pk}
    assert found(officer=org.officers.officer.pk) == {waste.pk, member.pk}
    assert found(councillor=org.councillors.group_leader.pk) == set()
    assert found(direction="officer_about_member") == {member.pk}
    complaint_withdraw(actor=councillor, complaint=legal)
    assert found(status="withdrawn") == {legal.pk}
    assert found(status="open") == {waste.pk, member.pk}
    assert found(state=["open", "withdrawn"], stage="1") == {c.pk for c in three}
    assert found(status="open", service=org.service.pk, direction="member_about_officer") == {
        waste.pk
    }


def test_moved_up_overdue_and_dates(api, org, monitoring_officer, councillor):
    early = about_officer(org)  # Monday 2 November: stage 1 due by Monday 16 November
    with clock_at(at(2026, 11, 17, 10, 0)):
        late = about_officer(org, summary="Another one")
        complaint_escalate(actor=councillor, complaint=late, reason="No reply at all")
        client = api(monitoring_officer)

        def found(**params) -> set[int]:
            return ids(client.get(LIST, params))

        assert found(escalated="true") == {late.pk}
        assert found(escalated="false") == {early.pk}
        assert found(overdue="true") == {early.pk}
        assert found(received_from="2026-11-17") == {late.pk}
        assert found(received_to="2026-11-02") == {early.pk}
        assert found(received_from="2026-11-02", received_to="2026-11-16") == {early.pk}
        assert found(received_from="2026-11-03", received_to="2026-11-16") == set()


def test_the_search_finds_what_the_page_finds(api, org, monitoring_officer, three):
    waste, legal, member = three
    client = api(monitoring_officer)
    assert ids(client.get(LIST, {"q": legal.reference})) == {legal.pk}
    assert ids(client.get(LIST, {"q": "papers"})) == {legal.pk}
    assert ids(client.get(LIST, {"q": "Hughes"})) == {waste.pk, member.pk}
    assert ids(client.get(LIST, {"q": "area forum"})) == {member.pk}  # its details
    assert ids(client.get(LIST, {"q": "papers", "service": org.service.pk})) == set()
    assert ids(client.get(LIST, {"q": "   "})) == {c.pk for c in three}  # no search


def test_another_persons_complaints_never_appear(
    api, org, councillor, other_group_councillor, head_of_service, outsider
):
    mine = about_officer(org)
    complaint_message(actor=councillor, complaint=mine, message="Zanzibar tangerines")
    theirs = about_officer(org, actor=other_group_councillor, summary="Dismissive again")
    client = api(councillor)
    assert ids(client.get(LIST)) == {mine.pk}
    # Every filter is offered to everyone; one that finds nothing in reach finds nothing.
    for params in (
        {"q": theirs.reference},
        {"q": "again"},
        {"councillor": org.councillors.other_group_councillor.pk},
        {"directorate": org.directorate.pk, "q": "Dismissive"},
    ):
        assert ids(client.get(LIST, params)) - {mine.pk} == set(), params
    assert ids(client.get(LIST, {"service": org.service.pk})) == {mine.pk}
    # Nobody outside a complaint finds it, by any filter.
    assert ids(api(outsider).get(LIST, {"q": mine.reference})) == set()
    # The manager above the handler sees the complaint but does not find it by its messages.
    manager = api(head_of_service)
    assert ids(manager.get(LIST, {"q": "Elm Road"})) >= {mine.pk}
    assert ids(manager.get(LIST, {"q": "tangerines"})) == set()


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"received_from": "31/02/2026"}, "received_from", "Raised from must be a real date"),
        ({"received_to": "yesterday"}, "received_to", "Raised to must be a real date"),
        ({"received_from": "2026-11-03", "received_to": "2026-11-02"}, "received_to", "same"),
        ({"service": "99999"}, "service", "Select the service"),
        ({"status": "closed"}, "status", "Select the status"),
        ({"stage": "9"}, "stage", "Select the stage reached"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(api, monitoring_officer, org, params, field, words):
    about_officer(org)
    response = api(monitoring_officer).get(LIST, params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == {field}
    assert words in " ".join(body[field])
    assert "results" not in body


def test_a_filtered_search_costs_the_same_few_queries_however_many_rows(
    api, org, monitoring_officer, councillor, django_assert_max_num_queries
):
    client = api(monitoring_officer)
    params = {
        "q": "dismissive",
        "service": org.service.pk,
        "officer": org.officers.officer.pk,
        "escalated": "false",
        "overdue": "false",
        "status": "open",
        "received_from": "2026-11-02",
    }

    def count(n):
        while Complaint.objects.count() < n:
            complaint_message(actor=councillor, complaint=about_officer(org), message="Still.")
        client.get(LIST, params)  # any cache, once
        with CaptureQueriesContext(connection) as ctx:
            assert len(ids(client.get(LIST, params))) == n
        return len(ctx.captured_queries)

    few = count(2)
    assert count(10) == few
    with django_assert_max_num_queries(few):
        client.get(LIST, params)


def test_the_schema_documents_the_filters(api, councillor):
    schema = api(councillor).get("/api/v1/schema/", {"format": "json"}).json()
    listing = schema["paths"]["/api/v1/complaints/"]["get"]
    params = {p["name"]: p for p in listing["parameters"]}
    assert set(params) == {
        "cursor",
        "q",
        "service",
        "directorate",
        "officer",
        "councillor",
        "direction",
        "state",
        "status",
        "stage",
        "overdue",
        "escalated",
        "received_from",
        "received_to",
    }
    for name in ("service", "directorate", "officer", "councillor"):
        assert params[name]["schema"]["type"] == "integer", name  # an id
    assert params["received_from"]["schema"] == {"type": "string", "format": "date"}
    assert params["escalated"]["schema"]["type"] == "boolean"
    assert params["stage"]["schema"]["items"]["enum"] == [1, 2, 3, 4]
    assert set(params["status"]["schema"]["enum"]) == {s.value for s in Status}
    assert "400" in listing["responses"]
