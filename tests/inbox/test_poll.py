"""The council mailbox read over IMAP, against a real dovecot on the loopback: each message
recorded before it is moved, taken once however often the poll runs, and one that cannot be
read never holds up the rest."""

import pytest

from enquiries.models import Enquiry
from inbox.models import InboundEmail
from inbox.services import inbox_sweep, mailbox_poll
from inbox.services import poll as polling
from tests.clock import at
from tests.inbox.mails import malformed, message

pytestmark = pytest.mark.django_db
Status = InboundEmail.Status
ARRIVED = at(2026, 11, 2, 8, 41)


def test_a_message_in_the_mailbox_becomes_one_enquiry_received_when_it_arrived(
    org, councillor, dovecot
):
    dovecot.deliver(message(), arrived=ARRIVED)
    assert mailbox_poll() == 1
    row = InboundEmail.objects.get()
    assert row.source == InboundEmail.Source.MAILBOX and row.status == Status.ENQUIRY
    assert row.enquiry.received_at == ARRIVED
    assert dovecot.count("INBOX") == 0 and dovecot.count("Processed") == 1
    assert mailbox_poll() == 0 and Enquiry.objects.count() == 1


def test_without_a_done_folder_messages_are_marked_read_and_skipped(
    org, councillor, dovecot, settings
):
    settings.INBOUND_EMAIL_IMAP_DONE_FOLDER = ""
    dovecot.deliver(message(), arrived=ARRIVED)
    assert mailbox_poll() == 1
    assert mailbox_poll() == 0
    assert dovecot.count("INBOX") == 1 and Enquiry.objects.count() == 1


def test_a_crash_before_the_move_leaves_it_for_the_next_poll_which_takes_it_once(
    org, councillor, dovecot, monkeypatch
):
    dovecot.deliver(message(), arrived=ARRIVED)

    def crash(imap, uid, move_to):
        raise OSError("the worker died here")

    real = polling._done
    monkeypatch.setattr(polling, "_done", crash)
    with pytest.raises(OSError):
        mailbox_poll()
    assert InboundEmail.objects.count() == 1 and dovecot.count("INBOX") == 1
    monkeypatch.setattr(polling, "_done", real)
    assert mailbox_poll() == 1
    assert Enquiry.objects.count() == 1 and dovecot.count("INBOX") == 0


def test_a_message_that_cannot_be_recorded_stays_and_the_rest_go_on(
    org, councillor, dovecot, monkeypatch, caplog
):
    first, second = message(subject="First"), message(subject="Second")
    dovecot.deliver(first, arrived=ARRIVED)
    dovecot.deliver(second, arrived=ARRIVED)
    real = polling.inbound_receive

    def refuse_the_first(raw, **kwargs):
        if b"Subject: First" in raw:
            raise RuntimeError("the database refused it")
        return real(raw, **kwargs)

    monkeypatch.setattr(polling, "inbound_receive", refuse_the_first)
    assert mailbox_poll() == 1
    assert "could not be recorded" in caplog.text
    assert dovecot.count("INBOX") == 1  # kept for the next poll
    monkeypatch.setattr(polling, "inbound_receive", real)
    assert mailbox_poll() == 1
    assert sorted(Enquiry.objects.values_list("subject", flat=True)) == ["First", "Second"]


def test_malformed_mail_in_the_mailbox_does_not_stop_the_next(org, councillor, dovecot):
    dovecot.deliver(malformed(), arrived=ARRIVED)
    dovecot.deliver(message(), arrived=ARRIVED)
    assert mailbox_poll() == 2
    statuses = dict(InboundEmail.objects.values_list("subject", "status"))
    assert statuses == {"Broken": Status.TRIAGE, "Potholes on Mill Lane": Status.ENQUIRY}


def test_a_huge_message_is_not_downloaded_whole(org, councillor, dovecot):
    raw = message(body="y" * (1024 * 1024 + 100))
    dovecot.deliver(raw, arrived=ARRIVED)
    assert mailbox_poll() == 1
    row = InboundEmail.objects.get()
    assert row.status == Status.TRIAGE and row.size >= len(raw) - 100
    assert len(bytes(row.raw)) <= 256 * 1024


def test_the_poll_takes_a_batch_at_a_time(org, councillor, dovecot, settings):
    settings.INBOUND_EMAIL_POLL_BATCH = 2
    for n in range(3):
        dovecot.deliver(message(subject=f"Enquiry {n}"), arrived=ARRIVED)
    assert mailbox_poll() == 2
    assert mailbox_poll() == 1


def test_no_host_no_poll_and_a_wrong_password_is_logged_not_raised(org, dovecot, settings, caplog):
    settings.INBOUND_EMAIL_IMAP_HOST = ""
    assert mailbox_poll() == 0
    settings.INBOUND_EMAIL_IMAP_HOST = "127.0.0.1"
    settings.INBOUND_EMAIL_IMAP_PASSWORD = "wrong"
    assert inbox_sweep() == 0
    assert "Reading the council mailbox failed" in caplog.text
