"""The advice pages: ask, list, read, advise; report lobbying and act on it. Query counts on
the lists stay flat as records grow."""

import pytest
from django.urls import reverse

from advice.models import AdviceRequest, LobbyingReport
from tests.clock import clock_at

from .helpers import ASKED, ask, lobbied

pytestmark = pytest.mark.django_db


def test_a_councillor_asks_through_the_form(client_for, councillor, monitoring_officer):
    client = client_for(councillor)
    page = client.get(reverse("advice:new"))
    assert page.status_code == 200
    with clock_at(ASKED):
        response = client.post(
            reverse("advice:new"),
            {"topic": "confidential", "question": "Can I share the report?"},
            follow=True,
        )
    case = AdviceRequest.objects.get()
    assert response.redirect_chain[-1][0] == reverse("advice:detail", args=[case.pk])
    html = response.content.decode()
    assert "Advice is due by Monday 9 November 2026" in html
    assert "Can I share the report?" in html


def test_the_form_says_what_is_missing(client_for, councillor):
    response = client_for(councillor).post(reverse("advice:new"), {"question": ""})
    html = response.content.decode()
    assert "Select what the advice is about" in html
    assert "Enter your question" in html
    assert not AdviceRequest.objects.exists()


def test_the_monitoring_officer_advises_through_the_page(
    client_for, councillor, monitoring_officer
):
    case = ask(councillor)
    client = client_for(monitoring_officer)
    assert (
        "Give your advice" in client.get(reverse("advice:detail", args=[case.pk])).content.decode()
    )
    response = client.post(
        reverse("advice:respond", args=[case.pk]), {"advice": "Do not share it."}, follow=True
    )
    assert "Advice recorded on" in response.content.decode()
    case.refresh_from_db()
    assert case.status == AdviceRequest.Status.ADVISED
    mine = client_for(councillor).get(reverse("advice:detail", args=[case.pk])).content.decode()
    assert "Do not share it." in mine


def test_the_lists_cost_the_same_with_more_requests(
    client_for, org, councillor, officer, monitoring_officer, django_assert_max_num_queries
):
    ask(councillor)
    client = client_for(monitoring_officer)
    client.get(reverse("advice:list"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("advice:list"))
    for _ in range(4):
        ask(councillor)
        ask(officer)
        lobbied(org)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("advice:list"))
    assert response.content.decode().count("ADV-2026-") == 9
    client.get(reverse("advice:lobbying_list"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("advice:lobbying_list"))
    assert response.content.decode().count("LOB-2026-") == 4


def test_a_councillor_reports_lobbying_and_the_mo_records_action(
    client_for, org, councillor, monitoring_officer
):
    client = client_for(councillor)
    assert client.get(reverse("advice:lobbying_new")).status_code == 200
    officer = org.officers.officer
    with clock_at(ASKED):
        response = client.post(
            reverse("advice:lobbying_new"),
            {
                "officer": officer.pk,
                "lobbied_on_0": "30",
                "lobbied_on_1": "10",
                "lobbied_on_2": "2026",
                "what": "Asked me to intervene in his grievance.",
            },
            follow=True,
        )
    report = LobbyingReport.objects.get()
    assert "sent to the Monitoring Officer" in response.content.decode()
    mo = client_for(monitoring_officer)
    mo.post(
        reverse("advice:lobbying_action", args=[report.pk]),
        {"action": "Reminded him of the grievance procedure."},
    )
    report.refresh_from_db()
    assert report.status == LobbyingReport.Status.ACTIONED
    page = client.get(reverse("advice:lobbying_detail", args=[report.pk])).content.decode()
    assert "Reminded him of the grievance procedure." in page


def test_the_lobbying_form_names_what_is_missing(client_for, councillor):
    response = client_for(councillor).post(reverse("advice:lobbying_new"), {})
    html = response.content.decode()
    assert "Enter the date you were approached" in html
    assert "Say what the officer raised with you" in html
    assert "This field is required" not in html
