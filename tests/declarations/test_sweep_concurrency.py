"""Two sweeps at once: each reminder and each lapse notice still happens exactly once."""

import pytest

from declarations.models import DeclarationStep
from declarations.services import declarations_sweep
from protocol_site.models import OutboxEmail
from tests.clock import clock_at
from tests.concurrency import ON_SQLITE, run_twice_at_once

from .helpers import LAPSES, MADE, REMINDER, declare, new_councillor

pytestmark = pytest.mark.django_db(transaction=True)


@ON_SQLITE
def test_two_sweeps_running_at_once_remind_and_lapse_each_declaration_once(org, officer):
    with clock_at(MADE):
        declarations = [declare(officer, new_councillor(org, i)) for i in range(8)]
    assert run_twice_at_once(declarations_sweep, now=REMINDER) == []
    reminders = DeclarationStep.objects.filter(kind=DeclarationStep.Kind.CONFIRM_REMINDER)
    assert reminders.count() == len(declarations)
    mails = OutboxEmail.objects.filter(subject__startswith="Please re-confirm")
    assert mails.count() == len(declarations)
    assert run_twice_at_once(declarations_sweep, now=LAPSES) == []
    assert DeclarationStep.objects.filter(kind=DeclarationStep.Kind.LAPSED).count() == len(
        declarations
    )
    told = OutboxEmail.objects.filter(
        subject__startswith="A relationship declaration has not been re-confirmed"
    )
    assert told.count() == 2 * len(declarations)  # the line manager and the Monitoring Officer
