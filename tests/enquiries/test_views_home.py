"""The home page's enquiries panel, the performance page (ENQ-9, ENQ-10), and the admin."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry
from enquiries.services import enquiries_sweep, enquiry_respond, enquiry_send_holding_reply
from tests.clock import at, clock_at
from tests.protocol_site.factories import UserFactory

from .factories import casework, received_days_ago, working_days_ahead

pytestmark = pytest.mark.django_db

HOME = reverse("home")
PERFORMANCE = reverse("enquiries:performance")


def test_a_councillors_home_page_offers_to_log_one_and_lists_the_latest(
    client_for, councillor, org
):
    enquiry = casework(org, subject="Streetlight out on Pine Close")
    html = client_for(councillor).get(HOME).content.decode()
    assert f'href="{reverse("enquiries:new")}"' in html and "Log an enquiry" in html
    assert "Your latest enquiries" in html
    assert enquiry.reference in html and "Streetlight out on Pine Close" in html
    assert enquiry.target_date.strftime("%a") in html
    assert "Your queue" not in html


def test_a_councillor_with_no_enquiries_is_told_so(client_for, councillor):
    assert (
        "You have not logged any enquiries yet."
        in client_for(councillor).get(HOME).content.decode()
    )


@clock_at(at(2026, 6, 17, 10, 0))
def test_an_officers_home_page_counts_the_queue_and_links_to_each_list(
    client_for, officer, line_manager, org
):
    received_days_ago(org, 16)  # overdue
    received_days_ago(org, 12)  # due soon
    casework(org)
    html = client_for(officer).get(HOME).content.decode()
    assert "3 open" in html
    assert "1 due soon" in html
    assert "1 overdue" in html
    assert "0 escalated to you" in html
    assert "?scope=queue&amp;status=overdue" in html
    assert "Record an enquiry received by email" in html
    assert "Enquiry performance" not in html
    enquiries_sweep()
    html = client_for(line_manager).get(HOME).content.decode()
    assert "1 escalated to you" in html
    assert "?scope=escalated&amp;status=open" in html


def test_a_directors_home_page_links_to_performance(client_for, director):
    html = client_for(director).get(HOME).content.decode()
    assert f'href="{PERFORMANCE}"' in html


def test_an_outsiders_home_page_has_no_enquiries_panel(client_for, outsider):
    html = client_for(outsider).get(HOME).content.decode()
    assert "Log an enquiry" not in html and "Your queue" not in html


def test_the_home_page_stays_within_its_query_count_with_enquiries(
    client_for, director, councillor, org, django_assert_max_num_queries
):
    for n in range(10):
        casework(org, subject=f"Enquiry {n}")
    for user in (director, councillor):
        client = client_for(user)
        with django_assert_max_num_queries(16):  # every app's panel (see tests/registers)
            client.get(HOME)


@pytest.mark.parametrize(
    "who", ["director", "chief_executive", "monitoring_officer", "democratic_services"]
)
def test_performance_renders_for_directors_the_chief_executive_mo_and_dem_services(
    request, client_for, who, org
):
    casework(org)
    response = client_for(request.getfixturevalue(who)).get(PERFORMANCE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enquiries by service" in html
    assert "Enquiries per member" in html
    assert "<caption" in html
    assert "Cllr Chris Baker" in html  # every member's volume, the MO's included (ENQ-10)


@pytest.mark.parametrize(
    "who",
    ["councillor", "group_leader", "officer", "outsider"],
)
def test_performance_is_403_for_everyone_else(request, client_for, who):
    assert client_for(request.getfixturevalue(who)).get(PERFORMANCE).status_code == 403


@clock_at(at(2026, 6, 17, 10, 0))
def test_performance_shows_the_share_on_time_and_member_volumes_neutrally(
    client_for, director, officer, org
):
    on_time = casework(org)
    enquiry_respond(actor=officer, enquiry=on_time, response="Done.")
    received_days_ago(org, 16)  # past due, unanswered: late
    held = casework(org, councillor=org.councillors.other_group_councillor)
    enquiry_send_holding_reply(
        actor=officer, enquiry=held, explanation="Waiting.", expected_date=working_days_ahead(5)
    )
    html = client_for(director).get(PERFORMANCE).content.decode()
    assert "Waste and Recycling" in html
    assert "67%" in html  # two of three answered on time (the holding reply counts)
    baker, price = html.index("Cllr Chris Baker"), html.index("Cllr Owen Price")
    assert baker < price  # alphabetical, not ranked by volume
    assert "not a ranking" in html


def test_performance_for_an_earlier_year_and_bad_years(client_for, director, org):
    casework(org)
    client = client_for(director)
    html = client.get(PERFORMANCE, {"year": 2024}).content.decode()
    assert "No members' enquiries in 2024" in html
    assert client.get(PERFORMANCE, {"year": "nonsense"}).status_code == 200
    assert client.get(PERFORMANCE, {"year": "1900"}).status_code == 200


def test_performance_keeps_its_query_count(
    client_for, democratic_services, org, django_assert_max_num_queries
):
    client = client_for(democratic_services)
    for n in range(3):
        casework(org, subject=f"E{n}")
    client.get(PERFORMANCE)
    with django_assert_max_num_queries(6) as few:  # 5, and the banner's 60-second cache
        client.get(PERFORMANCE)
    queries = len(few)
    for n in range(20):
        casework(org, councillor=org.councillors.group_leader, subject=f"F{n}")
    with django_assert_max_num_queries(queries):
        client.get(PERFORMANCE)


def test_the_admin_shows_enquiries_read_only(client, org):
    enquiry = casework(org)
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for model in ("enquiry", "enquiryevent", "extensionrequest"):
        assert client.get(f"/django-admin/enquiries/{model}/").status_code == 200
        assert client.get(f"/django-admin/enquiries/{model}/add/").status_code == 403
    page = client.get(f"/django-admin/enquiries/enquiry/{enquiry.pk}/change/")
    assert page.status_code == 200
    assert enquiry.reference in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert Enquiry.objects.count() == 1
