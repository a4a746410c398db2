"""Members' public meetings: a councillor tells the relevant officer of a public meeting they
are arranging on some aspect of the council's work; they may cancel it. Each function: one
transaction, the permission and precondition checks, the change, an audit event, the email
through the outbox (once, by its key)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record, snapshot
from protocol_site.calendar import LONDON
from protocol_site.cases import lock, notify, require
from registers.ladder import director_for_service, head_of_service_for
from registers.models import NOT_COVERED, Officer, Service
from registers.roles import person_for

from .models import MemberMeeting
from .permissions import can_cancel, can_tell

NOBODY = (
    "Nobody holds the Head of Service's or the Director's post for this service just now. "
    "Name the officer to tell, or ask democratic services."
)


def when_text(moment: datetime) -> str:
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def relevant_officer(service: Service) -> Officer | None:
    """Who is told when nobody is named: the service's Head of Service, else its Director."""
    return head_of_service_for(service) or director_for_service(service)


def _email(users, notification: str, meeting: MemberMeeting, key: str) -> None:
    notify(
        users,
        notification,
        {"member_meeting": meeting, "when": when_text(meeting.meeting_at)},
        key=f"notices.member_meeting:{meeting.pk}:{key}",
    )


def member_meeting_tell(
    *,
    actor,
    subject: str,
    meeting_at: datetime,
    place: str,
    service: Service,
    details: str = "",
    officer: Officer | None = None,
) -> MemberMeeting:
    """A councillor tells the relevant officer of a public meeting they are arranging on
    council business: the officer is emailed once; both can see it."""
    require(can_tell, actor)
    councillor = person_for(actor).councillor
    subject, place, details = subject.strip(), place.strip(), details.strip()
    if meeting_at.tzinfo is None:
        raise ValueError("Meeting times must be timezone-aware.")
    errors = {}
    if not subject:
        errors["subject"] = "Enter what the meeting is about"
    if not place:
        errors["place"] = "Enter where the meeting is"
    if meeting_at <= timezone.now():
        errors["meeting_at"] = "The meeting must be in the future"
    if not service.is_active:
        errors["service"] = "Select a current service"
    if officer is not None and not (officer.is_active and officer.is_covered):
        errors["officer"] = NOT_COVERED if officer.is_active else "Select a current officer"
    if officer is None and service.is_active and "officer" not in errors:
        officer = relevant_officer(service)
        if officer is None:
            errors["service"] = NOBODY
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = MemberMeeting(
            councillor=councillor,
            subject=subject,
            meeting_at=meeting_at,
            place=place,
            service=service,
            details=details,
            officer=officer,
        )
        meeting._history_user = actor
        meeting.save()
        audit_record(
            actor=actor,
            action="notices.member_meeting.told",
            obj=meeting,
            summary=f"{councillor} told {officer} of a public meeting on "
            f"{when_text(meeting_at)}: {subject}",
            after=snapshot(meeting, ["subject", "meeting_at", "place", "service", "officer"]),
        )
        _email([officer.user], "member_meeting_told", meeting, "told")
    return meeting


def member_meeting_cancel(*, actor, meeting: MemberMeeting) -> MemberMeeting:
    """The councillor calls the meeting off; the officer told is told once."""
    with transaction.atomic():
        meeting = lock(meeting, "councillor__user", "officer__user", "service")
        require(can_cancel, actor, meeting)
        meeting.cancelled_at = timezone.now()
        meeting.cancelled_by = actor
        meeting._history_user = actor
        meeting.save(update_fields=["cancelled_at", "cancelled_by"])
        audit_record(
            actor=actor,
            action="notices.member_meeting.cancelled",
            obj=meeting,
            summary=f"Cancelled: {meeting.subject}",
            after={"cancelled_at": meeting.cancelled_at.isoformat()},
        )
        _email([meeting.officer.user], "member_meeting_cancelled", meeting, "cancelled")
    return meeting
