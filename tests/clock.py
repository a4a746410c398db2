"""The tests' one clock. "Now" is `django.utils.timezone.now()`, and a test moves it only
through here: the clock stands still at a moment (it does not tick, so a slow machine reads the
same now), and the traveller it hands back moves it on (`move_to(...)`, `shift(...)`).

    with clock_at(at(2026, 11, 2, 9, 0)) as clock:   # or as a decorator
        ...
        clock.move_to(at(2026, 11, 17, 9, 0))

    frozen_clock = clock_fixture(NOW)   # in a conftest or module: every test there at NOW

A clock fixture is never suite-wide: each package or module that runs at one moment says so.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine

from protocol_site.calendar import LONDON

__all__ = ["LONDON", "at", "clock_at", "clock_fixture"]


def at(*args: int) -> datetime:
    """A moment on the council's wall clock: `at(2026, 11, 2, 9, 0)`."""
    return datetime(*args, tzinfo=LONDON)


def clock_at(when: datetime | date | str, *, tick: bool = False) -> time_machine.travel:
    """The clock at `when`, as a context manager or decorator. It stands still unless `tick`
    (only for tests where real processes race each other from a moment)."""
    return time_machine.travel(when, tick=tick)


def clock_fixture(when: datetime, *, name: str = "frozen_clock", autouse: bool = True):
    """A fixture that stops the clock at `when` for each test and yields the traveller."""

    def clock():
        with clock_at(when) as traveller:
            yield traveller

    clock.__doc__ = f"The clock stopped at {when:%a %d %b %Y %H:%M}; the traveller moves it on."
    return pytest.fixture(autouse=autouse, name=name)(clock)
