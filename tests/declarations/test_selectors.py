"""Who sees which declarations, and how much of each (404 for everyone else)."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from declarations.models import Declaration, DeclarationStep
from declarations.selectors import (
    Reading,
    declaration_for,
    declarations_visible_to,
    due_for_confirmation,
    reading_for,
    register_for,
    review_queue,
    reviews_declarations,
    timeline_for,
    told_of,
)
from declarations.services import (
    declaration_ask_for_information,
    declaration_give_information,
    declaration_review,
    declaration_withdraw,
    declarations_sweep,
)
from tests.clock import at

from .helpers import LAPSES, councillor_declares, declare, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]
Kind = DeclarationStep.Kind
Status = Declaration.Status


@pytest.mark.parametrize(
    ("who", "reading"),
    [
        ("officer", Reading.FULL),  # the declarer
        ("councillor", Reading.PARTY),  # the other party
        ("line_manager", Reading.MANAGER),  # told of it
        ("monitoring_officer", Reading.FULL),
        ("democratic_services", Reading.FULL),
    ],
)
def test_each_role_reads_what_it_may(request, org, who, reading):
    declaration = officer_declares(org)
    user = request.getfixturevalue(who)
    found = declaration_for(user, declaration.pk)
    assert reading_for(user, found) == reading


@pytest.mark.parametrize(
    "who",
    ["outsider", "other_group_councillor", "head_of_service", "director", "chief_executive"],
)
def test_everyone_else_gets_a_404(request, org, who):
    declaration = officer_declares(org)
    with pytest.raises(Http404):
        declaration_for(request.getfixturevalue(who), declaration.pk)


def test_an_anonymous_visitor_sees_nothing(org):
    officer_declares(org)
    assert not declarations_visible_to(AnonymousUser()).exists()


def test_the_mo_exchange_is_withheld_from_the_manager_and_the_other_party(
    org, officer, councillor, line_manager, monitoring_officer
):
    declaration = declaration_ask_for_information(
        actor=monitoring_officer, declaration=officer_declares(org), question="Which ward?"
    )
    declaration_give_information(actor=officer, declaration=declaration, information="Riverside")
    withheld = {
        reading: {s.kind for s in timeline_for(declaration, reading) if s.withheld}
        for reading in Reading
    }
    assert withheld[Reading.FULL] == set()
    assert withheld[Reading.MANAGER] == {Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN}
    assert withheld[Reading.PARTY] == {Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN}


def test_the_deputy_sees_and_reviews_only_where_the_mo_is_one_of_the_two(
    org, monitoring_officer, deputy_monitoring_officer, officer
):
    ordinary = officer_declares(org)
    mos_own = declare(monitoring_officer, org.councillors.group_leader.user)
    assert reviews_declarations(deputy_monitoring_officer)
    # The deputy is also democratic services here, who keep the whole register.
    assert reading_for(deputy_monitoring_officer, mos_own) == Reading.FULL
    assert list(review_queue(deputy_monitoring_officer)) == [mos_own]
    assert list(review_queue(monitoring_officer)) == [ordinary]


def test_the_review_queue_holds_what_awaits_review_or_an_answer(org, officer, monitoring_officer):
    waiting = officer_declares(org)
    asked = councillor_declares(org)
    declaration_ask_for_information(actor=monitoring_officer, declaration=asked, question="?")
    reviewed = declare(officer, org.councillors.group_leader.user)
    declaration_review(actor=monitoring_officer, declaration=reviewed, advice="Fine.")
    withdrawn = declare(officer, org.councillors.other_group_councillor.user)
    declaration_withdraw(actor=officer, declaration=withdrawn)
    assert list(review_queue(monitoring_officer)) == [waiting, asked]


@pytest.mark.parametrize("who", ["officer", "democratic_services", "line_manager"])
def test_only_the_reviewer_has_a_queue(request, org, who):
    user = request.getfixturevalue(who)
    assert not reviews_declarations(user)
    with pytest.raises(PermissionDenied):
        review_queue(user)


def test_the_register_filters_by_status_and_searches_by_name(
    org, officer, monitoring_officer, democratic_services
):
    friend = officer_declares(org)
    family = councillor_declares(org)
    declaration_review(actor=monitoring_officer, declaration=family, advice="Fine.")
    assert set(register_for(democratic_services)) == {friend, family}
    assert list(register_for(monitoring_officer, status=Status.REVIEWED)) == [family]
    assert list(register_for(monitoring_officer, q="hughes")) == [family, friend]
    assert list(register_for(monitoring_officer, q="chris baker")) == [family, friend]
    assert list(register_for(monitoring_officer, q=family.reference)) == [family]
    assert list(register_for(monitoring_officer, q="nobody")) == []


def test_the_lapsed_filter(org, officer, monitoring_officer, made_on_a_monday):
    lapsed = officer_declares(org)
    ended = org.councillors.group_leader.user
    declare(officer, ended, starts_on=date(2010, 1, 1), ends_on=date(2015, 1, 1))
    declarations_sweep(now=LAPSES)
    made_on_a_monday.move_to(at(2027, 11, 3, 9, 0))
    assert list(register_for(monitoring_officer, status="lapsed")) == [lapsed]


@pytest.mark.parametrize("who", ["officer", "councillor", "line_manager", "outsider"])
def test_only_the_mo_and_democratic_services_keep_the_register(request, org, who):
    with pytest.raises(PermissionDenied):
        register_for(request.getfixturevalue(who))


def test_due_for_confirmation_opens_with_the_reminder_window(org, officer, made_on_a_monday):
    declaration = officer_declares(org)
    assert not due_for_confirmation(officer).exists()
    made_on_a_monday.move_to(at(2027, 10, 19, 9, 0))
    assert list(due_for_confirmation(officer)) == [declaration]
    assert not due_for_confirmation(org.councillors.councillor.user).exists()


def test_told_of_lists_the_managers_declarations(org, line_manager, officer):
    declaration = councillor_declares(org)
    assert list(told_of(line_manager)) == [declaration]
    assert not told_of(officer).exists()
