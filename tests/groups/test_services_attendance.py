"""GRP-4: the officer's attendance log, with the senior officer present and the confirmation
that they left before any decision and before party business."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groups.models import Attendance, BriefingEvent, BriefingRequest, SeniorCapacity, Status
from groups.services import (
    briefing_attendance_record,
    briefing_clear,
    briefing_note_issue,
)

from .helpers import MEETING, OPTIONS, ask, attended, cleared, emails_to

pytestmark = pytest.mark.django_db
ATTENDANCE = BriefingRequest.Kind.ATTENDANCE


def _record(briefing, actor, **kwargs):
    values = {
        "actor": actor,
        "briefing": briefing,
        "attended_on": MEETING,
        "senior_officer": briefing.officer,
        "senior_capacity": SeniorCapacity.NOMINEE,
        "left_before_decision": True,
        "only_council_members": True,
    }
    values.update(kwargs)
    return briefing_attendance_record(**values)


def test_the_officer_logs_attendance_and_the_request_is_done(
    org, after_meeting, group_leader, monitoring_officer, chief_executive
):
    briefing = attended(org)
    assert briefing.status == Status.COMPLETED
    attendance = Attendance.objects.get(request=briefing)
    assert attendance.senior_officer == org.officers.monitoring_officer
    assert attendance.left_before_decision and attendance.only_council_members
    event = briefing.events.get(kind=BriefingEvent.Kind.ATTENDED)
    assert "left before any decision and before party business" in event.detail
    for user in (group_leader, monitoring_officer, chief_executive):
        assert any("was logged" in e.subject for e in emails_to(user))


def test_leaving_before_the_decision_must_be_confirmed(org, after_meeting, director):
    briefing = cleared(org, kind=ATTENDANCE)
    with pytest.raises(ValidationError) as error:
        _record(briefing, director, left_before_decision=False)
    assert "left before any decision" in str(error.value.message_dict["left_before_decision"])
    assert not Attendance.objects.exists()


def test_only_council_members_unless_the_chief_executive_made_an_exception(
    org, after_meeting, director, chief_executive
):
    briefing = cleared(org, kind=ATTENDANCE)
    with pytest.raises(ValidationError) as error:
        _record(briefing, director, only_council_members=False)
    assert "only_council_members" in error.value.message_dict
    excepted = ask(
        org, kind=ATTENDANCE, non_council_attendees=True, non_council_names="A. Member MP"
    )
    excepted = briefing_clear(
        actor=chief_executive, briefing=excepted, exception_text="Factual item only."
    )
    attendance = _record(excepted, director, only_council_members=False)
    assert attendance.only_council_members is False


def test_the_senior_officer_must_hold_the_capacity_named(org, after_meeting, director):
    briefing = cleared(org, kind=ATTENDANCE)
    with pytest.raises(ValidationError) as error:
        _record(briefing, director, senior_capacity=SeniorCapacity.CHIEF_EXECUTIVE)
    assert "not the Chief Executive" in str(error.value.message_dict["senior_officer"])
    _record(
        briefing,
        director,
        senior_officer=org.officers.chief_executive,
        senior_capacity=SeniorCapacity.CHIEF_EXECUTIVE,
    )


def test_not_before_it_happens_and_not_by_anyone_else(org, director, officer):
    briefing = cleared(org, kind=ATTENDANCE)
    with pytest.raises(ValidationError):
        _record(briefing, director)  # the meeting is next week
    with pytest.raises(PermissionDenied):
        _record(briefing, officer)


def test_a_note_request_has_no_attendance(org, after_meeting, director):
    with pytest.raises(ValidationError):
        _record(cleared(org), director)


def test_after_attending_the_officer_may_issue_a_note_of_the_information_given(
    org, after_meeting, director
):
    briefing = attended(org)
    note = briefing_note_issue(
        actor=director,
        briefing=briefing,
        facts="Given at the meeting.",
        options=OPTIONS,
        confirmed=True,
    )
    assert note.is_issued
    briefing.refresh_from_db()
    assert briefing.status == Status.COMPLETED
