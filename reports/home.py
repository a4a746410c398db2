"""RPT-1 for Directors: their directorate's enquiry figures for the municipal year so far, live,
from the same selectors and tables as the annual report."""

from __future__ import annotations

from registers.models import Directorate
from registers.roles import Person, Role, person_for

from .selectors import enquiries_headline, this_municipal_year
from .tables import enquiry_tables, period_label


def directed_directorates(person: Person) -> list[Directorate]:
    """The directorates this person directs, or acts up as Director of, today."""
    ids = person.directed_directorate_ids
    return list(Directorate.objects.filter(pk__in=ids).order_by("name")) if ids else []


REPORT_READERS = (Role.MONITORING_OFFICER, Role.DEMOCRATIC_SERVICES, Role.CHIEF_EXECUTIVE)


def may_see_report(user) -> bool:
    """The annual report: the Monitoring Officer, democratic services and the Chief Executive."""
    person = person_for(user)
    return any(person.has(role) for role in REPORT_READERS)


def annual_report_home_panel(person: Person) -> dict | None:
    """A link to the annual report for those who read it."""
    if not may_see_report(person.user):
        return None
    return {"template": "reports/_annual_panel.html"}


def may_see_directorate_report(user) -> bool:
    return bool(person_for(user).directed_directorate_ids)


def directorate_home_panel(person: Person) -> dict | None:
    """One aggregate query per directorate, read from an index (a Director usually has one,
    named elsewhere on the page); the directorates' names are looked up only when there are
    several."""
    ids = sorted(person.directed_directorate_ids)
    if not ids:
        return None
    period = this_municipal_year()
    names = (
        dict(Directorate.objects.filter(pk__in=ids).values_list("pk", "name"))
        if len(ids) > 1
        else {}
    )
    return {
        "template": "reports/_home_panel.html",
        "period_label": period_label(period),
        "directorates": [
            (names.get(pk, ""), enquiries_headline(period, directorate_id=pk)) for pk in ids
        ],
    }


def directorate_sections(person: Person) -> tuple[str, list[tuple[str, list]]]:
    """The period's label, and the annual report's enquiry tables for each directorate."""
    period = this_municipal_year()
    return period_label(period), [
        (d.name, enquiry_tables(period, directorate_id=d.pk)) for d in directed_directorates(person)
    ]
