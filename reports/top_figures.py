"""The annual report's figures for the top of the council: complaints about the Chief Executive
handled with the Senior Human Resources Manager, upheld complaints about members sent to the
Chief Executive and decided, officers who went straight to the Standards Committee, and the
Chief Executive's rulings on the protocol. Two queries."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from complaints.models import (
    ChiefExecutiveDecision,
    Complaint,
    ComplaintEvent,
    ComplaintStage,
    InterpretationRuling,
)

from .selectors import Period


def complaints_at_the_top(period: Period) -> dict[str, int]:
    """Counts of the period's complaints by these routes, and the rulings dated in it."""
    decisions = ChiefExecutiveDecision.objects.filter(complaint=OuterRef("pk"))
    joint = ComplaintStage.objects.filter(complaint=OuterRef("pk"), co_handler__isnull=False)
    straight = ComplaintEvent.objects.filter(
        complaint=OuterRef("pk"), kind=ComplaintEvent.Kind.STANDARDS_COMMITTEE
    )
    decided = decisions.filter(status=ChiefExecutiveDecision.Status.DECIDED)
    counts = (
        Complaint.objects.filter(period.at("created_at"))
        .order_by()
        .aggregate(
            joint=Count("pk", filter=Q(Exists(joint))),
            to_chief_executive=Count("pk", filter=Q(Exists(decisions))),
            decided=Count("pk", filter=Q(Exists(decided))),
            straight_to_standards_committee=Count("pk", filter=Q(Exists(straight))),
        )
    )
    counts["rulings"] = InterpretationRuling.objects.filter(period.on("ruled_on")).count()
    return counts
