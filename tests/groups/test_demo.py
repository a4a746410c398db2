"""The demo briefings: several groups, one with a non-council attendee, made once."""

import pytest

from groups import demo
from groups.models import BriefingOffer, BriefingRequest, RepresentativeMeeting, Status
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_briefings_cover_several_groups_and_seed_once():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    assert demo.seed(recorder) == len(demo.DEMO_BRIEFINGS) + 1
    assert demo.seed(recorder) == 0
    assert BriefingRequest.objects.values("group").distinct().count() == 4
    mp = BriefingRequest.objects.get(non_council_attendees=True)
    assert mp.status == Status.CLEARED and mp.exception_text and mp.nominated
    assert BriefingRequest.objects.filter(alternative_budget=True, group__name="Green Group")
    assert set(BriefingRequest.objects.values_list("status", flat=True)) == {
        Status.REQUESTED,
        Status.CLEARED,
        Status.COMPLETED,
        Status.DECLINED,
    }
    assert BriefingOffer.objects.filter(received_at__isnull=False).exists()
    assert RepresentativeMeeting.objects.get().status == RepresentativeMeeting.Status.AUTHORISED
    confidential = BriefingRequest.objects.get(confidential=True)
    assert confidential.shares.get().user.username == "cllr.demo"
