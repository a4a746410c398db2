"""The enquiries API, writing: POST /api/v1/enquiries/ calls enquiry_log. A councillor's own
enquiry is received now; an officer or democratic services names the councillor, the channel
and the time of receipt. Bad input is a 400 with field errors, and nothing is saved."""

from datetime import UTC, datetime

import pytest

from enquiries.models import Enquiry, EnquiryEvent
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import clock_at

pytestmark = pytest.mark.django_db

LIST = "/api/v1/enquiries/"
# Thursday before Easter 2027: Good Friday and Easter Monday are not working days.
MAUNDY_THURSDAY = datetime(2027, 3, 25, 10, 0, tzinfo=UTC)
CHRISTMAS_WEEK = datetime(2026, 12, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def body(org):
    """A councillor's own casework enquiry: the least a POST needs."""
    return {
        "subject": "Missed bin collection on Elm Road",
        "details": "Residents at 1-9 Elm Road report three missed collections.",
        "kind": "casework",
        "service": org.service.pk,
    }


@pytest.fixture
def on_behalf(org, body):
    """An enquiry an officer records: received by email at 10:00 on Wed 23 Dec 2026."""
    return {
        **body,
        "councillor": org.councillors.councillor.pk,
        "channel": "email",
        "received_at": "2026-12-23T10:00:00+00:00",
    }


def nothing_saved() -> bool:
    return not (
        Enquiry.objects.exists()
        or EnquiryEvent.objects.exists()
        or OutboxEmail.objects.exists()
        or AuditEvent.objects.filter(action__startswith="enquiries.").exists()
    )


@clock_at(MAUNDY_THURSDAY)
def test_a_councillors_own_enquiry_is_received_now(org, api, councillor, body):
    response = api(councillor).post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    enquiry = Enquiry.objects.get()
    assert created["id"] == enquiry.pk
    assert response["Location"] == f"/api/v1/enquiries/{enquiry.pk}/"
    assert created["councillor"]["id"] == org.councillors.councillor.pk
    assert created["channel"] == "online"
    assert datetime.fromisoformat(created["received_at"]) == MAUNDY_THURSDAY
    # Day 1 is Tue 30 Mar (Good Friday and Easter Monday skipped); day 10 is Mon 12 Apr.
    assert created["due_date"] == "2027-04-12"
    assert "excluding 26 and 29 Mar" in created["due_explanation"]
    assert created["assigned_to"]["name"] == "Gareth Evans"  # casework: head of service
    assert [step["kind"] for step in created["timeline"]] == ["logged", "routed"]
    assert created["details"] == body["details"]


def test_a_councillor_may_name_themself(org, api, councillor, body):
    response = api(councillor).post(
        LIST, {**body, "councillor": org.councillors.councillor.pk}, format="json"
    )
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"councillor": "other"}, "councillor"),
        ({"received_at": "2026-12-23T10:00:00+00:00"}, "received_at"),
        ({"channel": "letter"}, "channel"),
    ],
)
def test_a_councillor_cannot_log_for_another_or_backdate(org, api, councillor, body, extra, field):
    if extra.get("councillor") == "other":
        extra = {"councillor": org.councillors.other_group_councillor.pk}
    response = api(councillor).post(LIST, {**body, **extra}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert isinstance(response.json()[field], list)
    assert nothing_saved()


@pytest.mark.parametrize("who", ["officer", "democratic_services"])
@clock_at(CHRISTMAS_WEEK)
def test_an_officer_records_one_received_by_email(request, org, api, on_behalf, who):
    response = api(request.getfixturevalue(who)).post(LIST, on_behalf, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["councillor"]["id"] == org.councillors.councillor.pk
    assert created["channel"] == "email"
    assert datetime.fromisoformat(created["received_at"]) == datetime(2026, 12, 23, 10, tzinfo=UTC)
    # 25 and 28 Dec and 1 Jan are bank holidays in England: day 10 is Mon 11 Jan 2027.
    assert created["due_date"] == "2027-01-11"
    assert created["timeline"][0]["kind"] == "logged"
    assert Enquiry.objects.get().logged_by.username == request.getfixturevalue(who).username


@clock_at(CHRISTMAS_WEEK)
def test_an_officer_must_name_the_councillor_channel_and_time(api, officer, body):
    response = api(officer).post(LIST, {**body, "channel": "online"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"councillor", "channel", "received_at"}
    assert nothing_saved()


@pytest.mark.parametrize(
    ("received_at", "says"),
    [
        ("2026-12-23T10:00:00", "offset"),  # naive: ambiguous around the clock change
        ("23/12/2026 10:00", "format"),
        ("2026-12-23T13:00:00+00:00", "past"),  # an hour after "now": the service says no
    ],
)
@clock_at(CHRISTMAS_WEEK)
def test_the_time_of_receipt_must_be_a_real_past_moment(api, officer, on_behalf, received_at, says):
    response = api(officer).post(LIST, {**on_behalf, "received_at": received_at}, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == ["received_at"]
    assert says in errors["received_at"][0].lower()
    assert nothing_saved()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"subject": None}, "subject"),
        ({"subject": ""}, "subject"),
        ({"subject": "x" * 201}, "subject"),
        ({"details": None}, "details"),
        ({"service": 999_999}, "service"),
        ({"service": "waste"}, "service"),
        ({"kind": "gossip"}, "kind"),
        ({"ward": 999_999}, "ward"),
        ({"approached_officer": 999_999}, "approached_officer"),
    ],
)
def test_bad_input_is_400_with_field_errors_and_nothing_saved(api, councillor, body, change, field):
    sent = {k: v for k, v in {**body, **change}.items() if v is not None}
    response = api(councillor).post(LIST, sent, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert field in errors and all(isinstance(m, str) for m in errors[field])
    assert nothing_saved()


def test_the_services_own_checks_come_back_as_field_errors(org, api, councillor, body):
    org.service.is_active = False
    org.service.save(update_fields=["is_active"])
    response = api(councillor).post(LIST, body, format="json")
    assert response.status_code == 400
    assert response.json() == {"service": ["Select a current service"]}
    assert nothing_saved()


def test_someone_with_no_part_in_the_protocol_cannot_log_one(org, api, outsider, on_behalf):
    response = api(outsider).post(LIST, on_behalf, format="json")
    assert response.status_code == 403
    assert nothing_saved()


def test_the_api_takes_json(api, councillor, body):
    response = api(councillor).post(LIST, body)  # multipart
    assert response.status_code == 415
    assert nothing_saved()


@pytest.mark.parametrize(("ward", "expected"), [("left out", "own"), (None, None)])
def test_a_ward_left_out_is_the_councillors_and_null_is_none(
    org, api, councillor, body, ward, expected
):
    data = body if ward == "left out" else {**body, "ward": ward}
    response = api(councillor).post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    assert Enquiry.objects.get().ward == (org.ward if expected == "own" else None)
