"""Who may reset whose authenticator app."""

from __future__ import annotations

from protocol_site.cases.kit import denies

from ..roles import person_for


@denies("Only democratic services can reset someone else's authenticator app.")
def can_reset_second_factor(actor, user) -> bool:
    """Democratic services (or a superuser) reset someone else's app; nobody resets their own
    here (they replace it with a code from it, or a recovery code)."""
    if getattr(actor, "pk", None) is None or actor.pk == getattr(user, "pk", None):
        return False
    return person_for(actor).can_manage_organisation
