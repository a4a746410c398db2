"""The notices panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from registers.roles import Person

from ..selectors import may_declare_periods, may_publish, recent_ward_notices, uses_ward_notices


def notices_home_panel(person: Person) -> dict | None:
    if not getattr(person.user, "is_authenticated", False):
        return None
    councillor = person.councillor
    return {
        "template": "notices/_home_panel.html",
        "uses_notices": uses_ward_notices(person),
        "may_publish": may_publish(person),
        "may_declare": may_declare_periods(person),
        "ward": councillor.ward if councillor is not None and councillor.ward_id else None,
        "recent": recent_ward_notices(person),
    }
