"""ENQ-9: the councillor's list and the officer's queue: scoped, filtered, searched, sorted,
paginated, and with a query count that does not grow with the number of enquiries."""

import pytest
from django.urls import reverse

from enquiries.services import enquiries_sweep, enquiry_respond
from tests.clock import at, clock_at

from .factories import casework, received_days_ago

pytestmark = pytest.mark.django_db

LIST = reverse("enquiries:list")


def refs(html, enquiries):
    return [e.reference for e in enquiries if e.reference in html]


def test_a_councillor_sees_only_their_own_enquiries(client_for, councillor, org):
    mine = casework(org, subject="Pothole on Mill Lane")
    theirs = casework(org, councillor=org.councillors.other_group_councillor, subject="Theirs")
    html = client_for(councillor).get(LIST).content.decode()
    assert "My enquiries" in html
    assert mine.reference in html and "Pothole on Mill Lane" in html
    assert theirs.reference not in html
    assert "Log an enquiry" in html
    assert '<strong class="govuk-tag govuk-tag--blue">Logged</strong>' in html


def test_a_councillor_filters_open_and_closed(client_for, councillor, officer, org):
    open_one = casework(org, subject="Open one")
    closed = casework(org, subject="Closed one")
    enquiry_respond(actor=officer, enquiry=closed, response="Done.")
    client = client_for(councillor)
    html = client.get(LIST, {"status": "closed"}).content.decode()
    assert refs(html, [open_one, closed]) == [closed.reference]
    html = client.get(LIST, {"status": "open"}).content.decode()
    assert refs(html, [open_one, closed]) == [open_one.reference]
    assert "Due soon" not in html  # the officers' filters are not offered


def test_search_by_reference_or_subject(client_for, councillor, org):
    elm = casework(org, subject="Elm Road bins")
    oak = casework(org, subject="Oak Avenue lights")
    client = client_for(councillor)
    html = client.get(LIST, {"q": "oak"}).content.decode()
    assert refs(html, [elm, oak]) == [oak.reference]
    html = client.get(LIST, {"q": elm.reference}).content.decode()
    assert refs(html, [elm, oak]) == [elm.reference]
    assert "No enquiries match" in client.get(LIST, {"q": "zzz"}).content.decode()


def test_sorting_by_due_date_or_received(client_for, officer, org):
    older = received_days_ago(org, 20, subject="Older")
    newer = received_days_ago(org, 2, subject="Newer")
    client = client_for(officer)
    html = client.get(LIST, {"status": "any", "sort": "due"}).content.decode()
    assert html.index(older.reference) < html.index(newer.reference)
    html = client.get(LIST, {"status": "any", "sort": "received"}).content.decode()
    assert html.index(newer.reference) < html.index(older.reference)
    html = client.get(LIST, {"status": "any", "sort": "oldest"}).content.decode()
    assert html.index(older.reference) < html.index(newer.reference)


@clock_at(at(2026, 6, 17, 10, 0))
def test_the_officers_queue_tabs(client_for, officer, line_manager, org):
    # Received Mon 1 June, due Mon 15 June: overdue, and past the line manager's rung only.
    overdue = received_days_ago(org, 16, subject="Overdue one")
    # Received Fri 5 June, due Fri 19 June: due soon.
    due_soon = received_days_ago(org, 12, subject="Due soon one")
    fresh = casework(org, subject="Fresh one")
    done = casework(org, subject="Done one")
    enquiry_respond(actor=officer, enquiry=done, response="Done.")
    everything = [overdue, due_soon, fresh, done]
    client = client_for(officer)

    def shown(**params):
        return refs(client.get(LIST, params).content.decode(), everything)

    assert set(shown()) == {overdue.reference, due_soon.reference, fresh.reference}  # open
    assert shown(status="overdue") == [overdue.reference]
    assert shown(status="due_soon") == [due_soon.reference]
    assert shown(status="closed") == [done.reference]
    assert len(shown(status="any")) == 4
    assert len(shown(scope="assigned", status="any")) == 4
    assert shown(scope="escalated", status="any") == []

    enquiries_sweep()  # the overdue one escalates to the line manager (ENQ-7)
    manager = client_for(line_manager)
    html = manager.get(LIST, {"scope": "escalated"}).content.decode()
    assert refs(html, everything) == [overdue.reference]
    assert "Escalated to Maya Patel" in html
    html = manager.get(LIST, {"scope": "all", "status": "any"}).content.decode()
    assert len(refs(html, everything)) == 4  # the team's enquiries, below the manager's post


def test_unknown_filters_fall_back_to_the_defaults(client_for, officer, org):
    enquiry = casework(org)
    html = client_for(officer).get(LIST, {"scope": "bogus", "status": "x", "sort": "y"})
    assert enquiry.reference in html.content.decode()


def test_democratic_services_see_all_enquiries_by_default(client_for, democratic_services, org):
    one = casework(org)
    two = casework(org, councillor=org.councillors.other_group_councillor)
    html = client_for(democratic_services).get(LIST).content.decode()
    assert len(refs(html, [one, two])) == 2
    assert "Record an enquiry" in html
    assert "Performance and member volumes" in html


def test_the_list_is_paginated_in_25s(client_for, councillor, org):
    for n in range(30):
        casework(org, subject=f"Enquiry number {n}")
    client = client_for(councillor)
    html = client.get(LIST).content.decode()
    assert html.count('<tr class="govuk-table__row">') == 26  # header row + 25
    assert "Showing 1 to 25 of 30." in html
    html = client.get(LIST, {"page": 2}).content.decode()
    assert "Showing 26 to 30 of 30." in html


def test_a_list_longer_than_its_cap_says_more_than_and_its_download_holds_them_all(
    client_for, councillor, org, monkeypatch
):
    monkeypatch.setattr("protocol_site.pagination.CAP", 27)
    for n in range(30):
        casework(org, subject=f"Enquiry number {n}")
    client = client_for(councillor)
    html = client.get(LIST).content.decode()
    assert "Showing 1 to 25 of more than 27." in html
    assert "Only the first 27 are listed here." in html
    assert "Download all of these enquiries (CSV)" in html
    html = client.get(LIST, {"page": 9}).content.decode()  # beyond the cap: the last page
    assert "Showing 26 to 27 of more than 27." in html
    searched = client.get(LIST, {"q": "enquiry number"}).content.decode()
    assert "of more than 27." in searched  # a search counts every match, then caps its pages


def test_an_outsider_has_no_enquiries_page(client_for, outsider):
    assert client_for(outsider).get(LIST).status_code == 403


@pytest.mark.parametrize("who", ["councillor", "officer", "director", "democratic_services"])
def test_the_list_query_count_does_not_grow_from_3_to_30(
    request, client_for, org, who, django_assert_max_num_queries
):
    client = client_for(request.getfixturevalue(who))
    for n in range(3):
        casework(org, subject=f"Early {n}")
    client.get(LIST, {"status": "any"})
    # 5, the filters' choices (2 for a councillor, 4 for officers: tests/test_query_budgets.py),
    # and the banner's 60-second cache.
    with django_assert_max_num_queries(8 if who == "councillor" else 10) as few:
        assert client.get(LIST, {"status": "any"}).status_code == 200
    with_three = len(few)
    for n in range(27):
        casework(org, subject=f"Late {n}")
    with django_assert_max_num_queries(with_three):
        assert client.get(LIST, {"status": "any"}).status_code == 200
