"""Who may do what with a member's public meeting. Services require these; pages offer the
actions from them. Reach over records is in .selectors."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import person_for

from .models import MemberMeeting


@denies("Only a councillor tells an officer of a public meeting they are arranging.")
def can_tell(user) -> bool:
    return person_for(user).councillor is not None


@denies("Only the councillor arranging the meeting can cancel it.")
def can_cancel(user, meeting: MemberMeeting) -> bool:
    councillor = person_for(user).councillor
    return (
        councillor is not None
        and meeting.councillor_id == councillor.pk
        and not meeting.is_cancelled
        and meeting.is_upcoming
    )
