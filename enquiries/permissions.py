"""Who may do what to an enquiry. Reach over records is in selectors; these are the acts."""

from __future__ import annotations

from registers.ladder import ladder_for
from registers.models import Tier
from registers.roles import Role, person_for

from .models import Enquiry

SENIOR_TIERS = (
    Tier.CHIEF_EXECUTIVE,
    Tier.EXECUTIVE_DIRECTOR,
    Tier.DIRECTOR,
    Tier.ASSISTANT_DIRECTOR,
    Tier.HEAD_OF_SERVICE,
)


def _managers_of(enquiry: Enquiry) -> set[int]:
    """The user ids above the assigned officer: line manager up to Director."""
    from registers.ladder import Rung

    rungs = (Rung.LINE_MANAGER, Rung.ASSISTANT_DIRECTOR, Rung.DIRECTOR)
    ids = {step.user_id for step in ladder_for(enquiry.assigned_to, rungs)}
    post = enquiry.assigned_to.working_post
    while post is not None and post.reports_to_id:
        post = post.reports_to
        occupant = post.occupant()
        if occupant is not None:
            ids.add(occupant.user_id)
    return ids


def can_work(user, enquiry: Enquiry) -> bool:
    """Acknowledge, hold, respond, ask for time, seek guidance, reassign."""
    person = person_for(user)
    if person.officer is None:
        return False
    if person.has(Role.CHIEF_EXECUTIVE):
        return True
    uid = user.pk
    if uid in (
        enquiry.assigned_to.user_id,
        getattr(enquiry.director, "user_id", None),
        getattr(enquiry.escalated_to, "user_id", None),
    ):
        return True
    return uid in _managers_of(enquiry)


def is_senior(user) -> bool:
    person = person_for(user)
    post = person.officer.working_post if person.officer else None
    return post is not None and post.tier in SENIOR_TIERS


def can_decide_extension(user, enquiry: Enquiry) -> bool:
    """Senior management above the officer (003 §8.2), or the Chief Executive."""
    person = person_for(user)
    if person.has(Role.CHIEF_EXECUTIVE):
        return True
    if not is_senior(user) or user.pk == enquiry.assigned_to.user_id:
        return False
    return user.pk == getattr(enquiry.director, "user_id", None) or user.pk in _managers_of(enquiry)


def can_decline(user, enquiry: Enquiry) -> bool:
    """A senior officer with reach over the enquiry (002 §7.iii)."""
    return is_senior(user) and can_work(user, enquiry)
