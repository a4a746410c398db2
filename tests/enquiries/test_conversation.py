"""The conversation on an enquiry: messages both ways, internal notes, the chase and the
withdrawal, each on the timeline, audited, and emailed once to the other side only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enquiries.models import EnquiryEvent, Status
from enquiries.selectors import timeline_for
from enquiries.services import (
    enquiries_sweep,
    enquiry_add_note,
    enquiry_chase,
    enquiry_message,
    enquiry_withdraw,
)
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


HEADLINES = {
    "enquiry_message_from_councillor": "The councillor has sent a message",
    "enquiry_message_to_councillor": "A message on your enquiry",
    "enquiry_chased": "The councillor has chased",
    "enquiry_withdrawn": "The councillor has withdrawn",
}


def mailed(user, template):
    """The subjects of the emails of one kind queued for `user`."""
    rows = OutboxEmail.objects.filter(recipient=user, subject__startswith=HEADLINES[template])
    return list(rows.values_list("subject", flat=True))


@pytest.fixture
def enquiry(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):  # due by the end of Monday 16 November
        return casework(org, actor=councillor)


def test_the_councillors_message_goes_to_the_officer_once(org, enquiry, councillor):
    officer = org.officers.officer.user
    event = enquiry_message(actor=councillor, enquiry=enquiry, message="The road is blocked too.")
    assert event.kind == Ev.COUNCILLOR_MESSAGE and event.actor == councillor
    assert event.visible_to_councillor
    assert mailed(officer, "enquiry_message_from_councillor") == [
        f"The councillor has sent a message on an enquiry: {enquiry.reference}"
    ]
    assert not mailed(councillor, "enquiry_message_from_councillor")
    assert AuditEvent.objects.filter(action="enquiries.enquiry.councillor_message").count() == 1
    # The email says what happened and links to the case, without the casework text.
    row = OutboxEmail.objects.get(subject__startswith=HEADLINES["enquiry_message_from_councillor"])
    assert "The road is blocked" not in row.body_text


def test_an_officers_message_goes_to_the_councillor_once(org, enquiry, councillor, line_manager):
    enquiry_message(actor=line_manager, enquiry=enquiry, message="We are looking at it.")
    assert len(mailed(councillor, "enquiry_message_to_councillor")) == 1
    assert not mailed(org.officers.officer.user, "enquiry_message_to_councillor")


def test_only_the_councillor_and_those_who_may_work_on_it_write(
    enquiry, other_group_councillor, democratic_services, monitoring_officer
):
    for stranger in (other_group_councillor, democratic_services, monitoring_officer):
        with pytest.raises(PermissionDenied):
            enquiry_message(actor=stranger, enquiry=enquiry, message="Hello")
    assert not enquiry.events.filter(kind__in=EnquiryEvent.MESSAGE_KINDS).exists()


def test_an_empty_message_is_refused_with_its_field(enquiry, councillor):
    with pytest.raises(ValidationError) as refused:
        enquiry_message(actor=councillor, enquiry=enquiry, message="   ")
    assert refused.value.message_dict == {"message": ["Enter your message"]}


def test_internal_notes_are_never_shown_or_sent_to_the_councillor(
    org, enquiry, councillor, officer, director
):
    before = OutboxEmail.objects.count()
    enquiry_add_note(actor=officer, enquiry=enquiry, note="The councillor's neighbour is involved.")
    assert OutboxEmail.objects.count() == before  # a note is emailed to no one
    assert not timeline_for(councillor, enquiry).filter(kind=Ev.NOTE).exists()
    assert timeline_for(director, enquiry).filter(kind=Ev.NOTE).exists()
    with pytest.raises(PermissionDenied):
        enquiry_add_note(actor=councillor, enquiry=enquiry, note="Let me see")


def test_a_chase_goes_to_the_officer_and_when_overdue_to_whoever_has_it_escalated(
    org, enquiry, councillor
):
    officer = org.officers.officer.user
    manager = org.officers.line_manager.user
    with clock_at(at(2026, 11, 10, 9, 0)):  # not yet due
        enquiry_chase(actor=councillor, enquiry=enquiry, message="Any news?")
    assert len(mailed(officer, "enquiry_chased")) == 1
    with clock_at(at(2026, 11, 17, 9, 0)):  # overdue: the sweep escalates to the line manager
        enquiries_sweep()
        enquiry.refresh_from_db()
        assert enquiry.escalated_to == org.officers.line_manager
        enquiry_chase(actor=councillor, enquiry=enquiry, message="")
    assert len(mailed(officer, "enquiry_chased")) == 2
    assert len(mailed(manager, "enquiry_chased")) == 1
    assert enquiry.events.filter(kind=Ev.CHASED).count() == 2


def test_only_the_councillor_chases_and_withdraws(enquiry, officer, other_group_councillor):
    for someone in (officer, other_group_councillor):
        with pytest.raises(PermissionDenied):
            enquiry_chase(actor=someone, enquiry=enquiry)
        with pytest.raises(PermissionDenied):
            enquiry_withdraw(actor=someone, enquiry=enquiry, reason="No longer needed")


def test_withdrawing_closes_the_enquiry_with_its_reason(org, enquiry, councillor):
    enquiry_withdraw(actor=councillor, enquiry=enquiry, reason="Resolved with the resident.")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.WITHDRAWN
    assert enquiry.withdraw_reason == "Resolved with the resident."
    assert enquiry.closed_at is not None and enquiry.next_action_at is None
    assert len(mailed(org.officers.officer.user, "enquiry_withdrawn")) == 1
    with pytest.raises(ValidationError):
        enquiry_withdraw(actor=councillor, enquiry=enquiry, reason="Again")
    with pytest.raises(ValidationError):
        enquiry_message(actor=councillor, enquiry=enquiry, message="Hello?")
    with clock_at(at(2026, 12, 1, 9, 0)):
        assert enquiries_sweep() == 0  # a withdrawn enquiry is never swept


def test_withdrawing_needs_a_reason(enquiry, councillor):
    with pytest.raises(ValidationError) as refused:
        enquiry_withdraw(actor=councillor, enquiry=enquiry, reason="")
    assert "reason" in refused.value.message_dict
