"""The access tests run at one fixed moment in a small council with one of every record."""

import pytest
import time_machine
from django.core.cache import cache

from . import world as world_module


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(world_module.NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fresh_cache():
    """The pre-election banner's period is cached: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(org):
    return world_module.build(org)
