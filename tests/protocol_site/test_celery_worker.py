"""The outbox sweep through a real Celery worker and the configured broker (Redis in CI)."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from protocol_site.celery import app
from protocol_site.models import OutboxEmail
from protocol_site.outbox import email_enqueue
from protocol_site.tasks import send_pending_email

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_sends_each_pending_email_once():
    queue = f"test-{uuid.uuid4().hex}"  # private queue: parallel test processes never share
    for i in range(3):
        email_enqueue(
            to_address=f"member{i}@example.gov.uk",
            template="kernel_test",
            context={"message": "sent by the worker"},
            dedupe_key=f"worker-test:{i}",
        )
    with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue]):
        send_pending_email.apply_async(queue=queue)
        send_pending_email.apply_async(queue=queue)  # a repeated sweep sends nothing twice
        assert _wait_for(
            lambda: OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT).count() == 3
        )
        time.sleep(0.5)
    assert len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [f"member{i}@example.gov.uk" for i in range(3)]
