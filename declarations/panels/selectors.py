"""Reads of the panels record. Only democratic services and the Monitoring Officer reach it:
for anyone else the queryset is empty, so a panel is a 404 as well as the pages a 403."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from protocol_site.access import visible_or_404
from registers.manage.selectors import HistoryEntry, history_for
from registers.models import Councillor
from registers.roles import person_for

from ..models import Panel
from .rules import keeps_panels


def serving_councillors(keep: list[int]):
    """Councillors in office today, and anyone already on the panel."""
    return (
        (Councillor.objects.serving() | Councillor.objects.filter(pk__in=keep))
        .select_related("user", "group")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def panels_for(user) -> QuerySet[Panel]:
    if not keeps_panels(person_for(user)):
        return Panel.objects.none()
    return (
        Panel.objects.select_related("post", "officer__user", "created_by")
        .annotate(member_count=Count("members"))
        .order_by("-meets_on", "-pk")
    )


def panel_for(user, pk: int) -> Panel:
    return visible_or_404(panels_for(user), pk=pk)


def members_of(panel: Panel) -> list[Councillor]:
    return list(
        panel.members.select_related("user", "group").order_by(
            "user__last_name", "user__first_name"
        )
    )


def panel_history(panel: Panel) -> list[HistoryEntry]:
    """Each field's history (registers' change history), with who joined or left the panel."""
    entries = history_for(panel)
    records = list(
        panel.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True)[
            : len(entries) + 1
        ]
    )
    through = type(panel).history.model._meta.get_field("historicalpanel_members").related_model
    names: dict[int, list[str]] = {history_id: [] for history_id in records}
    rows = through.objects.filter(history_id__in=records, councillor__isnull=False)
    for row in rows.select_related("councillor__user"):
        names[row.history_id].append(str(row.councillor))
    sitting = [sorted(names[history_id]) for history_id in records]
    for index, entry in enumerate(entries):
        if index + 1 >= len(records) or entry.kind != "Changed":
            continue
        old, new = sitting[index + 1], sitting[index]
        if old != new:
            entry.changes.append(("Members", ", ".join(old) or "none", ", ".join(new) or "none"))
    return entries
