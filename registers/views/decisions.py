"""Waiting for your decision: the home panel and the list it opens, read from the kernel's
registry of decision sources (protocol_site.decisions) so the two always agree; and the
registers' own source, members' visits to arrange."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from protocol_site.decisions import DecisionSource, register_decision_source, waiting_for
from protocol_site.tally import tally

from ..models import Visit
from ..roles import Person, person_for
from ..selectors import visits_visible_to

# A list longer than this says how many more there are rather than showing them all.
LIMIT = 100


def decisions_panel(person: Person) -> dict | None:
    """The home panel: one line per kind of decision this person takes, counted with the
    same queryset the list shows."""
    if person.user is None or not person.user.is_authenticated:
        return None
    sources = waiting_for(person.user)
    if not sources:
        return None
    return {
        "template": "registers/_decisions_panel.html",
        "lines": [
            {"key": source.key, "label": source.label, "count": tally(queryset)}
            for source, queryset in sources
        ],
    }


@require_GET
def decision_list(request):
    sections = []
    for source, queryset in waiting_for(request.user):
        records = list(queryset[: LIMIT + 1])
        sections.append(
            {
                "key": source.key,
                "label": source.label,
                "rows": [source.row(record) for record in records[:LIMIT]],
                "more": len(records) > LIMIT,
            }
        )
    return render(request, "registers/decisions.html", {"sections": sections})


def visits_to_arrange(user) -> QuerySet[Visit] | None:
    """Coming visits to the directorates this person directs, asked for and not yet arranged."""
    directed = person_for(user).directed_directorate_ids
    if not directed:
        return None
    return (
        visits_visible_to(user)
        .filter(
            directorate_id__in=directed,
            status=Visit.Status.REQUESTED,
            starts_at__gt=timezone.now(),
        )
        .select_related("councillor__user", "directorate")
        .order_by("starts_at", "pk")
    )


def _visit_row(visit: Visit) -> dict:
    return {
        "reference": visit.premises,
        "title": f"{visit.councillor}, {timezone.localtime(visit.starts_at):%-d %B %Y %H:%M}",
        "url": reverse("visits:detail", args=[visit.pk]),
        "since": visit.requested_at,
    }


VISITS = DecisionSource(
    key="visits",
    label="Visits to arrange",
    waiting=visits_to_arrange,
    row=_visit_row,
    order=70,
)


def register_visits_source() -> None:
    register_decision_source(VISITS)
