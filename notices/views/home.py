"""The notices panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from protocol_site.tally import tally
from registers.roles import Person

from ..permissions import can_declare_periods, can_publish
from ..selectors import (
    protocol_unread_for,
    reads_the_protocol,
    recent_ward_notices,
    uses_ward_notices,
)


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
        # The current protocol, if this member or officer has not confirmed reading it.
        "protocol_unread": (
            tally(protocol_unread_for(person.user)) if reads_the_protocol(person) else 0
        ),
    }
