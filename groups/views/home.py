"""The briefings panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from protocol_site.tally import tally
from registers.roles import Person, Role

from ..models import Status
from ..selectors import briefings_visible_to, offers_visible_to, uses_briefings
from ..services.common import confidential_roles
from .common import may_request


def _may_request(person: Person):
    """`may_request`, its lookup counted with the page's other figures (a number of roles,
    true when any)."""
    councillor = person.councillor
    if person.has(Role.GROUP_LEADER) or councillor is None or not councillor.group_id:
        return may_request(person)
    return tally(confidential_roles(councillor))


def briefings_home_panel(person: Person) -> dict | None:
    if not uses_briefings(person):
        return None
    user = person.user
    visible = briefings_visible_to(user)
    panel = {"template": "groups/_home_panel.html", "may_request": _may_request(person)}
    leads = (
        getattr(person.councillor, "leads_group", None) if person.has(Role.GROUP_LEADER) else None
    )
    if leads is not None:
        panel["induction_group"] = leads.pk
    if person.councillor is not None and person.councillor.group_id:
        panel["group_open"] = tally(visible.open().filter(group_id=person.councillor.group_id))
        panel["offers"] = tally(offers_visible_to(user).filter(received_at__isnull=True))
    if person.has(Role.CHIEF_EXECUTIVE):
        panel["to_decide"] = tally(visible.filter(status=Status.REQUESTED))
    if person.officer is not None:
        panel["assigned"] = tally(visible.filter(officer=person.officer, status=Status.CLEARED))
    # Members of a group and the Chief Executive always; other officers when they have work.
    if "group_open" in panel or "to_decide" in panel:
        return panel
    if "assigned" not in panel or panel["assigned"] == 0:
        return None
    panel["hide_when_zero"] = "assigned"  # the home page drops it once the count is known
    return panel
