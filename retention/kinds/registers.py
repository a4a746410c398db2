"""Members' visits to council premises (school and unannounced visits among them) and
members' training and induction attendance, counted from the visit's or the session's date.

A visit's purpose, its special circumstances, its conditions and its reason for cancelling go,
from the field history too; the councillor, the premises, the service and directorate, the
officers and the status stay, for the counts. An attendance record holds nothing but who came
to which session, both kept for the training figures: anonymising it removes the audit
trail's words about it and who recorded it."""

from __future__ import annotations

from django.db.models import Q

from registers.models import TrainingAttendance, Visit

from ..models import RecordKind
from . import CaseKind, passed, stamp, wipe_text

VISIT_TEXT = ("purpose", "unannounced_reason", "conditions", "cancel_reason")


def _visit_party_to(user) -> Q:
    return (
        Q(councillor__user=user)
        | Q(director__user=user)
        | Q(meeting_officer__user=user)
        | Q(arranged_by=user)
    )


def _visit_roles(visit: Visit) -> dict[int, str]:
    roles = {}
    if visit.arranged_by_id:
        roles[visit.arranged_by_id] = "whoever arranged it"
    for officer, words in (
        (visit.director, "the Director told"),
        (visit.meeting_officer, "the officer meeting the member"),
    ):
        if officer is not None and officer.user_id:
            roles[officer.user_id] = words
    roles[visit.councillor.user_id] = "the member visiting"
    return roles


def _visit_wipe(visit: Visit) -> list[str]:
    wipe_text(visit, VISIT_TEXT)
    return []


def _visit_export(visit: Visit) -> dict:
    return {
        "reference": visit.reference,
        "councillor": str(visit.councillor),
        "premises": visit.premises,
        "school": visit.school,
        "service": str(visit.service),
        "status": visit.get_status_display(),
        "starts_at": stamp(visit.starts_at),
        "purpose": visit.purpose,
        "special_circumstances": visit.unannounced_reason,
        "director_told": str(visit.director or ""),
        "officer_meeting_the_member": str(visit.meeting_officer or ""),
        "conditions": visit.conditions,
        "requested_at": stamp(visit.requested_at),
        "arranged_at": stamp(visit.arranged_at),
        "cancelled_at": stamp(visit.cancelled_at),
        "reason_for_cancelling": visit.cancel_reason,
    }


VISITS = CaseKind(
    kind=RecordKind.VISIT,
    model=Visit,
    prefix="VISIT",
    ended_before=lambda cutoff: passed("starts_at", cutoff),
    party_to=_visit_party_to,
    roles=_visit_roles,
    wipe=_visit_wipe,
    export=_visit_export,
    url_name="visits:detail",
)


def _training_export(place: TrainingAttendance) -> dict:
    session = place.session
    return {
        "reference": place.reference,
        "councillor": str(place.councillor),
        "session": session.title,
        "kind": session.get_kind_display(),
        "held_on": stamp(session.held_on),
        "provider": session.provider,
        "attended": place.attended,
    }


TRAINING = CaseKind(
    kind=RecordKind.TRAINING,
    model=TrainingAttendance,
    prefix="TRAINING",
    ended_before=lambda cutoff: passed("session__held_on", cutoff, day=True),
    party_to=lambda user: Q(councillor__user=user),
    roles=lambda place: {place.councillor.user_id: "the councillor"},
    wipe=lambda place: [],
    export=_training_export,
    url_name="manage:trainingattendance_detail",
)
