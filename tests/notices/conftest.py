import pytest

from tests.clock import clock_fixture
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import CouncillorFactory, WardFactory

from .helpers import NOW

# A Wednesday in spring: mid-April 2026, before the May elections.
frozen_clock = clock_fixture(NOW)


@pytest.fixture
def hillside(org):
    """A second ward, with one member in office and one whose term has ended."""
    ward = WardFactory(name="Hillside")
    CouncillorFactory(
        user=UserFactory(username="hill.member", first_name="Hana", last_name="Hill"),
        ward=ward,
        group=org.group_b,
    )
    CouncillorFactory(
        user=UserFactory(username="former.member", first_name="Fred", last_name="Former"),
        ward=ward,
        group=org.group_b,
        term_end=NOW.date().replace(year=2025),
    )
    return ward


@pytest.fixture
def hill_member(hillside):
    return hillside.councillors.get(user__username="hill.member").user
