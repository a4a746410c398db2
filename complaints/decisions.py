"""The complaints' decisions waiting for someone (the kernel's registry of decision sources):
complaint stages handed to this person and not yet acknowledged."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.urls import reverse

from protocol_site.decisions import DecisionSource, register_decision_source
from registers.roles import Role, person_for

from .models import ComplaintStage, Status


def stages_to_acknowledge(user) -> QuerySet[ComplaintStage] | None:
    """Officers handle complaint stages; a Group Leader those about the group's members."""
    person = person_for(user)
    if person.officer is None and not person.has(Role.GROUP_LEADER):
        return None
    return (
        ComplaintStage.objects.filter(
            Q(handler=user) | Q(co_handler=user),
            status=ComplaintStage.Status.OPEN,
            complaint__status=Status.OPEN,
        )
        .select_related("complaint")
        .order_by("acknowledge_by", "pk")
    )


def _stage_row(stage: ComplaintStage) -> dict:
    return {
        "reference": stage.complaint.reference,
        "title": f"Stage {stage.number}: acknowledge by {stage.acknowledge_by:%-d %B %Y}",
        "url": reverse("complaints:detail", args=[stage.complaint_id]),
        "since": stage.opened_at,
    }


def register_complaint_decisions() -> None:
    register_decision_source(
        DecisionSource(
            key="complaint-stages",
            label="Complaint stages to acknowledge",
            waiting=stages_to_acknowledge,
            row=_stage_row,
            order=40,
        )
    )
