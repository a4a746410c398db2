"""Managers see their part of the council (ENQ-9): a line manager, a Head of Service and an
Assistant Director see the enquiries of every post under them, acting arrangements included,
with the performance page for that part; the pages, the API and the home counts agree, and a
declared relationship with the councillor keeps a manager out (REG-2)."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from enquiries.selectors import enquiries_visible_to
from registers.models import Tier
from tests.clients import token_client
from tests.enquiries.factories import casework
from tests.registers.factories import OfficerFactory, PostFactory, manager_in_another_directorate

from ..declarations.factories_conflicts import declared_in_register

pytestmark = pytest.mark.django_db

HOME = reverse("home")
LIST = reverse("enquiries:list")
PERFORMANCE = reverse("enquiries:performance")
API_LIST = "/api/v1/enquiries/"
CSV = reverse("enquiries:list_csv")


def api_ids(user) -> set[int]:
    response = token_client(user).get(API_LIST)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def exported(client, **params) -> list[list[str]]:
    response = client.get(CSV, {"scope": "all", "status": "open", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def listed(client, enquiry) -> bool:
    html = client.get(LIST, {"scope": "all", "status": "open"}).content.decode()
    return enquiry.reference in html


def reach_count(client) -> str:
    html = client.get(HOME).content.decode()
    marker = " open across you and the teams under you"
    assert marker in html, "no count of the teams' enquiries on the home page"
    start = html.rindex(">", 0, html.index(marker)) + 1
    return html[start : html.index(marker)]


def sees_everywhere(client_for, user, enquiry) -> None:
    """The detail page, the list, the API (list and detail) and the home count agree."""
    client = client_for(user)
    assert client.get(reverse("enquiries:detail", args=[enquiry.pk])).status_code == 200
    assert listed(client, enquiry)
    assert enquiry.pk in api_ids(user)
    assert token_client(user).get(f"{API_LIST}{enquiry.pk}/").status_code == 200
    assert reach_count(client) == str(queue_count(user))
    rows = exported(client)
    assert enquiry.reference in {row[0] for row in rows[1:]}
    assert len(rows) - 1 == queue_count(user)  # the export is the home count's list


def queue_count(user) -> int:
    return enquiries_visible_to(user).open().count()


def sees_nowhere(client_for, user, enquiry) -> None:
    client = client_for(user)
    assert client.get(reverse("enquiries:detail", args=[enquiry.pk])).status_code == 404
    assert not listed(client, enquiry)
    assert enquiry.pk not in api_ids(user)
    assert token_client(user).get(f"{API_LIST}{enquiry.pk}/").status_code == 404
    assert enquiry.reference not in {row[0] for row in exported(client)[1:]}


@pytest.mark.parametrize("who", ["line_manager", "head_of_service", "assistant_director"])
def test_a_manager_sees_the_enquiries_of_every_post_below(request, client_for, who, org):
    enquiry = casework(org)  # with the officer, three posts below the Assistant Director
    assert enquiry.assigned_to == org.officers.officer
    user = request.getfixturevalue(who)
    sees_everywhere(client_for, user, enquiry)
    assert reach_count(client_for(user)) == "1"


def test_the_officer_has_no_teams_count(client_for, officer, org):
    casework(org)
    assert "the teams under you" not in client_for(officer).get(HOME).content.decode()


def test_a_manager_above_only_in_another_directorate_sees_nothing(client_for, org):
    enquiry = casework(org)
    elsewhere = manager_in_another_directorate(org)
    sees_nowhere(client_for, elsewhere.user, enquiry)


def test_an_officer_acting_up_into_a_post_below_brings_their_enquiries(client_for, org):
    """An officer from another directorate acting up as the service's manager for a time."""
    acting = OfficerFactory(
        post=PostFactory(tier=Tier.OFFICER, service=org.legal_service, reports_to=None)
    )
    vacant = PostFactory(
        tier=Tier.MANAGER, service=org.service, reports_to=org.posts.head_of_service
    )
    vacant.acting_holder = acting
    vacant.acting_until = timezone.localdate() + timedelta(days=30)
    vacant.save()
    enquiry = casework(org, approached_officer=acting)
    assert enquiry.assigned_to == acting
    sees_everywhere(client_for, org.officers.assistant_director.user, enquiry)
    vacant.acting_until = timezone.localdate() - timedelta(days=1)
    vacant.save()
    sees_nowhere(client_for, org.officers.assistant_director.user, enquiry)


def test_an_officer_acting_up_as_assistant_director_sees_the_part_below(client_for, org):
    acting = OfficerFactory(
        post=PostFactory(tier=Tier.HEAD_OF_SERVICE, service=org.legal_service, reports_to=None)
    )
    post = org.posts.assistant_director
    post.acting_holder = acting
    post.acting_until = timezone.localdate() + timedelta(days=30)
    post.save()
    enquiry = casework(org)
    sees_everywhere(client_for, acting.user, enquiry)
    assert client_for(acting.user).get(PERFORMANCE).status_code == 200


def test_a_manager_with_a_declared_relationship_with_the_councillor_is_kept_out(
    client_for, councillor, assistant_director, head_of_service, org
):
    enquiry = casework(org)
    declared_in_register(councillor, assistant_director, relationship="family")
    sees_nowhere(client_for, assistant_director, enquiry)
    assert reach_count(client_for(assistant_director)) == "0"
    sees_everywhere(client_for, head_of_service, enquiry)  # not conflicted, still sees it


@pytest.mark.parametrize("who", ["line_manager", "head_of_service", "assistant_director"])
def test_the_performance_page_covers_the_managers_part_without_member_volumes(
    request, client_for, who, org
):
    casework(org)
    casework(org, subject="Overflowing bins on Ash Road")
    response = client_for(request.getfixturevalue(who)).get(PERFORMANCE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waste and Recycling" in html
    assert "Enquiries per member" not in html  # volumes stay with Directors and the MO
    assert "Cllr Chris Baker" not in html
    home = client_for(request.getfixturevalue(who)).get(HOME).content.decode()
    assert "Enquiry performance</a>" in home


def test_the_performance_page_counts_only_the_managers_part(client_for, line_manager, org):
    """An enquiry held elsewhere (the Monitoring Officer's service) is not in the manager's
    figures."""
    casework(org)
    casework(
        org,
        service=org.legal_service,
        approached_officer=org.officers.democratic_services,
        subject="Council tax question",
    )
    html = client_for(line_manager).get(PERFORMANCE).content.decode()
    assert "Waste and Recycling" in html
    assert "Legal and Democratic Services" not in html


def test_the_csv_download_follows_the_list_filters_and_leaves_out_the_casework_text(
    client_for, democratic_services, assistant_director, org
):
    enquiry = casework(org)
    casework(org, subject="=HYPERLINK(1)")
    client = client_for(assistant_director)
    rows = exported(client)
    assert rows[0][:3] == ["Reference", "Subject", "Councillor"]
    assert len(rows) == 3
    assert [row[1] for row in rows[1:] if row[1].endswith("(1)")] == ["'=HYPERLINK(1)"]
    assert enquiry.details not in "\n".join(",".join(row) for row in rows)
    assert len(exported(client, q=enquiry.reference)) == 2
    assert len(exported(client, status="closed")) == 1
    page = client.get(LIST, {"scope": "all", "status": "open", "page": "1"}).content.decode()
    assert "Download these 2 enquiries (CSV)" in page
    assert f'{CSV}?scope=all&amp;status=open"' in page  # the page number is left behind
    assert client_for(democratic_services).get(CSV).status_code == 200


def test_the_csv_download_is_for_enquiry_users_only(client_for, outsider):
    assert client_for(outsider).get(CSV).status_code == 403


def test_the_csv_download_costs_the_same_few_queries_with_three_times_the_data(
    client_for, assistant_director, org
):
    client = client_for(assistant_director)

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            exported(client)
        return len(queries.captured_queries)

    for n in range(3):
        casework(org, subject=f"Enquiry {n}")
    exported(client)  # the first view reads who the viewer is; later ones have it kept
    few = cost()
    for n in range(6):
        casework(org, subject=f"More {n}")
    assert cost() == few
