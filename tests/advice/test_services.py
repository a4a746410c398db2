"""Asking for advice, giving it, withdrawing it: audited, emailed exactly once, confidential."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from advice.models import AdviceRequest, AdviceStep, Topic
from advice.selectors import advice_for, advice_visible_to
from advice.services import advice_give, advice_withdraw
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at

from .helpers import ASKED, DUE, ask, chief_finance_officer, deputy

pytestmark = pytest.mark.django_db


def mails(kind, user=None):
    qs = OutboxEmail.objects.filter(kind=kind)
    return qs.filter(recipient=user).count() if user else qs.count()


def test_a_councillor_asks_and_the_monitoring_officer_is_told_once(councillor, monitoring_officer):
    case = ask(councillor)
    assert case.reference.startswith("ADV-2026-")
    assert case.status == AdviceRequest.Status.ASKED
    assert case.asker_side == "councillor"
    assert case.due_on == DUE
    assert case.next_action_at == at(2026, 11, 9, 8, 0)
    assert mails("advice_asked", monitoring_officer) == 1
    assert mails("advice_asked") == 1
    mail = OutboxEmail.objects.get(kind="advice_asked")
    assert "press" not in mail.body_text  # no words of the question
    assert AuditEvent.objects.filter(action="advice.request.asked").count() == 1
    assert case.steps.get().kind == AdviceStep.Kind.ASKED


def test_the_council_rule_sets_the_working_days(councillor, monitoring_officer, council_rule):
    council_rule("ADVICE_WORKING_DAYS", 2)
    case = ask(councillor)
    assert str(case.due_on) == "2026-11-04"


def test_on_a_financial_matter_the_chief_finance_officer_is_asked_too(
    org, officer, monitoring_officer
):
    cfo = chief_finance_officer(org)
    case = ask(officer, topic=Topic.FINANCIAL)
    assert case.asker_side == "officer"
    assert mails("advice_asked", cfo) == 1
    assert mails("advice_asked", monitoring_officer) == 1
    assert advice_visible_to(cfo).filter(pk=case.pk).exists()
    other = ask(officer)
    assert not advice_visible_to(cfo).filter(pk=other.pk).exists()


def test_only_the_asker_and_the_monitoring_officers_office_see_it(
    org, councillor, monitoring_officer, officer, director, democratic_services, chief_executive
):
    dmo = deputy(org)
    case = ask(councillor)
    for user in (councillor, monitoring_officer, dmo):
        assert advice_for(user, case.pk) == case
    for user in (officer, director, democratic_services, chief_executive):
        with pytest.raises(Http404):
            advice_for(user, case.pk)


def test_the_monitoring_officer_advises_and_the_asker_is_told_once(councillor, monitoring_officer):
    case = ask(councillor)
    with clock_at(at(2026, 11, 4, 10, 0)):
        case = advice_give(actor=monitoring_officer, case=case, advice="Do not disclose it.")
    assert case.status == AdviceRequest.Status.ADVISED
    assert case.advised_by == monitoring_officer
    assert case.next_action_at is None
    assert mails("advice_given", councillor) == 1
    assert "disclose" not in OutboxEmail.objects.get(kind="advice_given").body_text
    with pytest.raises(PermissionDenied):  # given once
        advice_give(actor=monitoring_officer, case=case, advice="Again.")
    assert mails("advice_given") == 1


def test_nobody_else_advises(councillor, officer, director, monitoring_officer):
    case = ask(councillor)
    for user in (councillor, officer, director):
        with pytest.raises(PermissionDenied):
            advice_give(actor=user, case=case, advice="Something.")


def test_the_deputy_advises_when_the_monitoring_officer_asked(org, monitoring_officer):
    dmo = deputy(org)
    case = ask(monitoring_officer)
    assert mails("advice_asked", dmo) == 1
    with pytest.raises(PermissionDenied):
        advice_give(actor=monitoring_officer, case=case, advice="Mine.")
    advice_give(actor=dmo, case=case, advice="Yours.")


def test_advice_must_be_written(councillor, monitoring_officer):
    case = ask(councillor)
    with pytest.raises(ValidationError):
        advice_give(actor=monitoring_officer, case=case, advice="   ")


def test_a_question_and_a_topic_are_needed(councillor, monitoring_officer):
    with pytest.raises(ValidationError):
        ask(councillor, question=" ")
    with pytest.raises(ValidationError):
        ask(councillor, topic="gossip")


def test_someone_with_no_place_in_the_council_cannot_ask(outsider):
    with pytest.raises(PermissionDenied):
        ask(outsider)


def test_the_asker_withdraws_and_the_adviser_is_told(councillor, monitoring_officer):
    case = ask(councillor)
    with pytest.raises(PermissionDenied):
        advice_withdraw(actor=monitoring_officer, case=case)
    case = advice_withdraw(actor=councillor, case=case, reason="Sorted")
    assert case.status == AdviceRequest.Status.WITHDRAWN
    assert mails("advice_withdrawn", monitoring_officer) == 1
    assert case.steps.last().at > ASKED
