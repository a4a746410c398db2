"""The enquiries API, reading: sign-in, scope (the same as the pages), filters, timeline,
confidential casework, query counts and the OpenAPI schema. Writing is in test_api_create.py."""

from datetime import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from enquiries.models import Enquiry
from enquiries.services import enquiry_respond, enquiry_seek_guidance
from tests.clock import LONDON, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

LIST = "/api/v1/enquiries/"
SCHEMA = "/api/v1/schema/"


def detail(pk) -> str:
    return f"/api/v1/enquiries/{pk}/"


@pytest.fixture
def two(org, councillor, other_group_councillor):
    """Chris's casework put to the officer, and Owen's, which goes to the head of service."""
    mine = casework(org)
    theirs = casework(
        org,
        councillor=org.councillors.other_group_councillor,
        approached_officer=None,
        subject="Fly-tipping behind the library",
    )
    return mine, theirs


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


# Sign-in


def test_a_token_from_drf_create_token_signs_in(org, councillor, two):
    call_command("drf_create_token", "councillor")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=councillor).key}")
    assert ids(client.get(LIST)) == {two[0].pk}


def test_a_session_signs_in_too(client_for, councillor, two):
    response = client_for(councillor).get(LIST)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("method", ["get_list", "get_detail", "post", "get_schema"])
def test_anonymous_callers_and_bad_tokens_are_refused_not_redirected(method, two):
    anonymous, forged = APIClient(), APIClient()
    forged.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    for client in (anonymous, forged):
        response = {
            "get_list": lambda c: c.get(LIST),
            "get_detail": lambda c: c.get(detail(two[0].pk)),
            "post": lambda c: c.post(LIST, {"subject": "x"}, format="json"),
            "get_schema": lambda c: c.get(SCHEMA),
        }[method](client)
        assert response.status_code in (401, 403)
        assert b"results" not in response.content and b"openapi" not in response.content
    assert Enquiry.objects.count() == 2


# Scope: exactly the pages'


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("councillor", {"mine"}),
        ("other_group_councillor", {"theirs"}),
        ("officer", {"mine"}),  # assigned to them
        ("line_manager", {"mine"}),  # their team's
        ("director", {"mine", "theirs"}),  # their directorate's
        ("democratic_services", {"mine", "theirs"}),
        ("outsider", set()),
    ],
)
def test_the_list_is_scoped_like_the_pages(request, api, two, who, sees):
    user = request.getfixturevalue(who)
    named = {"mine": two[0].pk, "theirs": two[1].pk}
    assert ids(api(user).get(LIST)) == {named[n] for n in sees}


def test_another_councillors_enquiry_is_404_like_one_that_does_not_exist(
    api, councillor, officer, two
):
    mine, theirs = two
    client = api(councillor)
    assert client.get(detail(mine.pk)).status_code == 200
    assert client.get(detail(theirs.pk)).status_code == 404
    assert client.get(detail(theirs.pk + 1000)).status_code == 404
    assert api(officer).get(detail(theirs.pk)).status_code == 404


def test_an_enquiry_carries_the_documented_fields(org, api, councillor, two):
    mine = two[0]
    body = api(councillor).get(detail(mine.pk)).json()
    assert body["id"] == mine.pk
    assert body["reference"] == mine.reference
    assert body["status"] == "logged"
    assert body["councillor"] == {"id": org.councillors.councillor.pk, "name": "Cllr Chris Baker"}
    assert body["service"] == {"id": org.service.pk, "name": "Waste and Recycling"}
    assert body["assigned_to"] == {"id": org.officers.officer.pk, "name": "Oliver Hughes"}
    assert body["director"] == {"id": org.officers.director.pk, "name": "David Okafor"}
    assert body["ward"] == {"id": org.ward.pk, "name": "Riverside"}
    assert body["escalated_to"] is None and body["response"] is None
    assert body["details"] == mine.details and body["kind"] == "casework"
    assert body["channel"] == "online" and body["overdue"] is False
    assert body["in_pre_election_period"] is False
    assert body["due_date"] == mine.due_date.isoformat() == body["target_date"]
    assert datetime.fromisoformat(body["received_at"]) == mine.received_at
    assert body["routing_reason"] == mine.routing_reason
    assert body["due_explanation"] == mine.due_explanation
    assert [step["kind"] for step in body["timeline"]] == ["logged", "routed"]
    assert set(body["timeline"][0]) >= {"at", "kind", "actor", "detail"}
    assert body["timeline"][0]["actor"] == "Chris Baker"


# Filters


def test_filters_by_status_councillor_and_service(org, api, officer, democratic_services, two):
    mine, theirs = two
    enquiry_respond(actor=officer, enquiry=mine, response="Collected on Monday.", minor=True)
    client = api(democratic_services)
    assert ids(client.get(LIST, {"status": "responded"})) == {mine.pk}
    assert ids(client.get(LIST, {"status": "logged"})) == {theirs.pk}
    councillor_id = org.councillors.other_group_councillor.pk
    assert ids(client.get(LIST, {"councillor": councillor_id})) == {theirs.pk}
    assert ids(client.get(LIST, {"service": org.service.pk})) == {mine.pk, theirs.pk}
    assert ids(client.get(LIST, {"service": org.legal_service.pk})) == set()


def test_bad_filters_are_400_with_field_errors(api, democratic_services, two):
    response = api(democratic_services).get(LIST, {"status": "lost", "councillor": "Chris"})
    assert response.status_code == 400
    assert set(response.json()) == {"status", "councillor"}


def test_overdue_filter(org, api, councillor, democratic_services):
    with clock_at(datetime(2026, 1, 5, 10, tzinfo=LONDON)):
        late = casework(org, approached_officer=None)
    with clock_at(datetime(2026, 3, 2, 10, tzinfo=LONDON)):
        fresh = casework(org, approached_officer=None)
        client = api(democratic_services)
        assert ids(client.get(LIST, {"overdue": "true"})) == {late.pk}
        assert ids(client.get(LIST, {"overdue": "false"})) == {fresh.pk}
        assert ids(client.get(LIST)) == {late.pk, fresh.pk}
        assert client.get(detail(late.pk)).json()["overdue"] is True


# The timeline and confidential casework


def test_councillors_do_not_see_internal_steps_in_the_detail(api, councillor, officer, two):
    mine = two[0]
    enquiry_seek_guidance(actor=officer, enquiry=mine, note="Is this a policy question?")

    def kinds(client):
        return [step["kind"] for step in client.get(detail(mine.pk)).json()["timeline"]]

    assert kinds(api(councillor)) == ["logged", "routed"]
    assert kinds(api(officer)) == ["logged", "routed", "guidance_sought"]


def test_a_list_item_is_the_enquiry_without_its_timeline(api, officer, two):
    rows = api(officer).get(LIST).json()["results"]
    one = api(officer).get(detail(rows[0]["id"])).json()
    assert all("timeline" not in row for row in rows)
    assert rows[0] == {key: value for key, value in one.items() if key != "timeline"}


def test_democratic_services_see_the_register_not_the_casework_text(
    api, councillor, officer, democratic_services, two
):
    mine = two[0]
    enquiry_respond(actor=officer, enquiry=mine, response="Collected on Monday.", minor=True)
    own = api(councillor).get(detail(mine.pk)).json()
    assert own["details"] == mine.details and own["response"] == "Collected on Monday."
    register = api(democratic_services).get(detail(mine.pk)).json()
    assert register["details"] is None and register["response"] is None
    responded = [s for s in register["timeline"] if s["kind"] == "responded"]
    assert responded and responded[0]["detail"] is None
    listed = api(democratic_services).get(LIST).json()["results"]
    assert all(row["details"] is None for row in listed)


def test_general_questions_are_not_confidential(org, api, councillor, democratic_services):
    general = casework(org, approached_officer=None, kind=Enquiry.Kind.GENERAL)
    assert api(democratic_services).get(detail(general.pk)).json()["details"] == general.details


# Query counts


def test_the_list_costs_the_same_few_queries_however_many_rows(
    org, api, councillor, officer, democratic_services, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            enquiry = casework(org, subject=f"Enquiry {i}")
            enquiry_seek_guidance(actor=officer, enquiry=enquiry, note="Policy?")

    client = api(democratic_services)
    add(2)
    client.get(LIST)  # the first call reads who the caller is; later ones have it kept
    with CaptureQueriesContext(connection) as few:
        assert len(ids(client.get(LIST))) == 2
    add(6)
    with django_assert_max_num_queries(5), CaptureQueriesContext(connection) as many:
        assert len(ids(client.get(LIST))) == 8
    assert len(many) == len(few)


# The schema


def test_the_schema_generates_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert "/api/v1/enquiries/{id}/" in out.read_text()


def test_the_schema_is_served_to_signed_in_callers(api, councillor):
    response = api(councillor).get(SCHEMA, {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/enquiries/", "/api/v1/enquiries/{id}/"} <= set(paths)
    assert {"get", "post"} <= set(paths["/api/v1/enquiries/"])
