"""The enquiries panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from django.utils import timezone

from protocol_site.tally import tally
from registers.roles import Person

from ..permissions import can_record
from ..selectors import enquiries_visible_to, officer_queue, queue_filter
from .common import can_see_performance, can_see_volumes, manages_a_team, uses_enquiries
from .saved import counted_views

LATEST = 5


def enquiries_home_panel(person: Person) -> dict | None:
    if not uses_enquiries(person):
        return None
    user = person.user
    panel = {
        "template": "enquiries/_home_panel.html",
        "today": timezone.localdate(),
        "can_log": person.councillor is not None,
        "can_record": can_record(person),
        "can_see_performance": can_see_performance(person),
        "can_see_volumes": can_see_volumes(person),
    }
    if person.councillor is not None:
        panel["latest"] = list(
            enquiries_visible_to(user)
            .filter(councillor=person.councillor)
            .select_related("assigned_to__user")
            .order_by("-received_at", "-pk")[:LATEST]
        )
    # The person's saved views, each counted in the home page's one query of counts.
    panel["saved_views"] = counted_views(person)
    if person.officer is not None:
        queue = officer_queue(user)
        panel["counts"] = {
            view: tally(queue_filter(queue, view)) for view in ("open", "due_soon", "overdue")
        }
        panel["escalated_to_me"] = tally(
            queue_filter(queue.filter(escalated_to=person.officer), "open")
        )
        if manages_a_team(person):
            # The same selector as "All I can see" on the list and the API: yours and your
            # teams', down the whole structure below you.
            panel["reach_open"] = tally(queue_filter(enquiries_visible_to(user), "open"))
    return panel
