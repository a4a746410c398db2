"""The conversation's page and API: the complainant and the handler write, each page worded for
its reader; the subject never sees a message the handler did not share with them; another
person's complaint is 404; bad input is refused by its field."""

import pytest
from django.urls import reverse

from complaints.models import ComplaintEvent
from complaints.services import complaint_message, complaint_notify_subject
from protocol_site.models import OutboxEmail

from .helpers import about_officer

pytestmark = pytest.mark.django_db

Ev = ComplaintEvent.Kind
UNSHARED = "Only between the complainant and me."
SHARED = "We will all meet on Friday."


def url(name, complaint):
    return reverse(f"complaints:{name}", args=[complaint.pk])


def api_url(complaint) -> str:
    return f"/api/v1/complaints/{complaint.pk}/messages/"


@pytest.fixture
def complaint(org):
    return about_officer(org)


@pytest.fixture
def conversation(complaint, councillor, line_manager):
    """A message each way, the subject told, and one message shared with them."""
    complaint_message(actor=councillor, complaint=complaint, message="From the complainant.")
    complaint_message(actor=line_manager, complaint=complaint, message=UNSHARED)
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    complaint_message(
        actor=line_manager, complaint=complaint, message=SHARED, share_with_subject=True
    )
    return complaint


def test_the_complainant_writes_to_the_handler(client_for, councillor, line_manager, complaint):
    client = client_for(councillor)
    detail = client.get(url("detail", complaint)).content.decode()
    assert "Send a message to the handler" in detail
    page = client.get(url("message", complaint)).content.decode()
    assert "Send a message to the handler" in page and "the person it is about does not" in page
    assert "share_with_subject" not in page
    response = client.post(url("message", complaint), {"message": "It happened again."})
    assert response["Location"] == url("detail", complaint)
    html = client.get(url("detail", complaint)).content.decode()
    assert "Message sent on" in html and "It happened again." in html
    assert "Stage 1. Only you and those handling the complaint read this message." in html
    assert (
        OutboxEmail.objects.filter(recipient=line_manager)
        .filter(subject__startswith="The complainant has sent a message")
        .count()
        == 1
    )


def test_the_handler_writes_and_may_share_once_the_subject_is_told(
    client_for, line_manager, complaint, officer
):
    client = client_for(line_manager)
    page = client.get(url("message", complaint)).content.decode()
    assert "Send a message to the complainant" in page
    assert "share_with_subject" not in page  # the subject has not been told yet
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    page = client.get(url("message", complaint)).content.decode()
    assert "share_with_subject" in page
    assert f"Also share this message with {officer.officer}" in page
    response = client.post(
        url("message", complaint), {"message": SHARED, "share_with_subject": "on"}
    )
    assert response.status_code == 302
    event = complaint.events.get(kind=Ev.HANDLER_MESSAGE)
    assert event.shared_with_subject
    html = client.get(url("detail", complaint)).content.decode()
    assert "has been told too" in html and "whom the complaint is about" in html


def test_an_empty_message_is_refused_by_name(client_for, councillor, complaint):
    response = client_for(councillor).post(url("message", complaint), {"message": " "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter your message" in html and "This field is required" not in html
    assert not complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS).exists()


def test_the_subject_never_sees_an_unshared_message(
    client_for, api, officer, conversation, director
):
    html = client_for(officer).get(url("detail", conversation)).content.decode()
    assert SHARED in html and "The handler shared this message with you." in html
    assert UNSHARED not in html and "From the complainant." not in html
    listed = api(officer).get(api_url(conversation))
    assert listed.status_code == 200
    assert [m["message"] for m in listed.json()] == [SHARED]
    whole = api(officer).get(f"/api/v1/complaints/{conversation.pk}/").json()
    assert UNSHARED not in str(whole) and SHARED in str(whole)
    for email in OutboxEmail.objects.filter(recipient=officer):
        assert UNSHARED not in email.body_text + email.body_html + email.subject
        assert SHARED not in email.body_text + email.body_html  # no casework text at all
    assert (
        OutboxEmail.objects.filter(
            recipient=officer, subject__startswith="A message for you"
        ).count()
        == 1
    )
    # The managers above the handler read the public side, and no message.
    html = client_for(director).get(url("detail", conversation)).content.decode()
    assert UNSHARED not in html and SHARED not in html
    assert api(director).get(api_url(conversation)).json() == []


def test_the_subject_and_others_may_not_write(client_for, officer, director, conversation):
    for who in (officer, director):
        client = client_for(who)
        assert client.get(url("message", conversation)).status_code == 403
        assert client.post(url("message", conversation), {"message": "Me too"}).status_code == 403


def test_another_persons_complaint_is_not_found(
    client_for, api, complaint, other_group_councillor, chief_executive, democratic_services
):
    for stranger in (other_group_councillor, chief_executive, democratic_services):
        assert client_for(stranger).get(url("message", complaint)).status_code == 404
        posted = client_for(stranger).post(url("message", complaint), {"message": "Hi"})
        assert posted.status_code == 404
        assert api(stranger).get(api_url(complaint)).status_code == 404
        sent = api(stranger).post(api_url(complaint), {"message": "Hi"}, format="json")
        assert sent.status_code == 404
    assert not complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS).exists()


def test_the_api_writes_both_ways(api, councillor, line_manager, complaint):
    sent = api(councillor).post(api_url(complaint), {"message": "Any news?"}, format="json")
    assert sent.status_code == 201, sent.content
    body = sent.json()
    assert body["kind"] == Ev.COMPLAINANT_MESSAGE and body["stage_number"] == 1
    assert body["message"] == "Any news?" and body["shared_with_subject"] is False
    reply = api(line_manager).post(api_url(complaint), {"message": "Friday."}, format="json")
    assert reply.status_code == 201
    listed = api(councillor).get(api_url(complaint)).json()
    assert [m["message"] for m in listed] == ["Any news?", "Friday."]


def test_the_api_refuses_bad_input_by_field(api, councillor, line_manager, complaint):
    empty = api(councillor).post(api_url(complaint), {"message": ""}, format="json")
    assert empty.status_code == 400 and empty.json() == {"message": ["Enter your message"]}
    early = api(line_manager).post(
        api_url(complaint), {"message": "Hi", "share_with_subject": True}, format="json"
    )
    assert early.status_code == 400 and list(early.json()) == ["share_with_subject"]
    refused = api(councillor).post(
        api_url(complaint), {"message": "Hi", "share_with_subject": True}, format="json"
    )
    assert refused.status_code == 403
    assert not complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS).exists()


def test_the_messages_are_in_the_schema(api, councillor):
    schema = api(councillor).get("/api/v1/schema/").content.decode()
    assert "/api/v1/complaints/{id}/messages/" in schema
    assert "share_with_subject" in schema
