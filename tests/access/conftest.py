"""The access tests run at one fixed moment in a small council with one of every record."""

import pytest

from tests.clock import clock_fixture

from . import world as world_module

frozen_clock = clock_fixture(world_module.NOW)


@pytest.fixture
def world(org):
    return world_module.build(org)
