"""Making briefings in tests: always through the services, never by assigning state."""

from datetime import date, datetime

from groups.models import BriefingRequest, SeniorCapacity
from groups.services import (
    briefing_attendance_record,
    briefing_clear,
    briefing_note_issue,
    briefing_request,
)
from protocol_site.models import OutboxEmail
from tests.clock import LONDON
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import CouncillorFactory

# Monday 2 November 2026: the group meets on the 10th, the Cabinet decides on the 20th.
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)
MEETING = date(2026, 11, 10)
DECISION = date(2026, 11, 20)
FACTS = "The contract ends in March 2027; three bids were received."
OPTIONS = "Extend for a year (cheaper now, dearer later); re-tender (slower, fairer)."


def ask(org, **kwargs) -> BriefingRequest:
    values = {
        "actor": org.councillors.group_leader.user,
        "kind": BriefingRequest.Kind.NOTE,
        "addressed_to": org.officers.director,
        "subject": "Options for the waste contract",
        "topic": "Waste contract renewal",
        "details": "What the options cost.",
        "meeting_date": MEETING,
        "others_present": "Group members only",
        "decision_meeting": "Cabinet",
        "decision_meeting_date": DECISION,
    }
    values.update(kwargs)
    return briefing_request(**values)


def cleared(org, **kwargs) -> BriefingRequest:
    briefing = ask(org, **kwargs)
    return briefing_clear(actor=org.officers.chief_executive.user, briefing=briefing)


def issued(org, facts: str = FACTS, **kwargs) -> BriefingRequest:
    briefing = cleared(org, **kwargs)
    briefing_note_issue(
        actor=briefing.officer.user,
        briefing=briefing,
        facts=facts,
        options=OPTIONS,
        confirmed=True,
    )
    briefing.refresh_from_db()
    return briefing


def attended(org, **kwargs) -> BriefingRequest:
    """Cleared, then attended: needs the clock at or after MEETING (the `after_meeting`
    fixture) unless `record_attendance` is called after moving it."""
    return record_attendance(org, cleared(org, kind=BriefingRequest.Kind.ATTENDANCE, **kwargs))


def record_attendance(org, briefing: BriefingRequest) -> BriefingRequest:
    briefing_attendance_record(
        actor=briefing.officer.user,
        briefing=briefing,
        attended_on=MEETING,
        senior_officer=org.officers.monitoring_officer,
        senior_capacity=SeniorCapacity.MONITORING_OFFICER,
        left_before_decision=True,
        only_council_members=True,
    )
    briefing.refresh_from_db()
    return briefing


def emails_to(user) -> list[OutboxEmail]:
    return list(OutboxEmail.objects.filter(recipient=user).order_by("id"))


def make_group_b_leader(org):
    """Group B's leader (the standard org has none); the browser tests use it too."""
    user = UserFactory(username="b.leader", first_name="Bella", last_name="Morgan")
    councillor = CouncillorFactory(user=user, ward=org.ward, group=org.group_b)
    org.group_b.leader = councillor
    org.group_b.save(update_fields=["leader"])
    return user
