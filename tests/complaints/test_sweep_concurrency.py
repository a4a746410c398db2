"""Two sweeps at once: each overdue stage still moves up exactly once."""

import threading

import pytest
import time_machine
from django.db import close_old_connections, connection

from complaints.models import ComplaintStage
from complaints.services import complaints_sweep
from protocol_site.models import OutboxEmail

from .helpers import RAISED, about_officer, at

pytestmark = pytest.mark.django_db(transaction=True)

ON_SQLITE = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="in-memory SQLite locks whole tables across threads; CI runs this on PostgreSQL",
)


@ON_SQLITE
def test_two_sweeps_running_at_once_move_each_stage_up_once(org):
    with time_machine.travel(RAISED, tick=False):
        complaints = [about_officer(org, summary=f"Case {i}") for i in range(10)]
    now = at(2026, 11, 17, 9, 0)
    barrier = threading.Barrier(2)
    errors = []

    def sweep():
        try:
            barrier.wait()
            for _ in range(3):
                complaints_sweep(now=now)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert ComplaintStage.objects.filter(number=2).count() == len(complaints)
    assert ComplaintStage.objects.filter(number=3).count() == 0
    mails = OutboxEmail.objects.filter(subject__startswith="A complaint has come to you (stage 2")
    assert mails.count() == len(complaints)
