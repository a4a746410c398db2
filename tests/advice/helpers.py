"""Builders for requests for advice and lobbying reports, through the services."""

from __future__ import annotations

from datetime import date

from advice.models import Topic
from advice.services import advice_ask, lobbying_report
from registers.models import StatutoryRole
from tests.clock import at, clock_at
from tests.registers.factories import StatutoryRoleFactory

# Monday 2 November 2026, 09:00: five working days on is Monday 9 November.
ASKED = at(2026, 11, 2, 9, 0)
DUE = date(2026, 11, 9)
REMINDER = at(2026, 11, 9, 8, 0)
OVERDUE = at(2026, 11, 10, 0, 0)


def ask(user, topic=Topic.PROTOCOL, question="May I tell the press what the officer said?"):
    with clock_at(ASKED):
        return advice_ask(actor=user, topic=topic, question=question)


def deputy(org):
    """The Head of Waste and Recycling, as the Deputy Monitoring Officer."""
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=org.officers.head_of_service
    )
    return org.officers.head_of_service.user


def chief_finance_officer(org):
    """The Director of Place, as the Chief Finance Officer."""
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.CHIEF_FINANCE_OFFICER, officer=org.officers.director
    )
    return org.officers.director.user


def lobbied(org, member=None, on=date(2026, 10, 30), what="He asked me to stop the restructure."):
    member = member or org.councillors.councillor.user
    with clock_at(ASKED):
        return lobbying_report(actor=member, officer=org.officers.officer, lobbied_on=on, what=what)
