"""Finding complaints: the filters on the list (and their errors), search within what the viewer
may read, the CSV download (audited, formulas defused). Runs on SQLite and on PostgreSQL
(full-text search there)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.models import Complaint
from complaints.services import complaint_escalate, complaint_message
from protocol_site.models import AuditEvent
from protocol_site.search import uses_vectors
from tests.clock import at, clock_at

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

LIST = reverse("complaints:list")
CSV = reverse("complaints:list_csv")


def shown(client, complaints, **params) -> list[str]:
    """The complaints listed (linked), not merely named (a search echoes its words)."""
    html = client.get(LIST, {"tab": "all", **params}).content.decode()
    links = {c.reference: f'href="{reverse("complaints:detail", args=[c.pk])}"' for c in complaints}
    return sorted(ref for ref, link in links.items() if link in html)


def refs(*complaints) -> list[str]:
    return sorted(c.reference for c in complaints)


@pytest.fixture
def three(org):
    """About the waste officer, about democratic services' officer (Legal), about a member."""
    return (
        about_officer(org),
        about_officer(org, "democratic_services", summary="Late papers for committee"),
        about_member(org),
    )


def test_filters_narrow_the_list_and_combine(client_for, monitoring_officer, org, three):
    waste, legal, member = three
    client = client_for(monitoring_officer)
    assert shown(client, three) == refs(*three)
    assert shown(client, three, service=org.legal_service.pk) == refs(legal)
    # The officer who raised a complaint about a member is its officer party.
    assert shown(client, three, service=org.service.pk) == refs(waste, member)
    assert shown(client, three, directorate=org.resources.pk) == refs(legal)
    assert shown(client, three, officer=org.officers.officer.pk) == refs(waste, member)
    assert shown(client, three, councillor=org.councillors.councillor.pk) == refs(*three)
    assert shown(client, three, councillor=org.councillors.group_leader.pk) == []
    assert shown(client, three, direction=["officer_about_member"]) == refs(member)
    assert shown(client, three, state=["open"], stage=["1"]) == refs(*three)
    assert shown(client, three, state=["resolved"]) == []
    assert shown(client, three, service=org.service.pk, direction=["member_about_officer"]) == refs(
        waste
    )


def test_dates_overdue_and_moved_up(client_for, monitoring_officer, org, councillor):
    early = about_officer(org)  # Monday 2 November: stage 1 due by Monday 16 November
    with clock_at(at(2026, 11, 17, 10, 0)):
        late = about_officer(org, summary="Another one")
        complaint_escalate(actor=councillor, complaint=late, reason="No reply at all")
        client = client_for(monitoring_officer)
        both = [early, late]
        assert shown(client, both, overdue="on") == refs(early)
        assert shown(client, both, escalated="on") == refs(late)
        assert shown(client, both, received_from="17/11/2026") == refs(late)
        assert shown(client, both, received_to="2026-11-02") == refs(early)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"received_from": "31/02/2026"}, "Raised from must be a real date"),
        ({"service": "99999"}, "Select the service"),
        ({"received_from": "3/11/2026", "received_to": "2/11/2026"}, "Raised to must be the same"),
    ],
)
def test_a_bad_filter_is_a_govuk_error_naming_it(client_for, monitoring_officer, params, message):
    response = client_for(monitoring_officer).get(LIST, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert "Correct the filters to see the complaints." in html


def test_a_councillor_is_offered_only_the_filters_about_their_own(client_for, councillor, org):
    about_officer(org)
    html = client_for(councillor).get(LIST).content.decode()
    assert 'name="service"' in html and 'name="overdue"' in html
    assert 'name="councillor"' not in html and 'name="directorate"' not in html


def test_search_finds_reference_summary_names_and_details(
    client_for, monitoring_officer, org, three
):
    waste, legal, member = three
    client = client_for(monitoring_officer)
    assert shown(client, three, q=legal.reference) == refs(legal)
    assert shown(client, three, q="papers") == refs(legal)
    # The officer it is about, and the officer who raised the complaint about a member.
    assert shown(client, three, q="Hughes") == refs(waste, member)
    assert shown(client, three, q="area forum") == refs(member)  # its details
    assert shown(client, three, q="nothing like this") == []


def test_search_keeps_to_what_the_viewer_may_read(
    client_for, org, councillor, line_manager, head_of_service, monitoring_officer
):
    complaint = about_officer(org)
    complaint_message(actor=councillor, complaint=complaint, message="Zanzibar tangerines")
    other = about_officer(org, "democratic_services")
    # The complainant, the handler and the Monitoring Officer read the messages.
    for reader in (councillor, line_manager, monitoring_officer):
        assert shown(client_for(reader), [complaint], q="tangerines") == refs(complaint)
    # The manager above the handler sees the complaint but not the messages.
    manager = client_for(head_of_service)
    assert shown(manager, [complaint], q="Elm Road") == refs(complaint)
    assert shown(manager, [complaint], q="tangerines") == []
    if uses_vectors():  # search syntax is PostgreSQL's: leaving out a word they cannot read
        assert shown(manager, [complaint], q='"Elm Road" -tangerines') == refs(complaint)
        assert shown(client_for(councillor), [complaint], q="Elm -tangerines") == []
    # Nobody finds a complaint outside their reach.
    handler = client_for(line_manager)
    assert shown(handler, [other]) == []
    assert shown(handler, [other], q=other.reference) == []


def test_the_download_is_the_filtered_list_audited_and_safe(
    client_for, monitoring_officer, org, three
):
    about_officer(org, summary="=HYPERLINK(1)")
    response = client_for(monitoring_officer).get(CSV, {"tab": "all", "service": org.service.pk})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:2] == ["Reference", "Summary"]
    assert len(rows) == 1 + 3  # the two about the waste officer, the one they raised
    assert [row[1] for row in rows if "HYPERLINK" in row[1]] == ["'=HYPERLINK(1)"]
    assert "dismissive in three replies" not in text  # never the details
    event = AuditEvent.objects.get(action="complaints.list.exported")
    assert event.actor == monitoring_officer and event.after["rows"] == 3
    assert f"service={org.service.pk}" in event.after["query"]


def test_a_bad_filter_downloads_nothing(client_for, monitoring_officer):
    response = client_for(monitoring_officer).get(CSV, {"received_from": "yesterday"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action="complaints.list.exported").exists()


def test_a_filtered_searched_list_costs_the_same_whatever_the_number(
    client_for, monitoring_officer, org, django_assert_max_num_queries
):
    client = client_for(monitoring_officer)
    params = {"tab": "all", "q": "dismissive", "service": org.service.pk, "overdue": ""}

    def count(n):
        while Complaint.objects.count() < n:
            about_officer(org)
        client.get(LIST, params)  # the banner's cached period, once
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, params).status_code == 200
        return len(ctx.captured_queries)

    few = count(3)
    assert count(30) == few
    with django_assert_max_num_queries(15):
        client.get(LIST, params)


def test_a_search_links_to_the_same_search_of_the_other_kind(client_for, officer):
    complaints = client_for(officer).get(LIST, {"q": "bins"}).content.decode()
    assert "/enquiries/?scope=all&amp;status=any&amp;q=bins" in complaints
    enquiries = client_for(officer).get(reverse("enquiries:list"), {"q": "bins"}).content.decode()
    assert "/complaints/?tab=all&amp;q=bins" in enquiries
