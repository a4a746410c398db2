"""The API lists of absences and of the team queue: scoped as their pages, filtered, a bad filter
a 400 naming the field, and the same number of queries however many rows."""

from datetime import date

import pytest
from django.urls import reverse

from registers.services import absence_record
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

ABSENCES = reverse("api:absence-list")
QUEUE = reverse("api:team-queue")
MONDAY = at(2026, 11, 2, 9, 0)


def away(org, officer, cover, starts=date(2026, 11, 2), ends=date(2026, 11, 6)):
    return absence_record(
        actor=officer.user, officer=officer, starts_on=starts, ends_on=ends, cover=cover
    )


@clock_at(MONDAY)
def test_absences_are_scoped_as_on_the_cover_pages(api, org, democratic_services):
    o = org.officers
    mine = away(org, o.officer, o.line_manager)
    legal = away(org, o.democratic_services, None, date(2026, 11, 9), date(2026, 11, 13))

    def ids(user, **params):
        response = api(user).get(ABSENCES, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(o.officer.user) == [mine.pk]
    assert ids(o.line_manager.user) == [mine.pk]  # their staff's, and the one they cover
    assert ids(o.director.user) == [mine.pk]  # below them at any depth
    assert ids(o.head_of_service.user) == [mine.pk]
    assert ids(democratic_services) == [mine.pk, legal.pk]  # every one
    assert ids(o.monitoring_officer.user) == [legal.pk]  # their staff in Legal
    row = api(o.officer.user).get(ABSENCES).json()["results"][0]
    assert row["officer"] == {"id": o.officer.pk, "name": str(o.officer)}
    assert row["cover"]["id"] == o.line_manager.pk and row["starts_on"] == "2026-11-02"
    # Filters.
    assert ids(democratic_services, officer=o.democratic_services.pk) == [legal.pk]
    assert ids(democratic_services, cover=o.line_manager.pk) == [mine.pk]
    assert ids(democratic_services, on="2026-11-10") == [legal.pk]
    assert ids(o.line_manager.user, mine="true") == [mine.pk]
    assert ids(o.director.user, mine="true") == []


@clock_at(MONDAY)
def test_a_bad_absence_filter_is_a_400_naming_the_field(api, democratic_services):
    response = api(democratic_services).get(ABSENCES, {"on": "tuesday", "officer": "99999"})
    assert response.status_code == 400
    assert set(response.json()) == {"on", "officer"}


def test_councillors_have_no_absences_or_team_queue(api, councillor, outsider):
    for user in (councillor, outsider):
        assert api(user).get(ABSENCES).status_code == 403
        assert api(user).get(QUEUE).status_code == 403


@pytest.fixture
def queued(org, councillor):
    org.service.team_queue = True
    org.service.save(update_fields=["team_queue"])
    return [casework(org, actor=councillor, approached_officer=None) for _ in range(2)]


def test_the_team_queue_is_scoped_as_its_page(api, org, queued, head_of_service):
    o = org.officers

    def rows(user, **params):
        response = api(user).get(QUEUE, params)
        assert response.status_code == 200, response.content
        return response.json()["results"]

    waiting = sorted(e.pk for e in queued)
    assert sorted(r["id"] for r in rows(o.officer.user)) == waiting
    assert not any(r["may_allocate"] for r in rows(o.officer.user))
    assert all(r["may_allocate"] for r in rows(head_of_service))
    assert rows(o.democratic_services.user) == []  # another service's queue
    assert rows(o.officer.user, service=org.legal_service.pk) == []
    assert len(rows(o.officer.user, service=org.service.pk)) == 2
    assert rows(o.officer.user, urgent="true") == []
    assert rows(o.officer.user)[0]["service"] == {"id": org.service.pk, "name": str(org.service)}


def test_a_bad_team_queue_filter_is_a_400_naming_the_field(api, org):
    response = api(org.officers.officer.user).get(QUEUE, {"service": "nope"})
    assert response.status_code == 400 and list(response.json()) == ["service"]


def test_the_lists_cost_the_same_whatever_the_number(
    api, org, councillor, django_assert_max_num_queries
):
    org.service.team_queue = True
    org.service.save(update_fields=["team_queue"])
    client = api(org.officers.head_of_service.user)
    casework(org, actor=councillor, approached_officer=None)
    with django_assert_max_num_queries(12) as few:
        assert client.get(QUEUE).status_code == 200
    for _ in range(5):
        casework(org, actor=councillor, approached_officer=None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(QUEUE).json()["results"]) == 6
    ds = api(org.officers.democratic_services.user)
    with clock_at(MONDAY), django_assert_max_num_queries(8):
        assert ds.get(ABSENCES).status_code == 200
