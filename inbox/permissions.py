"""Who deals with email that could not be matched: democratic services."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import person_for


@denies("Only democratic services can deal with emails waiting for triage.")
def can_triage(user, email=None) -> bool:
    return person_for(user).can_manage_organisation
