import pytest

from tests.clock import at, clock_fixture
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import CouncillorFactory, PoliticalGroupFactory

from .helpers import MEETING, NOW, make_group_b_leader

frozen_clock = clock_fixture(NOW)


@pytest.fixture
def group_b_leader(org):
    return make_group_b_leader(org)


@pytest.fixture
def group_c(org):
    """A small third group with its own leader: a minority party."""
    group = PoliticalGroupFactory(name="Group C", short_name="C")
    user = UserFactory(username="c.leader", first_name="Cara", last_name="Nash")
    councillor = CouncillorFactory(user=user, ward=org.ward, group=group)
    group.leader = councillor
    group.save(update_fields=["leader"])
    return group


@pytest.fixture
def after_meeting(frozen_clock):
    """The clock on the day of the group meeting, evening."""
    frozen_clock.move_to(at(MEETING.year, MEETING.month, MEETING.day, 21))
