"""The complaints panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from protocol_site.tally import tally
from registers.roles import Person

from ..selectors import (
    complaints_copied_to,
    complaints_handled_by,
    complaints_visible_to,
    mo_queue,
    standing_in_for_monitoring_officer,
)
from .common import is_mo, manages_a_team, uses_complaints


def complaints_home_panel(person: Person) -> dict | None:
    if not uses_complaints(person):
        return None
    user = person.user
    panel = {
        "template": "complaints/_home_panel.html",
        "raised": tally(complaints_visible_to(user).filter(complainant=user)),
        "handling": tally(complaints_handled_by(user)),
        # Each count is the list its link opens: the same selector, the same status filter.
        "reported": tally(complaints_copied_to(user).open()),
        "is_mo": is_mo(person),
    }
    if panel["is_mo"]:
        panel["queue"] = tally(mo_queue(user).open())
    elif manages_a_team(person):
        # The "All you can see" tab's open complaints: the stages handled under you too.
        panel["reach_open"] = tally(complaints_visible_to(user).open())
    if person.is_deputy_monitoring_officer and not panel["is_mo"]:
        panel["standing_in"] = tally(standing_in_for_monitoring_officer(user).open())
    return panel
