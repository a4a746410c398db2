from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from protocol_site.models import OutboxEmail
from protocol_site.outbox import (
    MAX_ATTEMPTS,
    email_enqueue,
    email_user,
    outbox_purge_sent,
    outbox_send,
    outbox_send_pending,
)
from protocol_site.tasks import send_pending_email

pytestmark = pytest.mark.django_db


def _queue(**kwargs):
    defaults = {
        "to_address": "cllr@example.gov.uk",
        "template": "kernel_test",
        "context": {"message": "your enquiry has a reply"},
    }
    return email_enqueue(**{**defaults, **kwargs})


def test_enqueue_renders_the_template_triplet():
    row = _queue()
    assert row.subject == "Test notice for you"
    assert "your enquiry has a reply" in row.body_text
    assert row.body_html.startswith("<p>")
    assert row.status == OutboxEmail.Status.PENDING
    assert mail.outbox == []  # nothing is sent in the request path


def test_plain_text_parts_are_not_html_escaped_but_the_html_part_is():
    row = _queue(context={"message": "O'Brien's <reply> & more"})
    assert "O'Brien's <reply> & more" in row.body_text
    assert "O&#x27;Brien&#x27;s &lt;reply&gt; &amp; more" in row.body_html


def test_the_same_notification_is_queued_once():
    assert _queue(dedupe_key="enquiry:1:reminder:1") is not None
    with transaction.atomic():
        assert _queue(dedupe_key="enquiry:1:reminder:1") is None
        _queue(dedupe_key="enquiry:1:reminder:2")  # the caller's transaction carries on
    assert OutboxEmail.objects.count() == 2


def test_rows_written_in_a_failed_transaction_are_never_sent():
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue()
        raise RuntimeError("the change failed")
    assert OutboxEmail.objects.count() == 0
    assert outbox_send_pending() == 0


def test_sending_marks_each_row_sent_exactly_once():
    rows = [_queue(dedupe_key=f"k{i}") for i in range(3)]
    assert outbox_send_pending() == 3
    assert outbox_send_pending() == 0
    assert outbox_send(rows[0].pk) is False
    assert len(mail.outbox) == 3
    message = mail.outbox[0]
    assert message.extra_headers["Message-ID"] == rows[0].message_id
    assert message.alternatives[0][1] == "text/html"
    assert set(OutboxEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_email_user_uses_the_persons_address_and_skips_people_without_one(outsider):
    outsider.email = "person@example.gov.uk"
    row = email_user(user=outsider, template="kernel_test", context={"message": "hi"})
    assert row.to_address == "person@example.gov.uk"
    assert row.recipient == outsider
    outsider.email = ""
    assert email_user(user=outsider, template="kernel_test", context={"message": "hi"}) is None


def test_a_failed_send_is_retried_later_then_given_up(settings, monkeypatch):
    row = _queue()

    def refuse(self, fail_silently=False):
        raise OSError("mail server refused the connection")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert outbox_send(row.pk) is False
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.PENDING
    assert row.attempts == 1
    assert "refused" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert outbox_send_pending() == 0  # not due again yet
    for _ in range(MAX_ATTEMPTS - 1):
        OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        outbox_send(row.pk)
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.FAILED


def test_the_beat_task_sends_pending_rows():
    _queue()
    assert send_pending_email.apply().get() == 1
    assert len(mail.outbox) == 1


def test_purge_keeps_recent_and_unsent_rows():
    old, recent, pending = _queue(), _queue(), _queue()
    outbox_send(old.pk)
    outbox_send(recent.pk)
    OutboxEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=365))
    assert outbox_purge_sent() == 1
    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}
