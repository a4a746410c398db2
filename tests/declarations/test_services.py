"""REG-1: making a declaration, who is told, and each check it makes."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from declarations.models import Declaration, DeclarationStep, Relationship, Side
from declarations.services import declaration_withdraw
from declarations.services.common import add_months
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import CONFIRM_BY, MADE, REMINDER, councillor_declares, declare, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]
Kind = DeclarationStep.Kind


def kinds(declaration) -> list[str]:
    return list(declaration.steps.order_by("at", "id").values_list("kind", flat=True))


def mail_to(user, subject_start: str):
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=subject_start)


def test_an_officer_declares_a_councillor_and_their_line_manager_is_told(
    org, officer, councillor, line_manager, monitoring_officer
):
    declaration = officer_declares(org)
    assert declaration.reference == f"DEC-2026-{declaration.pk:06d}"
    assert declaration.declarer_side == Side.OFFICER
    assert declaration.status == Declaration.Status.SUBMITTED
    assert (declaration.confirmed_on, declaration.confirm_by) == (MADE.date(), CONFIRM_BY)
    assert declaration.next_action_at == REMINDER
    assert declaration.manager_notified == line_manager
    assert kinds(declaration) == [Kind.DECLARED, Kind.MANAGER_NOTIFIED]
    told = declaration.steps.get(kind=Kind.MANAGER_NOTIFIED)
    assert told.recipient == line_manager and "(line manager)" in told.detail
    assert mail_to(line_manager, "A relationship between a councillor and an officer").count() == 1
    assert mail_to(monitoring_officer, "A relationship declaration awaits your review").exists()
    body = mail_to(line_manager, "A relationship").get().body_text
    assert "Oliver Hughes, who you manage, has declared a relationship" in body
    assert declaration.details not in body  # the details stay behind sign-in
    assert AuditEvent.objects.filter(action="declarations.declaration.declared").count() == 1
    history = list(declaration.history.all())
    assert [(h.history_type, h.reference, h.history_user) for h in history] == [
        ("+", declaration.reference, officer)
    ]


def test_a_councillor_declares_an_officer_and_the_officers_manager_is_told(
    org, councillor, line_manager
):
    declaration = councillor_declares(org)
    assert declaration.declarer_side == Side.COUNCILLOR
    assert declaration.manager_notified == line_manager
    body = mail_to(line_manager, "A relationship").get().body_text
    assert "Councillor Chris Baker has declared a relationship with Oliver Hughes, who you" in body


def test_the_head_of_service_is_told_when_the_council_says_so(
    org, settings, head_of_service, assistant_director
):
    settings.DECLARATION_NOTIFY_RUNG = "head_of_service"
    declaration = officer_declares(org)
    assert declaration.manager_notified == head_of_service
    assert "(Head of Service)" in declaration.steps.get(kind=Kind.MANAGER_NOTIFIED).detail
    # A Head of Service's own declaration goes to the next senior manager up.
    own = declare(head_of_service, org.councillors.other_group_councillor.user)
    assert own.manager_notified == assistant_director
    assert "(Assistant Director)" in own.steps.get(kind=Kind.MANAGER_NOTIFIED).detail


def test_a_vacant_line_manager_post_is_skipped(org, head_of_service):
    manager = org.officers.line_manager
    manager.post = None
    manager.save(update_fields=["post"])
    assert officer_declares(org).manager_notified == head_of_service


def test_with_no_manager_the_declaration_says_so_and_the_mo_is_still_told(
    org, chief_executive, monitoring_officer
):
    declaration = declare(chief_executive, org.councillors.councillor.user)
    assert declaration.manager_notified is None
    assert kinds(declaration) == [Kind.DECLARED]
    assert "No manager could be found to tell." in declaration.steps.get().detail
    assert mail_to(monitoring_officer, "A relationship declaration awaits").exists()


def test_when_the_mo_declares_the_deputy_is_told_to_review(
    org, monitoring_officer, deputy_monitoring_officer
):
    declare(monitoring_officer, org.councillors.councillor.user)
    assert mail_to(deputy_monitoring_officer, "A relationship declaration awaits").exists()
    assert not mail_to(monitoring_officer, "A relationship declaration awaits").exists()


@pytest.mark.parametrize(
    ("declarer", "other", "field", "message"),
    [
        ("councillor", "other_group_councillor", "other_party", "Select a current officer"),
        ("officer", "line_manager", "other_party", "Select a current councillor"),
        ("officer", "officer", "other_party", "yourself"),
    ],
)
def test_only_the_other_side_may_be_declared(request, org, declarer, other, field, message):
    with pytest.raises(ValidationError) as error:
        declare(request.getfixturevalue(declarer), request.getfixturevalue(other))
    assert message in str(error.value.message_dict[field])
    assert not Declaration.objects.exists()


def test_a_former_councillor_cannot_be_declared(org, officer):
    former = org.councillors.other_group_councillor
    former.term_end = date(2026, 5, 1)
    former.save(update_fields=["term_end"])
    with pytest.raises(ValidationError):
        declare(officer, former.user)


def test_someone_with_no_council_role_cannot_declare(org, outsider, councillor):
    with pytest.raises(PermissionDenied):
        declare(outsider, councillor)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"relationship": "neighbour"}, "relationship"),
        ({"details": "   "}, "details"),
        ({"starts_on": None}, "starts_on"),
        ({"starts_on": date(2026, 11, 3)}, "starts_on"),  # tomorrow
        ({"ends_on": date(2019, 3, 31)}, "ends_on"),  # before it started
    ],
)
def test_bad_input_is_refused(org, values, field):
    with pytest.raises(ValidationError) as error:
        officer_declares(org, **values)
    assert field in error.value.message_dict
    assert not Declaration.objects.exists()


def test_a_second_open_declaration_about_the_same_person_is_refused(org):
    first = officer_declares(org)
    with pytest.raises(ValidationError) as error:
        officer_declares(org, relationship=Relationship.BUSINESS)
    assert first.reference in str(error.value)
    # The other person's own declaration is theirs to make (003 §5.2(a) and (b)).
    assert declare(org.councillors.councillor.user, org.officers.officer.user)


def test_an_ended_or_withdrawn_declaration_does_not_block_a_new_one(org, officer):
    officer_declares(org, starts_on=date(2010, 1, 1), ends_on=date(2015, 1, 1))
    current = officer_declares(org)
    declaration_withdraw(actor=officer, declaration=current)
    assert officer_declares(org).status == Declaration.Status.SUBMITTED
    assert Declaration.objects.count() == 3


def test_a_declaration_that_has_ended_needs_no_re_confirmation(org):
    declaration = officer_declares(org, starts_on=date(2010, 1, 1), ends_on=date(2015, 1, 1))
    assert declaration.next_action_at is None
    assert not declaration.needs_reconfirming and not declaration.is_lapsed


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 2), 12, date(2027, 11, 2)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2027, 3, 31), -13, date(2026, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_the_confirmation_period_is_a_setting(org, settings):
    settings.DECLARATION_CONFIRM_MONTHS = 6
    settings.DECLARATION_REMINDER_DAYS = 30
    declaration = officer_declares(org)
    assert declaration.confirm_by == date(2027, 5, 2)
    assert declaration.next_action_at.date() == date(2027, 4, 2)


@pytest.mark.parametrize("days", [1, 365 * 80])
def test_a_relationship_cannot_start_in_the_future(org, officer, days):
    tomorrow = timezone.localdate() + timedelta(days=days)
    with pytest.raises(ValidationError) as refused:
        declare(officer, org.councillors.councillor.user, starts_on=tomorrow)
    assert refused.value.message_dict == {
        "starts_on": ["The start date must be today or in the past"]
    }
    assert not Declaration.objects.exists()
