"""Who may not handle a complaint because of a relationship with one of its parties (CMP-3).

The hook REG-2's relationship declarations plug into: until that register exists nobody is
conflicted. Routing calls `is_conflicted` through this module, so tests (and REG-2) replace it
in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parties:
    """The two sides of a complaint, as users."""

    complainant_user_id: int
    subject_user_id: int


def is_conflicted(user_id: int, *, parties: Parties) -> bool:
    """True when `user_id` has a declared relationship with either party."""
    return False
