"""No longer urgent: the councillor who marked it says so (why, if they wish); the due date goes
back to the ordinary clock from receipt, moved on by any pause, explained on the page and
audited; the officer is emailed once. Urgent enquiries come first in the API's list, as in the
officers' queues, and the reports measure an urgent enquiry's first reply against its own
shorter clock."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import EnquiryEvent
from enquiries.selectors import directorate_performance
from enquiries.services import (
    enquiry_answer,
    enquiry_ask_councillor,
    enquiry_mark_urgent,
    enquiry_respond,
    enquiry_unmark_urgent,
)
from protocol_site.models import AuditEvent, OutboxEmail
from reports.selectors import Period, enquiries_headline, enquiries_total
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
NOT_URGENT = "An enquiry is no longer urgent"
URGENT = "An enquiry has been marked urgent"


def mails(user, subject: str) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=subject).count()


@pytest.fixture
def urgent(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):  # Monday: urgent, due Wednesday 4 November
        return casework(org, actor=councillor, urgent_reason="A tenant has no heating.")


def test_no_longer_urgent_goes_back_to_the_ordinary_clock_from_receipt(org, councillor, urgent):
    officer = org.officers.officer.user
    assert urgent.due_date == urgent.target_date == date(2026, 11, 4)
    with clock_at(at(2026, 11, 3, 10, 0)):
        enquiry_unmark_urgent(actor=councillor, enquiry=urgent, reason="Heating fixed.")
        with pytest.raises(ValidationError, match="not marked urgent"):
            enquiry_unmark_urgent(actor=councillor, enquiry=urgent)
    urgent.refresh_from_db()
    assert not urgent.urgent and urgent.urgent_reason == ""
    # Ten working days from Monday 2 November, as if it had never been urgent.
    assert urgent.due_date == urgent.target_date == date(2026, 11, 16)
    assert urgent.due_explanation.endswith("as it is no longer urgent")
    event = urgent.events.get(kind=Ev.NOT_URGENT)
    assert event.detail == "Heating fixed." and event.new_date == date(2026, 11, 16)
    assert mails(officer, NOT_URGENT) == 1
    told = OutboxEmail.objects.get(subject__startswith=NOT_URGENT)
    assert "Monday 16 November 2026" in told.body_text
    assert AuditEvent.objects.filter(action="enquiries.enquiry.not_urgent").count() == 1
    # Marked urgent again, the officer is told again, once.
    with clock_at(at(2026, 11, 3, 11, 0)):
        enquiry_mark_urgent(actor=councillor, enquiry=urgent, reason="It broke again.")
    urgent.refresh_from_db()
    assert urgent.urgent and urgent.target_date == date(2026, 11, 4)
    assert mails(officer, URGENT) == 1


def test_a_pause_still_counts_on_the_ordinary_clock(org, councillor, urgent):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 2, 10, 0)):
        enquiry_ask_councillor(actor=officer, enquiry=urgent, question="Which flat?")
    with clock_at(at(2026, 11, 4, 10, 0)):  # waited Tuesday and Wednesday
        enquiry_answer(actor=councillor, enquiry=urgent, answer="Flat 3.")
        enquiry_unmark_urgent(actor=councillor, enquiry=urgent)
    urgent.refresh_from_db()
    assert urgent.due_date == date(2026, 11, 18)  # 16 November, moved on 2 working days
    event = urgent.events.get(kind=Ev.NOT_URGENT)
    assert event.detail == "The councillor says the enquiry is no longer urgent."


def test_only_the_councillor_and_only_while_open(org, councillor, urgent):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 3, 9, 0)):
        with pytest.raises(PermissionDenied):
            enquiry_unmark_urgent(actor=officer, enquiry=urgent)
        with pytest.raises(PermissionDenied):
            enquiry_unmark_urgent(actor=org.councillors.group_leader.user, enquiry=urgent)
        enquiry_respond(actor=officer, enquiry=urgent, response="Fixed.", minor=True)
        with pytest.raises(ValidationError, match="closed"):
            enquiry_unmark_urgent(actor=councillor, enquiry=urgent)
    assert mails(officer, NOT_URGENT) == 0


def test_on_the_page(client_for, org, councillor, urgent):
    client = client_for(councillor)
    detail = reverse("enquiries:detail", args=[urgent.pk])
    step = reverse("enquiries:not_urgent", args=[urgent.pk])
    with clock_at(at(2026, 11, 3, 9, 0)):
        assert "Say it is no longer urgent" in client.get(detail).content.decode()
        assert client_for(org.officers.officer.user).get(step).status_code == 403
        assert client.post(step, {"reason": ""}).status_code == 302
        page = client.get(detail).content.decode()
        assert "No longer urgent" in page and "as it is no longer urgent" in page
        assert "Monday 16 November 2026" in page
        assert "Say it is no longer urgent" not in page and "Mark as urgent" in page
        assert "not marked urgent" in client.get(step).content.decode()
    assert mails(org.officers.officer.user, NOT_URGENT) == 1


def test_in_the_api(api, org, councillor, urgent):
    url = f"/api/v1/enquiries/{urgent.pk}/urgent/"
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 3, 9, 0)):
        assert api(officer).delete(url, {}, format="json").status_code == 403
        gone = api(councillor).delete(url, {"reason": "Fixed."}, format="json")
        assert gone.status_code == 200, gone.content
        assert gone.json()["urgent"] is False
        assert gone.json()["due_date"] == "2026-11-16"
        again = api(councillor).delete(url, {}, format="json")
        assert again.status_code == 400
    assert mails(officer, NOT_URGENT) == 1
    other = casework(org, councillor=org.councillors.group_leader)
    assert api(councillor).delete(f"/api/v1/enquiries/{other.pk}/urgent/").status_code == 404


def test_the_api_lists_open_urgent_enquiries_first(api, org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        old_urgent = casework(org, actor=councillor, subject="Old urgent", urgent_reason="Risk.")
    with clock_at(at(2026, 11, 3, 9, 0)):
        plain = casework(org, actor=councillor, subject="Plain")
    with clock_at(at(2026, 11, 4, 9, 0)):
        closed = casework(org, actor=councillor, subject="Closed", urgent_reason="Risk.")
        enquiry_respond(
            actor=org.officers.officer.user, enquiry=closed, response="Done.", minor=True
        )
    with clock_at(at(2026, 11, 5, 9, 0)):
        newest = casework(org, actor=councillor, subject="Newest")
        for who in (councillor, org.officers.officer.user):
            listed = api(who).get("/api/v1/enquiries/").json()["results"]
            assert [e["id"] for e in listed] == [old_urgent.pk, newest.pk, closed.pk, plain.pk]


def test_reports_measure_an_urgent_enquiry_against_its_own_clock(org, councillor):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 2, 9, 0)):  # Monday
        quick = casework(org, actor=councillor, urgent_reason="Risk.")
        slow = casework(org, actor=councillor, urgent_reason="Risk.")
        ordinary = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 4, 9, 0)):  # working day 2: on the urgent clock
        enquiry_respond(actor=officer, enquiry=quick, response="Done.", minor=True)
    with clock_at(at(2026, 11, 5, 9, 0)):  # working day 3: late if urgent, not otherwise
        enquiry_respond(actor=officer, enquiry=slow, response="Done.", minor=True)
        enquiry_respond(actor=officer, enquiry=ordinary, response="Done.", minor=True)
    year = Period(date(2026, 5, 1), date(2027, 5, 1))
    with clock_at(at(2026, 12, 1, 9, 0)):
        total = enquiries_total(year)
        headline = enquiries_headline(year)
        [row] = [r for r in directorate_performance(officer, 2026) if r["received"]]
    assert (total["on_time"], total["late"]) == (2, 1)
    assert (headline["on_time"], headline["late"]) == (2, 1)
    assert (row["on_time"], row["late"]) == (2, 1)
