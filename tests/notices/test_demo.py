"""The demo ward notices and past pre-election period: made through the services, once."""

import pytest

from notices import demo
from notices.models import ElectionPeriod, WardNotice
from notices.selectors import current_period
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_notices_and_period_seed_once():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    # four notices, a period, the protocol and a member's public meeting
    assert demo.seed(recorder) == 7
    assert demo.seed(recorder) == 0
    assert set(WardNotice.objects.values_list("kind", flat=True)) == set(WardNotice.Kind.values)
    period = ElectionPeriod.objects.get()
    assert period.name == "Borough elections 1 May 2025" and period.state() == "over"
    assert current_period() is None  # the demo banner is not always on
