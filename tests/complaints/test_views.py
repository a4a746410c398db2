"""The complaint pages: the list and MO queue, raising, the detail page, patterns, the home
panel; who gets 404 or 403; and list query counts that do not grow."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.models import Complaint
from complaints.services import complaint_escalate
from protocol_site.models import AuditEvent
from tests.registers.factories import CouncillorFactory

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

LIST = reverse("complaints:list")
NEW = reverse("complaints:new")
PATTERNS = reverse("complaints:patterns")


def detail(complaint):
    return reverse("complaints:detail", args=[complaint.pk])


def test_the_complainant_and_the_handler_see_it_in_their_lists(
    client_for, councillor, line_manager, org
):
    complaint = about_officer(org)
    html = client_for(councillor).get(LIST).content.decode()
    assert "Complaints you raised" in html and complaint.reference in html
    assert "Line manager" in html or "line manager" in html.lower()
    assert "Mon 16 Nov 2026" in html  # the target date
    html = client_for(line_manager).get(LIST).content.decode()
    assert "Complaints you are handling" in html and complaint.reference in html
    assert "MO queue" not in html
    html = client_for(line_manager).get(LIST, {"tab": "raised"}).content.decode()
    assert "You have not raised any complaints." in html


def test_the_monitoring_officer_has_a_queue_tab(client_for, monitoring_officer, org):
    complaint = about_officer(org)
    html = client_for(monitoring_officer).get(LIST, {"tab": "queue"}).content.decode()
    assert "MO queue" in html and complaint.reference in html


def test_the_list_needs_a_councillor_or_officer(client_for, outsider):
    assert client_for(outsider).get(LIST).status_code == 403


@pytest.mark.parametrize("tab", ["handling", "raised", "all", "queue"])
def test_list_query_counts_do_not_grow(
    client_for, monitoring_officer, org, django_assert_max_num_queries, tab
):
    client = client_for(monitoring_officer)
    client.get(LIST, {"tab": tab})  # the first view fills the banner's cache

    def count(n):
        while Complaint.objects.count() < n:
            about_member(org)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, {"tab": tab}).status_code == 200
        return len(ctx.captured_queries)

    few = count(3)
    many = count(20)
    assert many == few
    with django_assert_max_num_queries(few):
        client.get(LIST, {"tab": tab})


def test_a_councillor_raises_a_concern_about_an_officer(client_for, councillor, org):
    client = client_for(councillor)
    page = client.get(NEW).content.decode()
    assert "Raise a concern about an officer" in page
    assert "raised privately" in page and "resolve it informally" in page
    response = client.post(
        NEW,
        {
            "about_officer": org.officers.officer.pk,
            "summary": "Rude at the ward surgery",
            "details": "Spoke over residents twice.",
        },
    )
    complaint = Complaint.objects.get()
    assert response["Location"] == detail(complaint)
    html = client.get(detail(complaint)).content.decode()
    assert f"Complaint {complaint.reference} raised privately" in html
    stage = complaint.stages.get()
    assert f"Stage 1 is with the {stage.handler_role}" in html
    assert "Monday 16 November 2026" in html


def test_an_officer_raises_a_concern_about_a_councillor(client_for, officer, org):
    client = client_for(officer)
    assert "Raise a concern about a councillor" in client.get(NEW).content.decode()
    response = client.post(
        NEW,
        {
            "about_councillor": org.councillors.councillor.pk,
            "summary": "Criticised me in public",
            "details": "At the area forum.",
        },
    )
    assert response.status_code == 302
    assert Complaint.objects.get().direction == Complaint.Direction.OFFICER_ABOUT_MEMBER


def test_a_councillor_whose_term_has_ended_cannot_be_complained_about_here(
    client_for, officer, org
):
    former = CouncillorFactory(term_start=date(2018, 5, 3), term_end=date(2022, 5, 4))
    client = client_for(officer)
    page = client.get(NEW).content.decode()
    choices = re.search(r'<select[^>]*name="about_councillor".*?</select>', page, re.S).group(0)
    assert f'value="{former.pk}"' not in choices
    response = client.post(
        NEW, {"about_councillor": former.pk, "summary": "Rude", "details": "At the forum."}
    )
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not Complaint.objects.exists()


def test_raising_with_nothing_filled_in_shows_the_errors_and_saves_nothing(client_for, councillor):
    html = client_for(councillor).post(NEW, {}).content.decode()
    assert "There is a problem" in html
    assert "Select the officer it is about" in html
    assert "Enter a short summary" in html
    assert not Complaint.objects.exists()


def test_the_detail_page_is_audited_and_shows_stages_and_timeline(
    client_for, councillor, line_manager, org
):
    complaint = about_officer(org)
    before = AuditEvent.objects.count()
    html = client_for(line_manager).get(detail(complaint)).content.decode()
    assert AuditEvent.objects.count() == before + 1
    assert complaint.summary in html and "Stage 1" in html
    assert "Timeline" in html and "Raised" in html
    assert "Acknowledge" in html and "Record the outcome" in html
    html = client_for(councillor).get(detail(complaint)).content.decode()
    assert "Withdraw" in html and "Ask for the next stage" in html
    assert "Record the outcome" not in html


OUTSIDERS = [
    "outsider",
    "democratic_services",
    "chief_executive",
    "other_group_councillor",
    "officer",  # the subject, not yet told
]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_people_outside_the_complaint_get_404_everywhere(client_for, org, who, request):
    complaint = about_officer(org)
    client = client_for(request.getfixturevalue(who))
    for name in ("detail", "acknowledge", "resolve", "refer", "escalate", "withdraw"):
        response = client.get(reverse(f"complaints:{name}", args=[complaint.pk]))
        assert response.status_code == 404, name


@pytest.mark.parametrize("who", ["councillor", "officer", "director", "democratic_services"])
def test_patterns_are_for_the_monitoring_officer_only(client_for, who, request):
    assert client_for(request.getfixturevalue(who)).get(PATTERNS).status_code == 403


def test_the_monitoring_officer_sees_patterns(client_for, monitoring_officer, org):
    about_officer(org)
    about_officer(org, summary="Again")
    html = client_for(monitoring_officer).get(PATTERNS).content.decode()
    assert "By complainant" in html and "Chris Baker" in html
    assert "By officer complained about" in html and "Oliver Hughes" in html
    assert "A count is not a finding" in html


def test_the_management_note_is_kept_from_the_parties(
    client_for, councillor, line_manager, monitoring_officer, org
):
    complaint = about_officer(org)
    client_for(line_manager).post(
        reverse("complaints:resolve", args=[complaint.pk]),
        {"outcome": "upheld", "note": "Apology given.", "management_note": "Verbal warning."},
    )
    assert "Verbal warning." in client_for(line_manager).get(detail(complaint)).content.decode()
    assert (
        "Verbal warning." in client_for(monitoring_officer).get(detail(complaint)).content.decode()
    )
    html = client_for(councillor).get(detail(complaint)).content.decode()
    assert "Apology given." in html and "Verbal warning." not in html


def test_the_home_panel_counts(client_for, councillor, line_manager, monitoring_officer, org):
    complaint = about_officer(org)
    complaint_escalate(actor=councillor, complaint=complaint, reason="Unhappy.")
    html = client_for(councillor).get(reverse("home")).content.decode()
    assert "1 you raised" in html
    html = client_for(monitoring_officer).get(reverse("home")).content.decode()
    assert "open in the MO queue" in html
    html = client_for(line_manager).get(reverse("home")).content.decode()
    assert "0 you are handling" in html  # it moved up from the line manager


def test_the_navigation_has_complaints(client_for, councillor):
    html = client_for(councillor).get(LIST).content.decode()
    assert 'aria-current="page">Complaints</a>' in html
