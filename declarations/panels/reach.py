"""A declaration made, re-confirmed or changed reaches the panels still to meet: a member it
relates to the officer concerned stands down (they may not take part, 003 §6.2, 002 §6). Nobody
can be chosen in their place automatically, so the panel is flagged to the Monitoring Officer."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.cases import lock
from registers.roles import person_for

from ..models import Declaration, Panel
from ..reach import Outcome, flag_to_monitoring_officer, reach_once
from .rules import keeps_panels

STOOD_DOWN = (
    "{member} stood down from the panel: they may not take part. Nobody has taken their place yet."
)


def shared_panels(declaration: Declaration):
    """Panels still to meet about one of the two, with the other sitting."""
    a, b = declaration.declarer_id, declaration.other_party_id
    return (
        Panel.objects.filter(meets_on__gte=timezone.localdate())
        .filter(
            (Q(officer__user_id=a) & Q(members__user_id=b))
            | (Q(officer__user_id=b) & Q(members__user_id=a))
        )
        .distinct()
        .order_by("pk")
    )


def panels_visible(user, ids: list[int]) -> set[int]:
    """Only those who keep the panels' record see them."""
    return set(ids) if keeps_panels(person_for(user)) else set()


def panels_reach(declaration: Declaration, actor) -> None:
    """The finder registered in DeclarationsConfig.ready."""
    for panel in shared_panels(declaration):
        day = panel.meets_on
        reach_once(
            declaration,
            case_type="panel",
            case=panel,
            reference=f"{panel.get_purpose_display()} panel, {day.day} {day:%b %Y}",
            url=reverse("panels:detail", args=[panel.pk]),
            act=lambda panel=panel: _stand_down(panel, declaration, actor=actor),
        )


def _stand_down(panel: Panel, declaration: Declaration, *, actor) -> tuple[str, str] | None:
    panel = lock(panel, "officer__user")
    parties = {declaration.declarer_id, declaration.other_party_id}
    if panel.officer is None or panel.officer.user_id not in parties:
        return None
    members = list(panel.members.select_related("user").filter(user_id__in=parties))
    if not members:
        return None
    panel._history_user = actor
    panel.members.remove(*members)
    summary = " ".join(STOOD_DOWN.format(member=member) for member in members)
    audit_record(
        actor=actor,
        action="declarations.panel.member_stood_down",
        obj=panel,
        summary=f"{panel}: {summary}"[:500],
        after={"members_removed": [m.pk for m in members], "declaration": declaration.reference},
    )
    flag_to_monitoring_officer(declaration, reference=str(panel)[:100], summary=summary)
    return Outcome.FLAGGED, summary
