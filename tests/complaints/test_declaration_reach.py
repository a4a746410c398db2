"""A declaration reaches the complaint stages already open: a handler it relates to the
complainant or the person complained about gives way to the next person on the ladder (the clock
keeps running), or the stage is flagged to the Monitoring Officer; once."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from complaints.models import ComplaintEvent
from declarations.models import CaseReached
from declarations.selectors import review_queue
from declarations.services import declaration_change, declaration_make
from protocol_site.models import AuditEvent, OutboxEmail

from ..declarations.factories_conflicts import declared_in_register
from .helpers import about_member, about_officer, handlers

pytestmark = pytest.mark.django_db

Ev = ComplaintEvent.Kind
MOVED = (
    "Stage 1 passed to the Assistant Director, Amira Shah: the previous handler could not deal "
    "with it."
)


def make(declarer, other_party):
    return declaration_make(
        actor=declarer,
        other_party=other_party,
        relationship="family",
        details="My sister-in-law.",
        starts_on=date(2020, 1, 1),
    )


def test_a_declaration_moves_the_open_stage_up_the_ladder(
    org, councillor, line_manager, assistant_director, client_for
):
    complaint = about_officer(org)
    stage = complaint.stages.get()
    due = (stage.acknowledge_by, stage.resolve_by)
    assert stage.handler == line_manager

    declaration = make(councillor, line_manager)

    stage.refresh_from_db()
    complaint.refresh_from_db()
    assert handlers(complaint) == [assistant_director.pk]
    assert (stage.number, stage.rung, stage.handler_role) == (
        1,
        "assistant_director",
        "Assistant Director",
    )
    assert (stage.acknowledge_by, stage.resolve_by) == due  # the clock keeps running
    assert complaint.current_handler == assistant_director
    event = complaint.events.get(kind=Ev.PASSED_ON)
    assert event.detail == MOVED and event.actor is None and event.visible_to_complainant
    reached = CaseReached.objects.get()
    assert (reached.declaration, reached.outcome) == (declaration, CaseReached.Outcome.MOVED)
    assert reached.reference == f"{complaint.reference} stage 1"
    assert AuditEvent.objects.filter(action="complaints.complaint.passed_on").count() == 1
    told = set(
        OutboxEmail.objects.filter(subject__contains="passed to another handler").values_list(
            "recipient", flat=True
        )
    )
    assert told == {assistant_director.pk, line_manager.pk, councillor.pk}
    # The new handler now works it; the timeline keeps the relationship to itself.
    url = reverse("complaints:detail", args=[complaint.pk])
    for reader in (councillor, assistant_director):
        page = client_for(reader).get(url).content.decode()
        assert MOVED in page
        main = page.split("<main", 1)[1]
        for word in ("sister", "relationship", "DEC-", "declar"):
            assert word not in main


def test_a_line_manager_related_to_the_member_complained_about_gives_way(
    org, councillor, line_manager, assistant_director
):
    complaint = about_member(org)
    make(line_manager, councillor)
    assert handlers(complaint) == [assistant_director.pk]


def test_where_nobody_else_can_take_it_the_stage_is_flagged(
    org, councillor, chief_executive, monitoring_officer, client_for
):
    declared_in_register(councillor, monitoring_officer)  # the top of the ladder is out too
    complaint = about_officer(org, officer_key="director")
    assert handlers(complaint) == [chief_executive.pk]

    declaration = make(councillor, chief_executive)

    assert handlers(complaint) == [chief_executive.pk]
    flag = complaint.events.get(kind=Ev.FLAGGED)
    assert not flag.visible_to_complainant
    reached = CaseReached.objects.get()
    assert reached.outcome == CaseReached.Outcome.FLAGGED
    assert OutboxEmail.objects.filter(
        recipient=monitoring_officer, subject__contains=complaint.reference
    ).exists()
    assert list(review_queue(monitoring_officer))[0] == declaration
    url = reverse("complaints:detail", args=[complaint.pk])
    assert (
        "Flagged to the Monitoring Officer" not in client_for(councillor).get(url).content.decode()
    )


def test_the_same_change_moves_nothing_twice(org, councillor, line_manager, assistant_director):
    complaint = about_officer(org)
    declaration = make(councillor, line_manager)
    events = complaint.events.count()
    declaration_change(
        actor=councillor,
        declaration=declaration,
        details="My sister-in-law, since 2020.",
        ends_on=date(2026, 11, 2) + timedelta(days=60),
    )
    assert complaint.events.count() == events
    assert CaseReached.objects.count() == 1
    assert handlers(complaint) == [assistant_director.pk]


def test_who_may_see_the_complaint_is_unchanged_for_outsiders_and_parties(
    org, councillor, line_manager, client_for, outsider
):
    complaint = about_officer(org)
    url = reverse("complaints:detail", args=[complaint.pk])
    make(councillor, line_manager)
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(councillor).get(url).status_code == 200
