"""A change to the council's rules never rewrites a deadline already set; it applies from the
next one."""

from datetime import date

import pytest

from enquiries.models import EnquiryEvent
from enquiries.services import enquiries_sweep
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


@pytest.fixture
def enquiry(org, councillor):
    # Logged Monday 2 November 2026: due by the end of Monday 16 November.
    with clock_at(at(2026, 11, 2, 9, 0)):
        return casework(org, actor=councillor)


def escalations(enquiry):
    return list(
        enquiry.events.filter(kind=Ev.ESCALATED).order_by("id").values_list("rung", "due_at")
    )


def test_a_new_ladder_changes_the_next_escalation_and_not_the_current_one(
    org, enquiry, council_rule
):
    enquiries_sweep(now=at(2026, 11, 17, 0, 0))  # overdue: the line manager
    enquiry.refresh_from_db()
    current = enquiry.next_action_at  # the Assistant Director: the end of 19 November
    assert current == at(2026, 11, 20, 0, 0)
    council_rule(
        "ENQUIRY_ESCALATION_LADDER",
        ["line_manager:0", "assistant_director:5", "director:4", "monitoring_officer:5"],
    )
    enquiry.refresh_from_db()
    assert enquiry.next_action_at == current  # the deadline already set stays
    assert enquiries_sweep(now=at(2026, 11, 20, 0, 0)) == 1  # the Assistant Director, as set
    enquiry.refresh_from_db()
    # The next rung takes the new days: 0 + 5 + 4 working days after the deadline, not 0 + 3 + 3.
    assert enquiry.next_action_at == at(2026, 11, 28, 0, 0)
    assert enquiries_sweep(now=at(2026, 11, 25, 0, 0)) == 0  # the old ladder's Director moment
    assert enquiries_sweep(now=at(2026, 11, 28, 0, 0)) == 1
    assert [rung for rung, _ in escalations(enquiry)] == [0, 1, 2]


def test_new_working_days_leave_a_due_date_already_set_and_apply_to_the_next_enquiry(
    org, enquiry, councillor, council_rule
):
    assert enquiry.due_date == date(2026, 11, 16)
    council_rule("ENQUIRY_WORKING_DAYS", 5)
    enquiry.refresh_from_db()
    assert enquiry.due_date == date(2026, 11, 16)
    with clock_at(at(2026, 11, 2, 9, 0)):
        later = casework(org, actor=councillor)
    assert later.due_date == date(2026, 11, 9)
