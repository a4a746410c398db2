"""Journey 3: the yearly reminder and the lapse notice, each exactly once per cycle."""

from datetime import date

import pytest
from django.core.management import call_command

from declarations.models import Declaration, DeclarationStep
from declarations.selectors import declarations_visible_to
from declarations.services import declaration_confirm, declaration_withdraw, declarations_sweep
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at

from .helpers import LAPSES, REMINDER, councillor_declares, declare, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]
Kind = DeclarationStep.Kind


def steps(declaration, kind) -> int:
    return declaration.steps.filter(kind=kind).count()


def mails(subject_start: str, user=None) -> int:
    qs = OutboxEmail.objects.filter(subject__startswith=subject_start)
    return qs.filter(recipient=user).count() if user else qs.count()


def test_nothing_happens_before_the_reminder_moment(org):
    declaration = officer_declares(org)
    assert declarations_sweep(now=at(2027, 10, 19, 7, 59)) == 0
    assert steps(declaration, Kind.CONFIRM_REMINDER) == 0


def test_the_declarer_is_reminded_once_however_often_the_sweep_runs(org, officer):
    declaration = officer_declares(org)
    assert declarations_sweep(now=REMINDER) == 1
    assert declarations_sweep(now=REMINDER) == 0  # twice in a row, the same moment
    assert declarations_sweep(now=at(2027, 10, 25, 9, 0)) == 0
    assert steps(declaration, Kind.CONFIRM_REMINDER) == 1
    assert mails("Please re-confirm your relationship declaration by", officer) == 1
    assert mails("Please re-confirm") == 1
    declaration.refresh_from_db()
    assert declaration.next_action_at == LAPSES


def test_each_reminder_and_lapse_is_audited_once_beside_its_timeline_row(org):
    declaration = officer_declares(org)
    for now in (REMINDER, REMINDER, LAPSES, LAPSES):
        declarations_sweep(now=now)
    for kind in (Kind.CONFIRM_REMINDER, Kind.LAPSED):
        events = AuditEvent.objects.filter(action=f"declarations.declaration.{kind}")
        assert steps(declaration, kind) == 1
        assert events.count() == 1
        assert events.get().after["cycle"] == declaration.cycle


def test_once_lapsed_the_manager_and_the_mo_are_told_once(
    org, officer, line_manager, monitoring_officer
):
    declaration = officer_declares(org)
    assert declarations_sweep(now=REMINDER) == 1
    assert declarations_sweep(now=at(2027, 11, 2, 23, 59)) == 0
    assert declarations_sweep(now=LAPSES) == 1
    assert declarations_sweep(now=LAPSES) == 0
    assert declarations_sweep(now=at(2028, 1, 1, 9, 0)) == 0
    assert steps(declaration, Kind.LAPSED) == 1
    lapsed = declaration.steps.get(kind=Kind.LAPSED)
    assert "Maya Patel (line manager) and the Monitoring Officer" in lapsed.detail
    subject = "A relationship declaration has not been re-confirmed"
    assert mails(subject, line_manager) == 1
    assert mails(subject, monitoring_officer) == 1
    assert mails("Your relationship declaration has not been re-confirmed", officer) == 1
    declaration.refresh_from_db()
    assert declaration.next_action_at is None
    assert declaration.is_lapsed is False  # the clock is still frozen at the day it was made


def test_a_sweep_that_first_runs_after_the_lapse_only_sends_the_lapse(org, officer):
    declaration = officer_declares(org)
    assert declarations_sweep(now=at(2027, 12, 1, 9, 0)) == 1
    assert steps(declaration, Kind.CONFIRM_REMINDER) == 0
    assert steps(declaration, Kind.LAPSED) == 1
    assert mails("Please re-confirm") == 0


def test_a_councillors_declaration_lapsing_tells_the_officer_partys_manager(org, line_manager):
    councillor_declares(org)
    declarations_sweep(now=LAPSES)
    assert mails("A relationship declaration has not been re-confirmed", line_manager) == 1


def test_a_new_manager_is_told_at_the_lapse_and_may_then_see_it(org, head_of_service):
    declaration = officer_declares(org)
    manager = org.officers.line_manager
    manager.post = None  # the line manager has left; the post is vacant
    manager.save(update_fields=["post"])
    declarations_sweep(now=LAPSES)
    declaration.refresh_from_db()
    assert declaration.manager_notified == head_of_service
    told = declaration.steps.filter(kind=Kind.MANAGER_NOTIFIED).order_by("id")
    assert [s.recipient_id for s in told] == [org.officers.line_manager.user_id, head_of_service.pk]
    assert declarations_visible_to(head_of_service).filter(pk=declaration.pk).exists()
    assert declarations_visible_to(manager.user).filter(pk=declaration.pk).exists()


def test_after_re_confirmation_the_next_cycle_is_reminded_again(org, officer, made_on_a_monday):
    declaration = officer_declares(org)
    declarations_sweep(now=REMINDER)
    made_on_a_monday.move_to(at(2027, 10, 20, 9, 0))
    declaration_confirm(actor=officer, declaration=declaration)
    assert declarations_sweep(now=at(2028, 10, 6, 8, 0)) == 1
    assert declarations_sweep(now=at(2028, 10, 6, 8, 0)) == 0
    reminders = declaration.steps.filter(kind=Kind.CONFIRM_REMINDER).order_by("cycle")
    assert list(reminders.values_list("cycle", flat=True)) == [0, 1]
    assert mails("Please re-confirm", officer) == 2


def test_withdrawn_and_ended_declarations_are_not_swept(org, officer):
    withdrawn = officer_declares(org)
    declaration_withdraw(actor=officer, declaration=withdrawn)
    declare(officer, org.councillors.group_leader.user, ends_on=date(2027, 6, 30))
    assert declarations_sweep(now=at(2028, 1, 1, 9, 0)) == 0
    assert not DeclarationStep.objects.filter(kind__in=DeclarationStep.REMINDER_KINDS).exists()


def test_the_sweep_uses_the_indexed_deadline_column(org, django_assert_max_num_queries):
    officer_declares(org)
    with django_assert_max_num_queries(1):
        assert declarations_sweep(now=at(2027, 1, 1, 9, 0)) == 0
    assert Declaration.objects.filter(next_action_at__lte=REMINDER).count() == 1


def test_the_sweep_command_runs_the_declarations_sweep(org, capsys):
    officer_declares(org)
    call_command("sweep", "--now", REMINDER.isoformat())
    out = capsys.readouterr().out
    assert "Relationship declarations and appointment panels: 1 steps." in out
