"""Urgent enquiries: marked by the councillor with a reason, when logging or later while open;
due ENQUIRY_URGENT_WORKING_DAYS working days after receipt; first in the officers' lists;
the officer told once."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import EnquiryEvent
from enquiries.services import enquiries_sweep, enquiry_mark_urgent, enquiry_respond
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
URGENT = "An enquiry has been marked urgent"


def urgent_mails(user) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=URGENT).count()


def test_logged_urgent_it_is_due_in_two_working_days(org, councillor):
    with clock_at(at(2026, 11, 6, 9, 0)):  # Friday: due Tuesday 10 November
        enquiry = casework(org, actor=councillor, urgent_reason="The tenant has no heating.")
    assert enquiry.urgent and enquiry.urgent_reason == "The tenant has no heating."
    assert enquiry.due_date == enquiry.target_date == date(2026, 11, 10)
    assert enquiry.due_explanation.endswith("as it is urgent")
    assert enquiry.events.filter(kind=Ev.URGENT).count() == 1
    officer = org.officers.officer.user
    assigned = OutboxEmail.objects.get(recipient=officer, subject__contains="assigned to you")
    assert "marked it urgent" in assigned.body_text
    assert "no heating" not in assigned.body_text  # the reason stays on the case
    assert urgent_mails(officer) == 0  # told once, in the email that gives it to them


def test_marked_later_the_due_date_is_worked_out_again_from_receipt(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):  # Monday: due Monday 16 November
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 3, 14, 0)):
        enquiry_mark_urgent(actor=councillor, enquiry=enquiry, reason="Risk to a child.")
        with pytest.raises(ValidationError, match="already marked urgent"):
            enquiry_mark_urgent(actor=councillor, enquiry=enquiry, reason="Again.")
    enquiry.refresh_from_db()
    assert enquiry.urgent
    assert enquiry.due_date == enquiry.target_date == date(2026, 11, 4)
    assert enquiry.target_cycle == 1  # reminders and escalation of its own
    event = enquiry.events.get(kind=Ev.URGENT)
    assert event.detail == "Risk to a child." and event.new_date == date(2026, 11, 4)
    assert urgent_mails(org.officers.officer.user) == 1
    assert AuditEvent.objects.filter(action="enquiries.enquiry.urgent").count() == 1
    # Overdue on the urgent date: escalated once.
    assert enquiries_sweep(now=at(2026, 11, 5, 9, 0)) == 1
    assert enquiries_sweep(now=at(2026, 11, 5, 9, 0)) == 0
    assert enquiry.events.filter(kind=Ev.ESCALATED, cycle=1).count() == 1


def test_only_the_councillor_marks_an_open_enquiry_urgent_with_a_reason(org, councillor):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
        with pytest.raises(PermissionDenied):
            enquiry_mark_urgent(actor=officer, enquiry=enquiry, reason="Because.")
        with pytest.raises(ValidationError) as error:
            enquiry_mark_urgent(actor=councillor, enquiry=enquiry, reason=" ")
        assert error.value.message_dict == {"reason": ["Say why the enquiry is urgent"]}
        enquiry_respond(actor=officer, enquiry=enquiry, response="Done.", minor=True)
        with pytest.raises(ValidationError, match="closed"):
            enquiry_mark_urgent(actor=councillor, enquiry=enquiry, reason="Too late.")


def test_open_urgent_enquiries_come_first_in_the_officers_list(client_for, org, councillor):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 2, 9, 0)):
        plain = casework(org, actor=councillor, subject="Plain one")
    with clock_at(at(2026, 11, 3, 9, 0)):
        closed = casework(org, actor=councillor, subject="Closed urgent", urgent_reason="Risk.")
        enquiry_respond(actor=officer, enquiry=closed, response="Done.", minor=True)
    with clock_at(at(2026, 11, 4, 9, 0)):
        urgent = casework(org, actor=councillor, subject="Urgent one", urgent_reason="Risk.")
    with clock_at(at(2026, 11, 5, 9, 0)):
        page = (
            client_for(officer)
            .get(reverse("enquiries:list"), {"scope": "queue", "status": "any", "sort": "oldest"})
            .content.decode()
        )
    positions = [page.index(e.reference) for e in (urgent, plain, closed)]
    assert positions == sorted(positions)  # urgent first, then oldest first
    assert page.count('govuk-tag--red">Urgent<') == 1  # the tag, on the open one only
    # The councillor's own list keeps its order: newest first.
    mine = client_for(councillor).get(reverse("enquiries:list")).content.decode()
    assert mine.index(urgent.reference) < mine.index(closed.reference) < mine.index(plain.reference)


def test_the_councillor_marks_it_urgent_on_its_page(client_for, org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    client = client_for(councillor)
    detail = reverse("enquiries:detail", args=[enquiry.pk])
    step = reverse("enquiries:urgent", args=[enquiry.pk])
    with clock_at(at(2026, 11, 3, 9, 0)):
        assert "Mark as urgent" in client.get(detail).content.decode()
        response = client.post(step, {"reason": ""})
        assert "Say why the enquiry is urgent" in response.content.decode()
        response = client.post(step, {"reason": "A person at risk."})
        assert response.status_code == 302
        page = client.get(detail).content.decode()
        assert "Marked urgent by the councillor" in page and "A person at risk." in page
        assert "Mark as urgent" not in page
        assert "already marked urgent" in client.get(step).content.decode()
        assert client_for(org.officers.officer.user).get(step).status_code == 403


def test_the_intake_form_takes_a_reason_for_urgency(client_for, org, councillor):
    with clock_at(at(2026, 11, 6, 9, 0)):
        response = client_for(councillor).post(
            reverse("enquiries:new"),
            {
                "subject": "No heating",
                "details": "Flat 3 has had no heating for a week.",
                "kind": "casework",
                "service": org.service.pk,
                "ward": councillor.councillor.ward_id or "",
                "approached_officer": "",
                "urgent_reason": "An elderly tenant.",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    enquiry = councillor.councillor.enquiries.get()
    assert enquiry.urgent and enquiry.due_date == date(2026, 11, 10)
