"""Drill: a year of closed cases (the demo council's) passes its retention period; the nightly
run anonymises every one exactly once, run twice and (on PostgreSQL) two at once; the annual
report's figures do not move, stored files are gone, and `audit_verify` passes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from enquiries.models import ConstituentDetails, Enquiry, EnquiryAttachment
from protocol_site.audit import audit_verify
from protocol_site.models import AuditEvent
from reports import advice_figures, informed
from reports import selectors as figures
from retention.anonymise import due_for_anonymising, retention_run
from retention.kinds import case_kinds
from retention.models import Anonymisation
from retention.services import retention_rules_ensure
from tests.concurrency import ON_SQLITE, run_twice_at_once

pytestmark = pytest.mark.drill
SEVEN_YEARS = timedelta(days=7 * 366)
REPORTED = [
    "enquiries_by_service",
    "enquiries_by_month",
    "escalations_by_rung",
    "complaints_by_direction",
    "complaints_by_stage",
    "complaints_by_outcome",
    "declarations_by_side",
    "briefings_by_group",
    "visits_by_directorate",
    "training_by_kind",
    "training_by_group",
]
# The same from the modules beside the selectors: advice and lobbying, ward notices and
# members' public meetings.
REPORTED_ELSEWHERE = [
    (advice_figures, "advice_by_topic"),
    (advice_figures, "lobbying_counts"),
    (informed, "counts_by_kind"),
]


def _report() -> dict:
    periods = [figures.last_municipal_year(), figures.this_municipal_year()]
    reported = [(figures, name) for name in REPORTED] + REPORTED_ELSEWHERE
    return {
        (name, str(period)): getattr(module, name)(period)
        for module, name in reported
        for period in periods
    }


def _seed_a_year() -> list[str]:
    """The demo council's year of cases, with a constituent and a stored file on some of the
    closed enquiries. Returns the files' storage names."""
    call_command("seed_demo", stdout=None)
    names = []
    for enquiry in Enquiry.objects.closed().order_by("pk")[:12]:
        ConstituentDetails.objects.get_or_create(
            enquiry=enquiry,
            defaults={
                "name": "Mary Jones",
                "address": "4 Elm Road",
                "email": "mary@example.com",
                "consented": True,
                "recorded_by": enquiry.logged_by,
            },
        )
        event = enquiry.events.order_by("pk").first()
        attachment = EnquiryAttachment(
            enquiry=enquiry, event=event, name="letter.pdf", size=9, uploaded_by=enquiry.logged_by
        )
        attachment.file.save("letter.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        names.append(attachment.file.name)
    return names


def _due(now) -> int:
    rules = {rule.kind: rule for rule in retention_rules_ensure()}
    return sum(
        due_for_anonymising(kind, now=now, rule=rules[kind.kind]).count() for kind in case_kinds()
    )


def _check_all_done_once(due: int, files: list[str]) -> None:
    assert Anonymisation.objects.count() == due
    assert AuditEvent.objects.filter(action="retention.case.anonymised").count() == due
    anonymised = Anonymisation.objects.filter(kind="enquiry").values("case_id")
    assert not ConstituentDetails.objects.filter(enquiry__in=anonymised).exists()
    assert not EnquiryAttachment.objects.filter(enquiry__in=anonymised).exists()
    assert not any(default_storage.exists(name) for name in files)
    assert "Mary Jones" not in str(
        list(AuditEvent.objects.values_list("summary", "object_repr", "before", "after"))
    )
    assert audit_verify() == []


def test_a_year_of_closed_cases_is_anonymised_once_and_the_report_stands(transactional_db):
    files = _seed_a_year()
    before = _report()
    later = timezone.now() + SEVEN_YEARS
    due = _due(later)
    assert due >= 100  # a year of the demo council's closed cases
    assert retention_run(now=later) == due
    assert retention_run(now=later) == 0  # the second night's run finds nothing left
    _check_all_done_once(due, files)
    assert _report() == before


@ON_SQLITE
def test_two_runs_at_once_anonymise_each_case_once(transactional_db):
    files = _seed_a_year()
    before = _report()
    later = timezone.now() + SEVEN_YEARS
    due = _due(later)
    errors = run_twice_at_once(retention_run, now=later, rounds=2)
    assert errors == []
    _check_all_done_once(due, files)
    assert _report() == before
