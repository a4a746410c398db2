"""The declarations panel on the home page (registers owns the page; this app adds a panel)."""

from __future__ import annotations

from protocol_site.tally import tally
from registers.roles import Person

from ..selectors import due_for_confirmation, made_by, review_queue, reviews_declarations
from .declare import declares

DUE_SHOWN = 5


def declarations_home_panel(person: Person) -> dict | None:
    reviews = reviews_declarations(person.user)
    if not declares(person) and not reviews:
        return None
    user = person.user
    panel = {
        "template": "declarations/_home_panel.html",
        "declares": declares(person),
        "made": tally(made_by(user).not_withdrawn()),
        "due": list(due_for_confirmation(user)[:DUE_SHOWN]),
        "reviews": reviews,
    }
    if reviews:
        panel["awaiting"] = tally(review_queue(user).filter(status="submitted"))
    return panel
