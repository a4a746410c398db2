"""Drill: two outbox senders at once (two beats, or a beat and a retried task) on mail that
keeps failing. An attempt is counted only when a sender really hands the message over, and a
failed message is not tried again before its back-off: each is tried once per round, and given
up after exactly MAX_ATTEMPTS real tries (PostgreSQL only: in-memory SQLite locks whole tables
across threads)."""

import threading
from collections import Counter

import pytest
from django.utils import timezone

from protocol_site.models import OutboxEmail
from protocol_site.outbox import MAX_ATTEMPTS, email_enqueue, outbox_send_pending
from tests.concurrency import ON_SQLITE, run_twice_at_once

pytestmark = [pytest.mark.drill, ON_SQLITE, pytest.mark.django_db(transaction=True)]

EMAILS = 30


@pytest.fixture
def tries(monkeypatch):
    """Every hand-over to the mail server, by recipient; every one refused."""
    counted: Counter[str] = Counter()
    lock = threading.Lock()

    def refuse(message, fail_silently=False):
        with lock:
            counted[message.to[0]] += 1
        raise OSError("mail server refused the connection")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    return counted


def test_two_senders_count_only_the_attempts_they_make(tries):
    rows = [
        email_enqueue(
            to_address=f"member{i}@example.gov.uk",
            template="kernel_test",
            context={"message": f"notice {i}"},
        )
        for i in range(EMAILS)
    ]
    for attempt in range(1, MAX_ATTEMPTS + 1):
        errors = run_twice_at_once(lambda now: outbox_send_pending(), now=None, rounds=2)
        assert errors == []
        assert tries == {row.to_address: attempt for row in rows}, f"round {attempt}"
        counted = dict(OutboxEmail.objects.values_list("to_address", "attempts"))
        assert counted == {row.to_address: attempt for row in rows}, f"round {attempt}"
        # The back-off has passed: every message is due again.
        OutboxEmail.objects.update(next_attempt_at=timezone.now())
    assert run_twice_at_once(lambda now: outbox_send_pending(), now=None) == []
    statuses = set(OutboxEmail.objects.values_list("status", flat=True))
    assert statuses == {OutboxEmail.Status.FAILED}
    assert set(tries.values()) == {MAX_ATTEMPTS}
