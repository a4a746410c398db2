"""Two sweeps at once: each overdue stage still moves up exactly once."""

import pytest

from complaints.models import ComplaintStage
from complaints.services import complaints_sweep
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at
from tests.concurrency import ON_SQLITE, run_twice_at_once

from .helpers import RAISED, about_officer

pytestmark = pytest.mark.django_db(transaction=True)


@ON_SQLITE
def test_two_sweeps_running_at_once_move_each_stage_up_once(org):
    with clock_at(RAISED):
        complaints = [about_officer(org, summary=f"Case {i}") for i in range(10)]
    now = at(2026, 11, 17, 9, 0)
    assert run_twice_at_once(complaints_sweep, now=now) == []
    assert ComplaintStage.objects.filter(number=2).count() == len(complaints)
    assert ComplaintStage.objects.filter(number=3).count() == 0
    mails = OutboxEmail.objects.filter(subject__startswith="A complaint has come to you (stage 2")
    assert mails.count() == len(complaints)
