"""declarations.conflicts (REG-2): the one place that says who is conflicted with whom."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from declarations.conflicts import are_related, conflicted_among, in_effect, related_user_ids
from declarations.models import Declaration

from .factories_conflicts import declared_in_register, withdraw

pytestmark = pytest.mark.django_db


def test_a_declaration_relates_the_two_either_way_round(org, councillor, officer, director):
    declared_in_register(councillor, officer)
    assert are_related(councillor.pk, officer.pk)
    assert are_related(officer.pk, councillor.pk)
    assert not are_related(councillor.pk, director.pk)
    assert related_user_ids(councillor.pk) == {officer.pk}
    assert related_user_ids(officer.pk) == {councillor.pk}


def test_only_declarations_in_effect_count(org, councillor, officer, director, line_manager):
    today = timezone.localdate()
    withdraw(declared_in_register(councillor, officer))
    declared_in_register(
        councillor, director, starts_on=today - timedelta(days=400), ends_on=today - timedelta(1)
    )
    declared_in_register(councillor, line_manager, starts_on=today + timedelta(days=7))
    assert related_user_ids(councillor.pk) == set()
    assert related_user_ids(councillor.pk, on=today + timedelta(days=7)) == {line_manager.pk}
    assert not in_effect().exists()


def test_a_lapsed_declaration_still_counts(org, councillor, officer):
    lapsed = declared_in_register(
        councillor,
        officer,
        starts_on=date(2020, 1, 1),
        confirmed_on=date(2020, 1, 1),
        confirm_by=date(2021, 1, 1),
    )
    assert lapsed.is_lapsed
    assert are_related(councillor.pk, officer.pk)


def test_conflicted_among_answers_for_a_whole_group_in_one_query(
    django_assert_num_queries, org, councillor, group_leader, officer, director, line_manager
):
    declared_in_register(councillor, officer)
    declared_in_register(director, group_leader)
    with django_assert_num_queries(1):
        found = conflicted_among(
            [officer.pk, director.pk, line_manager.pk], [councillor.pk, group_leader.pk]
        )
    assert found == {officer.pk, director.pk}


def test_the_register_s_words_agree_with_the_declaration_s_own(
    org, councillor, officer, director, line_manager
):
    """`needs_reconfirming` and `lapsed` as queries say what the model's properties say."""
    standing = declared_in_register(
        councillor, officer, starts_on=date(2020, 1, 1), confirm_by=date(2021, 1, 1)
    )
    ended_in_time = declared_in_register(
        councillor,
        director,
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 6, 1),
        confirm_by=date(2021, 1, 1),
    )
    withdrawn = withdraw(declared_in_register(officer, councillor))
    current = declared_in_register(councillor, line_manager)
    rows = [standing, ended_in_time, withdrawn, current]
    for row in rows:
        row.refresh_from_db()
    assert (
        set(Declaration.objects.needs_reconfirming())
        == {r for r in rows if r.needs_reconfirming}
        == {standing, current}
    )
    assert set(Declaration.objects.lapsed()) == {r for r in rows if r.is_lapsed} == {standing}
    assert set(Declaration.objects.in_effect()) == {standing, current}
