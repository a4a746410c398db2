"""The working-day clock: the adviser reminded on the morning advice is due, and overdue advice
passed on at the end of that day, each exactly once."""

import pytest

from advice.models import AdviceStep
from advice.services import advice_give, advice_sweep
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at

from .helpers import OVERDUE, REMINDER, ask, deputy

pytestmark = pytest.mark.django_db
Kind = AdviceStep.Kind


def steps(case, kind):
    return case.steps.filter(kind=kind).count()


def test_nothing_before_the_morning_it_is_due(councillor, monitoring_officer):
    case = ask(councillor)
    assert advice_sweep(now=at(2026, 11, 9, 7, 59)) == 0
    assert steps(case, Kind.REMINDER) == 0


def test_the_adviser_is_reminded_once(councillor, monitoring_officer):
    case = ask(councillor)
    assert advice_sweep(now=REMINDER) == 1
    assert advice_sweep(now=REMINDER) == 0
    assert steps(case, Kind.REMINDER) == 1
    assert (
        OutboxEmail.objects.filter(kind="advice_reminder", recipient=monitoring_officer).count()
        == 1
    )
    case.refresh_from_db()
    assert case.next_action_at == OVERDUE


def test_overdue_advice_goes_to_the_deputy_once(org, councillor, monitoring_officer):
    dmo = deputy(org)
    case = ask(councillor)
    for now in (REMINDER, OVERDUE, OVERDUE, at(2026, 11, 12, 9, 0)):
        advice_sweep(now=now)
    assert steps(case, Kind.ESCALATED) == 1
    assert OutboxEmail.objects.filter(kind="advice_overdue", recipient=dmo).count() == 1
    assert (
        OutboxEmail.objects.filter(kind="advice_overdue", recipient=monitoring_officer).count() == 1
    )
    assert AuditEvent.objects.filter(action="advice.request.escalated").count() == 1
    case.refresh_from_db()
    assert case.next_action_at is None


def test_a_sweep_that_missed_the_reminder_goes_straight_to_overdue(councillor, monitoring_officer):
    case = ask(councillor)
    assert advice_sweep(now=at(2026, 11, 11, 9, 0)) == 1
    assert steps(case, Kind.REMINDER) == 0
    escalated = case.steps.get(kind=Kind.ESCALATED)
    assert escalated.is_late
    assert escalated.heading == "Overdue: passed on, late"


def test_advice_given_stops_the_clock(councillor, monitoring_officer):
    case = ask(councillor)
    with clock_at(at(2026, 11, 3, 9, 0)):
        advice_give(actor=monitoring_officer, case=case, advice="Fine.")
    assert advice_sweep(now=OVERDUE) == 0
    assert not case.steps.filter(kind__in=AdviceStep.ONCE_KINDS).exists()
