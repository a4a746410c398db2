"""The panel pages: democratic services and the Monitoring Officer only; a related member is
named on the form and nothing saves; a post outside 003 §6.1 is warned about, not blocked."""

from datetime import date, datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from declarations.models import Panel
from declarations.panels.views import panels_home_panel
from registers.roles import person_for
from tests.clock import LONDON, clock_at
from tests.registers.factories import CouncillorFactory

from .factories_conflicts import declared_in_register
from .panel_helpers import director_panel

pytestmark = pytest.mark.django_db


KEEPERS = ["democratic_services", "monitoring_officer"]
OTHERS = [
    "councillor",
    "group_leader",
    "officer",
    "line_manager",
    "director",
    "chief_executive",
    "outsider",
]


def form_data(org, **changes) -> dict:
    data = {
        "purpose": "dismissal",
        "post": org.posts.director.pk,
        "officer": org.officers.director.pk,
        "candidate_name": "",
        "meets_on_0": "3",
        "meets_on_1": "12",
        "meets_on_2": "2026",
        "members": [org.councillors.councillor.pk, org.councillors.group_leader.pk],
        "notes": "Held in private.",
    }
    data.update(changes)
    return data


@pytest.fixture
def panel(org):
    return director_panel(org)


def urls(panel) -> list[str]:
    return [
        reverse("panels:list"),
        reverse("panels:add"),
        reverse("panels:detail", args=[panel.pk]),
        reverse("panels:change", args=[panel.pk]),
    ]


@pytest.mark.parametrize("who", OTHERS)
def test_no_one_else_reaches_any_panel_page(request, client_for, panel, who):
    client = client_for(request.getfixturevalue(who))
    for url in urls(panel):
        assert client.get(url).status_code == 403, url
    response = client.post(reverse("panels:add"), form_data(request.getfixturevalue("org")))
    assert response.status_code == 403
    assert Panel.objects.count() == 1


@pytest.mark.parametrize("who", KEEPERS)
def test_the_keepers_reach_every_panel_page(request, client_for, panel, who):
    client = client_for(request.getfixturevalue(who))
    for url in urls(panel):
        assert client.get(url).status_code == 200, url


def test_a_panel_that_does_not_exist_is_not_found(client_for, democratic_services, panel):
    client = client_for(democratic_services)
    assert client.get(reverse("panels:detail", args=[panel.pk + 1])).status_code == 404
    assert client.get(reverse("panels:change", args=[panel.pk + 1])).status_code == 404


def test_the_list_is_paginated_in_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries, org, democratic_services
):
    for day in range(1, 31):
        director_panel(org, meets_on=date(2026, 1, day))
    client = client_for(democratic_services)
    # Session and user (5 with the first view's save of the session), who they are, the
    # election banner (cached for the day after), the count and the page: never one per panel.
    with django_assert_max_num_queries(9):
        html = client.get(reverse("panels:list")).content.decode()
    assert "Showing 1 to 25 of 30." in html
    assert "Appointment: Director of Place" in html
    assert "Priya Ramanathan" in html
    html = client.get(reverse("panels:list") + "?page=2").content.decode()
    assert "Showing 26 to 30 of 30." in html
    assert 'aria-current="page">2<' in html


def test_recording_a_panel(client_for, org, democratic_services):
    response = client_for(democratic_services).post(reverse("panels:add"), form_data(org))
    panel = Panel.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("panels:detail", args=[panel.pk])
    assert (panel.purpose, panel.officer, panel.meets_on) == (
        "dismissal",
        org.officers.director,
        date(2026, 12, 3),
    )
    assert panel.members.count() == 2


def test_a_related_member_is_named_on_the_form_and_nothing_saves(
    client_for, org, democratic_services, director, group_leader
):
    declared_in_register(group_leader, director)
    response = client_for(democratic_services).post(reverse("panels:add"), form_data(org))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    message = (
        "Cllr Grace Lambert has declared a relationship with David Okafor and cannot sit on "
        "this panel."
    )
    assert html.count(message) == 2  # in the summary and against the members
    assert 'href="#id_members_0"' in html and 'id="id_members_0"' in html
    assert not Panel.objects.exists()


def test_the_form_offers_only_serving_councillors_as_checkboxes(
    client_for, org, democratic_services
):
    former = CouncillorFactory(term_start=date(2018, 5, 3), term_end=date(2022, 5, 4))
    html = client_for(democratic_services).get(reverse("panels:add")).content.decode()
    assert 'class="govuk-checkboxes__input"' in html
    assert str(org.councillors.councillor) in html
    assert former.user.display_name not in html


def test_bad_input_gets_specific_errors(client_for, org, democratic_services):
    data = form_data(org, purpose="", post="", meets_on_0="", meets_on_1="", meets_on_2="")
    html = client_for(democratic_services).post(reverse("panels:add"), data).content.decode()
    for message in (
        "Select whether the panel is for an appointment or a dismissal",
        "Select the post",
        "Enter the date the panel meets",
    ):
        assert message in html
    assert 'href="#id_purpose_0"' in html and 'id="id_purpose_0"' in html
    assert not Panel.objects.exists()


def test_changing_a_panel(client_for, org, monitoring_officer, panel):
    client = client_for(monitoring_officer)
    url = reverse("panels:change", args=[panel.pk])
    html = client.get(url).content.decode()
    assert 'value="Priya Ramanathan"' in html
    data = form_data(org, purpose="appointment", officer="", candidate_name="Priya Ramanathan")
    response = client.post(url, data)
    assert response["Location"] == reverse("panels:detail", args=[panel.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Panel saved" in html
    assert "Change history" in html
    assert "Cllr Chris Baker, Cllr Owen Price" in html  # members before ...
    assert "Cllr Chris Baker, Cllr Grace Lambert" in html  # ... and after
    assert "Appointment panel changed" in html and "declarations.panel.changed" not in html


def test_a_post_outside_the_protocol_is_warned_about_not_blocked(
    client_for, org, democratic_services
):
    panel = director_panel(org, post=org.posts.head_of_service)
    html = (
        client_for(democratic_services)
        .get(reverse("panels:detail", args=[panel.pk]))
        .content.decode()
    )
    assert "govuk-warning-text" in html
    assert "Head of Waste and Recycling is not one of these posts" in html


def test_no_warning_for_a_directors_panel(client_for, democratic_services, panel):
    html = (
        client_for(democratic_services)
        .get(reverse("panels:detail", args=[panel.pk]))
        .content.decode()
    )
    assert "govuk-warning-text" not in html


def test_a_relationship_declared_after_the_panel_was_recorded_is_flagged(
    client_for, org, democratic_services, director, councillor
):
    panel = director_panel(org, officer=org.officers.director, candidate_name="")
    declared_in_register(director, councillor)
    html = (
        client_for(democratic_services)
        .get(reverse("panels:detail", args=[panel.pk]))
        .content.decode()
    )
    assert "Cllr Chris Baker has declared a relationship with David Okafor" in html


def test_the_home_page_panel_is_for_the_keepers_only(org, democratic_services, officer, panel):
    assert panels_home_panel(person_for(officer)) is None
    with clock_at(datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)):
        home = panels_home_panel(person_for(democratic_services))
    assert home["upcoming"] == 1  # the panel meets on 3 December 2026
    html = render_to_string(home["template"], {"panel": home})
    assert "1 panel still to meet" in html
    assert reverse("panels:add") in html
    with clock_at(datetime(2026, 12, 4, 9, 0, tzinfo=LONDON)):
        assert panels_home_panel(person_for(democratic_services))["upcoming"] == 0
