"""The political groups' decisions waiting for someone (the kernel's registry of decision
sources): briefing requests for the Chief Executive to clear, nominate for or decline."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from protocol_site.decisions import DecisionSource, register_decision_source
from registers.roles import Role, person_for

from .models import BriefingRequest
from .models.briefings import Status


def briefings_to_clear(user) -> QuerySet[BriefingRequest] | None:
    if not person_for(user).has(Role.CHIEF_EXECUTIVE):
        return None
    return (
        BriefingRequest.objects.filter(status=Status.REQUESTED)
        .select_related("group")
        .order_by("meeting_date", "pk")
    )


def _briefing_row(briefing: BriefingRequest) -> dict:
    return {
        "reference": briefing.reference,
        "title": f"{briefing.group}: {briefing.subject}",
        "url": reverse("groups:detail", args=[briefing.pk]),
        "since": briefing.created_at,
    }


def register_briefing_decisions() -> None:
    register_decision_source(
        DecisionSource(
            key="briefings",
            label="Briefing requests to clear",
            waiting=briefings_to_clear,
            row=_briefing_row,
            order=50,
        )
    )
