"""The visit pages: the councillor asks and cancels, the Director arranges, democratic services
and the Monitoring Officer see them all; everyone else is refused (REG-3)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registers.models import Visit
from registers.services import visit_arrange
from tests.clock import clock_fixture
from tests.registers.factories import OfficerFactory, VisitFactory

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db

SEE_ALL = ["director", "monitoring_officer", "democratic_services"]
NOT_THEIRS = ["other_group_councillor", "officer", "assistant_director", "outsider"]


monday_morning = clock_fixture(NOW, name="monday_morning")


@pytest.fixture
def visit(org):
    return ask_for_visit(org)


def date_parts(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# --- The list --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["councillor", *SEE_ALL])
def test_who_sees_the_visit_in_their_list(request, client_for, visit, who):
    html = client_for(request.getfixturevalue(who)).get(reverse("visits:list")).content.decode()
    assert reverse("visits:detail", args=[visit.pk]) in html
    assert "Mill Lane Depot" in html


def test_the_director_sees_their_directorate_and_the_councillor_only_their_own(
    client_for, org, visit, director, other_group_councillor
):
    html = client_for(director).get(reverse("visits:list")).content.decode()
    assert "Visits to Place and Environment" in html
    other = client_for(other_group_councillor).get(reverse("visits:list")).content.decode()
    assert "Visits you asked for" in other and "Mill Lane Depot" not in other
    assert 'href="/visits/new/"' in other


@pytest.mark.parametrize("who", ["officer", "assistant_director", "outsider"])
def test_the_list_is_refused_to_people_with_no_part_in_visits(request, client_for, who):
    response = client_for(request.getfixturevalue(who)).get(reverse("visits:list"))
    assert response.status_code == 403


def test_the_list_keeps_its_query_count(
    client_for, org, democratic_services, django_assert_max_num_queries
):
    client = client_for(democratic_services)
    VisitFactory(councillor=org.councillors.councillor, service=org.service)
    client.get(reverse("visits:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("visits:list"))
    budget = len(few)  # before the next request empties the connection's log
    for _ in range(30):
        VisitFactory(meeting_officer=OfficerFactory(), director=OfficerFactory())
    client.get(reverse("visits:list"))  # new officers: who the viewer is is read again once
    with django_assert_max_num_queries(budget):
        assert client.get(reverse("visits:list")).status_code == 200


# --- Asking for a visit ----------------------------------------------------------------------


def test_a_councillor_asks_for_a_visit(client_for, org, councillor):
    client = client_for(councillor)
    page = client.get(reverse("visits:new")).content.decode()
    assert "Wednesday 4 November 2026" in page  # the earliest date today
    assert "Place and Environment: Waste and Recycling" in page
    response = client.post(
        reverse("visits:new"),
        {
            "premises": "Mill Lane Depot",
            "service": org.service.pk,
            **date_parts("visit_on", NOW.date().replace(day=12)),
            "visit_time": "14:30",
            "purpose": "To see the new recycling line.",
        },
    )
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("visits:detail", args=[visit.pk])
    assert visit.starts_at.hour == 14 and visit.starts_at.minute == 30
    page = client.get(response["Location"]).content.decode()
    assert "Visit asked for. David Okafor (Director) has been told" in page
    assert "Thursday 12 November 2026 at 14:30" in page


@pytest.mark.parametrize(
    ("changes", "message", "anchor"),
    [
        ({"visit_on_0": "3"}, "choose Wednesday 4 November 2026 or later", "#id_visit_on_0"),
        (
            {"visit_time": "25:00"},
            "Enter the time of the visit as hours and minutes",
            "#id_visit_time",
        ),
        ({"premises": ""}, "Enter the premises you want to visit", "#id_premises"),
        ({"service": "legal"}, "Nobody holds the Director", "#id_service"),
    ],
)
def test_bad_input_shows_the_error_summary(client_for, org, councillor, changes, message, anchor):
    data = {
        "premises": "Mill Lane Depot",
        "service": org.service.pk,
        **date_parts("visit_on", NOW.date().replace(day=12)),
        "visit_time": "10:00",
        "purpose": "To see it.",
        **changes,
    }
    if data["service"] == "legal":  # Resources has no Director
        data["service"] = org.legal_service.pk
    response = client_for(councillor).post(reverse("visits:new"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert f'href="{anchor}"' in html
    assert "<title>Error:" in html
    assert not Visit.objects.exists()


@pytest.mark.parametrize("who", ["officer", "director", "democratic_services", "outsider"])
def test_only_councillors_ask_for_visits(request, client_for, org, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("visits:new")).status_code == 403
    assert client.post(reverse("visits:new"), {"premises": "X"}).status_code == 403
    assert not Visit.objects.exists()


# --- One visit -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["councillor", *SEE_ALL])
def test_who_sees_a_visit(request, client_for, visit, who):
    response = client_for(request.getfixturevalue(who)).get(
        reverse("visits:detail", args=[visit.pk])
    )
    assert response.status_code == 200
    assert "Residents ask about lorry movements" in response.content.decode()


@pytest.mark.parametrize("who", NOT_THEIRS)
def test_anyone_else_is_told_it_does_not_exist(request, client_for, visit, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 404
    for name in ("arrange", "cancel"):
        url = reverse(f"visits:{name}", args=[visit.pk])
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"reason": "x"}).status_code == 404, url
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED


def test_the_buttons_follow_who_is_looking(client_for, visit, councillor, director):
    arrange = reverse("visits:arrange", args=[visit.pk])
    cancel = reverse("visits:cancel", args=[visit.pk])
    mine = client_for(councillor).get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert cancel in mine and arrange not in mine
    theirs = client_for(director).get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert arrange in theirs and cancel not in theirs


# --- Arranging and cancelling ----------------------------------------------------------------


def test_the_director_arranges_the_visit(client_for, org, visit, director):
    client = client_for(director)
    url = reverse("visits:arrange", args=[visit.pk])
    page = client.get(url).content.decode()
    # Officers of the directorate, with their post and service.
    assert "Gareth Evans (Head of Waste and Recycling, Waste and Recycling)" in page
    assert "Margaret Lewis" not in page  # Resources, not this directorate
    response = client.post(
        url, {"meeting_officer": org.officers.head_of_service.pk, "conditions": "Boots on."}
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.ARRANGED and visit.conditions == "Boots on."
    page = client.get(response["Location"]).content.decode()
    assert "Visit arranged. Cllr Chris Baker has been told." in page
    assert "Boots on." in page and arrange_link(visit) not in page


def arrange_link(visit):
    return reverse("visits:arrange", args=[visit.pk])


def test_an_arrangement_needs_an_officer(client_for, visit, director):
    response = client_for(director).post(arrange_link(visit), {"conditions": ""})
    assert "Select the officer who will meet the member" in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED


@pytest.mark.parametrize("who", ["councillor", "monitoring_officer", "democratic_services"])
def test_those_who_see_a_visit_but_do_not_run_the_directorate_cannot_arrange_it(
    request, client_for, org, visit, who
):
    client = client_for(request.getfixturevalue(who))
    assert client.get(arrange_link(visit)).status_code == 403
    data = {"meeting_officer": org.officers.head_of_service.pk}
    assert client.post(arrange_link(visit), data).status_code == 403
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED


def test_an_arranged_visit_cannot_be_arranged_again(client_for, org, visit, director):
    visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.head_of_service)
    assert client_for(director).get(arrange_link(visit)).status_code == 403


def test_the_councillor_cancels(client_for, visit, councillor):
    client = client_for(councillor)
    url = reverse("visits:cancel", args=[visit.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "Clash with a committee."})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.CANCELLED
    page = client.get(response["Location"]).content.decode()
    assert "Visit cancelled. The Director has been told." in page
    assert "Clash with a committee." in page
    assert client.get(url).status_code == 403  # nothing left to cancel


@pytest.mark.parametrize("who", ["director", "monitoring_officer", "democratic_services"])
def test_only_the_councillor_cancels(request, client_for, visit, who):
    client = client_for(request.getfixturevalue(who))
    url = reverse("visits:cancel", args=[visit.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED
