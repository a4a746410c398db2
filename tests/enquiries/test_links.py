"""Linked enquiries: an officer links enquiries about the same matter from several members,
sees them on each enquiry's page, and sends one response to all of them: each enquiry keeps its
own clock, record, timeline row and one email to its councillor; a closed one, or one the
officer may not act on, is left out and said so; a repeat submission sends nothing more."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import EnquiryEvent, EnquiryLink, EnquiryMatter, Status
from enquiries.selectors import timeline_for
from enquiries.services import (
    enquiry_link,
    enquiry_respond_linked,
    enquiry_unlink,
    enquiry_withdraw,
)
from enquiries.services.links import linked_with
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
RESPONDED = "Response to your enquiry"


def answered(user) -> int:
    """The responses emailed to `user`."""
    rows = OutboxEmail.objects.filter(recipient=user, subject__startswith=RESPONDED)
    return rows.count()


@pytest.fixture
def three(org):
    """The same matter from three members, all put to the standard officer."""
    c = org.councillors
    with clock_at(at(2026, 12, 1, 9, 0)):
        return [
            casework(org),
            casework(org, councillor=c.group_leader),
            casework(org, councillor=c.other_group_councillor),
        ]


@pytest.fixture
def elsewhere(org):
    """An enquiry the standard officer may not act on: another service's."""
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org, service=org.legal_service, approached_officer=None)
    assert enquiry.assigned_to != org.officers.officer
    return enquiry


def test_linking_groups_them_and_tells_no_councillor(org, officer, three):
    a, b, c = three
    linked = enquiry_link(actor=officer, enquiry=a, others=[b, c])
    assert linked == [b, c]
    assert list(linked_with(b)) == [a, c]
    assert EnquiryMatter.objects.count() == 1
    assert a.events.filter(kind=Ev.LINKED).count() == 1
    assert AuditEvent.objects.filter(action="enquiries.enquiry.linked").count() == 3
    assert not timeline_for(org.councillors.councillor.user, a).filter(kind=Ev.LINKED).exists()
    enquiry_link(actor=officer, enquiry=a, others=[b])  # again: nothing new
    assert a.events.filter(kind=Ev.LINKED).count() == 1


def test_linking_only_what_the_officer_may_act_on(officer, three, elsewhere, councillor):
    a, b, _ = three
    with pytest.raises(ValidationError) as refused:
        enquiry_link(actor=officer, enquiry=a, others=[elsewhere])
    assert "enquiries" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        enquiry_link(actor=councillor, enquiry=a, others=[b])
    assert not EnquiryLink.objects.exists()


def test_an_enquiry_linked_elsewhere_is_refused(officer, three):
    a, b, c = three
    enquiry_link(actor=officer, enquiry=a, others=[b])
    with pytest.raises(ValidationError):
        enquiry_link(actor=officer, enquiry=c, others=[b])


def test_unlinking(officer, three):
    a, b, c = three
    enquiry_link(actor=officer, enquiry=a, others=[b, c])
    enquiry_unlink(actor=officer, enquiry=c)
    assert list(linked_with(a)) == [b] and not linked_with(c).exists()
    enquiry_unlink(actor=officer, enquiry=a)  # one left: no link at all
    assert not EnquiryLink.objects.exists() and not EnquiryMatter.objects.exists()
    with pytest.raises(ValidationError):
        enquiry_unlink(actor=officer, enquiry=a)


def test_one_response_to_all_each_with_its_own_record(org, officer, three):
    a, b, c = three
    enquiry_link(actor=officer, enquiry=a, others=[b, c])
    with clock_at(at(2026, 12, 3, 10, 0)):
        result = enquiry_respond_linked(actor=officer, enquiry=b, response="Collected today.")
    assert [e.pk for e in result.responded] == [b.pk, a.pk, c.pk]
    assert result.left_out == []
    for enquiry in three:
        enquiry.refresh_from_db()
        assert enquiry.status == Status.RESPONDED and enquiry.response == "Collected today."
        assert enquiry.first_reply_at is not None
        assert enquiry.events.filter(kind=Ev.RESPONDED).count() == 1
    for member in vars(org.councillors).values():
        assert answered(member.user) == 1


def test_a_repeat_submission_sends_exactly_one_email_each(org, officer, three):
    a, b, c = three
    enquiry_link(actor=officer, enquiry=a, others=[b, c])
    enquiry_respond_linked(actor=officer, enquiry=a, response="Collected today.")
    with pytest.raises(ValidationError):
        enquiry_respond_linked(actor=officer, enquiry=a, response="Collected today.")
    for member in vars(org.councillors).values():
        assert answered(member.user) == 1
    assert EnquiryEvent.objects.filter(kind=Ev.RESPONDED).count() == 3


def test_closed_and_out_of_reach_ones_are_left_out_and_said(org, three, elsewhere):
    a, b, c = three
    director = org.officers.director.user
    enquiry_link(actor=org.officers.officer.user, enquiry=a, others=[b, c])
    enquiry_withdraw(actor=org.councillors.group_leader.user, enquiry=b, reason="Sorted")
    EnquiryLink.objects.create(
        matter=EnquiryMatter.objects.get(), enquiry=elsewhere, linked_by=director
    )
    result = enquiry_respond_linked(actor=org.officers.officer.user, enquiry=a, response="Done.")
    assert [e.pk for e in result.responded] == [a.pk, c.pk]
    reasons = {e.pk: why for e, why in result.left_out}
    assert reasons[b.pk].startswith("already closed")
    assert reasons[elsewhere.pk] == "not one you may respond to"
    elsewhere.refresh_from_db()
    assert elsewhere.is_open
    assert answered(org.councillors.group_leader.user) == 0


# The pages.
def url(name, enquiry):
    return reverse(f"enquiries:{name}", args=[enquiry.pk])


def test_linking_and_responding_on_the_pages(client_for, org, officer, three):
    a, b, c = three
    client = client_for(officer)
    assert "Link enquiries about the same matter" in client.get(url("detail", a)).content.decode()
    response = client.post(url("link", a), {"enquiries": f"{b.reference}, {c.reference.lower()}"})
    assert response.status_code == 302
    page = client.get(url("detail", b)).content.decode()
    assert "Linked enquiries about the same matter" in page
    assert a.reference in page and c.reference in page
    assert "Respond to all the linked enquiries" in page
    form = client.get(url("respond_linked", b)).content.decode()
    assert a.reference in form and c.reference in form
    sent = client.post(url("respond_linked", b), {"response": "Collected today."}, follow=True)
    assert "Each councillor has been told" in sent.content.decode()
    again = client.post(url("respond_linked", b), {"response": "Collected today."})
    assert again.status_code == 200  # refused on the form: nothing is open
    for member in vars(org.councillors).values():
        assert answered(member.user) == 1


def test_the_councillor_never_sees_the_links(client_for, officer, councillor, three):
    a, b, _ = three
    enquiry_link(actor=officer, enquiry=a, others=[b])
    page = client_for(councillor).get(url("detail", a)).content.decode()
    assert b.reference not in page and "Linked enquiries" not in page
    assert client_for(councillor).get(url("link", a)).status_code == 403


def test_an_unknown_reference_is_an_error_naming_the_field(client_for, officer, three, elsewhere):
    a = three[0]
    client = client_for(officer)
    for typed in ("ENQ-2099-999999", elsewhere.reference, ""):
        response = client.post(url("link", a), {"enquiries": typed})
        assert response.status_code == 200
        assert "govuk-error-message" in response.content.decode()
    assert not EnquiryLink.objects.exists()


def test_unlinking_on_the_page(client_for, officer, three):
    a, b, _ = three
    enquiry_link(actor=officer, enquiry=a, others=[b])
    assert client_for(officer).post(url("unlink", a), {}).status_code == 302
    assert not EnquiryLink.objects.exists()


# The API.
def on(enquiry, what) -> str:
    return f"/api/v1/enquiries/{enquiry.pk}/{what}/"


def test_the_api_links_responds_and_unlinks(api, org, officer, councillor, three):
    a, b, c = three
    client = api(officer)
    linked = client.post(on(a, "links"), {"enquiries": [b.pk, c.pk]}, format="json")
    assert linked.status_code == 200, linked.content
    assert [e["reference"] for e in linked.json()] == [b.reference, c.reference]
    assert api(councillor).get(on(a, "links")).status_code == 403
    assert client.post(on(c, "unlink"), format="json").json() == []
    answer = client.post(on(a, "respond-linked"), {"response": "Done."}, format="json")
    assert answer.status_code == 200, answer.content
    assert [e["reference"] for e in answer.json()["responded"]] == [a.reference, b.reference]
    again = client.post(on(a, "respond-linked"), {"response": "Done."}, format="json")
    assert again.status_code == 400
    assert answered(org.councillors.councillor.user) == 1
    assert answered(org.councillors.other_group_councillor.user) == 0


def test_the_api_refuses_bad_input_by_field(api, officer, three, elsewhere):
    a = three[0]
    client = api(officer)
    for body in ({}, {"enquiries": []}, {"enquiries": ["x"]}, {"enquiries": [elsewhere.pk]}):
        answer = client.post(on(a, "links"), body, format="json")
        assert answer.status_code == 400, body
        assert "enquiries" in answer.json()
    answer = client.post(on(a, "respond-linked"), {"response": ""}, format="json")
    assert answer.status_code == 400 and "response" in answer.json()
