"""Following up a response: within ENQUIRY_FOLLOW_UP_WORKING_DAYS working days (counted by the
council's calendar) the enquiry reopens for a new round with a clock of its own; after them the
follow-up is no longer offered. The officer who responded is told once."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enquiries.models import EnquiryEvent, Status
from enquiries.services import enquiries_sweep, enquiry_follow_up, enquiry_respond
from enquiries.services.followup import follow_up_deadline
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
FOLLOWED = "The councillor has followed up your response"


def followed_up_mails(user) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=FOLLOWED).count()


@pytest.fixture
def enquiry(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):  # Monday: due by the end of Monday 16 November
        return casework(org, actor=councillor)


def respond(enquiry, actor, when):
    with clock_at(when):
        enquiry_respond(actor=actor, enquiry=enquiry, response="Collected today.", minor=True)
    enquiry.refresh_from_db()


def test_a_follow_up_after_a_weekend_reopens_with_a_new_clock(org, enquiry, councillor):
    manager = org.officers.line_manager.user  # a manager responded, not the officer it is with
    respond(enquiry, manager, at(2026, 11, 13, 15, 0))  # Friday
    assert follow_up_deadline(enquiry) == date(2026, 11, 20)  # five working days on
    with clock_at(at(2026, 11, 16, 10, 0)):  # Monday, after the weekend
        event = enquiry_follow_up(actor=councillor, enquiry=enquiry, message="Still missed.")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ACKNOWLEDGED and enquiry.is_open
    assert enquiry.follow_ups == 1 and enquiry.closed_at is None
    # Ten working days from Monday 16 November: Monday 30 November.
    assert enquiry.due_date == enquiry.target_date == date(2026, 11, 30)
    assert enquiry.due_explanation.startswith("followed up: received Mon 16 Nov")
    assert enquiry.target_cycle == 1 and enquiry.escalation_rung == 0
    assert event.kind == Ev.FOLLOW_UP and event.cycle == 1
    assert event.heading == "Follow-up from the councillor: reopened, round 2"
    assert event.new_date == date(2026, 11, 30)
    assert followed_up_mails(manager) == 1
    assert followed_up_mails(org.officers.officer.user) == 0
    assert AuditEvent.objects.filter(action="enquiries.enquiry.follow_up").count() == 1
    # The first reply's figures stay the first reply's.
    assert enquiry.first_reply_working_days == 9


def test_the_window_closes_after_the_working_days(org, enquiry, councillor):
    respond(enquiry, org.officers.officer.user, at(2026, 11, 13, 15, 0))  # Friday
    saturday = at(2026, 11, 21, 9, 0)  # the Saturday after the last day
    ended = "ended on Friday 20 November 2026"
    with clock_at(saturday), pytest.raises(ValidationError, match=ended):
        enquiry_follow_up(actor=councillor, enquiry=enquiry, message="One more thing.")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.RESPONDED and enquiry.follow_ups == 0
    with clock_at(at(2026, 11, 20, 23, 30)):  # the last day, late in the evening: still open
        enquiry_follow_up(actor=councillor, enquiry=enquiry, message="One more thing.")
    enquiry.refresh_from_db()
    assert enquiry.is_open


def test_the_window_counts_bank_holidays_out(org, councillor):
    with clock_at(at(2026, 12, 14, 9, 0)):
        enquiry = casework(org, actor=councillor)
    respond(enquiry, org.officers.officer.user, at(2026, 12, 22, 12, 0))  # Tuesday
    # 23, 24, 29, 30 and 31 December: 25 and 28 December are bank holidays.
    assert follow_up_deadline(enquiry) == date(2026, 12, 31)


@pytest.mark.parametrize("days", [0])
def test_a_council_may_offer_no_follow_up(org, enquiry, councillor, settings, days):
    settings.ENQUIRY_FOLLOW_UP_WORKING_DAYS = days
    respond(enquiry, org.officers.officer.user, at(2026, 11, 13, 15, 0))
    assert follow_up_deadline(enquiry) is None
    with clock_at(at(2026, 11, 13, 16, 0)), pytest.raises(ValidationError):
        enquiry_follow_up(actor=councillor, enquiry=enquiry, message="More.")


def test_only_the_councillor_follows_up_and_only_a_response(org, enquiry, councillor):
    officer = org.officers.officer.user
    with clock_at(at(2026, 11, 3, 9, 0)), pytest.raises(ValidationError, match="response"):
        enquiry_follow_up(actor=councillor, enquiry=enquiry, message="Hello?")  # still open
    respond(enquiry, officer, at(2026, 11, 13, 15, 0))
    with clock_at(at(2026, 11, 16, 9, 0)):
        with pytest.raises(PermissionDenied):
            enquiry_follow_up(actor=officer, enquiry=enquiry, message="Reopen it.")
        with pytest.raises(ValidationError) as error:
            enquiry_follow_up(actor=councillor, enquiry=enquiry, message="  ")
    assert error.value.message_dict == {"message": ["Enter your follow-up"]}


def test_a_reopened_enquiry_escalates_on_its_new_clock_exactly_once(org, enquiry, councillor):
    o = org.officers
    assert enquiries_sweep(now=at(2026, 11, 17, 9, 0)) == 1  # too late to remind: escalated
    first_round = list(enquiry.events.filter(kind=Ev.ESCALATED).values_list("cycle", "officer"))
    assert first_round == [(0, o.line_manager.pk)]
    respond(enquiry, o.officer.user, at(2026, 11, 18, 11, 0))  # Wednesday
    with clock_at(at(2026, 11, 23, 10, 0)):  # Monday: due Monday 7 December
        enquiry_follow_up(actor=councillor, enquiry=enquiry, message="Bins missed again.")
    enquiry.refresh_from_db()
    assert enquiry.target_date == date(2026, 12, 7)
    assert enquiry.escalated_to is None
    # The new round's reminder, two working days before, once.
    assert enquiries_sweep(now=at(2026, 12, 3, 9, 0)) == 1
    assert enquiries_sweep(now=at(2026, 12, 3, 9, 0)) == 0
    # Overdue on the new date: the ladder starts again from its foot, once.
    assert enquiries_sweep(now=at(2026, 12, 8, 9, 0)) == 1
    assert enquiries_sweep(now=at(2026, 12, 8, 9, 0)) == 0
    assert enquiries_sweep(now=at(2026, 12, 8, 17, 0)) == 0
    second_round = list(
        enquiry.events.filter(kind__in=[Ev.REMINDER, Ev.ESCALATED], cycle=1)
        .order_by("id")
        .values_list("kind", "rung", "officer")
    )
    assert second_round == [
        (Ev.REMINDER, 0, o.officer.pk),
        (Ev.ESCALATED, 0, o.line_manager.pk),
    ]
    enquiry.refresh_from_db()
    assert enquiry.escalated_to == o.line_manager
