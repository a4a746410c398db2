"""The conversation through its pages: the councillor's and the officer's buttons, the question
that stops the clock and the answer that moves the due date, internal notes kept from the
councillor, and bad input saved nowhere."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryEvent, Status
from enquiries.services import enquiry_add_note, enquiry_ask_councillor, enquiry_message
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def url(name, enquiry):
    return reverse(f"enquiries:{name}", args=[enquiry.pk])


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):  # Tuesday: due by Tuesday 15 December
        return casework(org)


def test_the_councillor_sees_their_ways_to_speak(client_for, councillor, enquiry):
    page = client_for(councillor).get(url("detail", enquiry)).content.decode()
    for words in ("Send a message", "Chase", "Withdraw the enquiry"):
        assert words in page
    assert "Add an internal note" not in page and "Ask the councillor" not in page


def test_the_officer_sees_theirs(client_for, officer, enquiry):
    page = client_for(officer).get(url("detail", enquiry)).content.decode()
    for words in ("Send a message", "Ask the councillor a question", "Add an internal note"):
        assert words in page
    assert "Withdraw the enquiry" not in page


def test_a_message_from_the_councillor_is_on_the_timeline(client_for, councillor, enquiry):
    client = client_for(councillor)
    assert "Send a message" in client.get(url("message", enquiry)).content.decode()
    response = client.post(url("message", enquiry), {"message": "Number 7 too."})
    assert response.status_code == 302
    assert response["Location"] == url("detail", enquiry)
    page = client.get(url("detail", enquiry)).content.decode()
    assert "Message from the councillor" in page and "Number 7 too." in page


def test_an_empty_message_is_an_error_naming_the_field(client_for, councillor, enquiry):
    response = client_for(councillor).post(url("message", enquiry), {"message": ""})
    assert response.status_code == 200
    assert "Enter your message" in response.content.decode()
    assert not enquiry.events.filter(kind=Ev.COUNCILLOR_MESSAGE).exists()


def test_internal_notes_are_marked_and_never_on_the_councillors_page(
    client_for, officer, councillor, enquiry
):
    response = client_for(officer).post(url("note", enquiry), {"note": "Ring the depot first."})
    assert response.status_code == 302
    page = client_for(officer).get(url("detail", enquiry)).content.decode()
    assert "Ring the depot first." in page
    assert "The councillor cannot see this note." in page
    mine = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert "Ring the depot first." not in mine and "Internal note" not in mine
    assert client_for(councillor).get(url("note", enquiry)).status_code == 403


def test_the_question_stops_the_clock_and_the_answer_moves_the_due_date(
    client_for, officer, councillor, enquiry
):
    with clock_at(at(2026, 12, 7, 9, 0)):  # Monday
        response = client_for(officer).post(url("ask", enquiry), {"question": "Which bins?"})
        assert response.status_code == 302
        page = client_for(councillor).get(url("detail", enquiry)).content.decode()
        assert "A question for you" in page and "Which bins?" in page
        assert "With the councillor" in page
        assert "Paused since Monday 7 December, waiting for your answer." in page
        assert "Chase" not in page  # answer, do not chase
        answer_page = client_for(councillor).get(url("answer", enquiry)).content.decode()
        assert "Which bins?" in answer_page
        officers = client_for(officer).get(url("detail", enquiry)).content.decode()
        assert "Waiting for the councillor's answer" in officers
        assert "Ask the councillor a question" not in officers
    with clock_at(at(2026, 12, 10, 11, 0)):  # Thursday
        response = client_for(councillor).post(url("answer", enquiry), {"answer": "Green."})
        assert response.status_code == 302
        page = client_for(officer).get(url("detail", enquiry)).content.decode()
    enquiry = Enquiry.objects.get(pk=enquiry.pk)
    assert enquiry.due_date.isoformat() == "2026-12-18"  # 15 December + 3 working days
    assert "Friday 18 December 2026" in page
    assert "Paused 3 working days, 8 to 10 December, waiting for the councillor&#x27;s answer" in (
        page
    )


def test_answering_with_nothing_waiting_says_so(client_for, councillor, enquiry):
    response = client_for(councillor).post(url("answer", enquiry), {"answer": "Yes."})
    assert response.status_code == 200
    assert "There is no question waiting for your answer." in response.content.decode()


def test_the_councillor_chases_and_withdraws(client_for, councillor, enquiry):
    client = client_for(councillor)
    assert client.post(url("chase", enquiry), {"message": ""}).status_code == 302
    assert enquiry.events.filter(kind=Ev.CHASED).count() == 1
    response = client.post(url("withdraw", enquiry), {"reason": "Sorted out."})
    assert response.status_code == 302
    enquiry = Enquiry.objects.get(pk=enquiry.pk)
    assert enquiry.status == Status.WITHDRAWN
    page = client.get(url("detail", enquiry)).content.decode()
    assert "Why it was withdrawn" in page and "Sorted out." in page
    assert "Send a message" not in page


def test_an_officer_cannot_withdraw_and_a_councillor_cannot_ask(
    client_for, officer, councillor, enquiry
):
    assert client_for(officer).get(url("withdraw", enquiry)).status_code == 403
    assert client_for(councillor).get(url("ask", enquiry)).status_code == 403
    assert client_for(officer).post(url("chase", enquiry)).status_code == 403


def test_a_page_of_fifty_messages_shows_them_all(client_for, officer, councillor, enquiry):
    for n in range(25):
        enquiry_message(actor=councillor, enquiry=enquiry, message=f"Message {n} from me")
        enquiry_add_note(actor=officer, enquiry=enquiry, note=f"Note {n}")
    enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="And?")
    page = client_for(officer).get(url("detail", enquiry)).content.decode()
    assert "Message 24 from me" in page and "Note 24" in page
