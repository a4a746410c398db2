"""The briefings panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from registers.roles import Person, Role

from ..models import Status
from ..selectors import briefings_visible_to, offers_visible_to, uses_briefings
from .common import may_request


def briefings_home_panel(person: Person) -> dict | None:
    if not uses_briefings(person):
        return None
    user = person.user
    visible = briefings_visible_to(user)
    panel = {"template": "groups/_home_panel.html", "may_request": may_request(person)}
    if person.councillor is not None and person.councillor.group_id:
        panel["group_open"] = visible.filter(
            group_id=person.councillor.group_id, status__in=(Status.REQUESTED, Status.CLEARED)
        ).count()
        panel["offers"] = offers_visible_to(user).filter(received_at__isnull=True).count()
    if person.has(Role.CHIEF_EXECUTIVE):
        panel["to_decide"] = visible.filter(status=Status.REQUESTED).count()
    if person.officer is not None:
        panel["assigned"] = visible.filter(officer=person.officer, status=Status.CLEARED).count()
    # Members of a group and the Chief Executive always; other officers when they have work.
    if not ("group_open" in panel or "to_decide" in panel or panel.get("assigned")):
        return None
    return panel
