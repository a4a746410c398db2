"""Who may do what to a member's visit. The services require these rules; the visit's page
offers an action from the same rule and the visit's state (views.actions_for)."""

from __future__ import annotations

from protocol_site.cases import denies

from ..models import Visit
from ..roles import person_for


@denies("Only the Director of the directorate arranges this visit.")
def can_arrange(user, visit: Visit) -> bool:
    """The Director (or acting Director) of the visit's directorate makes the arrangements."""
    return visit.directorate_id in person_for(user).directed_directorate_ids


@denies("Only the councillor who asked for the visit can cancel it.")
def can_cancel(user, visit: Visit) -> bool:
    return visit.councillor.user_id == user.pk
