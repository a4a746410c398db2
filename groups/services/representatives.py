"""GRP-8, 004 §8.2: an officer's meeting with a councillor from another council or an MP, not on
a cross-party basis: the Chief Executive's prior authorisation, every Group Leader informed,
and the local councillor present."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import audit_case, create_with_reference, lock, long_date, notify, require
from protocol_site.protocol_refs import protocol_ref
from registers.models import Councillor, Ward
from registers.roles import person_for

from .. import permissions
from ..models import RepresentativeMeeting
from .common import (
    chief_executive_user,
    group_leaders,
)

Status = RepresentativeMeeting.Status


def _require_requested(meeting: RepresentativeMeeting) -> None:
    if meeting.status != Status.REQUESTED:
        raise ValidationError(f"{meeting.reference} is {meeting.get_status_display().lower()}")


def arrangements(meeting: RepresentativeMeeting) -> str:
    return (
        f"{meeting.officer} will meet {meeting.representative} ({meeting.representative_role}) "
        f"on {long_date(meeting.meeting_date)} about {meeting.subject}, with "
        f"{meeting.local_councillor}, councillor for {meeting.ward}, present."
    )


def representative_meeting_request(
    *,
    actor,
    kind: str,
    representative: str,
    representative_role: str,
    subject: str,
    meeting_date: date,
    ward: Ward,
    local_councillor: Councillor,
) -> RepresentativeMeeting:
    """The officer asks the Chief Executive's prior authorisation (004 §8.2)."""
    officer = person_for(actor).officer
    if officer is None:
        raise PermissionDenied("Only an officer asks to meet another elected representative.")
    errors = {}
    if kind not in RepresentativeMeeting.Kind.values:
        errors["kind"] = "Say who the representative is"
    for name, value, message in (
        ("representative", representative, "Enter their name"),
        ("representative_role", representative_role, "Enter their office"),
        ("subject", subject, "Enter the subject"),
    ):
        if not value.strip():
            errors[name] = message
    if meeting_date < timezone.localdate():
        errors["meeting_date"] = "Authorisation comes first: the meeting must be in the future"
    if local_councillor.ward_id != ward.pk:
        errors["local_councillor"] = f"Select a councillor for {ward}"
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        meeting = create_with_reference(
            RepresentativeMeeting,
            prefix="REP",
            on=now,
            officer=officer,
            kind=kind,
            representative=representative.strip(),
            representative_role=representative_role.strip(),
            subject=subject.strip(),
            meeting_date=meeting_date,
            ward=ward,
            local_councillor=local_councillor,
            created_at=now,
        )
        audit_case(meeting, "requested", actor=actor, summary=arrangements(meeting))
        notify(
            [chief_executive_user()],
            "representative_meeting_requested",
            {"meeting": meeting},
            key=f"representative:{meeting.pk}:requested",
        )
    return meeting


def representative_meeting_authorise(
    *, actor, meeting: RepresentativeMeeting, note: str = ""
) -> RepresentativeMeeting:
    """The Chief Executive authorises it and informs every Group Leader (004 §8.2)."""
    require(permissions.can_decide_meeting, actor, meeting)
    with transaction.atomic():
        meeting = lock(meeting, "officer__user", "local_councillor__user", "ward")
        _require_requested(meeting)
        meeting.authorise()
        meeting.decided_by, meeting.decided_at = actor, timezone.now()
        meeting.decision_note = note.strip()
        meeting.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit_case(meeting, "authorised", actor=actor, summary=meeting.decision_note)
        notify(
            [meeting.officer.user, meeting.local_councillor.user],
            "representative_meeting_authorised",
            {"meeting": meeting},
            key=f"representative:{meeting.pk}:authorised",
        )
        notify(
            group_leaders(),
            "representative_meeting_leaders_told",
            {"meeting": meeting},
            key=f"representative:{meeting.pk}:leaders",
        )
    return meeting


def representative_meeting_refuse(
    *, actor, meeting: RepresentativeMeeting, reason: str
) -> RepresentativeMeeting:
    require(permissions.can_decide_meeting, actor, meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reasons"})
    with transaction.atomic():
        meeting = lock(meeting, "officer__user", "local_councillor__user", "ward")
        _require_requested(meeting)
        meeting.refuse()
        meeting.decided_by, meeting.decided_at = actor, timezone.now()
        meeting.decision_note = reason.strip()
        meeting.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit_case(meeting, "refused", actor=actor, summary=meeting.decision_note)
        notify(
            [meeting.officer.user],
            "representative_meeting_refused",
            {"meeting": meeting},
            key=f"representative:{meeting.pk}:refused",
        )
    return meeting


def representative_meeting_record(
    *, actor, meeting: RepresentativeMeeting, held_on: date, local_councillor_present: bool
) -> RepresentativeMeeting:
    """The officer records the meeting, held with the local councillor present."""
    require(permissions.can_record_meeting, actor, meeting)
    errors = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "The date must be today or in the past"
    if not local_councillor_present:
        errors["local_councillor_present"] = (
            f"The meeting is held with {meeting.local_councillor} present"
            f"{protocol_ref('representative_meeting')}. If they "
            "were not there, raise it with the Chief Executive."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = lock(meeting, "officer__user", "local_councillor__user", "ward")
        if meeting.status != Status.AUTHORISED:
            raise ValidationError(f"{meeting.reference} is not authorised")
        meeting.hold()
        meeting.held_on = held_on
        meeting.local_councillor_present = True
        meeting.save(update_fields=["status", "held_on", "local_councillor_present"])
        audit_case(
            meeting,
            "held",
            actor=actor,
            summary=f"Held on {long_date(held_on)} with {meeting.local_councillor} present.",
        )
    return meeting
