"""Two sweeps at once, and the sweep through a real Celery worker: still exactly once."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker

from enquiries.models import EnquiryEvent
from enquiries.services import enquiries_sweep
from protocol_site.celery import app
from protocol_site.models import OutboxEmail
from protocol_site.tasks import run_sweep
from tests.clock import at, clock_at
from tests.concurrency import ON_SQLITE, run_twice_at_once
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def overdue(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        return [casework(org, actor=councillor, subject=f"Case {i}") for i in range(12)]


def _expected_exactly_once(overdue):
    escalations = EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.ESCALATED)
    assert escalations.count() == len(overdue) * 4
    keys = list(escalations.values_list("enquiry", "cycle", "rung"))
    assert len(keys) == len(set(keys))
    subjects = OutboxEmail.objects.filter(subject__startswith="Escalated to you")
    assert subjects.count() == len(overdue) * 4
    assert subjects.values("dedupe_key").distinct().count() == len(overdue) * 4


@ON_SQLITE
def test_two_sweeps_running_at_once_escalate_each_rung_once(overdue):
    now = at(2027, 1, 4, 9, 0)
    assert run_twice_at_once(enquiries_sweep, now=now) == []
    _expected_exactly_once(overdue)


@ON_SQLITE
@pytest.mark.celery_worker
def test_a_real_worker_runs_the_beat_sweep_exactly_once(overdue):
    queue = f"test-{uuid.uuid4().hex}"
    with (
        clock_at(at(2027, 1, 4, 9, 0), tick=True),
        start_worker(app, pool="solo", perform_ping_check=False, queues=[queue]),
    ):
        for _ in range(3):
            run_sweep.apply_async(args=("enquiries",), queue=queue)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if EnquiryEvent.objects.filter(kind="escalated").count() >= len(overdue) * 4:
                break
            time.sleep(0.2)
        time.sleep(1.0)  # let the later sweeps finish: they must add nothing
    _expected_exactly_once(overdue)
