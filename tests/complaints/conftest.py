import pytest
import time_machine

from registers.models import CouncillorRole
from tests.registers.factories import CouncillorRoleFactory

from .helpers import RAISED


@pytest.fixture(autouse=True)
def raised_on_a_monday():
    with time_machine.travel(RAISED, tick=False) as traveller:
        yield traveller


@pytest.fixture
def leader(org):
    """The group leader is also Leader of the Council."""
    CouncillorRoleFactory(
        councillor=org.councillors.group_leader,
        kind=CouncillorRole.Kind.LEADER,
        starts_on=RAISED.date().replace(month=5),
    )
    return org.councillors.group_leader.user
