"""Every read of members' public meetings that depends on who is asking: the councillor who
arranged it and the officer told see it; democratic services and the Monitoring Officer see
them all. Anyone else's is 404, the same as one that does not exist."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from protocol_site.access import visible_or_404
from registers.roles import Person, Role, person_for

from .models import MemberMeeting

JOINS = ("councillor__user", "service", "officer__user", "cancelled_by")


def sees_all_meetings(person: Person) -> bool:
    return person.can_manage_organisation or person.has(Role.MONITORING_OFFICER)


def uses_member_meetings(person: Person) -> bool:
    """Councillors tell officers; officers are told; the rest above see them all."""
    return person.councillor is not None or person.officer is not None or sees_all_meetings(person)


def member_meetings_visible_to(user) -> QuerySet[MemberMeeting]:
    if not getattr(user, "is_authenticated", False):
        return MemberMeeting.objects.none()
    person = person_for(user)
    if sees_all_meetings(person):
        return MemberMeeting.objects.all()
    reach = Q(pk__in=[])
    if person.councillor is not None:
        reach |= Q(councillor_id=person.councillor.pk)
    if person.officer is not None:
        reach |= Q(officer_id=person.officer.pk)
    return MemberMeeting.objects.filter(reach)


def member_meeting_for(user, pk) -> MemberMeeting:
    return visible_or_404(member_meetings_visible_to(user).select_related(*JOINS), pk=pk)
