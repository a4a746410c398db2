import pytest

from registers.models import CouncillorRole
from tests.clock import clock_fixture
from tests.registers.factories import CouncillorRoleFactory

from .helpers import RAISED

raised_on_a_monday = clock_fixture(RAISED, name="raised_on_a_monday")


@pytest.fixture
def leader(org):
    """The group leader is also Leader of the Council."""
    CouncillorRoleFactory(
        councillor=org.councillors.group_leader,
        kind=CouncillorRole.Kind.LEADER,
        starts_on=RAISED.date().replace(month=5),
    )
    return org.councillors.group_leader.user
