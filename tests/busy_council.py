"""A small council that can be made busier: every kind of enquiry, complaint, briefing and
register entry, added in rounds, so a page can be counted on a little data and on three times
as much (tests/test_query_budgets.py)."""

from __future__ import annotations

import itertools
from datetime import date, datetime

from complaints.services import (
    complaint_escalate,
    complaint_notify_subject,
    complaint_stage_acknowledge,
)
from enquiries.models import Enquiry
from enquiries.services import (
    enquiries_sweep,
    enquiry_acknowledge,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_seek_guidance,
    enquiry_send_holding_reply,
)
from protocol_site.calendar import council_calendar
from registers.models import Tier
from tests.clock import LONDON
from tests.complaints.helpers import about_member, about_officer
from tests.declarations.helpers import declare
from tests.enquiries.factories import casework, received_days_ago
from tests.groups.helpers import ask, cleared, issued
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    OfficerFactory,
    PostFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
    VisitFactory,
)

# Monday 2 November 2026, mid-morning; the report covers the municipal year so far.
NOW = datetime(2026, 11, 2, 10, 0, tzinfo=LONDON)
_serial = itertools.count()


def _people(org) -> None:
    """One more officer in the service, one more councillor in each group, and what they
    put on the registers: a declared relationship, a visit, a training session."""
    n = next(_serial)
    post = PostFactory(
        title=f"Waste Officer {n}",
        tier=Tier.OFFICER,
        service=org.service,
        reports_to=org.posts.line_manager,
    )
    officer = OfficerFactory(user=UserFactory(username=f"extra.officer{n}"), post=post)
    members = [
        CouncillorFactory(
            user=UserFactory(username=f"extra.cllr{n}.{group.pk}"), ward=org.ward, group=group
        )
        for group in (org.group_a, org.group_b)
    ]
    declare(officer.user, members[0].user)
    declare(org.councillors.councillor.user, officer.user)
    for member in (*members, org.councillors.councillor):
        VisitFactory(councillor=member, service=org.service, directorate=org.directorate)
        TrainingAttendanceFactory(
            councillor=member, session=TrainingSessionFactory(held_on=date(2026, 10, 1))
        )


def _enquiries(org) -> Enquiry:
    """Enquiries in every state: new, acknowledged, held, extended, escalated, answered."""
    officer = org.officers.officer.user
    calendar = council_calendar()
    later = calendar.add_working_days(NOW.date(), 15)
    fresh = casework(org, subject="Fresh")
    acknowledged = casework(org, subject="Acknowledged")
    enquiry_acknowledge(actor=officer, enquiry=acknowledged)
    held = casework(org, councillor=org.councillors.other_group_councillor, subject="Held")
    enquiry_send_holding_reply(
        actor=officer, enquiry=held, explanation="Waiting.", expected_date=later
    )
    extended = casework(org, councillor=org.councillors.group_leader, subject="Extended")
    enquiry_request_extension(actor=officer, enquiry=extended, reason="Busy.", proposed_date=later)
    enquiry_seek_guidance(actor=officer, enquiry=extended, note="Policy?")
    answered = casework(org, subject="Answered")
    enquiry_respond(actor=officer, enquiry=answered, response="Done.")
    received_days_ago(org, 16, subject="Overdue")
    received_days_ago(org, 12, subject="Due soon")
    enquiries_sweep()
    return fresh


def _complaints(org) -> None:
    """Complaints both ways, some moved up a stage, some acknowledged."""
    councillor = org.councillors.councillor.user
    officer = org.officers.officer.user
    up = about_officer(org)
    complaint_escalate(actor=councillor, complaint=up, reason="Not resolved.")
    acknowledged = about_officer(org, "democratic_services")
    complaint_stage_acknowledge(actor=acknowledged.current_handler, complaint=acknowledged)
    unhappy = about_member(org)
    complaint_escalate(actor=officer, complaint=unhappy, reason="Still unhappy.")
    told = about_member(org)
    complaint_notify_subject(actor=org.officers.monitoring_officer.user, complaint=told)


def _briefings(org) -> None:
    ask(org)
    cleared(org, addressed_to=org.officers.chief_executive)
    issued(org)


def grow(org, rounds: int = 1) -> None:
    for _ in range(rounds):
        _people(org)
        _enquiries(org)
        _complaints(org)
        _briefings(org)


def busier(org, enquiry):
    """More steps on one enquiry: acknowledged, guidance, a holding reply, more time asked."""
    officer = org.officers.officer.user
    later = council_calendar().add_working_days(NOW.date(), 15)
    much_later = council_calendar().add_working_days(NOW.date(), 20)

    def more():
        enquiry_acknowledge(actor=officer, enquiry=enquiry)
        for note in ("Policy?", "Budget?", "Timing?"):
            enquiry_seek_guidance(actor=officer, enquiry=enquiry, note=note)
        enquiry_send_holding_reply(
            actor=officer, enquiry=enquiry, explanation="Waiting.", expected_date=later
        )
        enquiry_request_extension(
            actor=officer, enquiry=enquiry, reason="Busy.", proposed_date=much_later
        )

    return more


def higher(org, complaint):
    """The complainant asks for the next stage twice; each handler acknowledges."""
    councillor = org.councillors.councillor.user

    def more():
        for _ in range(2):
            complaint_escalate(actor=councillor, complaint=complaint, reason="Not resolved.")
            complaint.refresh_from_db()
            complaint_stage_acknowledge(actor=complaint.current_handler, complaint=complaint)
        complaint_notify_subject(actor=org.officers.monitoring_officer.user, complaint=complaint)

    return more
