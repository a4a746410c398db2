"""Lobbying about employment: a councillor tells the Monitoring Officer at once; recorded,
confidential, audited, with the Monitoring Officer's action; each email exactly once."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from advice.models import LobbyingReport
from advice.selectors import lobbying_for
from advice.services import lobbying_record_action, lobbying_report
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import deputy, lobbied

pytestmark = pytest.mark.django_db


def test_the_monitoring_officer_is_told_once_and_it_is_audited(org, councillor, monitoring_officer):
    report = lobbied(org)
    assert report.reference.startswith("LOB-2026-")
    assert report.status == LobbyingReport.Status.REPORTED
    mails = OutboxEmail.objects.filter(kind="lobbying_reported")
    assert [m.recipient for m in mails] == [monitoring_officer]
    assert "restructure" not in mails.get().body_text
    assert AuditEvent.objects.filter(action="advice.lobbying.reported").count() == 1


def test_confidential_to_the_member_and_the_monitoring_officers_office(
    org, councillor, group_leader, officer, line_manager, monitoring_officer, democratic_services
):
    dmo = deputy(org)
    report = lobbied(org)
    for user in (councillor, monitoring_officer, dmo):
        assert lobbying_for(user, report.pk) == report
    for user in (group_leader, officer, line_manager, democratic_services):
        with pytest.raises(Http404):
            lobbying_for(user, report.pk)


def test_the_monitoring_officer_records_action_and_the_member_is_told_once(
    org, councillor, monitoring_officer
):
    report = lobbied(org)
    report = lobbying_record_action(
        actor=monitoring_officer, report=report, action="Spoke to the officer's Director."
    )
    assert report.status == LobbyingReport.Status.ACTIONED
    assert report.actioned_by == monitoring_officer
    lobbying_record_action(actor=monitoring_officer, report=report, action="And HR.")
    assert OutboxEmail.objects.filter(kind="lobbying_actioned", recipient=councillor).count() == 1
    assert AuditEvent.objects.filter(action="advice.lobbying.actioned").count() == 2


def test_only_the_monitoring_officer_records_action(org, councillor, director):
    report = lobbied(org)
    for user in (councillor, director):
        with pytest.raises(PermissionDenied):
            lobbying_record_action(actor=user, report=report, action="Nothing.")


def test_only_councillors_report(org, officer, monitoring_officer):
    with pytest.raises(PermissionDenied):
        lobbying_report(
            actor=officer, officer=org.officers.line_manager, lobbied_on=date(2026, 10, 1), what="x"
        )


def test_a_date_in_the_future_or_no_words_are_refused(org, councillor):
    with pytest.raises(ValidationError):
        lobbied(org, on=date(2027, 1, 1))
    with pytest.raises(ValidationError):
        lobbied(org, what="  ")
