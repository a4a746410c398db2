"""The registers' own panels on the home page (REG-3): an officer's registered interests, a
councillor's training record, and visits to council premises for those who ask for, arrange
or oversee them. Registered in RegistersConfig.ready() through the home-page panel hook."""

from __future__ import annotations

from django.utils import timezone

from protocol_site.tally import tally

from ..models import OfficerInterest, TrainingAttendance, Visit
from ..roles import Person
from ..selectors import visits_visible_to
from .decisions import visits_to_arrange


def interests_panel(person: Person) -> dict | None:
    """003 §5.2(b): the officer sees what the register of officers' interests holds on them."""
    if person.officer is None:
        return None
    return {
        "template": "registers/_interests_panel.html",
        "interests": list(
            OfficerInterest.objects.filter(officer=person.officer).order_by("-starts_on")
        ),
    }


def training_panel(person: Person) -> dict | None:
    """004 §11.1: the councillor's training and induction record."""
    if person.councillor is None:
        return None
    return {
        "template": "registers/_training_panel.html",
        "attendance": list(
            TrainingAttendance.objects.filter(councillor=person.councillor)
            .select_related("session")
            .order_by("-session__held_on")
        ),
    }


def visits_panel(person: Person) -> dict | None:
    if not person.uses_visits:
        return None
    upcoming = visits_visible_to(person.user).filter(starts_at__gt=timezone.now())
    still_on = upcoming.exclude(status=Visit.Status.CANCELLED)
    panel = {"template": "registers/_visits_panel.html"}
    if person.councillor is not None:
        panel["mine"] = tally(still_on.filter(councillor=person.councillor))
    to_arrange = visits_to_arrange(person.user)
    if to_arrange is not None:
        # The same visits its link opens: those waiting for the Director's decision.
        panel["to_arrange"] = tally(to_arrange)
    if person.sees_all_visits:
        panel["all_upcoming"] = tally(still_on)
    return panel
