"""Who may do what to a declaration. Services require these rules; the pages offer an action
from the same rule and the declaration's state (views.common.actions_for). Reach over records
is in selectors."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import Role, person_for

from .models import Declaration
from .routing import reviewer_id_for

DECLARER_ONLY = "Only the person who made the declaration can do this."
REVIEWER_ONLY = "Only the Monitoring Officer reviews declarations."


def _declarer(user, declaration: Declaration) -> bool:
    return declaration.declarer_id == user.pk


def _reviewer(user, declaration: Declaration) -> bool:
    """The Monitoring Officer, or the Deputy where the Monitoring Officer is one of the two;
    never either person on the declaration."""
    return reviewer_id_for(declaration) == user.pk


@denies("Only the person who made the declaration, or democratic services, can change it.")
def can_change(user, declaration: Declaration) -> bool:
    """The declarer; or democratic services correcting the register, unless they are the other
    person on it."""
    if _declarer(user, declaration):
        return True
    return declaration.other_party_id != user.pk and person_for(user).has(Role.DEMOCRATIC_SERVICES)


@denies(DECLARER_ONLY)
def can_withdraw(user, declaration: Declaration) -> bool:
    return _declarer(user, declaration)


@denies(DECLARER_ONLY)
def can_confirm(user, declaration: Declaration) -> bool:
    return _declarer(user, declaration)


@denies(DECLARER_ONLY)
def can_answer(user, declaration: Declaration) -> bool:
    return _declarer(user, declaration)


@denies(REVIEWER_ONLY)
def can_review(user, declaration: Declaration) -> bool:
    return _reviewer(user, declaration)


@denies(REVIEWER_ONLY)
def can_ask(user, declaration: Declaration) -> bool:
    return _reviewer(user, declaration)
