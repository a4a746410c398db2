"""The API's long lists page by keyset (protocol_site.api_pagination): no count, a `next` link
to follow, every row exactly once in the documented order, even where rows share a time."""

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from complaints.models import Complaint
from enquiries.models import OPEN_STATUSES, Enquiry
from enquiries.services import enquiry_respond
from protocol_site.api_pagination import KeysetPagination
from protocol_site.search import uses_vectors
from tests.complaints.helpers import about_member, about_officer
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

ENQUIRIES = "/api/v1/enquiries/"
COMPLAINTS = "/api/v1/complaints/"


@pytest.fixture
def pages_of_two(monkeypatch):
    monkeypatch.setattr(KeysetPagination, "page_size", 2)


def walk(client, url, params=None) -> list[int]:
    """Every id the list gives, following `next` to the end."""
    seen, pages = [], 0
    response = client.get(url, params or {})
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"next", "results"}  # no count, no page number
        seen += [row["id"] for row in body["results"]]
        pages += 1
        assert pages < 50
        if body["next"] is None:
            return seen
        assert body["next"].startswith("http://testserver" + url)
        response = client.get(body["next"])


@pytest.fixture
def seven(org, officer):
    """Seven enquiries: two urgent and open, one urgent but answered, and four sharing one
    moment of receipt in pairs (so only the id tells them apart)."""
    made = [casework(org, subject=f"Enquiry {n}") for n in range(7)]
    for urgent in (made[1], made[4], made[6]):
        Enquiry.objects.filter(pk=urgent.pk).update(urgent=True, urgent_reason="A risk.")
    enquiry_respond(
        actor=officer,
        enquiry=Enquiry.objects.get(pk=made[6].pk),
        response="Done.",
        minor=True,
    )
    moment = timezone.now() - timedelta(days=3)
    Enquiry.objects.filter(pk__in=[made[0].pk, made[2].pk]).update(received_at=moment)
    Enquiry.objects.filter(pk__in=[made[3].pk, made[5].pk]).update(
        received_at=moment - timedelta(hours=1)
    )
    return made


def documented_order() -> list[int]:
    """Open urgent first, then newest first, then the higher id first."""
    rows = Enquiry.objects.values_list("pk", "urgent", "status", "received_at")
    return [
        pk
        for pk, *_ in sorted(
            rows,
            key=lambda r: (not (r[1] and r[2] in OPEN_STATUSES), -r[3].timestamp(), -r[0]),
        )
    ]


def test_following_next_gives_every_enquiry_once_in_order(
    api, democratic_services, seven, pages_of_two
):
    walked = walk(api(democratic_services), ENQUIRIES)
    assert walked == documented_order()
    assert len(walked) == 7
    urgent_open = {seven[1].pk, seven[4].pk}
    assert set(walked[:2]) == urgent_open  # the answered urgent one is not first


def test_filters_and_search_carry_through_the_next_link(
    api, democratic_services, seven, pages_of_two
):
    client = api(democratic_services)
    assert walk(client, ENQUIRIES, {"urgent": "true"}) == [
        pk for pk in documented_order() if pk in {e.pk for e in seven[1::3]} | {seven[6].pk}
    ]
    found = walk(client, ENQUIRIES, {"q": "Enquiry"})
    assert sorted(found) == sorted(e.pk for e in seven) and len(set(found)) == 7


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!",
        base64.urlsafe_b64encode(b"[1, 2]").decode(),  # too few keys
        base64.urlsafe_b64encode(b'[1, "yesterday", 3]').decode(),
        base64.urlsafe_b64encode(b'["1", "2026-01-01T00:00:00+00:00", 3]').decode(),
        base64.urlsafe_b64encode(b'[1, "2026-01-01T00:00:00", 3]').decode(),  # no offset
        base64.urlsafe_b64encode(b"{}").decode(),
    ],
)
def test_a_cursor_the_list_did_not_give_is_404_not_a_server_error(
    api, democratic_services, seven, cursor
):
    response = api(democratic_services).get(ENQUIRIES, {"cursor": cursor})
    assert response.status_code == 404
    assert "first page" in response.json()["detail"]


def test_complaints_page_newest_first_each_once(api, org, monitoring_officer, pages_of_two):
    made = [about_officer(org), about_member(org), about_officer(org), about_member(org)]
    moment = timezone.now() - timedelta(days=1)
    Complaint.objects.filter(pk__in=[made[0].pk, made[1].pk]).update(created_at=moment)
    expected = [
        pk
        for pk, _ in sorted(
            Complaint.objects.values_list("pk", "created_at"),
            key=lambda r: (-r[1].timestamp(), -r[0]),
        )
    ]
    assert walk(api(monitoring_officer), COMPLAINTS) == expected


def test_a_complaints_search_pages_best_match_first_each_once(
    api, org, monitoring_officer, pages_of_two
):
    # "Dismissive" in the summary (and the details) ranks above the details only.
    strong = [about_officer(org) for _ in range(3)]
    weak = [about_officer(org, summary="Late papers") for _ in range(2)]
    about_officer(org, summary="Late papers", details="Nothing alike.")
    client = api(monitoring_officer)
    found = walk(client, COMPLAINTS, {"q": "dismissive"})
    assert sorted(found) == sorted(c.pk for c in strong + weak) and len(set(found)) == 5
    if uses_vectors():
        assert set(found[:3]) == {c.pk for c in strong}
    # Filters carry through the next link with the search.
    Complaint.objects.filter(pk=weak[0].pk).update(created_at=timezone.now() - timedelta(days=9))
    recent = {"q": "dismissive", "received_from": timezone.localdate().isoformat()}
    assert sorted(walk(client, COMPLAINTS, recent)) == sorted(c.pk for c in [*strong, weak[1]])


def test_the_schema_documents_the_cursor_and_next(api, councillor):
    schema = api(councillor).get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    listing = schema["paths"]["/api/v1/enquiries/"]["get"]
    assert "cursor" in {p["name"] for p in listing["parameters"]}
    assert "page" not in {p["name"] for p in listing["parameters"]}
    page = schema["components"]["schemas"]["PaginatedEnquiryListItemList"]
    assert set(page["properties"]) == {"next", "results"}
