"""Group Leaders see their members' induction and training attendance (the council's protocol
asks them to make sure new members attend induction): their own group only; democratic
services every group; anyone else 404. One query for the rows, however many members."""

from datetime import date

import pytest
from django.urls import reverse

from groups.induction import induction_rows
from registers.models import TrainingSession
from tests.clock import at, clock_fixture
from tests.registers.factories import (
    CouncillorFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

frozen = clock_fixture(at(2026, 11, 2, 9, 0), name="frozen")


def page(group):
    return reverse("groups:induction", args=[group.pk])


@pytest.fixture
def sessions(org):
    induction = TrainingSessionFactory(
        title="New councillor induction",
        kind=TrainingSession.Kind.INDUCTION,
        held_on=date(2026, 5, 20),
    )
    planning = TrainingSessionFactory(title="Planning", held_on=date(2026, 7, 1))
    licensing = TrainingSessionFactory(title="Licensing", held_on=date(2026, 9, 9))
    baker = org.councillors.councillor
    TrainingAttendanceFactory(session=induction, councillor=baker)
    TrainingAttendanceFactory(session=planning, councillor=baker)
    TrainingAttendanceFactory(session=licensing, councillor=baker, attended=False)
    return induction


def test_the_leader_sees_each_members_attendance(org, sessions):
    new = CouncillorFactory(group=org.group_a, ward=org.ward, term_start=date(2026, 5, 8))
    rows = {row.pk: row for row in induction_rows(org.group_a)}
    baker = rows[org.councillors.councillor.pk]
    assert baker.inducted_on == date(2026, 5, 20)
    assert (baker.sessions_attended, baker.places_missed) == (1, 1)
    assert baker.last_attended_on == date(2026, 7, 1)
    assert rows[new.pk].needs_induction and rows[new.pk].inducted_on is None
    assert org.councillors.other_group_councillor.pk not in rows


def test_the_page(org, client_for, group_leader, sessions):
    CouncillorFactory(group=org.group_a, ward=org.ward, term_start=date(2026, 5, 8))
    html = client_for(group_leader).get(page(org.group_a)).content.decode()
    assert "Members&#x27; induction and training" in html or "Members' induction" in html
    assert "Attended 20 May 2026" in html
    assert "1 new member of the group has not attended induction yet" in html
    assert "§" not in html


@pytest.mark.parametrize(
    "who", ["councillor", "other_group_councillor", "director", "monitoring_officer", "outsider"]
)
def test_anyone_else_is_told_it_does_not_exist(request, org, client_for, who):
    user = request.getfixturevalue(who)
    assert client_for(user).get(page(org.group_a)).status_code == 404


def test_a_leader_cannot_open_another_groups(org, client_for, group_leader):
    assert client_for(group_leader).get(page(org.group_b)).status_code == 404


def test_democratic_services_see_every_group(org, client_for, democratic_services):
    assert client_for(democratic_services).get(page(org.group_b)).status_code == 200


def test_the_count_of_queries_does_not_grow_with_members(
    org, client_for, group_leader, sessions, django_assert_max_num_queries
):
    client = client_for(group_leader)
    client.get(page(org.group_a))
    for _ in range(8):
        member = CouncillorFactory(group=org.group_a, ward=org.ward)
        TrainingAttendanceFactory(session=sessions, councillor=member)
    with django_assert_max_num_queries(9):
        html = client.get(page(org.group_a)).content.decode()
    assert html.count("Attended 20 May 2026") == 9


def test_the_home_page_links_the_leader_to_it(org, client_for, group_leader, councillor):
    assert page(org.group_a) in client_for(group_leader).get("/").content.decode()
    assert "induction and training" not in client_for(councillor).get("/").content.decode()
