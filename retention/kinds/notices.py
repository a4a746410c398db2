"""Members' public meetings and ward notices (a matter, a public meeting, a consultation, or
media interest in the ward), counted from their date: the meeting's, the consultation's
closing day, or otherwise when the notice was recorded or last changed. A meeting's subject
and details and a notice's title, details and reason for withdrawing go, from the field
history too; the councillor, the service, the officer told, the wards, the kind, the place and
the dates stay, for the counts."""

from __future__ import annotations

from django.db.models import Q

from notices.models import MemberMeeting, WardNotice

from ..models import RecordKind
from . import CaseKind, passed, stamp, wipe_text


def _meeting_party_to(user) -> Q:
    return Q(councillor__user=user) | Q(officer__user=user) | Q(cancelled_by=user)


def _meeting_roles(meeting: MemberMeeting) -> dict[int, str]:
    roles = {}
    if meeting.cancelled_by_id:
        roles[meeting.cancelled_by_id] = "whoever cancelled it"
    if meeting.officer.user_id:
        roles[meeting.officer.user_id] = "the officer told"
    roles[meeting.councillor.user_id] = "the member holding the meeting"
    return roles


def _meeting_wipe(meeting: MemberMeeting) -> list[str]:
    wipe_text(meeting, ("details",), subject=f"Public meeting {meeting.reference}")
    return []


def _meeting_export(meeting: MemberMeeting) -> dict:
    return {
        "reference": meeting.reference,
        "councillor": str(meeting.councillor),
        "subject": meeting.subject,
        "meeting_at": stamp(meeting.meeting_at),
        "place": meeting.place,
        "service": str(meeting.service),
        "officer_told": str(meeting.officer),
        "told_at": stamp(meeting.told_at),
        "cancelled_at": stamp(meeting.cancelled_at),
        "details": meeting.details,
    }


MEMBER_MEETINGS = CaseKind(
    kind=RecordKind.MEMBER_MEETING,
    model=MemberMeeting,
    prefix="MEETING",
    ended_before=lambda cutoff: passed("meeting_at", cutoff),
    party_to=_meeting_party_to,
    roles=_meeting_roles,
    wipe=_meeting_wipe,
    export=_meeting_export,
    url_name="member_meetings:detail",
)

Kind = WardNotice.Kind


def _notice_ended_before(cutoff) -> Q:
    meeting = Q(kind=Kind.PUBLIC_MEETING) & passed("meeting_at", cutoff)
    consultation = Q(kind=Kind.CONSULTATION) & passed("consultation_closes_on", cutoff, day=True)
    last_changed = passed("recorded_at", cutoff) & (
        Q(changed_at__isnull=True) | passed("changed_at", cutoff)
    )
    other = Q(kind__in=[Kind.MATTER, Kind.MEDIA_INTEREST]) & last_changed
    return meeting | consultation | other


def _notice_roles(notice: WardNotice) -> dict[int, str]:
    roles = {}
    if notice.withdrawn_by_id:
        roles[notice.withdrawn_by_id] = "whoever withdrew it"
    roles[notice.recorded_by_id] = "the officer who recorded it"
    return roles


def _notice_wipe(notice: WardNotice) -> list[str]:
    wipe_text(notice, ("details", "withdraw_reason"), title=f"Ward notice {notice.reference}")
    return []


def _notice_export(notice: WardNotice) -> dict:
    return {
        "reference": notice.reference,
        "kind": notice.get_kind_display(),
        "title": notice.title,
        "wards": [str(ward) for ward in notice.wards.all()],
        "meeting_at": stamp(notice.meeting_at),
        "place": notice.place,
        "consultation_closes_on": stamp(notice.consultation_closes_on),
        "recorded_by": str(notice.recorded_by),
        "recorded_at": stamp(notice.recorded_at),
        "changed_at": stamp(notice.changed_at),
        "withdrawn_at": stamp(notice.withdrawn_at),
        "withdraw_reason": notice.withdraw_reason,
        "details": notice.details,
    }


WARD_NOTICES = CaseKind(
    kind=RecordKind.WARD_NOTICE,
    model=WardNotice,
    prefix="NOTICE",
    ended_before=_notice_ended_before,
    party_to=lambda user: Q(recorded_by=user) | Q(withdrawn_by=user),
    roles=_notice_roles,
    wipe=_notice_wipe,
    export=_notice_export,
    url_name="notices:detail",
)
