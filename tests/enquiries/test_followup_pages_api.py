"""Following up and urgency through the pages and the API: the councillor's button while the
follow-up is offered, the page saying until when, the timeline's round, the API's steps and
fields, 400 with field errors, and the annual report's count of reopened enquiries."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryEvent, Status
from enquiries.services import enquiry_follow_up, enquiry_respond
from reports.enquiry_figures import cells
from reports.tables import ENQUIRY_COLUMNS
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def on(enquiry, what: str) -> str:
    return f"/api/v1/enquiries/{enquiry.pk}/{what}/"


@pytest.fixture
def responded(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 13, 15, 0)):  # Friday: follow-up offered until 20 November
        enquiry_respond(
            actor=org.officers.officer.user, enquiry=enquiry, response="Fixed.", minor=True
        )
    enquiry.refresh_from_db()
    return enquiry


def test_the_councillor_follows_up_on_the_page(client_for, councillor, officer, responded):
    client = client_for(councillor)
    detail = reverse("enquiries:detail", args=[responded.pk])
    step = reverse("enquiries:follow_up", args=[responded.pk])
    with clock_at(at(2026, 11, 16, 9, 0)):
        page = client.get(detail).content.decode()
        assert "Follow up the response" in page
        assert "until the end of Friday 20 November 2026" in page
        assert "until the end of Friday 20 November 2026" in client.get(step).content.decode()
        assert "until the end of Friday 20 November 2026" in (
            client_for(officer).get(detail).content.decode()
        )
        assert "Enter your follow-up" in client.post(step, {"message": ""}).content.decode()
        response = client.post(step, {"message": "The bins at 11 were missed."})
        assert response.status_code == 302
        page = client.get(detail).content.decode()
    assert "Follow-up from the councillor: reopened, round 2" in page
    assert "The bins at 11 were missed." in page
    assert "Round 2: reopened by the councillor" in page
    assert "Monday 30 November 2026" in page


def test_after_the_window_the_follow_up_is_not_offered(client_for, councillor, responded):
    client = client_for(councillor)
    detail = reverse("enquiries:detail", args=[responded.pk])
    step = reverse("enquiries:follow_up", args=[responded.pk])
    with clock_at(at(2026, 11, 23, 9, 0)):
        page = client.get(detail).content.decode()
        assert "Follow up the response" not in page
        assert "The time to follow up ended on Friday 20 November 2026" in page
        form = client.get(step).content.decode()
        assert "ended on Friday 20 November 2026" in form and "Send follow-up" not in form
        response = client.post(step, {"message": "Late."})
    assert response.status_code == 200 and "ended on" in response.content.decode()
    responded.refresh_from_db()
    assert responded.status == Status.RESPONDED


def test_the_api_follows_up_and_marks_urgent(api, councillor, officer, responded):
    with clock_at(at(2026, 11, 16, 9, 0)):
        body = api(councillor).get(on(responded, "")[:-1]).json()
        assert body["follow_up_until"] == "2026-11-20" and body["follow_ups"] == 0
        bad = api(councillor).post(on(responded, "follow-up"), {}, format="json")
        assert bad.status_code == 400 and "message" in bad.json()
        refused = api(officer).post(on(responded, "follow-up"), {"message": "x"}, format="json")
        assert refused.status_code == 403
        done = api(councillor).post(
            on(responded, "follow-up"), {"message": "Still missed."}, format="json"
        )
        assert done.status_code == 200, done.content
        assert done.json()["status"] == Status.ACKNOWLEDGED and done.json()["follow_ups"] == 1
        assert done.json()["follow_up_until"] is None
        bad = api(councillor).post(on(responded, "urgent"), {"reason": ""}, format="json")
        assert bad.status_code == 400 and "reason" in bad.json()
        urgent = api(councillor).post(
            on(responded, "urgent"), {"reason": "A risk to a person."}, format="json"
        )
    assert urgent.status_code == 200, urgent.content
    assert urgent.json()["urgent"] is True
    assert urgent.json()["urgent_reason"] == "A risk to a person."
    # Urgent in its second round: two working days from the follow-up.
    assert urgent.json()["due_date"] == "2026-11-18"


def test_the_api_logs_an_urgent_enquiry(api, councillor, org):
    with clock_at(at(2026, 11, 6, 9, 0)):
        response = api(councillor).post(
            "/api/v1/enquiries/",
            {
                "subject": "No heating",
                "details": "Flat 3.",
                "kind": "casework",
                "service": org.service.pk,
                "urgent_reason": "An elderly tenant.",
            },
            format="json",
        )
    assert response.status_code == 201, response.content
    assert response.json()["urgent"] is True and response.json()["due_date"] == "2026-11-10"


def test_the_schema_has_the_steps(api, councillor):
    schema = api(councillor).get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/enquiries/{id}/follow-up/" in schema["paths"]
    assert "/api/v1/enquiries/{id}/urgent/" in schema["paths"]


def test_the_annual_report_counts_reopened_enquiries(org, councillor, responded):
    with clock_at(at(2026, 11, 2, 10, 0)):
        casework(org, actor=councillor, subject="Never followed up")
    with clock_at(at(2026, 11, 16, 9, 0)):
        enquiry_follow_up(actor=councillor, enquiry=responded, message="More.")
    assert ("reopened", "Reopened by a follow-up") in ENQUIRY_COLUMNS
    rows = cells(Enquiry.objects.all(), "reopened-test")
    assert sum(row["received"] for row in rows) == 2
    assert sum(row["reopened"] for row in rows) == 1
