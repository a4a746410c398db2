"""The notices panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from registers.roles import Person

from ..permissions import can_declare_periods, can_publish
from ..selectors import recent_ward_notices, uses_ward_notices


def notices_home_panel(person: Person) -> dict | None:
    if not getattr(person.user, "is_authenticated", False):
        return None
    councillor = person.councillor
    return {
        "template": "notices/_home_panel.html",
        "uses_notices": uses_ward_notices(person),
        "may_publish": can_publish(person.user),
        "may_declare": can_declare_periods(person.user),
        "ward": councillor.ward if councillor is not None and councillor.ward_id else None,
        "recent": recent_ward_notices(person),
    }
