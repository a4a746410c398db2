"""Members' visits to council premises (REG-3; 000 §4.6, 002 §8, 001 §5.05).

A councillor asks for a visit; the Director over the service is told in advance and makes the
arrangements (who meets the member, any conditions); the councillor may cancel. Each function:
one transaction, the permission and precondition checks, the transition, an audit event, the
emails through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from protocol_site.calendar import LONDON, WorkingCalendar, council_calendar
from protocol_site.cases import audit_case, lock, long_date, notify, require
from protocol_site.council_rules import rule

from ..ladder import director_for_service
from ..models import Officer, Service, Visit
from ..roles import person_for
from ..visits.permissions import can_arrange, can_cancel


def visit_earliest_date(calendar: WorkingCalendar, now: datetime) -> date:
    """The first day a visit asked for `now` may take place: VISIT_NOTICE_WORKING_DAYS working
    days after the day of receipt (a request made at a weekend counts from the Monday)."""
    return calendar.add_working_days(
        calendar.day_of_receipt(now), rule("VISIT_NOTICE_WORKING_DAYS")
    )


def when_text(moment: datetime) -> str:
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def _notify(users, template: str, visit: Visit, key: str, **context) -> None:
    notify(
        users,
        template,
        {"visit": visit, "when": when_text(visit.starts_at), **context},
        key=f"visit:{visit.pk}:{key}",
    )


# Joined whenever a visit is re-read under its lock.
LOCK_RELATED = (
    "councillor__user",
    "service",
    "directorate",
    "director__user",
    "meeting_officer__user",
)


def _school_errors(school: str, headteacher_agreed: bool) -> dict:
    """A visit to a school is arranged through its Headteacher, where the council's rule says
    so: the councillor confirms the Headteacher arranged or agreed it."""
    if school and not headteacher_agreed and rule("VISIT_SCHOOLS_THROUGH_HEADTEACHER"):
        return {
            "headteacher_agreed": "Arrange a visit to a school through its Headteacher, then "
            "confirm that they arranged or agreed it"
        }
    return {}


def _councillor(actor):
    councillor = person_for(actor).councillor
    if councillor is None:
        raise PermissionDenied("Only a councillor can ask to visit council premises.")
    return councillor


@dataclass(frozen=True)
class _Asked:
    """What a councillor gave for a visit, trimmed: asked for in advance or recorded after."""

    service: Service
    premises: str
    starts_at: datetime
    purpose: str
    school: str
    headteacher_agreed: bool

    @classmethod
    def trimmed(cls, service, premises, starts_at, purpose, school, agreed) -> _Asked:
        return cls(service, premises.strip(), starts_at, purpose.strip(), school.strip(), agreed)

    def errors(self) -> dict:
        """What is wrong with any visit so given; the caller adds its own checks."""
        errors = {}
        if not self.premises:
            errors["premises"] = "Enter the premises you want to visit"
        if not self.purpose:
            errors["purpose"] = "Say why you want to visit, as a member"
        if not self.service.is_active:
            errors["service"] = "Select a current service"
        if self.starts_at.tzinfo is None:
            raise ValueError("Visit times must be timezone-aware.")
        errors.update(_school_errors(self.school, self.headteacher_agreed))
        return errors

    def visit(self, councillor, errors: dict, **fields) -> Visit:
        """The visit to save, with the Director over the service to tell; refused with every
        error found (nobody in the Director's post is one) if there are any."""
        service = self.service
        director = director_for_service(service) if service.is_active else None
        if service.is_active and director is None:
            errors["service"] = (
                "Nobody holds the Director's post for this service just now, so nobody can be "
                "told of the visit. Ask democratic services."
            )
        if errors:
            raise ValidationError(errors)
        return Visit(
            councillor=councillor,
            premises=self.premises,
            service=service,
            directorate_id=service.directorate_id,
            starts_at=self.starts_at,
            purpose=self.purpose,
            school=self.school,
            headteacher_agreed=bool(self.school) and self.headteacher_agreed,
            director=director,
            **fields,
        )


def visit_request(
    *,
    actor,
    service: Service,
    premises: str,
    starts_at: datetime,
    purpose: str,
    school: str = "",
    headteacher_agreed: bool = False,
) -> Visit:
    """A councillor asks to visit council premises. The Director over the service's
    directorate is told in advance so they can make arrangements (000 §4.6, 002 §8.i); a visit
    to a school is arranged through its Headteacher."""
    councillor = _councillor(actor)
    asked = _Asked.trimmed(service, premises, starts_at, purpose, school, headteacher_agreed)
    errors = asked.errors()
    now = timezone.now()
    earliest = visit_earliest_date(council_calendar(), now)
    if starts_at <= now:
        errors["starts_at"] = "The visit must be in the future"
    elif starts_at.astimezone(LONDON).date() < earliest:
        days = rule("VISIT_NOTICE_WORKING_DAYS")
        errors["starts_at"] = (
            f"The Director needs {days} working day{'' if days == 1 else 's'}' notice of a "
            f"visit: choose {long_date(earliest)} or later"
        )
    visit = asked.visit(councillor, errors, requested_at=now)
    with transaction.atomic():
        visit._history_user = actor
        visit.save()
        audit_case(
            visit,
            "requested",
            actor=actor,
            summary=f"{councillor} asked to visit {visit.premises} ({service}) on "
            f"{when_text(starts_at)}; {visit.director} (Director) told.",
            director=visit.director,
            school=visit.school,
            headteacher_agreed=visit.headteacher_agreed,
        )
        _notify([visit.director.user], "visit_requested", visit, "requested")
    return visit


def visit_record_unannounced(
    *,
    actor,
    service: Service,
    premises: str,
    starts_at: datetime,
    purpose: str,
    reason: str,
    school: str = "",
    headteacher_agreed: bool = False,
) -> Visit:
    """A councillor records, afterwards, an unannounced visit that special circumstances
    warranted, with the reason. The Director over the service is told once; the Monitoring
    Officer and democratic services see it with every visit."""
    councillor = _councillor(actor)
    if not rule("VISIT_UNANNOUNCED_ALLOWED"):
        raise PermissionDenied("The council's protocol does not provide for unannounced visits.")
    asked = _Asked.trimmed(service, premises, starts_at, purpose, school, headteacher_agreed)
    reason = reason.strip()
    errors = asked.errors()
    if not reason:
        errors["reason"] = "Say what special circumstances meant the visit could not be announced"
    now = timezone.now()
    if starts_at > now:
        errors["starts_at"] = (
            "An unannounced visit is recorded after it was made: for a visit still to come, "
            "ask for it in advance"
        )
    visit = asked.visit(councillor, errors, requested_at=now, unannounced_reason=reason)
    with transaction.atomic():
        visit.record_unannounced()
        visit._history_user = actor
        visit.save()
        audit_case(
            visit,
            "unannounced",
            actor=actor,
            summary=f"{councillor} recorded an unannounced visit to {visit.premises} ({service}) "
            f"on {when_text(starts_at)}; {visit.director} (Director) told.",
            director=visit.director,
            school=visit.school,
        )
        _notify([visit.director.user], "visit_unannounced", visit, "unannounced")
    return visit


def visit_arrange(*, actor, visit: Visit, meeting_officer: Officer, conditions: str = "") -> Visit:
    """The Director records who will meet the member and any conditions; the councillor and
    the officer meeting them are told."""
    with transaction.atomic():
        visit = lock(visit, *LOCK_RELATED)
        require(can_arrange, actor, visit)
        if not can_proceed(visit.arrange):
            raise ValidationError(f"This visit is {visit.get_status_display().lower()}")
        if not visit.is_upcoming:
            raise ValidationError("This visit's time has passed")
        if not meeting_officer.is_active:
            raise ValidationError({"meeting_officer": "Select a current officer"})
        visit.arrange()
        visit.meeting_officer = meeting_officer
        visit.conditions = conditions.strip()
        visit.arranged_by = actor
        visit.arranged_at = timezone.now()
        visit._history_user = actor
        visit.save(
            update_fields=["status", "meeting_officer", "conditions", "arranged_by", "arranged_at"]
        )
        audit_case(
            visit,
            "arranged",
            actor=actor,
            summary=f"Arranged: {meeting_officer} will meet {visit.councillor}.",
            meeting_officer=meeting_officer,
        )
        _notify(
            [visit.councillor.user, meeting_officer.user],
            "visit_arranged",
            visit,
            "arranged",
        )
    return visit


def visit_cancel(*, actor, visit: Visit, reason: str = "") -> Visit:
    """The councillor cancels their visit; the Director (and any officer due to meet them)
    are told."""
    with transaction.atomic():
        visit = lock(visit, *LOCK_RELATED)
        require(can_cancel, actor, visit)
        if not can_proceed(visit.cancel):
            raise ValidationError("This visit is already cancelled")
        if not visit.is_upcoming:
            raise ValidationError("This visit's time has passed")
        visit.cancel()
        visit.cancelled_at = timezone.now()
        visit.cancel_reason = reason.strip()
        visit._history_user = actor
        visit.save(update_fields=["status", "cancelled_at", "cancel_reason"])
        audit_case(visit, "cancelled", actor=actor, summary=f"Cancelled by {visit.councillor}.")
        told = [visit.director, visit.meeting_officer]
        _notify(
            [officer.user for officer in told if officer is not None],
            "visit_cancelled",
            visit,
            "cancelled",
        )
    return visit
