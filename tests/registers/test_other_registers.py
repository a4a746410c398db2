"""REG-3 in the registry and on the home page: officers' interests, politically restricted
posts, members' visits and member training."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from registers.models import Tier
from tests.clock import clock_at
from tests.registers.factories import (
    OfficerFactory,
    OfficerInterestFactory,
    PostFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
    VisitFactory,
)

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(org):
    """Two restricted posts: one held, one vacant with an acting holder; one not restricted."""
    held = org.posts.head_of_service
    held.politically_restricted, held.restriction_reason = True, "Advises the Cabinet"
    held.save()
    acting = PostFactory(
        title="Press Officer",
        tier=Tier.OFFICER,
        service=org.legal_service,
        politically_restricted=True,
        restriction_reason="Speaks to the media",
        acting_holder=org.officers.officer,
    )
    return held, acting


# --- Politically restricted posts -----------------------------------------------------------


def test_the_restricted_posts_register_lists_reason_and_current_holder(
    client_for, democratic_services, org, restricted
):
    held, acting = restricted
    html = client_for(democratic_services).get(reverse("manage:restrictedpost_list")).content
    html = html.decode()
    assert "Head of Waste and Recycling" in html and "Advises the Cabinet" in html
    assert "Gareth Evans" in html
    assert "Press Officer" in html and "Oliver Hughes (acting)" in html
    assert "Collections Manager" not in html  # not restricted
    # Each post opens on its own page, where the restriction is changed; nothing is added here.
    assert f'href="{reverse("manage:post_detail", args=[held.pk])}"' in html
    assert "Add a politically restricted post" not in html
    with pytest.raises(NoReverseMatch):
        reverse("manage:restrictedpost_add")


@pytest.mark.parametrize(
    ("q", "found", "not_found"),
    [("media", "Press Officer", "Head of Waste"), ("evans", "Head of Waste", "Press Officer")],
)
def test_the_restricted_posts_register_is_searchable(
    client_for, democratic_services, org, restricted, q, found, not_found
):
    url = reverse("manage:restrictedpost_list")
    html = client_for(democratic_services).get(url, {"q": q}).content.decode()
    assert found in html and not_found not in html


def test_the_index_counts_only_restricted_posts(client_for, democratic_services, restricted):
    html = client_for(democratic_services).get(reverse("manage:index")).content.decode()
    row = html[html.index("Politically restricted posts") :]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in row[:600]


# --- Officers' interests --------------------------------------------------------------------


def test_an_officer_sees_their_own_interests_at_home(client_for, org, officer, line_manager):
    OfficerInterestFactory(officer=org.officers.officer, description="Weekend lifeguard")
    OfficerInterestFactory(officer=org.officers.line_manager, description="Bakery partner")
    html = client_for(officer).get(reverse("home")).content.decode()
    assert "Your registered interests" in html
    assert "Weekend lifeguard" in html and "Bakery partner" not in html
    html = client_for(line_manager).get(reverse("home")).content.decode()
    assert "Bakery partner" in html and "Weekend lifeguard" not in html


def test_an_officer_with_no_interests_is_told_so(client_for, officer):
    html = client_for(officer).get(reverse("home")).content.decode()
    assert "You have no entries in the register of officers' interests." in html


def test_a_councillor_has_no_interests_panel(client_for, councillor):
    assert (
        "Your registered interests"
        not in client_for(councillor).get(reverse("home")).content.decode()
    )


def test_an_officers_page_shows_their_interests(client_for, democratic_services, org):
    OfficerInterestFactory(officer=org.officers.officer, starts_on=datetime.date(2025, 2, 3))
    url = reverse("manage:officer_detail", args=[org.officers.officer.pk])
    html = client_for(democratic_services).get(url).content.decode()
    assert '<h2 class="govuk-heading-m">Interests</h2>' in html and "3 February 2025" in html


# --- Member training ------------------------------------------------------------------------


def test_a_councillor_sees_their_training_record_at_home(client_for, org, councillor):
    induction = TrainingSessionFactory(title="New councillor induction", kind="induction")
    TrainingAttendanceFactory(session=induction, councillor=org.councillors.councillor)
    TrainingAttendanceFactory(
        session=TrainingSessionFactory(title="Planning"),
        councillor=org.councillors.councillor,
        attended=False,
    )
    TrainingAttendanceFactory(
        session=TrainingSessionFactory(title="Licensing"),
        councillor=org.councillors.other_group_councillor,
    )
    html = client_for(councillor).get(reverse("home")).content.decode()
    assert "Your training record" in html
    assert "New councillor induction" in html and "Planning" in html
    assert "Licensing" not in html
    assert '<td class="govuk-table__cell">No</td>' in html


def test_an_officer_has_no_training_panel(client_for, officer):
    assert "Your training record" not in client_for(officer).get(reverse("home")).content.decode()


def test_a_session_page_lists_its_attendance(client_for, democratic_services, org):
    session = TrainingSessionFactory(title="Induction")
    TrainingAttendanceFactory(session=session, councillor=org.councillors.councillor)
    url = reverse("manage:trainingsession_detail", args=[session.pk])
    html = client_for(democratic_services).get(url).content.decode()
    assert "Chris Baker" in html and "Attendance" in html
    url = reverse("manage:councillor_detail", args=[org.councillors.councillor.pk])
    html = client_for(democratic_services).get(url).content.decode()
    assert "Training and induction" in html and "Induction" in html


def test_the_sessions_list_counts_who_attended(client_for, democratic_services, org):
    session = TrainingSessionFactory(title="Induction")
    TrainingAttendanceFactory(session=session, councillor=org.councillors.councillor)
    TrainingAttendanceFactory(session=session, councillor=org.councillors.group_leader)
    TrainingAttendanceFactory(
        session=session, councillor=org.councillors.other_group_councillor, attended=False
    )
    html = client_for(democratic_services).get(reverse("manage:trainingsession_list")).content
    assert '<td class="govuk-table__cell">2</td>' in html.decode()


# --- Visits in the registry and on the home page ----------------------------------------------


def test_the_visits_register_opens_each_visit_on_its_own_page(client_for, democratic_services, org):
    visit = VisitFactory(councillor=org.councillors.councillor, service=org.service)
    html = client_for(democratic_services).get(reverse("manage:visit_list")).content.decode()
    assert f'href="{reverse("visits:detail", args=[visit.pk])}"' in html
    assert "Add a member" not in html
    assert (
        client_for(democratic_services).get(reverse("visits:detail", args=[visit.pk])).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("who", "line"),
    [
        ("councillor", "1 coming visit you asked for"),
        ("director", "1 coming visit to your directorate to arrange"),
        ("monitoring_officer", "1 coming visit in all"),
        ("democratic_services", "1 coming visit in all"),
    ],
)
def test_the_home_page_counts_coming_visits(request, client_for, org, who, line):
    with clock_at(NOW):
        ask_for_visit(org)
        html = client_for(request.getfixturevalue(who)).get(reverse("home")).content.decode()
    assert line in html


@pytest.mark.parametrize("who", ["officer", "assistant_director", "outsider"])
def test_no_visits_panel_for_people_with_no_part_in_visits(request, client_for, who):
    html = client_for(request.getfixturevalue(who)).get(reverse("home")).content.decode()
    assert "Visits to council premises" not in html


def test_an_acting_director_sees_the_directorates_visits(client_for, org):
    acting = OfficerFactory(post=PostFactory(tier=Tier.MANAGER, service=org.service))
    org.posts.director.acting_holder = acting
    org.posts.director.save()
    visit = VisitFactory(councillor=org.councillors.councillor, service=org.service)
    response = client_for(acting.user).get(reverse("visits:detail", args=[visit.pk]))
    assert response.status_code == 200
