"""Fixtures for the declarations tests. None is autouse: modules ask for them by name."""

import pytest
import time_machine

from registers.models import StatutoryRole
from tests.registers.factories import StatutoryRoleFactory

from .helpers import MADE


@pytest.fixture
def made_on_a_monday():
    """Freeze the clock at MADE; the traveller moves it on (`.move_to(...)`)."""
    with time_machine.travel(MADE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def deputy_monitoring_officer(org):
    """Democratic services' officer is also the Deputy Monitoring Officer."""
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=org.officers.democratic_services
    )
    return org.officers.democratic_services.user
