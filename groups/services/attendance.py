"""GRP-4: the officer logs their attendance at the group meeting: when, with which senior officer
(004 §6.2), and that they attended for the item and left before any decision and before party
business (000 §8.4, 004 §6.3). Never what was said (004 §6.8)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import lock, long_date, notify, record_event, require
from registers.models import Officer
from registers.roles import Role, person_for

from .. import permissions
from ..models import Attendance, BriefingRequest, SeniorCapacity, Status
from .common import (
    LOCK_RELATED,
    Ev,
    chief_executive_user,
    monitoring_officer_user,
    require_status,
)

LEFT_ERROR = (
    "Confirm that you attended for the item only and left before any decision and before "
    "party business. If you could not, raise it with the Chief Executive."
)
ONLY_MEMBERS_ERROR = (
    "Confirm that only members of the council were present. Without the Chief "
    "Executive's written exception, officers do not attend a meeting with others."
)
# The capacities a statutory role proves: the named senior officer must hold it.
CAPACITY_ROLES = {
    SeniorCapacity.CHIEF_EXECUTIVE: Role.CHIEF_EXECUTIVE,
    SeniorCapacity.MONITORING_OFFICER: Role.MONITORING_OFFICER,
}


def _check(briefing, attended_on, senior_officer, senior_capacity, left, only_members):
    errors = {}
    if attended_on > timezone.localdate():
        errors["attended_on"] = "The date attended must be today or in the past"
    if senior_capacity not in SeniorCapacity.values:
        errors["senior_capacity"] = "Say in what capacity the senior officer attended"
    elif not senior_officer.is_active:
        errors["senior_officer"] = "Select a current officer"
    else:
        needed = CAPACITY_ROLES.get(senior_capacity)
        if needed is not None and not person_for(senior_officer.user).has(needed):
            errors["senior_officer"] = (
                f"{senior_officer} is not the {SeniorCapacity(senior_capacity).label}"
            )
    if not left:
        errors["left_before_decision"] = LEFT_ERROR
    if not only_members and not briefing.exception_text:
        errors["only_council_members"] = ONLY_MEMBERS_ERROR
    if errors:
        raise ValidationError(errors)


def briefing_attendance_record(
    *,
    actor,
    briefing: BriefingRequest,
    attended_on: date,
    senior_officer: Officer,
    senior_capacity: str,
    left_before_decision: bool,
    only_council_members: bool,
) -> Attendance:
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        require(permissions.can_record_attendance, actor, briefing)
        if briefing.kind != BriefingRequest.Kind.ATTENDANCE:
            raise ValidationError("This request is for a note, not for attendance")
        require_status(briefing, Status.CLEARED)
        _check(
            briefing,
            attended_on,
            senior_officer,
            senior_capacity,
            left_before_decision,
            only_council_members,
        )
        attendance = Attendance.objects.create(
            request=briefing,
            officer=briefing.officer,
            attended_on=attended_on,
            senior_officer=senior_officer,
            senior_capacity=senior_capacity,
            left_before_decision=True,
            only_council_members=only_council_members,
        )
        briefing.complete()
        briefing.closed_at = timezone.now()
        briefing.save(update_fields=["status", "closed_at"])
        capacity = SeniorCapacity(senior_capacity).label
        detail = (
            f"{briefing.officer} attended on {long_date(attended_on)} with {senior_officer} "
            f"({capacity}) present, for the item only, and left before any decision and "
            "before party business."
        )
        record_event(
            briefing,
            Ev.ATTENDED,
            actor=actor,
            detail=detail,
            audit={"attendance_id": attendance.pk},
        )
        notify(
            [briefing.requested_by, chief_executive_user(), monitoring_officer_user()],
            "briefing_attended",
            {"briefing": briefing, "attendance": attendance},
            key=f"briefing:{briefing.pk}:attended",
        )
    return attendance
