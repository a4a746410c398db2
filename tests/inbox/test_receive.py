"""Email coming in: a councillor's email becomes one enquiry, a reply to one of our emails one
message on its case, automatic mail is never answered, and whatever cannot be matched or read
waits in triage with its reason, its sender told once."""

import io

import pytest
from django.core.management import call_command

from enquiries.models import Enquiry, EnquiryEvent
from enquiries.services import enquiry_ask_councillor
from inbox.models import InboundEmail
from inbox.services import inbound_receive, inbound_record, inbox_sweep
from protocol_site.models import AuditEvent, OutboxEmail
from protocol_site.reply_address import reply_token
from tests.clock import at
from tests.inbox.mails import PDF, malformed, message

pytestmark = pytest.mark.django_db
Status = InboundEmail.Status
PIPE, MAILBOX = InboundEmail.Source.PIPE, InboundEmail.Source.MAILBOX
ARRIVED = at(2026, 11, 2, 8, 45)


def receive(raw, source=PIPE, arrived=ARRIVED, **kwargs):
    return inbound_receive(raw, source=source, arrived_at=arrived, **kwargs)


def triage_replies():
    return OutboxEmail.objects.filter(subject__contains="has been received")


def test_a_councillors_email_becomes_an_enquiry_received_when_it_arrived(org, councillor):
    raw = message(attachments=[("photo.pdf", PDF, "application", "pdf")])
    row = receive(raw)
    assert row.status == Status.ENQUIRY, row.reason
    enquiry = row.enquiry
    assert enquiry.channel == Enquiry.Channel.EMAIL
    assert enquiry.received_at == ARRIVED  # not the Date header, not now
    assert enquiry.subject == "Potholes on Mill Lane"
    assert "getting worse" in enquiry.details
    assert enquiry.councillor.user == councillor and enquiry.logged_by == councillor
    # Routed and acknowledged as one logged in the browser.
    assert enquiry.assigned_to == org.officers.head_of_service
    assert OutboxEmail.objects.filter(recipient=councillor, subject__contains="logged").count() == 1
    assert [a.name for a in enquiry.attachments.all()] == ["photo.pdf"]
    assert bytes(row.raw) == raw


def test_the_same_message_by_both_paths_and_three_polls_makes_one_enquiry(org, councillor):
    raw = message()
    rows = [receive(raw, MAILBOX) for _ in range(3)] + [receive(raw, PIPE)]
    assert len({row.pk for row in rows}) == 1
    assert Enquiry.objects.count() == 1
    assert InboundEmail.objects.count() == 1


def test_a_message_recorded_but_never_read_is_read_once_later(org, councillor):
    raw = message()
    row, created = inbound_record(raw, source=MAILBOX, arrived_at=ARRIVED)
    assert created and row.status == Status.RECEIVED  # the process stopped here
    assert receive(raw, MAILBOX).status == Status.ENQUIRY  # the next poll finds it
    assert inbox_sweep() == 0 and Enquiry.objects.count() == 1


def test_the_sweep_reads_what_a_stopped_process_left(org, councillor, frozen_clock):
    row, _ = inbound_record(message(), source=PIPE, arrived_at=ARRIVED)
    frozen_clock.move_to(at(2026, 11, 2, 9, 10))
    assert inbox_sweep() == 1
    row.refresh_from_db()
    assert row.status == Status.ENQUIRY and Enquiry.objects.count() == 1


def test_without_a_date_of_arrival_the_date_header_is_used(org, councillor):
    row = inbound_receive(message(sent=at(2026, 11, 2, 7, 5)), source=PIPE)
    assert row.enquiry.received_at == at(2026, 11, 2, 7, 5)


def test_an_unknown_sender_waits_in_triage_and_is_told_once(org):
    first = receive(message(sender="resident@example.org"))
    second = receive(message(sender="resident@example.org", subject="Again"))
    assert first.status == second.status == Status.TRIAGE
    assert "not from a councillor" in first.reason
    reply = triage_replies().get()
    assert reply.to_address == "resident@example.org"
    assert reply.headers["Auto-Submitted"] == "auto-replied"
    assert reply.headers["In-Reply-To"].startswith("<test-")
    assert first.triage_reply_sent and not second.triage_reply_sent
    assert AuditEvent.objects.filter(action="inbox.inboundemail.triaged").count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"Precedence": "list"},
        {"Return-Path": "<>"},
        {"X-Autoreply": "yes"},
        {"X-Auto-Response-Suppress": "All"},
        {"List-Id": "<news.example.org>"},
    ],
)
def test_automatic_mail_is_recorded_and_never_answered(org, councillor, headers):
    row = receive(message(sender="resident@example.org", headers=headers))
    assert row.status == Status.AUTOMATIC and row.reason
    assert not triage_replies().exists()
    # Even from a councillor's address, an out-of-office makes no enquiry.
    row = receive(message(headers=headers, subject="Out today"))
    assert row.status == Status.AUTOMATIC and not Enquiry.objects.exists()


def test_a_bounce_from_the_mail_system_is_never_answered(org):
    row = receive(message(sender="MAILER-DAEMON@mx.example.org", subject="Failure notice"))
    assert row.status == Status.AUTOMATIC and not triage_replies().exists()


def test_auto_submitted_no_is_a_person(org, councillor):
    assert receive(message(headers={"Auto-Submitted": "no"})).status == Status.ENQUIRY


def test_malformed_mail_waits_in_triage_and_the_next_still_arrives(org, councillor):
    bad = receive(malformed())
    assert bad.status == Status.TRIAGE and "structure is broken" in bad.reason
    assert receive(message()).status == Status.ENQUIRY


def test_an_unknown_character_set_is_a_reason(org, councillor):
    raw = message().replace(b'charset="utf-8"', b'charset="x-no-such-charset"')
    raw = raw.replace(b"charset=utf-8", b"charset=x-no-such-charset")
    row = receive(raw)
    assert row.status == Status.TRIAGE and "x-no-such-charset" in row.reason


def test_a_huge_message_is_kept_unread(org, councillor):
    raw = message(body="x" * (1024 * 1024 + 10))
    row = receive(raw, size=len(raw))
    assert row.status == Status.TRIAGE and "larger than 1MB" in row.reason
    assert len(bytes(row.raw)) < len(raw) and not Enquiry.objects.exists()


def test_a_dangerous_attachment_waits_in_triage(org, councillor):
    exe = ("invoice.exe", b"MZ\x90\x00" * 10, "application", "octet-stream")
    row = receive(message(attachments=[exe]))
    assert row.status == Status.TRIAGE and "must be a PDF" in row.reason
    assert not Enquiry.objects.exists()


def test_html_only_mail_gives_its_words(org, councillor):
    raw = message(body="x", html="<p>Street lights <b>out</b></p><script>bad()</script>")
    from inbox.mail import read_mail

    assert read_mail(raw).text.strip() == "x"
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "councillor@example.gov.uk", "a@b.c", "Lights"
    msg["Message-ID"] = "<html-only@example.org>"
    msg.set_content("<p>Street lights <b>out</b></p><script>bad()</script>", subtype="html")
    row = receive(msg.as_bytes())
    assert row.enquiry.details == "Street lights out"


def reply_address_in(row: OutboxEmail) -> str:
    return row.headers["Reply-To"]


def test_a_reply_to_our_email_becomes_one_message_on_the_case(org, councillor):
    enquiry = receive(message()).enquiry
    acknowledgement = OutboxEmail.objects.get(recipient=councillor, subject__contains="logged")
    address = reply_address_in(acknowledgement)
    assert address.startswith("members.enquiries+e") and address.endswith("@example.gov.uk")
    reply = message(
        to=address,
        subject=f"Re: {acknowledgement.subject}",
        body="It is worse near number 12.\n\nThanks,\nChris\n\n"
        "On Mon, 2 Nov 2026 at 09:00, Council <x@example.gov.uk> wrote:\n> Your enquiry\n",
    )
    for _ in range(2):
        row = receive(reply)
    assert row.status == Status.MESSAGE and row.enquiry == enquiry
    messages = enquiry.events.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE)
    assert [m.detail for m in messages] == ["It is worse near number 12."]


def test_a_reply_while_the_officer_waits_is_the_answer(org, councillor):
    enquiry = receive(message()).enquiry
    enquiry_ask_councillor(
        actor=org.officers.head_of_service.user, enquiry=enquiry, question="Which house?"
    )
    question = OutboxEmail.objects.filter(recipient=councillor).order_by("-id").first()
    row = receive(message(to=reply_address_in(question), body="Number 12."))
    assert row.status == Status.MESSAGE, row.reason
    enquiry.refresh_from_db()
    assert enquiry.waiting_since is None


def test_a_reply_from_another_address_or_a_forged_token_waits_in_triage(org, councillor):
    enquiry = receive(message()).enquiry
    token = reply_token("e", enquiry.pk, councillor.pk)
    other = receive(
        message(sender="someone@example.org", to=f"members.enquiries+{token}@example.gov.uk")
    )
    assert other.status == Status.TRIAGE and "from another address" in other.reason
    forged = f"members.enquiries+{token[:-1]}a@example.gov.uk"
    row = receive(message(to=forged))
    assert row.status == Status.TRIAGE and "did not make" in row.reason
    assert not enquiry.events.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE).exists()


def test_with_a_trusted_mail_server_an_unverified_sender_waits(org, councillor, settings):
    settings.INBOUND_EMAIL_AUTHSERV_ID = "mx.example.gov.uk"
    row = receive(message(headers={"Authentication-Results": "mx.example.gov.uk; dmarc=fail"}))
    assert row.status == Status.TRIAGE and "could not confirm" in row.reason
    passed = {"Authentication-Results": "mx.example.gov.uk; spf=pass; dmarc=pass"}
    assert receive(message(headers=passed)).status == Status.ENQUIRY
    forged = {"Authentication-Results": "mx.elsewhere.org; dmarc=pass"}
    assert receive(message(headers=forged)).status == Status.TRIAGE


def test_without_a_service_for_emailed_enquiries_they_wait(org, councillor, settings):
    settings.INBOUND_EMAIL_SERVICE = ""
    row = receive(message())
    assert row.status == Status.TRIAGE and "no service is set" in row.reason
    assert row.sender == councillor


def test_receive_email_reads_one_message_from_standard_input(org, councillor):
    out = io.StringIO()
    raw = message()
    for _ in range(2):
        call_command("receive_email", stdin=io.BytesIO(raw), stdout=out)
    assert Enquiry.objects.count() == 1
    row = InboundEmail.objects.get()
    assert row.source == PIPE and row.received_at == at(2026, 11, 2, 9, 0)  # when piped
    assert "Became an enquiry" in out.getvalue()
