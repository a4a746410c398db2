"""Member and officer complaints: closed (resolved, referred or withdrawn) is when the period
starts. The complaint's text, every stage's notes and every timeline text go; its direction,
stages, outcome and dates stay, for the counts."""

from __future__ import annotations

from django.db.models import Q

from complaints.models import CLOSED_STATUSES, Complaint, ComplaintEvent, ComplaintStage
from complaints.search import search_index

from ..models import RecordKind
from . import CaseKind, stamp


def _party_to(user) -> Q:
    return (
        Q(complainant=user)
        | Q(subject_officer__user=user)
        | Q(subject_councillor__user=user)
        | Q(current_handler=user)
        | Q(stages__handler=user)
        | Q(events__actor=user)
        | Q(copies__user=user)
    )


def _roles(complaint: Complaint) -> dict[int, str]:
    roles = {
        copy.user_id: copy.role.lower() or "a person copied" for copy in complaint.copies.all()
    }
    for stage in complaint.stages.all():
        if stage.handler_id:
            roles[stage.handler_id] = (
                f"the stage {stage.number} handler ({stage.handler_role.lower()})"
            )
    if complaint.subject_officer is not None:
        roles[complaint.subject_officer.user_id] = "the officer complained about"
    if complaint.subject_councillor is not None:
        roles[complaint.subject_councillor.user_id] = "the member complained about"
    roles[complaint.complainant_id] = "the complainant"
    return roles


def _wipe(complaint: Complaint) -> list[str]:
    Complaint.objects.filter(pk=complaint.pk).update(
        summary=f"Complaint {complaint.reference}", details=""
    )
    ComplaintStage.objects.filter(complaint=complaint).update(
        opened_reason="", outcome_note="", management_note=""
    )
    ComplaintEvent.objects.filter(complaint=complaint).update(detail="", actor=None)
    search_index(complaint)  # its words leave the search with them
    return []


def _export(complaint: Complaint) -> dict:
    return {
        "reference": complaint.reference,
        "direction": complaint.get_direction_display(),
        "complainant": str(complaint.complainant),
        "about": str(complaint.subject_officer or complaint.subject_councillor or ""),
        "status": complaint.get_status_display(),
        "outcome": complaint.get_outcome_display() if complaint.outcome else "",
        "created_at": stamp(complaint.created_at),
        "closed_at": stamp(complaint.closed_at),
        "summary": complaint.summary,
        "details": complaint.details,
    }


COMPLAINTS = CaseKind(
    kind=RecordKind.COMPLAINT,
    model=Complaint,
    ended_before=lambda cutoff: Q(status__in=CLOSED_STATUSES, closed_at__lt=cutoff),
    party_to=_party_to,
    roles=_roles,
    wipe=_wipe,
    export=_export,
    timeline="events",
    url_name="complaints:detail",
)
