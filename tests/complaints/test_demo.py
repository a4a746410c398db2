"""The demo complaints: made through the services, at different stages, once."""

import pytest

from complaints import demo
from complaints.models import Complaint, Status
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_complaints_are_at_different_stages_and_seed_once():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    assert demo.seed(recorder) == len(demo.DEMO_COMPLAINTS)
    assert demo.seed(recorder) == 0
    moved_by_sweep = Complaint.objects.get(summary="Briefing not given before a ward meeting")
    assert moved_by_sweep.stages.count() == 2
    assert moved_by_sweep.stages.get(number=1).outcome == "escalated"
    assert set(Complaint.objects.values_list("status", flat=True)) == {Status.OPEN, Status.RESOLVED}
    asked = Complaint.objects.get(summary="Repeated late replies on housing casework")
    assert asked.stages.count() == 2
