"""The managers above a stage's handler see the complaint stages handled in their part of the
council (the next stages of the same chain), acting arrangements included, on the public side
only: never the confidential management note unless they handle it, never when they have a
declared relationship with either party, and the pages, API and home counts agree."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Outcome
from complaints.selectors import complaints_visible_to
from complaints.services import complaint_stage_resolve
from registers.models import Tier
from tests.clients import token_client
from tests.complaints.helpers import about_member, about_officer
from tests.registers.factories import OfficerFactory, PostFactory, manager_in_another_directorate

from ..declarations.factories_conflicts import declared_in_register

pytestmark = pytest.mark.django_db

HOME = reverse("home")
LIST = reverse("complaints:list")
API_LIST = "/api/v1/complaints/"
NOTE = "Words of advice given to the officer about tone."
MANAGERS = ["head_of_service", "assistant_director", "director"]


def api_ids(user) -> set[int]:
    response = token_client(user).get(API_LIST)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def detail(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.pk])


def sees(client_for, user, complaint) -> str:
    """The page, the list's "All you can see" tab and the API agree; returns the page."""
    client = client_for(user)
    response = client.get(detail(complaint))
    assert response.status_code == 200
    listed = client.get(LIST, {"tab": "all"}).content.decode()
    assert complaint.reference in listed
    assert complaint.pk in api_ids(user)
    assert token_client(user).get(f"{API_LIST}{complaint.pk}/").status_code == 200
    return response.content.decode()


def sees_nothing(client_for, user, complaint) -> None:
    client = client_for(user)
    assert client.get(detail(complaint)).status_code == 404
    assert complaint.reference not in client.get(LIST, {"tab": "all"}).content.decode()
    assert complaint.pk not in api_ids(user)
    assert token_client(user).get(f"{API_LIST}{complaint.pk}/").status_code == 404


@pytest.mark.parametrize("who", MANAGERS)
def test_managers_above_the_handler_see_the_stage(request, client_for, who, org):
    complaint = about_officer(org)  # stage 1 with the line manager
    user = request.getfixturevalue(who)
    html = sees(client_for, user, complaint)
    for step in ("acknowledge", "resolve", "escalate", "refer"):  # seeing is not handling
        assert reverse(f"complaints:{step}", args=[complaint.pk]) not in html
    home = client_for(user).get(HOME).content.decode()
    count = complaints_visible_to(user).open().count()
    assert count == 1
    assert f"{count} open you can see, your teams' included" in home
    assert "?tab=all&amp;status=open" in home


@pytest.mark.parametrize("who", MANAGERS)
def test_managers_see_an_officers_concern_about_a_member_handled_below(
    request, client_for, who, org
):
    complaint = about_member(org)
    sees(client_for, request.getfixturevalue(who), complaint)


@pytest.mark.parametrize("who", MANAGERS)
def test_managers_never_read_the_management_note(request, client_for, who, line_manager, org):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome=Outcome.RESOLVED_INFORMALLY,
        note="An apology was given.",
        management_note=NOTE,
    )
    user = request.getfixturevalue(who)
    html = sees(client_for, user, complaint)
    assert "An apology was given." in html
    assert NOTE not in html
    body = token_client(user).get(f"{API_LIST}{complaint.pk}/").content.decode()
    assert NOTE not in body
    assert NOTE in client_for(line_manager).get(detail(complaint)).content.decode()


def test_the_chief_executive_and_other_directorates_stay_outside(client_for, chief_executive, org):
    complaint = about_officer(org)
    sees_nothing(client_for, chief_executive, complaint)
    elsewhere = manager_in_another_directorate(org)
    sees_nothing(client_for, elsewhere.user, complaint)
    assert "your teams' included" in client_for(elsewhere.user).get(HOME).content.decode()
    assert (
        "your teams' included"
        not in client_for(org.officers.officer.user).get(HOME).content.decode()
    )


@pytest.mark.parametrize("party", ["complainant", "subject"])
def test_a_manager_with_a_declared_relationship_with_a_party_is_kept_out(
    client_for, party, assistant_director, head_of_service, org
):
    complaint = about_officer(org)
    other = org.councillors.councillor.user if party == "complainant" else org.officers.officer.user
    declared_in_register(assistant_director, other, relationship="family")
    sees_nothing(client_for, assistant_director, complaint)
    assert complaints_visible_to(assistant_director).open().count() == 0
    sees(client_for, head_of_service, complaint)


def test_an_officer_acting_up_as_assistant_director_sees_the_stages_below(client_for, org):
    acting = OfficerFactory(
        post=PostFactory(tier=Tier.HEAD_OF_SERVICE, service=org.legal_service, reports_to=None)
    )
    post = org.posts.assistant_director
    post.acting_holder = acting
    post.acting_until = timezone.localdate() + timedelta(days=30)
    post.save()
    complaint = about_officer(org)
    sees(client_for, acting.user, complaint)
    post.acting_until = timezone.localdate() - timedelta(days=1)
    post.save()
    sees_nothing(client_for, acting.user, complaint)


def test_a_stage_handled_by_someone_acting_up_below_is_seen(client_for, org):
    """The line manager's post is filled for a time by an officer from elsewhere, who takes
    stage 1; the Assistant Director above sees it."""
    acting = OfficerFactory(
        post=PostFactory(tier=Tier.OFFICER, service=org.legal_service, reports_to=None)
    )
    post = org.posts.line_manager
    post.acting_holder = acting
    post.acting_until = timezone.localdate() + timedelta(days=30)
    post.save()
    complaint = about_officer(org)
    assert complaint.current_handler == acting.user
    sees(client_for, org.officers.assistant_director.user, complaint)
