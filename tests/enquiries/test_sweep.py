"""ENQ-7: reminders before the deadline, escalation up the ladder after it, each exactly once."""

from datetime import date

import pytest
from django.core.management import call_command

from enquiries.models import EnquiryEvent, Status
from enquiries.selectors import enquiries_visible_to
from enquiries.services import enquiries_sweep, enquiry_respond, enquiry_send_holding_reply
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def steps(enquiry):
    return list(
        enquiry.events.filter(kind__in=[Ev.REMINDER, Ev.ESCALATED])
        .order_by("id")
        .values_list("kind", "cycle", "rung", "officer")
    )


@pytest.fixture
def enquiry(org, councillor):
    # Logged Monday 2 November 2026: due by the end of Monday 16 November.
    with clock_at(at(2026, 11, 2, 9, 0)):
        return casework(org, actor=councillor)


def test_the_ladder_is_climbed_on_schedule_and_each_step_happens_once(org, enquiry):
    o = org.officers
    assert enquiry.due_date == date(2026, 11, 16)
    assert enquiries_sweep(now=at(2026, 11, 12, 7, 59)) == 0
    assert enquiries_sweep(now=at(2026, 11, 12, 8, 0)) == 1  # 2 working days before
    assert enquiries_sweep(now=at(2026, 11, 12, 8, 0)) == 0
    assert enquiries_sweep(now=at(2026, 11, 16, 23, 59)) == 0
    assert enquiries_sweep(now=at(2026, 11, 17, 0, 0)) == 1  # overdue: line manager
    assert enquiries_sweep(now=at(2026, 11, 17, 12, 0)) == 0
    assert enquiries_sweep(now=at(2026, 11, 20, 0, 0)) == 1  # +3 working days: AD
    assert enquiries_sweep(now=at(2026, 11, 25, 0, 0)) == 1  # +3: Director
    assert enquiries_sweep(now=at(2026, 12, 2, 0, 0)) == 1  # +5: Monitoring Officer
    assert enquiries_sweep(now=at(2027, 6, 1, 0, 0)) == 0  # the ladder is exhausted
    assert steps(enquiry) == [
        (Ev.REMINDER, 0, 0, o.officer.pk),
        (Ev.ESCALATED, 0, 0, o.line_manager.pk),
        (Ev.ESCALATED, 0, 1, o.assistant_director.pk),
        (Ev.ESCALATED, 0, 2, o.director.pk),
        (Ev.ESCALATED, 0, 3, o.monitoring_officer.pk),
    ]
    enquiry.refresh_from_db()
    assert enquiry.escalated_to == o.monitoring_officer
    assert enquiry.next_action_at is None
    subjects = OutboxEmail.objects.filter(recipient=o.assistant_director.user).values_list(
        "subject", flat=True
    )
    assert [s for s in subjects if s.startswith("Escalated to you")]


def test_a_late_sweep_catches_up_every_step_once(org, enquiry):
    assert enquiries_sweep(now=at(2027, 1, 4, 9, 0)) == 4  # no reminder after the deadline
    assert enquiries_sweep(now=at(2027, 1, 4, 9, 0)) == 0
    assert [s[0] for s in steps(enquiry)] == [Ev.ESCALATED] * 4


def test_escalated_enquiries_appear_for_the_person_escalated_to(
    org, enquiry, line_manager, assistant_director
):
    enquiries_sweep(now=at(2026, 11, 17, 0, 0))
    enquiry.refresh_from_db()
    assert enquiry.escalated_to == org.officers.line_manager
    assert enquiries_visible_to(line_manager).filter(pk=enquiry.pk).exists()


def test_a_holding_reply_gives_the_new_date_its_own_reminders(org, enquiry, officer):
    enquiries_sweep(now=at(2026, 11, 17, 0, 0))  # escalated to the line manager
    with clock_at(at(2026, 11, 17, 9, 0)):
        enquiry_send_holding_reply(
            actor=officer,
            enquiry=enquiry,
            explanation="Waiting for records.",
            expected_date=date(2026, 11, 30),
        )
    assert enquiries_sweep(now=at(2026, 11, 20, 0, 0)) == 0  # the old rung 1 is void
    assert enquiries_sweep(now=at(2026, 11, 26, 8, 0)) == 1  # reminder for the new date
    assert enquiries_sweep(now=at(2026, 12, 1, 0, 0)) == 1  # overdue again: line manager
    assert [s[:3] for s in steps(enquiry)][-2:] == [(Ev.REMINDER, 1, 0), (Ev.ESCALATED, 1, 0)]


def test_a_closed_enquiry_is_never_swept(org, enquiry, officer):
    enquiry_respond(actor=officer, enquiry=enquiry, response="Done.", minor=True)
    assert enquiries_sweep(now=at(2027, 1, 4, 9, 0)) == 0
    assert steps(enquiry) == []


def test_vacant_rungs_are_skipped(org, enquiry):
    assistant_director = org.officers.assistant_director
    assistant_director.post = None
    assistant_director.save()
    enquiries_sweep(now=at(2027, 1, 4, 9, 0))
    officers = [s[3] for s in steps(enquiry)]
    assert org.officers.assistant_director.pk not in officers
    assert officers == [
        org.officers.line_manager.pk,
        org.officers.director.pk,
        org.officers.monitoring_officer.pk,
    ]


def test_the_sweep_command_honours_now(org, enquiry, capsys):
    call_command("sweep", "--now", "2026-11-17T00:30:00+00:00")
    assert "1 reminder/escalation steps" in capsys.readouterr().out  # too late to remind
    call_command("sweep", "--now", "2026-11-17T00:30:00+00:00")
    assert "0 reminder/escalation steps" in capsys.readouterr().out
    assert enquiry.events.filter(kind=Ev.ESCALATED).count() == 1


def test_the_escalation_ladder_is_a_setting(org, enquiry, settings):
    settings.ENQUIRY_ESCALATION_LADDER = ["line_manager:0", "chief_executive:2"]
    enquiries_sweep(now=at(2027, 1, 4, 9, 0))
    assert [s[3] for s in steps(enquiry)] == [
        org.officers.line_manager.pk,
        org.officers.chief_executive.pk,
    ]
    assert enquiry.status == Status.LOGGED
