"""What every briefing service shares: who is who, and who may act."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from registers.ladder import chief_executive, monitoring_officer_user  # noqa: F401 (used by the services)
from registers.models import CouncillorRole, PoliticalGroup

from ..models import BriefingEvent, BriefingRequest

Ev = BriefingEvent.Kind

# 004 §7.1: who may ask for a private and confidential briefing, besides Group Leaders.
CONFIDENTIAL_ROLE_KINDS = (
    CouncillorRole.Kind.LEADER,
    CouncillorRole.Kind.DEPUTY_LEADER,
    CouncillorRole.Kind.CABINET_MEMBER,
    CouncillorRole.Kind.COMMITTEE_CHAIR,
)


def confidential_roles(councillor):
    """The councillor's roles as lead member or committee chair today (004 §7.1)."""
    return councillor.roles.current().filter(kind__in=CONFIDENTIAL_ROLE_KINDS)


def holds_confidential_role(councillor) -> bool:
    """A lead member or committee chair today (004 §7.1)."""
    return confidential_roles(councillor).exists()


def chief_executive_user():
    officer = chief_executive()
    return officer.user if officer is not None else None


def group_leaders(*, exclude_group_id: int | None = None) -> list:
    """The leaders of the active groups, as users."""
    groups = (
        PoliticalGroup.objects.active().filter(leader__isnull=False).select_related("leader__user")
    )
    if exclude_group_id is not None:
        groups = groups.exclude(pk=exclude_group_id)
    return [group.leader.user for group in groups]


# Joined whenever a request is re-read under its lock.
LOCK_RELATED = ("group", "requested_by", "addressed_to__user", "officer__user")


def require_status(briefing: BriefingRequest, *statuses: str) -> None:
    if briefing.status not in statuses:
        raise ValidationError(f"{briefing.reference} is {briefing.get_status_display().lower()}")
