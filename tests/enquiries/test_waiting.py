"""Asking the councillor: the clock stops while the enquiry waits for the answer, counted in
the council's working days, and the due date moves on by them; nothing escalates meanwhile,
and a long wait reminds the councillor once."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enquiries.models import Enquiry, EnquiryEvent, Status
from enquiries.services import (
    enquiries_sweep,
    enquiry_answer,
    enquiry_ask_councillor,
    enquiry_chase,
    enquiry_respond,
)
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def mails(user, start: str) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=start).count()


def test_the_pause_skips_a_weekend_and_the_christmas_bank_holidays(org, councillor, officer):
    with clock_at(at(2026, 12, 21, 10, 0)):  # Monday: due Thursday 7 January 2027
        enquiry = casework(org, actor=councillor)
    assert enquiry.due_date == date(2027, 1, 7)
    with clock_at(at(2026, 12, 23, 11, 0)):  # Wednesday
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which bins?")
    enquiry.refresh_from_db()
    assert enquiry.is_waiting and enquiry.next_action_at is not None
    assert not enquiry.is_overdue(date(2027, 2, 1))  # it cannot be late while it waits
    assert not Enquiry.objects.overdue(date(2027, 2, 1)).exists()
    # Answered Wednesday 30 December: 24, 29 and 30 December did not count (25 and 28 are
    # bank holidays, 26 and 27 the weekend).
    with clock_at(at(2026, 12, 30, 15, 0)):
        pause = enquiry_answer(actor=councillor, enquiry=enquiry, answer="The green ones.")
    assert pause.working_days == 3
    assert (pause.first_day, pause.last_day) == (date(2026, 12, 24), date(2026, 12, 30))
    assert pause.explain(to_councillor=False) == (
        "Paused 3 working days, 24 to 30 December, waiting for the councillor's answer"
    )
    enquiry.refresh_from_db()
    assert not enquiry.is_waiting
    assert enquiry.paused_working_days == 3
    assert enquiry.due_date == enquiry.target_date == date(2027, 1, 12)  # 8, 11, 12 Jan
    answer = enquiry.events.get(kind=Ev.ANSWER)
    assert answer.new_date == date(2027, 1, 12)
    assert mails(officer, "The councillor has answered your question") == 1
    assert mails(councillor, "A question about your enquiry") == 1


def test_the_pause_is_written_for_its_reader(org, councillor, officer):
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 12, 7, 9, 0)):  # Monday
        pause = enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Consent?")
        assert pause.explain(to_councillor=True) == (
            "Paused since Monday 7 December, waiting for your answer. The clock restarts when "
            "the answer comes."
        )
    with clock_at(at(2026, 12, 10, 16, 0)):  # Thursday
        enquiry_answer(actor=councillor, enquiry=enquiry, answer="Yes.")
    pause.refresh_from_db()
    assert pause.explain(to_councillor=True) == (
        "Paused 3 working days, 8 to 10 December, waiting for your answer"
    )


def test_an_answer_the_same_day_moves_nothing(org, councillor, officer):
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org, actor=councillor)
        due = enquiry.due_date
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Consent?")
        enquiry_answer(actor=councillor, enquiry=enquiry, answer="Yes.")
    enquiry.refresh_from_db()
    assert enquiry.due_date == enquiry.target_date == due
    assert enquiry.paused_working_days == 0 and enquiry.next_action_at is not None


def test_who_may_ask_and_answer(org, councillor, officer, other_group_councillor):
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org, actor=councillor)
        with pytest.raises(PermissionDenied):
            enquiry_ask_councillor(actor=councillor, enquiry=enquiry, question="Me?")
        with pytest.raises(ValidationError):  # nothing to answer yet
            enquiry_answer(actor=councillor, enquiry=enquiry, answer="Yes")
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Consent?")
        with pytest.raises(ValidationError):  # one question at a time
            enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="And?")
        with pytest.raises(PermissionDenied):
            enquiry_answer(actor=officer, enquiry=enquiry, answer="Yes")
        with pytest.raises(PermissionDenied):
            enquiry_answer(actor=other_group_councillor, enquiry=enquiry, answer="Yes")
        with pytest.raises(ValidationError):  # answer, do not chase
            enquiry_chase(actor=councillor, enquiry=enquiry)
        with pytest.raises(ValidationError) as refused:
            enquiry_answer(actor=councillor, enquiry=enquiry, answer=" ")
    assert refused.value.message_dict == {"answer": ["Enter your answer"]}


def test_the_sweep_does_not_escalate_while_waiting_and_reminds_the_councillor_once(
    org, councillor, officer, settings
):
    settings.ENQUIRY_WAITING_CLOSE_WORKING_DAYS = 0  # this council never closes them
    with clock_at(at(2026, 11, 2, 9, 0)):  # due by the end of Monday 16 November
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 4, 9, 0)):  # Wednesday
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which address?")
    # Long past the due date, and 10 working days after the question: the councillor is
    # reminded once; nobody is reminded or escalated to.
    with clock_at(at(2026, 11, 18, 9, 0)):
        assert enquiries_sweep() == 1
        assert enquiries_sweep() == 0
    with clock_at(at(2026, 12, 3, 9, 0)):
        assert enquiries_sweep() == 0
    enquiry.refresh_from_db()
    kinds = list(enquiry.events.values_list("kind", flat=True))
    assert Ev.ESCALATED not in kinds and Ev.REMINDER not in kinds
    assert kinds.count(Ev.COUNCILLOR_REMINDED) == 1
    assert mails(councillor, "Reminder: a question") == 1
    assert enquiry.next_action_at is None and enquiry.escalated_to is None
    # Answered on Thursday 3 December: 21 working days paused (5 Nov to 3 Dec), so the
    # deadline moves from 16 November to 15 December, and the clock runs from there.
    with clock_at(at(2026, 12, 3, 10, 0)):
        enquiry_answer(actor=councillor, enquiry=enquiry, answer="12 Elm Road.")
    enquiry.refresh_from_db()
    assert enquiry.paused_working_days == 21
    assert enquiry.target_date == date(2026, 12, 15)
    with clock_at(at(2026, 12, 14, 9, 0)):
        enquiries_sweep()  # the reminder, two working days before the moved date
    with clock_at(at(2026, 12, 16, 9, 0)):
        enquiries_sweep()  # overdue on the moved date: the line manager has it
    enquiry.refresh_from_db()
    assert enquiry.events.filter(kind=Ev.REMINDER).count() == 1
    assert enquiry.escalated_to == org.officers.line_manager


def test_a_response_while_waiting_ends_the_wait(org, councillor, officer):
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org, actor=councillor)
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Consent?")
    with clock_at(at(2026, 12, 3, 9, 0)):
        enquiry_respond(actor=officer, enquiry=enquiry, response="Done anyway.")
    enquiry.refresh_from_db()
    assert enquiry.waiting_since is None and not enquiry.is_waiting
    assert not enquiry.pauses.filter(resumed_at__isnull=True).exists()
    with pytest.raises(ValidationError):
        enquiry_answer(actor=councillor, enquiry=enquiry, answer="Yes")


def test_a_question_unanswered_too_long_closes_the_enquiry_as_no_reply_once(
    org, councillor, officer, client_for
):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 4, 9, 0)):  # Wednesday: 20 working days on is Wednesday 2 Dec
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which address?")
    with clock_at(at(2026, 12, 1, 9, 0)):
        assert enquiries_sweep() == 1  # the reminder, late, and nothing more yet
    with clock_at(at(2026, 12, 2, 9, 0)):
        assert enquiries_sweep() == 1
        assert enquiries_sweep() == 0
    enquiry.refresh_from_db()
    assert enquiry.status == Status.NO_REPLY and not enquiry.is_waiting
    assert enquiry.closed_at is not None and enquiry.next_action_at is None
    assert enquiry.events.filter(kind=Ev.CLOSED_NO_REPLY).count() == 1
    for person in (councillor, officer):
        assert mails(person, "Enquiry closed: no reply to the question") == 1
    page = client_for(councillor).get(f"/enquiries/{enquiry.pk}/").content.decode()
    assert "If it is still needed, log a new enquiry." in page
    with pytest.raises(ValidationError):
        enquiry_answer(actor=councillor, enquiry=enquiry, answer="Too late")


def test_a_late_sweep_reminds_and_then_closes(org, councillor, officer):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 4, 9, 0)):
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which address?")
    with clock_at(at(2027, 1, 15, 9, 0)):  # the sweep was down for weeks
        assert enquiries_sweep() == 2
    kinds = list(enquiry.events.values_list("kind", flat=True))
    assert kinds[-2:] == [Ev.COUNCILLOR_REMINDED, Ev.CLOSED_NO_REPLY]
