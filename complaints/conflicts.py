"""Who may not handle a complaint because of a relationship with one of its parties (CMP-3,
REG-2).

A handler is conflicted when the declarations register holds a relationship in effect between
them and the complainant or the person complained about (either way round; a lapsed declaration
still counts, a withdrawn or ended one does not). Routing asks `is_conflicted` for each person on
the ladder; the register is read once per ladder, on the first question.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from declarations.conflicts import related_user_ids


@dataclass(frozen=True)
class Parties:
    """The two sides of a complaint, as users."""

    complainant_user_id: int
    subject_user_id: int

    @cached_property
    def related_user_ids(self) -> frozenset[int]:
        """Everyone with a declared relationship in effect with either party."""
        return frozenset(
            related_user_ids(self.complainant_user_id) | related_user_ids(self.subject_user_id)
        )


def is_conflicted(user_id: int, *, parties: Parties) -> bool:
    """True when `user_id` has a declared relationship with either party."""
    return user_id in parties.related_user_ids
