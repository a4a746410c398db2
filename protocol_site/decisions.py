"""Decisions waiting for someone: one registry every app adds its kinds of decision to.

Each app registers a `DecisionSource` in its AppConfig.ready(): what the decision is called,
and a selector giving the records waiting for *this* user's decision (None when the user never
takes that kind of decision). The home panel counts that selector's queryset and the
"Waiting for your decision" list shows its rows, so the number on the home page is always the
number of rows the list opens. The kernel knows no app: the apps above it fill the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class DecisionSource:
    key: str
    # What is waiting, as a list heading: "Requests for more time".
    label: str
    # The records waiting for this user's decision, or None for a user who never decides them.
    waiting: Callable[[object], QuerySet | None]
    # One record as a row of the list: {"reference", "title", "url", "since"}.
    row: Callable[[object], dict]
    # Where the list sits among the others (smaller first).
    order: int = 100


SOURCES: dict[str, DecisionSource] = {}


def register_decision_source(source: DecisionSource) -> DecisionSource:
    SOURCES[source.key] = source
    return source


def decision_sources() -> list[DecisionSource]:
    return sorted(SOURCES.values(), key=lambda source: (source.order, source.key))


def waiting_for(user) -> list[tuple[DecisionSource, QuerySet]]:
    """Every kind of decision this user takes, with the queryset of those waiting."""
    found = []
    for source in decision_sources():
        queryset = source.waiting(user)
        if queryset is not None:
            found.append((source, queryset))
    return found
