"""The complaints API (issue 5): sign-in, scope (the same as the pages), the audit of every
detail view, the management note kept from the parties, and list query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from complaints.models import Complaint, Outcome
from complaints.services import complaint_stage_resolve
from protocol_site.models import AuditEvent

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
