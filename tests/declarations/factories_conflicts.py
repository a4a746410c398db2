"""Relationship declarations for the conflict tests, made straight in the register: nobody is
notified and no open case is reached, unlike `tests.declarations.helpers.declare`, which goes
through the service as a person would.

Status is never assigned: a new declaration is submitted, and `withdraw` goes through the
declarations service, as the declarer would.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from django.utils import timezone

from declarations.models import Declaration, Relationship, Side
from declarations.services import declaration_withdraw

_numbers = itertools.count(1)


def _side(user) -> str:
    return Side.COUNCILLOR if hasattr(user, "councillor") else Side.OFFICER


def declared_in_register(
    declarer,
    other_party,
    *,
    relationship: str = Relationship.CLOSE_FRIENDSHIP,
    starts_on: date | None = None,
    ends_on: date | None = None,
    confirmed_on: date | None = None,
    confirm_by: date | None = None,
) -> Declaration:
    """`declarer` (a User) declares a relationship with `other_party` (a User), in effect from
    a month ago unless told otherwise, and re-confirmed until a year after `confirmed_on`."""
    today = timezone.localdate()
    starts_on = starts_on or today - timedelta(days=30)
    confirmed_on = confirmed_on or starts_on
    return Declaration.objects.create(
        reference=f"DEC-T-{next(_numbers):05d}",
        declarer=declarer,
        declarer_side=_side(declarer),
        other_party=other_party,
        relationship=relationship,
        starts_on=starts_on,
        ends_on=ends_on,
        confirmed_on=confirmed_on,
        confirm_by=confirm_by or confirmed_on + timedelta(days=365),
    )


def withdraw(declaration: Declaration) -> Declaration:
    return declaration_withdraw(
        actor=declaration.declarer, declaration=declaration, reason="Made in error."
    )
