"""REG-1: the Monitoring Officer's review, the exchange with the declarer, changes, withdrawal,
yearly re-confirmation, and audited views."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from declarations.models import Declaration, DeclarationStep
from declarations.services import (
    declaration_ask_for_information,
    declaration_change,
    declaration_confirm,
    declaration_give_information,
    declaration_record_view,
    declaration_review,
    declaration_withdraw,
    declarations_sweep,
)
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at

from .helpers import LAPSES, REMINDER, declare, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]
Kind = DeclarationStep.Kind
Status = Declaration.Status


def mails(user, subject_start: str) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=subject_start).count()


def test_the_monitoring_officer_records_advice_and_the_declarer_is_told(
    org, officer, monitoring_officer
):
    declaration = declaration_review(
        actor=monitoring_officer,
        declaration=officer_declares(org),
        advice="Do not handle the councillor's casework.",
        action="Casework routed to a colleague.",
    )
    assert declaration.status == Status.REVIEWED
    assert declaration.reviewed_by == monitoring_officer and declaration.reviewed_at
    assert (declaration.mo_advice, declaration.mo_action) == (
        "Do not handle the councillor's casework.",
        "Casework routed to a colleague.",
    )
    assert declaration.steps.filter(kind=Kind.REVIEWED).count() == 1
    assert mails(officer, "The Monitoring Officer has reviewed") == 1
    assert "casework" not in OutboxEmail.objects.get(recipient=officer).body_text
    # The advice can be revised.
    declaration_review(actor=monitoring_officer, declaration=declaration, advice="Revised.")
    declaration.refresh_from_db()
    assert (declaration.mo_advice, declaration.mo_action) == ("Revised.", "")


@pytest.mark.parametrize("who", ["officer", "councillor", "line_manager", "democratic_services"])
def test_only_the_monitoring_officer_reviews(request, org, who):
    declaration = officer_declares(org)
    with pytest.raises(PermissionDenied):
        declaration_review(
            actor=request.getfixturevalue(who), declaration=declaration, advice="Fine."
        )
    declaration.refresh_from_db()
    assert declaration.status == Status.SUBMITTED


def test_advice_is_required(org, monitoring_officer):
    with pytest.raises(ValidationError) as error:
        declaration_review(actor=monitoring_officer, declaration=officer_declares(org), advice=" ")
    assert "advice" in error.value.message_dict


def test_the_mo_does_not_review_their_own_but_the_deputy_does(
    org, monitoring_officer, deputy_monitoring_officer
):
    own = declare(monitoring_officer, org.councillors.councillor.user)
    with pytest.raises(PermissionDenied):
        declaration_review(actor=monitoring_officer, declaration=own, advice="Fine.")
    declaration_review(actor=deputy_monitoring_officer, declaration=own, advice="Noted.")
    own.refresh_from_db()
    assert own.status == Status.REVIEWED


def test_the_mo_asks_for_more_and_the_declarer_answers(org, officer, monitoring_officer):
    declaration = declaration_ask_for_information(
        actor=monitoring_officer,
        declaration=officer_declares(org),
        question="Do you work on the councillor's ward?",
    )
    assert declaration.status == Status.MORE_INFORMATION
    assert declaration.information_requested == "Do you work on the councillor's ward?"
    assert mails(officer, "The Monitoring Officer has asked") == 1
    with pytest.raises(PermissionDenied):
        declaration_give_information(
            actor=monitoring_officer, declaration=declaration, information="Yes."
        )
    declaration = declaration_give_information(
        actor=officer, declaration=declaration, information="Yes, two streets of it."
    )
    assert declaration.status == Status.SUBMITTED
    assert declaration.steps.get(kind=Kind.INFORMATION_GIVEN).detail == "Yes, two streets of it."
    assert mails(monitoring_officer, "More information has been given") == 1
    with pytest.raises(ValidationError, match="No information has been asked for"):
        declaration_give_information(actor=officer, declaration=declaration, information="More.")


def test_asking_needs_a_question_and_the_reviewer(org, officer, monitoring_officer):
    declaration = officer_declares(org)
    with pytest.raises(ValidationError):
        declaration_ask_for_information(
            actor=monitoring_officer, declaration=declaration, question=""
        )
    with pytest.raises(PermissionDenied):
        declaration_ask_for_information(actor=officer, declaration=declaration, question="Why?")


def test_the_declarer_changes_the_end_date_with_history_kept(
    org, officer, monitoring_officer, line_manager
):
    declaration = officer_declares(org)
    declaration = declaration_change(
        actor=officer,
        declaration=declaration,
        details=declaration.details,
        ends_on=date(2026, 10, 31),
    )
    assert declaration.ends_on == date(2026, 10, 31)
    assert declaration.next_action_at is None  # ended: nothing to re-confirm
    step = declaration.steps.get(kind=Kind.CHANGED)
    assert step.detail == "End date set to Saturday 31 October 2026."
    latest = declaration.history.first()
    assert (latest.history_type, latest.ends_on, latest.history_user) == (
        "~",
        date(2026, 10, 31),
        officer,
    )
    event = AuditEvent.objects.get(action="declarations.declaration.changed")
    assert event.before == {"ends_on": None}
    assert event.after["ends_on"] == "2026-10-31"
    assert mails(monitoring_officer, "A relationship declaration has changed") == 1
    assert mails(line_manager, "A relationship declaration has changed") == 1


def test_clearing_the_end_date_starts_the_clock_again(org, officer):
    declaration = officer_declares(org, ends_on=date(2026, 12, 31))
    assert declaration.next_action_at is None
    declaration = declaration_change(
        actor=officer, declaration=declaration, details="Updated details.", ends_on=None
    )
    assert declaration.next_action_at == REMINDER
    assert declaration.steps.get(kind=Kind.CHANGED).detail == ("Details updated. End date removed.")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"ends_on": None}, "Nothing has changed"),
        ({"ends_on": date(2019, 1, 1)}, "The end date must be"),
        ({"details": ""}, "Describe the relationship"),
    ],
)
def test_bad_changes_are_refused(org, officer, values, message):
    declaration = officer_declares(org)
    data = {"details": declaration.details, "ends_on": None, **values}
    with pytest.raises(ValidationError, match=message):
        declaration_change(actor=officer, declaration=declaration, **data)


def test_only_the_declarer_changes_or_withdraws(org, councillor, line_manager):
    declaration = officer_declares(org)
    for actor in (councillor, line_manager):
        with pytest.raises(PermissionDenied):
            declaration_change(actor=actor, declaration=declaration, details="x", ends_on=None)
        with pytest.raises(PermissionDenied):
            declaration_withdraw(actor=actor, declaration=declaration)


def test_the_declarer_withdraws_it(org, officer, monitoring_officer, line_manager):
    declaration = declaration_withdraw(
        actor=officer, declaration=officer_declares(org), reason="Made in error."
    )
    assert declaration.status == Status.WITHDRAWN and declaration.next_action_at is None
    assert declaration.steps.get(kind=Kind.WITHDRAWN).detail.endswith("Made in error.")
    assert mails(monitoring_officer, "A relationship declaration has been withdrawn") == 1
    assert mails(line_manager, "A relationship declaration has been withdrawn") == 1
    with pytest.raises(ValidationError, match="withdrawn"):
        declaration_withdraw(actor=officer, declaration=declaration)
    with pytest.raises(ValidationError, match="withdrawn"):
        declaration_review(actor=monitoring_officer, declaration=declaration, advice="Late.")


def test_re_confirmation_is_refused_until_it_is_due(org, officer):
    with pytest.raises(ValidationError, match="not due to be re-confirmed until"):
        declaration_confirm(actor=officer, declaration=officer_declares(org))


def test_the_declarer_re_confirms_when_due_and_a_new_cycle_begins(
    org, officer, councillor, made_on_a_monday
):
    declaration = officer_declares(org)
    made_on_a_monday.move_to(at(2027, 10, 20, 9, 0))
    with pytest.raises(PermissionDenied):
        declaration_confirm(actor=councillor, declaration=declaration)
    declaration = declaration_confirm(actor=officer, declaration=declaration)
    assert declaration.cycle == 1
    assert declaration.confirmed_on == date(2027, 10, 20)
    assert declaration.confirm_by == date(2028, 10, 20)
    assert declaration.next_action_at == at(2028, 10, 6, 8, 0)
    step = declaration.steps.get(kind=Kind.CONFIRMED)
    assert (step.cycle, step.detail) == (
        1,
        "Confirmed it still stands. Next due by Friday 20 October 2028.",
    )


def test_re_confirming_a_lapsed_one_tells_the_mo_and_the_manager(
    org, officer, monitoring_officer, line_manager, made_on_a_monday
):
    declaration = officer_declares(org)
    declarations_sweep(now=LAPSES)
    made_on_a_monday.move_to(at(2027, 11, 10, 9, 0))
    declaration_confirm(actor=officer, declaration=declaration)
    assert mails(monitoring_officer, "A lapsed relationship declaration has been re-") == 1
    assert mails(line_manager, "A lapsed relationship declaration has been re-") == 1


def test_views_by_others_are_audited_but_not_the_declarers_own(
    org, officer, councillor, monitoring_officer
):
    declaration = officer_declares(org)
    action = "declarations.declaration.viewed"
    declaration_record_view(actor=officer, declaration=declaration)
    assert not AuditEvent.objects.filter(action=action).exists()
    declaration_record_view(actor=councillor, declaration=declaration)
    declaration_record_view(actor=monitoring_officer, declaration=declaration)
    assert list(
        AuditEvent.objects.filter(action=action).order_by("id").values_list("actor", flat=True)
    ) == [councillor.pk, monitoring_officer.pk]


def test_democratic_services_correct_the_details_saying_why(
    org, officer, democratic_services, monitoring_officer
):
    declaration = officer_declares(org)
    with pytest.raises(ValidationError, match="Say why"):
        declaration_change(
            actor=democratic_services, declaration=declaration, details="Cousins.", ends_on=None
        )
    declaration = declaration_change(
        actor=democratic_services,
        declaration=declaration,
        details="Cousins.",
        ends_on=None,
        reason="The declarer asked by email to correct a typing error.",
    )
    assert declaration.details == "Cousins."
    latest = declaration.history.first()
    assert latest.history_user == democratic_services
    assert latest.history_change_reason == "The declarer asked by email to correct a typing error."
    step = declaration.steps.get(kind=Kind.CHANGED)
    assert step.detail == (
        "Details updated. Corrected by democratic services: The declarer asked by email to "
        "correct a typing error."
    )
    assert mails(officer, "A relationship declaration has changed") == 1


def test_democratic_services_on_the_declaration_cannot_correct_it(org, democratic_services):
    from tests.declarations.helpers import declare

    declaration = declare(org.councillors.councillor.user, democratic_services)
    with pytest.raises(PermissionDenied):
        declaration_change(
            actor=democratic_services,
            declaration=declaration,
            details="x",
            ends_on=None,
            reason="Tidying.",
        )
