"""Bulk actions: several enquiries acknowledged or reassigned at once, each through the same
service as one at a time (each audited, each emailed once), refusals listed with the reason,
and no more than BULK_MAX at a time."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryEvent, Status
from enquiries.services import (
    BULK_MAX,
    enquiries_acknowledge,
    enquiries_reassign,
    enquiry_acknowledge,
)
from protocol_site.models import AuditEvent, OutboxEmail

from .factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


@pytest.fixture
def three(org):
    return [casework(org, subject=f"Bins {n}") for n in range(3)]


def test_each_is_reassigned_as_if_on_its_own_page(org, three):
    o = org.officers
    OutboxEmail.objects.all().delete()
    result = enquiries_reassign(
        actor=o.officer.user, enquiries=three, to=o.line_manager, note="Maya covers Elm Road"
    )
    assert result.done == three and result.refused == []
    for enquiry in three:
        fresh = Enquiry.objects.get(pk=enquiry.pk)
        assert fresh.assigned_to == o.line_manager
        assert fresh.events.filter(kind=Ev.REASSIGNED).count() == 1
    assert AuditEvent.objects.filter(action="enquiries.enquiry.reassigned").count() == 3
    to_councillor = OutboxEmail.objects.filter(recipient=org.councillors.councillor.user)
    assert to_councillor.count() == 3  # one for each enquiry
    assert OutboxEmail.objects.filter(recipient=o.line_manager.user).count() == 3


def test_refusals_are_listed_with_the_reason_and_the_rest_go_ahead(org, three):
    o = org.officers
    enquiry_acknowledge(actor=o.officer.user, enquiry=three[1])
    result = enquiries_acknowledge(actor=o.officer.user, enquiries=three)
    assert result.done == [three[0], three[2]]
    [(refused, why)] = result.refused
    assert refused == three[1] and "already been acknowledged" in why
    assert {e.status for e in Enquiry.objects.all()} == {Status.ACKNOWLEDGED}
    elsewhere = casework(org, approached_officer=o.democratic_services, subject="Legal")
    result = enquiries_acknowledge(actor=o.line_manager.user, enquiries=[elsewhere])
    assert result.refused == [(elsewhere, "You cannot work on this enquiry.")]


def test_the_selection_is_capped_and_the_note_required(org, three):
    o = org.officers
    with pytest.raises(ValidationError) as refused:
        enquiries_acknowledge(actor=o.officer.user, enquiries=three * (BULK_MAX // 3 + 1))
    assert f"Select {BULK_MAX} enquiries or fewer" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        enquiries_acknowledge(actor=o.officer.user, enquiries=[])
    with pytest.raises(ValidationError) as refused:
        enquiries_reassign(actor=o.officer.user, enquiries=three, to=o.line_manager, note=" ")
    assert "note" in refused.value.message_dict


def test_the_page_shows_the_choice_then_what_was_done_and_not(org, three, client_for, officer):
    client = client_for(officer)
    enquiry_acknowledge(actor=officer, enquiry=three[2])
    chosen = {"action": "acknowledge", "enquiries": [e.pk for e in three]}
    page = client.get(reverse("enquiries:bulk"), chosen).content.decode()
    assert all(e.reference in page for e in three) and "Acknowledge them" in page
    response = client.post(reverse("enquiries:bulk"), chosen)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Acknowledged 2 enquiries" in text
    assert "Not acknowledged: 1" in text and "already been acknowledged" in text
    # Reassigning needs an officer and a reason, on their fields; nothing is half-done.
    again = client.post(reverse("enquiries:bulk"), {**chosen, "action": "reassign"})
    assert "Select the officer to pass them to" in again.content.decode()
    assert not Enquiry.objects.filter(assigned_to=org.officers.line_manager).exists()


def test_the_page_reassigns_and_someone_elses_enquiry_is_not_found(org, three, client_for, officer):
    theirs = casework(org, approached_officer=org.officers.democratic_services, subject="Legal")
    response = client_for(officer).post(
        reverse("enquiries:bulk"),
        {
            "action": "reassign",
            "enquiries": [*(e.pk for e in three), theirs.pk],
            "to": str(org.officers.line_manager.pk),
            "note": "Maya covers Elm Road",
        },
    )
    text = response.content.decode()
    assert (
        "Reassigned 3 enquiries" in text and "1 of the enquiries chosen could not be found" in text
    )
    assert theirs.reference not in text
    assert Enquiry.objects.filter(assigned_to=org.officers.line_manager).count() == 3
    assert Enquiry.objects.get(pk=theirs.pk).assigned_to == org.officers.democratic_services


def test_too_many_or_none_chosen_is_said_on_the_page(client_for, officer, three):
    client = client_for(officer)
    page = client.get(reverse("enquiries:bulk"), {"action": "acknowledge"}).content.decode()
    assert "Select at least one enquiry" in page
    many = {"action": "acknowledge", "enquiries": list(range(1, BULK_MAX + 2))}
    response = client.post(reverse("enquiries:bulk"), many)
    assert f"Select {BULK_MAX} enquiries or fewer ({BULK_MAX + 1} selected)" in (
        response.content.decode()
    )
    assert not Enquiry.objects.filter(status=Status.ACKNOWLEDGED).exists()
