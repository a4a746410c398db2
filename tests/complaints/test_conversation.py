"""The conversation at each stage of a complaint: the complainant and the stage's handler write
to each other while the stage is open; each message is on the timeline for its stage, audited,
emailed once to the other side, and read only by the complainant and the internal side. The
person the complaint is about reads only what the handler shares with them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from complaints.models import ComplaintEvent
from complaints.selectors import (
    complaint_for,
    messages_for,
    shape,
    timeline_for,
)
from complaints.services import (
    complaint_escalate,
    complaint_message,
    complaint_notify_subject,
    complaint_stage_resolve,
    complaint_withdraw,
)
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import about_officer

pytestmark = pytest.mark.django_db

Ev = ComplaintEvent.Kind
SECRET = "The officer was spoken to about tone."

HEADLINES = {
    "to_handler": "The complainant has sent a message",
    "to_complainant": "A message on your complaint",
    "to_subject": "A message for you on a complaint about you",
}


def mailed(user, which: str) -> list[str]:
    rows = OutboxEmail.objects.filter(recipient=user, subject__startswith=HEADLINES[which])
    return list(rows.values_list("subject", flat=True))


def texts(events) -> list[str]:
    return [event.detail for event in events if event.kind in ComplaintEvent.MESSAGE_KINDS]


@pytest.fixture
def complaint(org):
    return about_officer(org)


@pytest.fixture
def subject(officer):
    return officer


def test_the_complainants_message_goes_to_the_handler_once(
    complaint, councillor, line_manager, subject, monitoring_officer
):
    event = complaint_message(actor=councillor, complaint=complaint, message="It happened again.")
    assert event.kind == Ev.COMPLAINANT_MESSAGE and event.actor == councillor
    assert event.stage_number == 1 and not event.shared_with_subject
    assert mailed(line_manager, "to_handler") == [
        f"The complainant has sent a message: {complaint.reference}"
    ]
    for nobody in (councillor, subject, monitoring_officer):
        assert not OutboxEmail.objects.filter(
            recipient=nobody, subject__contains="message"
        ).exists()
    audit = AuditEvent.objects.get(action="complaints.complaint.complainant_message")
    assert audit.actor == councillor and audit.after["stage_number"] == 1
    # The email says what happened and links to the complaint, never the message.
    row = OutboxEmail.objects.get(recipient=line_manager, subject__startswith="The complainant")
    assert "happened again" not in row.body_text and "happened again" not in row.body_html
    assert f"/complaints/{complaint.pk}/" in row.body_text


def test_the_handlers_message_goes_to_the_complainant_once(complaint, councillor, line_manager):
    event = complaint_message(actor=line_manager, complaint=complaint, message="Can we meet?")
    assert event.kind == Ev.HANDLER_MESSAGE
    assert len(mailed(councillor, "to_complainant")) == 1
    assert not mailed(line_manager, "to_complainant")
    assert AuditEvent.objects.filter(action="complaints.complaint.handler_message").count() == 1


def test_only_the_complainant_and_the_handler_write(
    complaint, subject, monitoring_officer, director, chief_executive, democratic_services
):
    for stranger in (subject, monitoring_officer, director, chief_executive, democratic_services):
        with pytest.raises(PermissionDenied):
            complaint_message(actor=stranger, complaint=complaint, message="Hello")
    assert not complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS).exists()
    assert not OutboxEmail.objects.filter(subject__contains="message").exists()


def test_an_empty_message_is_refused_with_its_field(complaint, councillor):
    with pytest.raises(ValidationError) as refused:
        complaint_message(actor=councillor, complaint=complaint, message="  \n ")
    assert refused.value.message_dict == {"message": ["Enter your message"]}


def test_a_message_only_while_the_stage_is_open(complaint, councillor, line_manager):
    complaint_stage_resolve(
        actor=line_manager, complaint=complaint, outcome="resolved_informally", note="Agreed."
    )
    for writer in (councillor, line_manager):
        with pytest.raises((ValidationError, PermissionDenied)):
            complaint_message(actor=writer, complaint=complaint, message="One more thing")
    assert not complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS).exists()


def test_a_withdrawn_complaint_takes_no_message(complaint, councillor):
    complaint_withdraw(actor=councillor, complaint=complaint, reason="Sorted out.")
    with pytest.raises(ValidationError):
        complaint_message(actor=councillor, complaint=complaint, message="Actually")


def test_each_stage_has_its_own_conversation_with_its_own_handler(
    org, complaint, councillor, line_manager
):
    complaint_message(actor=councillor, complaint=complaint, message="At stage one.")
    complaint = complaint_escalate(actor=councillor, complaint=complaint, reason="No progress.")
    handler = complaint.current_handler
    assert handler != line_manager
    # The earlier handler no longer writes; the new one does, and hears from the complainant.
    with pytest.raises(PermissionDenied):
        complaint_message(actor=line_manager, complaint=complaint, message="Still mine?")
    event = complaint_message(actor=councillor, complaint=complaint, message="At stage two.")
    assert event.stage_number == 2
    assert len(mailed(handler, "to_handler")) == 1
    complaint_message(actor=handler, complaint=complaint, message="Looking at it afresh.")
    stages = [
        e.stage_number for e in timeline_for(councillor, complaint) if e.detail.startswith("At")
    ]
    assert stages == [1, 2]
    # An earlier stage's handler keeps reading the whole conversation (the internal side).
    assert texts(timeline_for(line_manager, complaint)) == [
        "At stage one.",
        "At stage two.",
        "Looking at it afresh.",
    ]


def test_who_reads_the_messages(
    complaint,
    councillor,
    line_manager,
    subject,
    monitoring_officer,
    head_of_service,
    director,
):
    complaint_message(actor=councillor, complaint=complaint, message="From the complainant.")
    complaint_message(actor=line_manager, complaint=complaint, message="From the handler.")
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    both = ["From the complainant.", "From the handler."]
    for reader in (councillor, line_manager, monitoring_officer):
        assert texts(timeline_for(reader, complaint)) == both
        assert texts(messages_for(reader, complaint)) == both
        loaded = complaint_for(reader, complaint.pk, with_history=True)
        assert texts(shape(reader, loaded).timeline) == both
    # The subject, told of it, and the managers above the handler read the complaint's public
    # side, and none of its messages.
    for reader in (subject, head_of_service, director):
        assert texts(timeline_for(reader, complaint)) == []
        assert messages_for(reader, complaint) == []
        loaded = complaint_for(reader, complaint.pk, with_history=True)
        seen = shape(reader, loaded).timeline
        assert texts(seen) == [] and Ev.RAISED in [e.kind for e in seen]


def test_the_handler_shares_a_message_with_the_subject_once_told(
    complaint, councillor, line_manager, subject, director
):
    with pytest.raises(ValidationError) as refused:
        complaint_message(
            actor=line_manager, complaint=complaint, message="Early", share_with_subject=True
        )
    assert list(refused.value.message_dict) == ["share_with_subject"]
    assert "Tell" in refused.value.message_dict["share_with_subject"][0]
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    complaint_message(actor=line_manager, complaint=complaint, message="Kept from the subject.")
    shared = complaint_message(
        actor=line_manager,
        complaint=complaint,
        message="We will meet on Friday.",
        share_with_subject=True,
    )
    assert shared.shared_with_subject
    audit = AuditEvent.objects.filter(action="complaints.complaint.handler_message").last()
    assert audit.after["shared_with_subject"] is True
    assert texts(timeline_for(subject, complaint)) == ["We will meet on Friday."]
    assert texts(messages_for(subject, complaint)) == ["We will meet on Friday."]
    assert texts(timeline_for(director, complaint)) == []
    # The subject is emailed once, for the shared message only; the complainant for both.
    assert len(mailed(subject, "to_subject")) == 1
    assert len(mailed(councillor, "to_complainant")) == 2
    assert not OutboxEmail.objects.filter(recipient=subject, body_text__contains="Friday").exists()


def test_only_the_handler_shares_with_the_subject(complaint, councillor, line_manager):
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    with pytest.raises(PermissionDenied):
        complaint_message(
            actor=councillor, complaint=complaint, message="Tell them", share_with_subject=True
        )
    assert not complaint.events.filter(kind=Ev.COMPLAINANT_MESSAGE).exists()


def test_the_management_note_stays_with_management(complaint, councillor, line_manager, subject):
    complaint_message(actor=councillor, complaint=complaint, message="Any outcome?")
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome="upheld",
        note="Upheld: an apology will follow.",
        management_note=SECRET,
    )
    for reader in (councillor, subject):
        loaded = complaint_for(reader, complaint.pk, with_history=True)
        shaped = shape(reader, loaded)
        assert [s.management_note for s in shaped.stages] == [""]
        assert not any(SECRET in e.detail for e in shaped.timeline)
