"""The retention panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from registers.roles import Person

from ..permissions import can_see_retention


def retention_home_panel(person: Person) -> dict | None:
    if not getattr(person.user, "is_authenticated", False) or not can_see_retention(person.user):
        return None
    return {"template": "retention/_home_panel.html"}
