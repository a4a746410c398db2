"""Drill: email coming in, through a real IMAP server (dovecot on the loopback).

A message delivered to the mailbox becomes one enquiry; the poll run three times and the same
message piped in too still make one; a reply to the acknowledgement becomes one message on the
case; an auto-reply is ignored; a malformed message lands in triage and the next good one still
arrives. Then two polls at once on the same mailbox take each message once (PostgreSQL)."""

from __future__ import annotations

import io
import threading
from email import message_from_bytes, policy

import pytest
from django.core import mail as sent_mail
from django.core.management import call_command
from django.db import connection

from enquiries.models import Enquiry, EnquiryEvent
from inbox.models import InboundEmail
from inbox.services import mailbox_poll
from protocol_site.outbox import outbox_send_pending
from tests.clock import at, clock_at
from tests.dovecot import PrivateDovecot
from tests.inbox.mails import malformed, message

from .processes import ON_SHARED_DATABASE

pytestmark = [pytest.mark.drill, pytest.mark.django_db(transaction=True)]
Status = InboundEmail.Status
ARRIVED = at(2026, 11, 2, 8, 41)


@pytest.fixture
def mailbox(settings):
    settings.INBOUND_EMAIL_ADDRESS = "members.enquiries@example.gov.uk"
    settings.INBOUND_EMAIL_SERVICE = "Waste and Recycling"
    settings.INBOUND_EMAIL_KIND = "casework"
    server = PrivateDovecot().start()
    server.settings(settings)
    yield server
    server.stop()


def _acknowledgement_to(user):
    """The acknowledgement as the councillor's mail program receives it."""
    outbox_send_pending()
    for email in sent_mail.outbox:
        if email.to == [user.email] and "logged" in email.subject:
            return message_from_bytes(email.message().as_bytes(), policy=policy.default)
    raise AssertionError("no acknowledgement was sent")


def test_mail_coming_in(org, councillor, mailbox):
    with clock_at(at(2026, 11, 2, 9, 0)):
        # One message in the mailbox: one enquiry, received when it arrived.
        first = message(message_id="<drill-1@mail.example.org>")
        mailbox.deliver(first, arrived=ARRIVED)
        assert mailbox_poll() == 1
        enquiry = Enquiry.objects.get()
        assert enquiry.received_at == ARRIVED and enquiry.channel == Enquiry.Channel.EMAIL

        # The same message again in the mailbox, three polls, and piped in too: still one.
        mailbox.deliver(first, arrived=ARRIVED)
        for _ in range(3):
            mailbox_poll()
        call_command("receive_email", stdin=io.BytesIO(first), stdout=io.StringIO())
        assert Enquiry.objects.count() == 1 and InboundEmail.objects.count() == 1
        assert mailbox.count("INBOX") == 0 and mailbox.count("Processed") == 2

        # A reply to the acknowledgement: one message on the case, quoted history trimmed.
        acknowledgement = _acknowledgement_to(councillor)
        reply_to = acknowledgement["Reply-To"]
        assert reply_to.startswith("members.enquiries+e")
        reply = message(
            to=reply_to,
            subject=f"RE: {acknowledgement['Subject']}",
            body="The holes are deeper after the rain.\n\n"
            f"From: {acknowledgement['From']}\nSent: 02 November 2026 09:00\n"
            f"Subject: {acknowledgement['Subject']}\n\nDear Chris Baker, ...",
            message_id="<drill-reply@mail.example.org>",
            headers={"In-Reply-To": acknowledgement["Message-ID"]},
        )
        mailbox.deliver(reply, arrived=ARRIVED)
        mailbox.deliver(reply, arrived=ARRIVED)
        assert mailbox_poll() == 2
        messages = enquiry.events.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE)
        assert [m.detail for m in messages] == ["The holes are deeper after the rain."]

        # An out-of-office sent to the same reply address: recorded, ignored, not answered.
        outbox_send_pending()  # the officer's notice of the message
        outbox_before = len(sent_mail.outbox)
        away = message(
            to=reply_to,
            subject="Automatic reply: away until Monday",
            body="I am out of the office.",
            headers={"Auto-Submitted": "auto-replied"},
        )
        mailbox.deliver(away, arrived=ARRIVED)
        assert mailbox_poll() == 1
        assert InboundEmail.objects.get(subject__startswith="Automatic").status == Status.AUTOMATIC
        assert enquiry.events.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE).count() == 1
        outbox_send_pending()
        assert len(sent_mail.outbox) == outbox_before

        # A malformed message lands in triage and the good one behind it still arrives.
        mailbox.deliver(malformed(), arrived=ARRIVED)
        mailbox.deliver(message(subject="Street light out on Elm Road"), arrived=ARRIVED)
        assert mailbox_poll() == 2
        broken = InboundEmail.objects.get(subject="Broken")
        assert broken.status == Status.TRIAGE and "structure is broken" in broken.reason
        assert Enquiry.objects.filter(subject="Street light out on Elm Road").count() == 1
        assert mailbox.count("INBOX") == 0


@ON_SHARED_DATABASE
def test_two_polls_at_once_take_each_message_once(org, councillor, mailbox):
    with clock_at(at(2026, 11, 2, 9, 0), tick=True):
        for n in range(12):
            mailbox.deliver(message(subject=f"Enquiry {n}"), arrived=ARRIVED)
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def poll():
            try:
                start.wait(timeout=10)
                mailbox_poll()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=poll) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        mailbox_poll()  # anything the two left between them
    assert not errors, errors
    assert Enquiry.objects.count() == 12 and InboundEmail.objects.count() == 12
    assert mailbox.count("INBOX") == 0
