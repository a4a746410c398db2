"""Who uses the advice pages."""

from __future__ import annotations

from registers.roles import Person

from ..routing import MONITORING_KINDS, asks_advice


def uses_advice(person: Person) -> bool:
    """Councillors and officers ask; the Monitoring Officer's office and the Chief Finance
    Officer advise (they are officers too)."""
    return asks_advice(person) or bool(person.statutory_kinds & MONITORING_KINDS)


def reports_lobbying(person: Person) -> bool:
    return person.councillor is not None


def uses_lobbying(person: Person) -> bool:
    """Councillors report lobbying; the Monitoring Officer and the Deputy act on it."""
    return reports_lobbying(person) or bool(person.statutory_kinds & MONITORING_KINDS)
