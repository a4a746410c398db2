"""Finding enquiries: the filters on every list (and their errors), search within what the
viewer may read, the CSV download (audited, formulas defused), and saved views with their
counts on the home page. Runs on SQLite and on PostgreSQL (full-text search there)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enquiries.models import SavedView
from enquiries.services import (
    enquiry_add_note,
    enquiry_ask_councillor,
    enquiry_mark_urgent,
    enquiry_message,
    saved_view_create,
)
from protocol_site.models import AuditEvent
from protocol_site.search import uses_vectors
from registers.models import Service, Ward
from tests.clock import at, clock_at

from .factories import casework, received_days_ago

pytestmark = pytest.mark.django_db

LIST = reverse("enquiries:list")
CSV = reverse("enquiries:list_csv")
HOME = reverse("home")
CONSTITUENT = {"name": "Ada Lovelace", "address": "12 Mill Lane, AB1 2CD", "consented": True}


def shown(client, enquiries, **params) -> list[str]:
    html = client.get(LIST, {"scope": "all", "status": "any", **params}).content.decode()
    return sorted(e.reference for e in enquiries if e.reference in html)


def refs(*enquiries) -> list[str]:
    return sorted(e.reference for e in enquiries)


# Filters.
def test_filters_narrow_the_list_and_combine(client_for, democratic_services, org):
    legal = Service.objects.get(name="Legal and Democratic Services")
    bins = casework(org, subject="Bins")
    law = casework(org, subject="Byelaw", service=legal)
    urgent = casework(org, subject="Flood", urgent_reason="Water in the house")
    client = client_for(democratic_services)
    everything = [bins, law, urgent]
    assert shown(client, everything, service=legal.pk) == refs(law)
    assert shown(client, everything, urgent="on") == refs(urgent)
    assert shown(client, everything, urgent="on", service=legal.pk) == []
    assert shown(client, everything, directorate=legal.directorate_id) == refs(law)
    ward = org.councillors.councillor.ward
    assert shown(client, everything, ward=ward.pk) == refs(*everything)
    assert shown(client, everything, councillor=org.councillors.councillor.pk) == refs(*everything)
    assert shown(client, everything, officer=org.officers.officer.pk) == refs(*everything)
    assert shown(client, everything, officer=org.officers.line_manager.pk) == []
    assert shown(client, everything, stage=["logged"]) == refs(*everything)
    assert shown(client, everything, stage=["responded"]) == []


@clock_at(at(2026, 6, 17, 10, 0))
def test_dates_overdue_escalated_and_waiting(client_for, officer, democratic_services, org):
    # Received Mon 1 June, due Mon 15 June: overdue by Wed 17 June.
    late = received_days_ago(org, 16, subject="Late one")
    fresh = casework(org, subject="Fresh one")
    asked = casework(org, subject="Asked one")
    enquiry_ask_councillor(actor=officer, enquiry=asked, question="Which house?")
    client = client_for(democratic_services)
    everything = [late, fresh, asked]
    assert shown(client, everything, overdue="on") == refs(late)
    assert shown(client, everything, waiting="on") == refs(asked)
    assert shown(client, everything, received_from="1/6/2026", received_to="1/6/2026") == refs(late)
    assert shown(client, everything, received_from="2026-06-17") == refs(fresh, asked)
    assert shown(client, everything, due_to="15/6/2026") == refs(late)
    assert shown(client, everything, escalated="on") == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"service": "99999"}, "Select the service"),
        ({"service": "abc"}, "Select the service"),
        ({"ward": "9" * 30}, "Select the ward"),
        ({"received_from": "31/02/2026"}, "Received from must be a real date"),
        ({"due_to": "tomorrow"}, "Due to must be a real date"),
        ({"stage": ["nonsense"]}, "Select the step reached"),
        ({"officer": "Nobody Atall"}, "No officer found called Nobody Atall"),
        (
            {"received_from": "2/6/2026", "received_to": "1/6/2026"},
            "Received to must be the same as or after received from",
        ),
    ],
)
def test_a_bad_filter_is_a_govuk_error_naming_it(client_for, democratic_services, params, message):
    client = client_for(democratic_services)
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert "Correct the filters to see the enquiries" in html
    # The download of the same list answers with the same errors, not a file.
    download = client.get(CSV, params)
    assert download.status_code == 400 and message in download.content.decode()


def test_a_councillor_is_offered_only_the_filters_about_their_own(client_for, councillor, org):
    html = client_for(councillor).get(LIST).content.decode()
    assert 'name="service"' in html and 'name="urgent"' in html
    for officers_only in ('name="councillor"', 'name="officer"', 'name="directorate"'):
        assert officers_only not in html


def test_the_panel_drawn_once_is_drawn_for_the_same_question_only(
    client_for, councillor, democratic_services, org
):
    officer_side, member = client_for(democratic_services), client_for(councillor)
    service = Service.objects.order_by("name").first()
    chosen = f'<option value="{service.pk}" selected>'
    for _ in range(2):  # drawn, then from the cache
        assert 'name="councillor"' in officer_side.get(LIST).content.decode()
        assert 'name="councillor"' not in member.get(LIST).content.decode()
        assert chosen in officer_side.get(LIST, {"service": service.pk}).content.decode()
        assert chosen not in officer_side.get(LIST).content.decode()
        wrong = officer_side.get(LIST, {"received_from": "31/2/2026"}).content.decode()
        assert "govuk-form-group--error" in wrong


def test_the_panels_options_are_kept_until_a_register_changes(client_for, democratic_services):
    client = client_for(democratic_services)
    client.get(LIST)

    def wards_read():
        with CaptureQueriesContext(connection) as read:
            page = client.get(LIST).content.decode()
        return page, sum('FROM "registers_ward"' in q["sql"] for q in read.captured_queries)

    page, reads = wards_read()
    assert reads == 0 and "Zebra Crossing" not in page
    Ward.objects.create(name="Zebra Crossing")
    page, reads = wards_read()
    assert reads == 1 and ">Zebra Crossing</option>" in page


def test_selected_filters_can_each_be_removed(client_for, democratic_services, org):
    casework(org, subject="Flood", urgent_reason="Water in the house")
    html = (
        client_for(democratic_services)
        .get(LIST, {"scope": "all", "status": "any", "urgent": "on", "service": org.service.pk})
        .content.decode()
    )
    assert "Selected filters" in html and "Remove this filter" in html
    # Each tag links to the list without that filter, keeping the others.
    assert f'href="?scope=all&amp;status=any&amp;service={org.service.pk}"' in html
    assert 'href="?scope=all&amp;status=any&amp;urgent=on"' in html


# Search.
def test_search_finds_subject_details_messages_and_the_constituent(client_for, councillor, org):
    bins = casework(org, subject="Bins", details="The lorry scraped a parked car.")
    talk = casework(org, subject="Lights")
    enquiry_message(actor=councillor, enquiry=talk, message="The lamppost flickers at night.")
    person = casework(org, subject="Housing repair", constituent=CONSTITUENT)
    client = client_for(councillor)
    everything = [bins, talk, person]
    assert shown(client, everything, q="lorry") == refs(bins)
    assert shown(client, everything, q="flickers") == refs(talk)
    assert shown(client, everything, q="Lovelace") == refs(person)
    assert shown(client, everything, q="AB1") == refs(person)
    assert shown(client, everything, q=person.reference) == refs(person)


def test_search_keeps_to_what_the_viewer_may_read(
    client_for, officer, democratic_services, other_group_councillor, org
):
    mine = casework(org, subject="Bins", details="Confidential: the tenant's rent arrears.")
    enquiry_add_note(actor=officer, enquiry=mine, note="Tenant known to social care.")
    someone_else = casework(
        org, councillor=org.councillors.other_group_councillor, subject="Elsewhere"
    )
    # The councillor never finds another's enquiry, nor an officer's internal note.
    client = client_for(org.councillors.councillor.user)
    assert shown(client, [mine, someone_else], q="Elsewhere") == []
    assert shown(client, [mine, someone_else], q="social care") == []
    # Democratic services see the register, not the casework text: its words find nothing.
    ds = client_for(democratic_services)
    assert shown(ds, [mine], q="arrears") == []
    assert shown(ds, [mine], q="Bins") == refs(mine)
    if uses_vectors():  # search syntax is PostgreSQL's
        # Nor does leaving them out: a word they cannot read is not there for them.
        assert shown(ds, [mine], q="Bins -arrears") == refs(mine)
        assert shown(ds, [mine], q="-arrears") == refs(mine)
        assert shown(ds, [mine], q='"Bins confidential"') == []
    # The officer working on it finds it by its casework.
    working = client_for(officer)
    assert shown(working, [mine], q="arrears") == refs(mine)
    if uses_vectors():
        assert shown(working, [mine], q="Bins -arrears") == []
        assert shown(working, [mine], q='"rent arrears"') == refs(mine)


def test_search_after_urgent_keeps_the_search(client_for, councillor, org):
    """Ranked results still put open urgent enquiries first for officers."""
    plain = casework(org, subject="Drain blocked")
    urgent = casework(org, subject="Drain collapsed")
    enquiry_mark_urgent(actor=councillor, enquiry=urgent, reason="A child fell in")
    html = (
        client_for(org.officers.officer.user)
        .get(LIST, {"scope": "all", "q": "drain"})
        .content.decode()
    )
    assert html.index(urgent.reference) < html.index(plain.reference)


# The CSV download.
def test_the_download_is_the_filtered_list_audited_and_safe(client_for, democratic_services, org):
    casework(org, subject='=HYPERLINK("http://evil")')
    casework(org, subject="Plain", urgent_reason="Risk to a person")
    client = client_for(democratic_services)
    response = client.get(CSV, {"scope": "all", "status": "any", "urgent": "on"})
    assert response.status_code == 200 and response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][-2:] == ["Ward", "Urgent"]
    assert [row[1] for row in rows[1:]] == ["Plain"]
    event = AuditEvent.objects.get(action="enquiries.list.exported")
    assert event.actor == democratic_services
    assert event.after == {"query": "scope=all&status=any&urgent=on", "rows": 1}
    everything = client.get(CSV, {"scope": "all", "status": "any"})
    rows = list(csv.reader(io.StringIO(b"".join(everything.streaming_content).decode("utf-8-sig"))))
    assert '\'=HYPERLINK("http://evil")' in [row[1] for row in rows]


# Saved views.
def test_save_a_view_see_it_on_home_rename_and_delete(client_for, officer, org):
    casework(org, subject="Flood", urgent_reason="Water in the house")
    casework(org, subject="Bins")
    client = client_for(officer)
    list_page = client.get(LIST, {"scope": "all", "urgent": "on"}).content.decode()
    assert "Save this view" in list_page
    response = client.post(
        reverse("enquiries:saved_add"),
        {"name": "  Urgent   work ", "query": "scope=all&urgent=on&page=3"},
    )
    view = SavedView.objects.get(owner=officer)
    assert view.name == "Urgent work" and view.query == "scope=all&urgent=on"
    assert response.status_code == 302 and response["Location"] == f"{LIST}?scope=all&urgent=on"
    home = client.get(HOME).content.decode()
    assert "Urgent work" in home
    assert f'href="{LIST}?scope=all&amp;urgent=on"' in home
    saved = client.get(reverse("enquiries:saved_list")).content.decode()
    assert "Urgent work" in saved and ">1<" in saved
    client.post(reverse("enquiries:saved_rename", args=[view.pk]), {"name": "Floods"})
    view.refresh_from_db()
    assert view.name == "Floods"
    client.post(reverse("enquiries:saved_delete", args=[view.pk]))
    assert not SavedView.objects.filter(pk=view.pk).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"enquiries.savedview.created", "enquiries.savedview.renamed"} <= actions
    assert "enquiries.savedview.deleted" in actions


def test_a_name_twice_or_blank_is_an_error_on_the_name(client_for, officer):
    saved_view_create(actor=officer, name="Mine", query="")
    client = client_for(officer)
    html = client.post(reverse("enquiries:saved_add"), {"name": "Mine"}).content.decode()
    assert "You already have a saved view called Mine" in html
    html = client.post(reverse("enquiries:saved_add"), {"name": " "}).content.decode()
    assert "Enter a name for the view" in html
    assert SavedView.objects.count() == 1


def test_another_persons_saved_view_is_not_found(client_for, officer, line_manager):
    view = saved_view_create(actor=officer, name="Mine", query="urgent=on")
    client = client_for(line_manager)
    for name in ("enquiries:saved_rename", "enquiries:saved_delete"):
        assert client.get(reverse(name, args=[view.pk])).status_code == 404
        assert client.post(reverse(name, args=[view.pk]), {"name": "Taken"}).status_code == 404
    assert "Mine" not in client.get(HOME).content.decode()
    view.refresh_from_db()
    assert view.name == "Mine"


def test_home_counts_every_saved_view_in_its_one_query_of_counts(
    client_for, officer, org, django_assert_num_queries
):
    casework(org, subject="Flood", urgent_reason="Water in the house")
    client = client_for(officer)
    client.get(HOME)  # warm caches: the protocol, the roles
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(HOME)
    saved_view_create(actor=officer, name="Urgent", query="scope=all&urgent=on")
    saved_view_create(actor=officer, name="Open", query="scope=all&status=open")
    with CaptureQueriesContext(connection) as after:
        html = client.get(HOME).content.decode()
    # The views are read with the panel (a query either way); their counts ride in the
    # page's one query of counts.
    assert len(after) == len(before)
    assert "Urgent" in html and "Open" in html


# The API list takes the same filters and search.
def test_the_api_list_takes_the_filters_and_search(api, democratic_services, councillor, org):
    bins = casework(org, subject="Bins", details="The lorry scraped a parked car.")
    flood = casework(org, subject="Flood", urgent_reason="Water in the house")
    client = api(democratic_services)
    url = reverse("api:enquiry-list")

    def ids(params):
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["results"]}

    assert ids({"urgent": "true"}) == {flood.pk}
    assert ids({"urgent": "false"}) == {bins.pk}
    assert ids({"service": org.service.pk, "received_from": "2000-01-01"}) == {bins.pk, flood.pk}
    assert ids({"q": "Flood"}) == {flood.pk}
    assert ids({"stage": "logged", "officer": org.officers.officer.pk}) == {bins.pk, flood.pk}
    response = client.get(url, {"received_to": "31/02/2026", "ward": "x"})
    assert response.status_code == 400
    assert set(response.json()) == {"received_to", "ward"}
    # A councillor's search is their own enquiries only, as their list is.
    other = casework(org, councillor=org.councillors.other_group_councillor, subject="Flood too")
    mine = {item["id"] for item in api(councillor).get(url, {"q": "flood"}).json()["results"]}
    assert flood.pk in mine and other.pk not in mine
