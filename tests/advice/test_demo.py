"""The demo advice: made through the services, once."""

import pytest

from advice import demo
from advice.models import AdviceRequest, LobbyingReport
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_advice_seeds_once():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    assert demo.seed(recorder) == len(demo.DEMO_REQUESTS) + 1
    assert demo.seed(recorder) == 0
    statuses = sorted(AdviceRequest.objects.values_list("status", flat=True))
    assert statuses == ["advised", "asked", "asked"]
    assert LobbyingReport.objects.count() == 1
