"""Drill: a service fails at its very last step, after every save; nothing it did remains.

For each main service, a first run (rolled back) counts its audit events and outbox emails;
the real run then fails straight after the last of them has been written (the step itself
succeeded, then something raised). The whole database must be exactly as it was: no model
row, no timeline row, no history row, no audit event, no email.
"""

import sys
from datetime import date, datetime

import pytest
from django.apps import apps
from django.db import transaction

from complaints.services import complaint_escalate
from enquiries.services import enquiry_respond
from notices.services import election_period_declare
from protocol_site import audit, outbox
from registers.services.visits import visit_request
from tests.clock import LONDON, clock_at
from tests.complaints.helpers import about_officer
from tests.declarations.helpers import officer_declares
from tests.enquiries.factories import casework
from tests.groups.helpers import ask

pytestmark = [pytest.mark.drill, pytest.mark.django_db]

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)  # a Monday
LAST_STEPS = {"email": outbox.email_enqueue, "audit event": audit.audit_record}


@pytest.fixture(autouse=True)
def monday_morning():
    with clock_at(NOW):
        yield


# Each returns the service call, with whatever must exist before it already made.
def _log_an_enquiry(org):
    return lambda: casework(org, actor=org.councillors.councillor.user)


def _respond(org):
    enquiry = casework(org, actor=org.councillors.councillor.user)
    return lambda: enquiry_respond(
        actor=org.officers.officer.user,
        enquiry=enquiry,
        response="Crews will collect from Elm Road on Monday and weekly after that.",
    )


def _raise_a_complaint(org):
    return lambda: about_officer(org)


def _escalate_a_stage(org):
    complaint = about_officer(org)
    return lambda: complaint_escalate(
        actor=org.councillors.councillor.user,
        complaint=complaint,
        reason="A week on, nobody has been in touch about it.",
    )


def _make_a_declaration(org):
    return lambda: officer_declares(org)


def _request_a_briefing(org):
    return lambda: ask(org)


def _record_a_visit(org):
    return lambda: visit_request(
        actor=org.councillors.councillor.user,
        service=org.service,
        premises="Riverside depot",
        starts_at=datetime(2026, 11, 10, 10, 0, tzinfo=LONDON),
        purpose="To see the new collection vehicles before the budget debate.",
    )


def _declare_a_pre_election_period(org):
    return lambda: election_period_declare(
        actor=org.officers.monitoring_officer.user,
        name="Riverside by-election",
        starts_on=date(2026, 11, 16),
        polling_day=date(2026, 12, 10),
        guidance="No new publicity about candidates; answer members' enquiries as usual.",
    )


SERVICES = [
    _log_an_enquiry,
    _respond,
    _raise_a_complaint,
    _escalate_a_stage,
    _make_a_declaration,
    _request_a_briefing,
    _record_a_visit,
    _declare_a_pre_election_period,
]


class FailedAtTheLastStep(Exception):
    pass


class _RolledBack(Exception):
    pass


def _replace_everywhere(patch: pytest.MonkeyPatch, original, replacement) -> None:
    """Replace a function in every module that imported it by name."""
    name = original.__name__
    for module in list(sys.modules.values()):
        if getattr(module, "__dict__", {}).get(name) is original:
            patch.setattr(module, name, replacement)


def _run_with(service, *, fail_at: tuple[str, int] | None = None) -> dict[str, int]:
    """Run `service` counting its last steps; with `fail_at` (kind, n), raise just after the
    n-th write of that kind has been made. Returns the count of each kind."""
    counts = dict.fromkeys(LAST_STEPS, 0)
    with pytest.MonkeyPatch.context() as patch:
        for kind, original in LAST_STEPS.items():

            def step(*args, _kind=kind, _original=original, **kwargs):
                result = _original(*args, **kwargs)
                counts[_kind] += 1
                if fail_at == (_kind, counts[_kind]):
                    raise FailedAtTheLastStep(f"after {_kind} {counts[_kind]}")
                return result

            _replace_everywhere(patch, original, step)
        service()
    return counts


def _count_steps(service) -> dict[str, int]:
    """A dry run, rolled back: how many emails and audit events the service writes."""
    counts = {}
    try:
        with transaction.atomic():
            counts = _run_with(service)
            raise _RolledBack
    except _RolledBack:
        pass
    return counts


def _database() -> dict[str, list[tuple]]:
    """Every row of every table the project's models have."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.mark.parametrize("last_step", list(LAST_STEPS))
@pytest.mark.parametrize("make", SERVICES, ids=lambda make: make.__name__.strip("_"))
def test_a_failure_after_the_last_write_leaves_nothing_behind(org, make, last_step):
    service = make(org)
    before = _database()
    written = _count_steps(service)
    assert written[last_step] > 0, f"the service writes no {last_step}"
    assert _database() == before

    with pytest.raises(FailedAtTheLastStep):
        _run_with(service, fail_at=(last_step, written[last_step]))

    after = _database()
    changed = sorted(label for label in before if after[label] != before[label])
    assert changed == []
    assert audit.audit_verify() == []
