"""Panels for the tests, always made through panel_save."""

from __future__ import annotations

from datetime import date

from declarations.models import Panel
from declarations.panels.services import panel_save

MEETS_ON = date(2026, 12, 3)


def director_panel(org, *, actor=None, **kwargs) -> Panel:
    """An appointment panel for the Director of Place, an outside candidate, two members."""
    values = {
        "actor": actor or org.officers.democratic_services.user,
        "purpose": Panel.Purpose.APPOINTMENT,
        "post": org.posts.director,
        "candidate_name": "Priya Ramanathan",
        "meets_on": MEETS_ON,
        "members": [org.councillors.councillor, org.councillors.other_group_councillor],
        "notes": "Shortlist of three.",
    }
    values.update(kwargs)
    return panel_save(**values)
