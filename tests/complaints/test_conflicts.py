"""REG-2 in complaints (CMP-3): a handler with a declared relationship with the complainant or
the person complained about is skipped, at raise and when the sweep moves a stage up."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints import conflicts, routing
from complaints.services import complaints_sweep
from tests.clock import at

from ..declarations.factories_conflicts import declared_in_register, withdraw
from .helpers import about_member, about_officer, handlers

pytestmark = pytest.mark.django_db


def test_a_line_manager_related_to_the_complainant_is_skipped_at_raise(
    org, councillor, line_manager, assistant_director
):
    declared_in_register(councillor, line_manager)
    complaint = about_officer(org)
    stage = complaint.stages.get()
    assert (stage.handler, stage.rung) == (assistant_director, "assistant_director")


def test_it_does_not_matter_who_declared_it(org, councillor, line_manager, assistant_director):
    declared_in_register(line_manager, councillor)
    assert handlers(about_officer(org)) == [assistant_director.pk]


def test_a_line_manager_related_to_the_member_complained_about_is_skipped(
    org, councillor, line_manager, assistant_director
):
    """An officer's complaint about a member: the officer's line manager knows the member."""
    declared_in_register(councillor, line_manager, relationship="family")
    assert handlers(about_member(org)) == [assistant_director.pk]


def test_the_sweep_skips_a_rung_related_to_the_complainant(
    org, councillor, line_manager, assistant_director, director
):
    complaint = about_officer(org)
    declared_in_register(assistant_director, councillor)  # declared after the complaint was raised
    assert complaints_sweep(now=at(2026, 11, 17, 0, 5)) == 1
    assert handlers(complaint) == [line_manager.pk, director.pk]
    assert complaint.stages.get(number=2).rung == "director"


def test_a_withdrawn_declaration_no_longer_skips(org, councillor, line_manager):
    withdraw(declared_in_register(councillor, line_manager))
    assert handlers(about_officer(org)) == [line_manager.pk]


def test_an_ended_relationship_no_longer_skips(org, councillor, line_manager):
    declared_in_register(
        councillor, line_manager, starts_on=date(2024, 1, 1), ends_on=date(2026, 10, 31)
    )
    assert handlers(about_officer(org)) == [line_manager.pk]


def test_a_relationship_that_has_not_started_yet_does_not_skip(org, councillor, line_manager):
    declared_in_register(councillor, line_manager, starts_on=date(2026, 12, 1))
    assert handlers(about_officer(org)) == [line_manager.pk]


def test_a_lapsed_declaration_still_skips(org, councillor, line_manager, assistant_director):
    """Not re-confirmed in time: the relationship has not ended because a form was late."""
    lapsed = declared_in_register(
        councillor,
        line_manager,
        starts_on=date(2024, 6, 1),
        confirmed_on=date(2024, 6, 1),
        confirm_by=date(2025, 6, 1),
    )
    assert lapsed.is_lapsed
    assert handlers(about_officer(org)) == [assistant_director.pk]


def test_the_register_is_read_once_per_party_for_a_whole_ladder(
    org, councillor, line_manager, assistant_director
):
    complaint = about_officer(org)
    declared_in_register(councillor, line_manager)
    declared_in_register(councillor, assistant_director)
    with CaptureQueriesContext(connection) as queries:
        step = routing.next_handler(complaint)
    assert step.rung == "director"
    reads = [q for q in queries.captured_queries if "declarations_declaration" in q["sql"]]
    assert len(reads) == 2  # the complainant's relationships and the subject's


def test_is_conflicted_answers_from_the_register(org, councillor, officer, line_manager):
    parties = conflicts.Parties(complainant_user_id=councillor.pk, subject_user_id=officer.pk)
    assert conflicts.is_conflicted(line_manager.pk, parties=parties) is False
    declared_in_register(councillor, line_manager)
    fresh = conflicts.Parties(complainant_user_id=councillor.pk, subject_user_id=officer.pk)
    assert conflicts.is_conflicted(line_manager.pk, parties=fresh) is True
