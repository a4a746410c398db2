"""CMP-3: a stage not resolved in time moves up, exactly once; the last rung is reminded."""

import pytest
from django.core.management import call_command

from complaints.models import ComplaintEvent, ComplaintStage, Outcome
from complaints.services import (
    complaint_stage_acknowledge,
    complaint_stage_resolve,
    complaints_sweep,
)
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at

from .helpers import about_officer, handlers

pytestmark = pytest.mark.django_db


def test_nothing_moves_before_the_end_of_the_resolve_by_day(org, line_manager):
    complaint = about_officer(org)
    # The only step due before then is the reminder to acknowledge it.
    assert complaints_sweep(now=at(2026, 11, 16, 23, 59)) == 1
    assert complaints_sweep(now=at(2026, 11, 16, 23, 59)) == 0
    assert handlers(complaint) == [line_manager.pk]
    assert list(complaint.events.filter(kind=ComplaintEvent.Kind.ACKNOWLEDGE_REMINDER)) != []


ACK_SUBJECT = "Reminder: please acknowledge a complaint"


def test_the_handler_is_reminded_to_acknowledge_once_the_working_day_before(org, line_manager):
    complaint = about_officer(org)  # Mon 2 Nov: acknowledge by Mon 9 Nov
    stage = complaint.stages.get()
    assert stage.acknowledge_by.isoformat() == "2026-11-09"
    assert stage.acknowledge_reminder_at == at(2026, 11, 6, 8, 0)  # Friday, 08:00
    assert complaints_sweep(now=at(2026, 11, 6, 7, 59)) == 0
    assert complaints_sweep(now=at(2026, 11, 6, 8, 0)) == 1
    assert complaints_sweep(now=at(2026, 11, 6, 8, 5)) == 0
    assert (
        OutboxEmail.objects.filter(recipient=line_manager, subject__contains=ACK_SUBJECT).count()
        == 1
    )
    event = complaint.events.get(kind=ComplaintEvent.Kind.ACKNOWLEDGE_REMINDER)
    assert event.visible_to_complainant is False and event.stage_number == 1
    complaint.refresh_from_db()
    assert complaint.next_action_at == at(2026, 11, 17, 0, 0)  # then the resolve-by deadline


def test_an_acknowledged_stage_is_not_reminded(org, line_manager):
    complaint = about_officer(org)
    with clock_at(at(2026, 11, 4, 10, 0)):
        complaint_stage_acknowledge(actor=line_manager, complaint=complaint)
    complaint.refresh_from_db()
    assert complaint.next_action_at == at(2026, 11, 17, 0, 0)
    assert complaints_sweep(now=at(2026, 11, 6, 9, 0)) == 0
    assert not OutboxEmail.objects.filter(subject__contains=ACK_SUBJECT).exists()


def test_an_overdue_unacknowledged_stage_moves_up_without_a_late_reminder(org, assistant_director):
    complaint = about_officer(org)
    assert complaints_sweep(now=at(2026, 11, 17, 0, 5)) == 1
    assert handlers(complaint)[-1] == assistant_director.pk
    assert not complaint.events.filter(kind=ComplaintEvent.Kind.ACKNOWLEDGE_REMINDER).exists()


def test_an_overdue_stage_moves_up_exactly_once(org, line_manager, assistant_director, councillor):
    complaint = about_officer(org)
    now = at(2026, 11, 17, 0, 5)
    assert complaints_sweep(now=now) == 1
    assert complaints_sweep(now=now) == 0
    assert handlers(complaint) == [line_manager.pk, assistant_director.pk]
    first, second = complaint.stages.order_by("number")
    assert (first.status, first.outcome) == (ComplaintStage.Status.CLOSED, Outcome.ESCALATED)
    assert "not resolved by Monday 16 November 2026" in second.opened_reason
    complaint.refresh_from_db()
    assert complaint.current_handler == assistant_director
    assert (
        OutboxEmail.objects.filter(
            recipient=assistant_director, subject__startswith="A complaint has come to you"
        ).count()
        == 1
    )
    assert OutboxEmail.objects.filter(
        recipient=councillor, subject__startswith="Your complaint is at stage 2"
    ).exists()


def test_it_climbs_to_the_monitoring_officer_then_only_reminds(
    org, line_manager, assistant_director, director, monitoring_officer
):
    complaint = about_officer(org)
    for day in (17, 18):  # stage 1 overdue; stage 2 opened on the 17th is not yet due
        complaints_sweep(now=at(2026, 11, day, 9, 0))
    assert complaint.stages.count() == 2
    complaints_sweep(now=at(2026, 12, 2, 9, 0))  # stage 2 due Tue 1 Dec
    complaints_sweep(now=at(2026, 12, 17, 9, 0))  # stage 3 due Wed 16 Dec
    assert handlers(complaint) == [
        line_manager.pk,
        assistant_director.pk,
        director.pk,
        monitoring_officer.pk,
    ]
    later = at(2027, 2, 1, 9, 0)
    assert complaints_sweep(now=later) == 1  # the last rung: a reminder
    assert complaints_sweep(now=later) == 0
    assert complaint.stages.count() == 4
    reminders = complaint.events.filter(kind=ComplaintEvent.Kind.REMINDER)
    assert reminders.count() == 1
    assert not reminders.get().visible_to_complainant
    complaint.refresh_from_db()
    assert complaint.next_action_at is None


def test_a_resolved_stage_does_not_move(org, line_manager):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager, complaint=complaint, outcome=Outcome.UPHELD, note="Upheld."
    )
    assert complaints_sweep(now=at(2027, 1, 4, 9, 0)) == 0
    assert complaint.stages.count() == 1


def test_the_sweep_command_runs_the_complaints_sweep(org, capsys):
    complaint = about_officer(org)
    with clock_at(at(2026, 11, 17, 9, 0)):
        call_command("sweep", "--now", "2026-11-17T09:00:00+00:00")
    out = capsys.readouterr().out
    assert "Complaints between members and officers: 1 steps." in out
    assert "1 reminder/escalation steps" in out
    assert complaint.stages.count() == 2
