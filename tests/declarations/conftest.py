"""Fixtures for the declarations tests. None is autouse: modules ask for them by name."""

import pytest

from registers.models import StatutoryRole
from tests.clock import clock_fixture
from tests.registers.factories import StatutoryRoleFactory

from .helpers import MADE

# The clock stopped at MADE, for the modules that ask for it by name.
made_on_a_monday = clock_fixture(MADE, name="made_on_a_monday", autouse=False)


@pytest.fixture
def deputy_monitoring_officer(org):
    """Democratic services' officer is also the Deputy Monitoring Officer."""
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=org.officers.democratic_services
    )
    return org.officers.democratic_services.user
