"""The conversation in the API: scoped like the pages (another's enquiry is 404), internal
notes never for the councillor, 400 with field errors on bad input, and in the schema."""

import pytest

from enquiries.models import EnquiryEvent, Status
from enquiries.services import enquiry_add_note
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def on(enquiry, what: str) -> str:
    return f"/api/v1/enquiries/{enquiry.pk}/{what}/"


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):  # due by Tuesday 15 December
        return casework(org)


def test_messages_both_ways(api, councillor, officer, enquiry):
    sent = api(councillor).post(on(enquiry, "messages"), {"message": "Any news?"}, format="json")
    assert sent.status_code == 201, sent.content
    assert sent.json()["kind"] == Ev.COUNCILLOR_MESSAGE and sent.json()["detail"] == "Any news?"
    reply = api(officer).post(on(enquiry, "messages"), {"message": "Next week."}, format="json")
    assert reply.status_code == 201
    listed = api(councillor).get(on(enquiry, "messages")).json()
    assert [m["detail"] for m in listed] == ["Any news?", "Next week."]
    assert OutboxEmail.objects.filter(recipient=councillor).count() >= 1


def test_bad_input_is_400_with_field_errors(api, councillor, officer, enquiry):
    for who, what, field in (
        (councillor, "messages", "message"),
        (officer, "notes", "note"),
        (officer, "ask", "question"),
        (councillor, "withdraw", "reason"),
    ):
        response = api(who).post(on(enquiry, what), {}, format="json")
        assert response.status_code == 400, (what, response.content)
        assert field in response.json(), (what, response.json())
    response = api(councillor).post(on(enquiry, "answer"), {"answer": "Yes"}, format="json")
    assert response.status_code == 400  # nothing is waiting for an answer


def test_notes_are_for_officers_and_never_in_the_councillors_answers(
    api, councillor, officer, director, enquiry
):
    enquiry_add_note(actor=officer, enquiry=enquiry, note="Private: check the tenancy.")
    assert api(councillor).get(on(enquiry, "notes")).status_code == 403
    refused = api(councillor).post(on(enquiry, "notes"), {"note": "x"}, format="json")
    assert refused.status_code == 403
    notes = api(director).get(on(enquiry, "notes")).json()
    assert [n["detail"] for n in notes] == ["Private: check the tenancy."]
    mine = api(councillor).get(f"/api/v1/enquiries/{enquiry.pk}/").content.decode()
    assert "check the tenancy" not in mine
    assert "check the tenancy" not in api(councillor).get(on(enquiry, "messages")).content.decode()


def test_ask_and_answer_move_the_due_date(api, councillor, officer, enquiry):
    with clock_at(at(2026, 12, 7, 9, 0)):
        asked = api(officer).post(on(enquiry, "ask"), {"question": "Which?"}, format="json")
        assert asked.status_code == 200, asked.content
        assert asked.json()["waiting_since"] is not None
    with clock_at(at(2026, 12, 10, 9, 0)):
        answered = api(councillor).post(on(enquiry, "answer"), {"answer": "Green"}, format="json")
    body = answered.json()
    assert answered.status_code == 200
    assert body["waiting_since"] is None and body["paused_working_days"] == 3
    assert body["due_date"] == "2026-12-18"


def test_chase_and_withdraw(api, councillor, officer, enquiry):
    assert api(councillor).post(on(enquiry, "chase"), {}, format="json").status_code == 200
    assert api(officer).post(on(enquiry, "chase"), {}, format="json").status_code == 403
    gone = api(councillor).post(on(enquiry, "withdraw"), {"reason": "Done"}, format="json")
    assert gone.status_code == 200 and gone.json()["status"] == Status.WITHDRAWN


def test_another_councillors_enquiry_is_404_everywhere(api, other_group_councillor, enquiry):
    client = api(other_group_councillor)
    for what in ("messages", "notes"):
        assert client.get(on(enquiry, what)).status_code == 404
    for what, body in (
        ("messages", {"message": "x"}),
        ("notes", {"note": "x"}),
        ("ask", {"question": "x"}),
        ("answer", {"answer": "x"}),
        ("chase", {}),
        ("withdraw", {"reason": "x"}),
    ):
        assert client.post(on(enquiry, what), body, format="json").status_code == 404, what
    assert not enquiry.events.filter(kind__in=EnquiryEvent.MESSAGE_KINDS).exists()


def test_the_conversation_is_in_the_schema(api, officer):
    schema = api(officer).get("/api/v1/schema/?format=json").json()
    for what in ("messages", "notes", "ask", "answer", "chase", "withdraw"):
        assert f"/api/v1/enquiries/{{id}}/{what}/" in schema["paths"], what
    assert "MessageIn" in schema["components"]["schemas"]
