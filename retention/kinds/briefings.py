"""Political group briefings: the period starts when the request was closed. Its subject and
text, who else was present, the briefing note's facts and options, and every timeline text
go; the group, the kind of briefing, the officer's attendance and the dates stay, for the
equal-access counts."""

from __future__ import annotations

from django.db.models import Q

from groups.models import BriefingEvent, BriefingNote, BriefingRequest

from ..models import RecordKind
from . import CaseKind, stamp

TEXT_FIELDS = (
    "details",
    "others_present",
    "non_council_names",
    "decision_meeting",
    "decline_reason",
    "exception_text",
)


def _party_to(user) -> Q:
    return (
        Q(requested_by=user)
        | Q(addressed_to__user=user)
        | Q(decided_by=user)
        | Q(officer__user=user)
        | Q(shares__user=user)
        | Q(events__actor=user)
        | Q(note__author=user)
    )


def _roles(briefing: BriefingRequest) -> dict[int, str]:
    roles = {share.user_id: "a person it was shared with" for share in briefing.shares.all()}
    if briefing.decided_by_id:
        roles[briefing.decided_by_id] = "the Chief Executive"
    roles[briefing.addressed_to.user_id] = "the officer asked"
    if briefing.officer is not None:
        roles[briefing.officer.user_id] = "the briefing officer"
    roles[briefing.requested_by_id] = "the group member who asked"
    return roles


def _wipe(briefing: BriefingRequest) -> list[str]:
    BriefingRequest.objects.filter(pk=briefing.pk).update(
        subject=f"Briefing {briefing.reference}", **dict.fromkeys(TEXT_FIELDS, "")
    )
    BriefingNote.objects.filter(request=briefing).update(facts="", options="")
    BriefingEvent.objects.filter(request=briefing).update(detail="", actor=None)
    return []


def _export(briefing: BriefingRequest) -> dict:
    note = BriefingNote.objects.filter(request=briefing).first()
    return {
        "reference": briefing.reference,
        "kind": briefing.get_kind_display(),
        "group": str(briefing.group),
        "requested_by": str(briefing.requested_by),
        "addressed_to": str(briefing.addressed_to),
        "status": briefing.get_status_display(),
        "created_at": stamp(briefing.created_at),
        "closed_at": stamp(briefing.closed_at),
        "subject": briefing.subject,
        "topic": briefing.topic,
        "details": briefing.details,
        "note": {"facts": note.facts, "options": note.options} if note else None,
    }


BRIEFINGS = CaseKind(
    kind=RecordKind.BRIEFING,
    model=BriefingRequest,
    ended_before=lambda cutoff: Q(closed_at__lt=cutoff),
    party_to=_party_to,
    roles=_roles,
    wipe=_wipe,
    export=_export,
    timeline="events",
    url_name="groups:detail",
)
