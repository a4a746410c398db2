"""Reads for the top of the council: the Chief Executive's rulings (Group Leaders, the Chief
Executive, the Monitoring Officer and democratic services read them; nobody else) and the
Chief Executive's decision on a complaint (whoever may see the complaint)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from protocol_site.access import visible_or_404

from ..models import ChiefExecutiveDecision, Complaint, InterpretationRuling, Outcome
from ..permissions import can_read_rulings


def rulings_visible_to(user) -> QuerySet[InterpretationRuling]:
    if not can_read_rulings(user):
        raise PermissionDenied(can_read_rulings.denied)
    return InterpretationRuling.objects.select_related("made_by").order_by("-ruled_on", "-pk")


def ruling_for(user, pk) -> InterpretationRuling:
    return visible_or_404(rulings_visible_to(user), pk=pk)


def decision_on(complaint: Complaint) -> ChiefExecutiveDecision | None:
    """The Chief Executive's decision on a complaint the reader already sees: one query, and
    only for an officer's complaint about a member that was upheld."""
    if complaint.direction != Complaint.Direction.OFFICER_ABOUT_MEMBER or complaint.outcome not in (
        Outcome.UPHELD,
        Outcome.PARTLY_UPHELD,
    ):
        return None
    return (
        ChiefExecutiveDecision.objects.select_related(
            "leader__user", "group_leader__user", "standards_chair__user", "decided_by"
        )
        .filter(complaint=complaint)
        .first()
    )
