"""Who may do what to a briefing request or a meeting with an elected representative. Services
require these rules; the pages offer an action from the same rule and the case's state
(views.common.actions_for). Reach over records is in selectors."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import Role, person_for

from .models import BriefingOffer, BriefingRequest, RepresentativeMeeting


def _is_chief_executive(user) -> bool:
    return person_for(user).has(Role.CHIEF_EXECUTIVE)


def _assigned_officer(user, briefing: BriefingRequest) -> bool:
    return briefing.officer is not None and briefing.officer.user_id == user.pk


@denies("Only the Chief Executive can clear, nominate for or decline a briefing request.")
def can_decide(user, briefing: BriefingRequest) -> bool:
    """Clear it, nominate a representative, or decline it (001 §1.11, 002 §9.b.ii)."""
    return _is_chief_executive(user)


@denies("Only the member who asked can withdraw the request.")
def can_withdraw(user, briefing: BriefingRequest) -> bool:
    return briefing.requested_by_id == user.pk


@denies("Only the officer who was cleared or nominated can do this.")
def can_write_note(user, briefing: BriefingRequest) -> bool:
    return _assigned_officer(user, briefing)


@denies("Only the officer who was cleared or nominated can do this.")
def can_record_attendance(user, briefing: BriefingRequest) -> bool:
    return _assigned_officer(user, briefing)


@denies("Only the member the briefing is for can share it.")
def can_share(user, briefing: BriefingRequest) -> bool:
    """Record (or withdraw) permission to share a confidential briefing (004 §7.1)."""
    return briefing.requested_by_id == user.pk


@denies("Only the Group Leader of the group it was offered to can receive it.")
def can_receive(user, offer: BriefingOffer) -> bool:
    """Take up a note offered to the group (003 §7.1(b)): its Group Leader."""
    leads = getattr(person_for(user).councillor, "leads_group", None)
    return leads is not None and leads.pk == offer.group_id


@denies(
    "Only the Chief Executive can authorise or refuse a meeting with an elected representative."
)
def can_decide_meeting(user, meeting: RepresentativeMeeting) -> bool:
    """Prior authorisation of an officer's meeting with an outside representative (004 §8.2)."""
    return _is_chief_executive(user)


@denies("Only the officer who met them records the meeting.")
def can_record_meeting(user, meeting: RepresentativeMeeting) -> bool:
    return meeting.officer.user_id == user.pk
