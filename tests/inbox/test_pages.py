"""The triage pages: democratic services see what waits, look at one email (audited), make it
a councillor's enquiry or discard it with a reason, each once; nobody else reaches them."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry
from inbox.models import InboundEmail
from inbox.services import inbound_receive
from protocol_site.models import AuditEvent, OutboxEmail
from tests.inbox.mails import PDF, message

pytestmark = pytest.mark.django_db
Status = InboundEmail.Status


def waiting(**kwargs) -> InboundEmail:
    values = {"sender": "resident@example.org", "subject": "Bins not collected"}
    return inbound_receive(message(**{**values, **kwargs}), source=InboundEmail.Source.TEST)


@pytest.fixture
def ds(client_for, democratic_services):
    return client_for(democratic_services)


def test_the_list_shows_what_waits_and_the_rest_on_asking(org, ds, councillor):
    email = waiting()
    done = inbound_receive(message(subject="Drains"), source=InboundEmail.Source.TEST)
    page = ds.get(reverse("inbox:list"))
    assert page.status_code == 200
    assert email.subject in page.content.decode() and "Drains" not in page.content.decode()
    page = ds.get(reverse("inbox:list"), {"show": "done"})
    assert "Drains" in page.content.decode() and done.enquiry.reference
    assert ds.get(reverse("inbox:list"), {"show": "nonsense"}).status_code == 200


def test_the_list_keeps_to_its_queries(ds, org, django_assert_max_num_queries):
    for n in range(8):
        waiting(subject=f"Email {n}")
    with django_assert_max_num_queries(12):
        assert ds.get(reverse("inbox:list")).status_code == 200


def test_viewing_an_email_is_audited_and_shows_its_reason(ds, org):
    email = waiting(attachments=[("letter.pdf", PDF, "application", "pdf")])
    page = ds.get(reverse("inbox:detail", args=[email.pk])).content.decode()
    assert "not from a councillor" in page and "letter.pdf" in page
    assert AuditEvent.objects.filter(action="inbox.inboundemail.viewed").count() == 1


def test_nobody_else_reaches_the_pages(org, client_for, officer, councillor, monitoring_officer):
    email = waiting()
    for person in (officer, councillor, monitoring_officer):
        client = client_for(person)
        assert client.get(reverse("inbox:list")).status_code == 403
        assert client.get(reverse("inbox:detail", args=[email.pk])).status_code == 403
        response = client.post(reverse("inbox:discard", args=[email.pk]), {"reason": "x"})
        assert response.status_code == 403
    email.refresh_from_db()
    assert email.status == Status.TRIAGE


def test_making_it_an_enquiry_on_a_councillors_behalf(ds, org, councillor, democratic_services):
    email = waiting(attachments=[("letter.pdf", PDF, "application", "pdf")])
    form = ds.get(reverse("inbox:turn", args=[email.pk])).content.decode()
    assert "Bins not collected" in form
    data = {
        "councillor": org.councillors.councillor.pk,
        "subject": "Bins not collected",
        "details": "The resident says the bins were missed.",
        "kind": "casework",
        "service": org.service.pk,
        "with_attachments": "on",
    }
    response = ds.post(reverse("inbox:turn", args=[email.pk]), data)
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.channel == Enquiry.Channel.EMAIL and enquiry.received_at == email.received_at
    assert enquiry.logged_by == democratic_services
    assert [a.name for a in enquiry.attachments.all()] == ["letter.pdf"]
    assert OutboxEmail.objects.filter(recipient=councillor, subject__contains="logged").exists()
    email.refresh_from_db()
    assert email.status == Status.ENQUIRY and email.enquiry == enquiry
    assert email.handled_by == democratic_services
    assert AuditEvent.objects.filter(action="inbox.inboundemail.turned_into_enquiry").count() == 1
    # Dealt with: the form is no longer offered, and posting it again does nothing more.
    assert ds.get(reverse("inbox:turn", args=[email.pk])).status_code == 403
    ds.post(reverse("inbox:turn", args=[email.pk]), data)
    assert Enquiry.objects.count() == 1


def test_a_refused_attachment_is_said_on_its_field(ds, org):
    exe = ("run.exe", b"MZ" * 20, "application", "octet-stream")
    email = waiting(attachments=[exe])
    data = {
        "councillor": org.councillors.councillor.pk,
        "subject": "Bins",
        "details": "Missed.",
        "kind": "casework",
        "service": org.service.pk,
        "with_attachments": "on",
    }
    page = ds.post(reverse("inbox:turn", args=[email.pk]), data)
    assert page.status_code == 200
    assert "leave the attachments out" in page.content.decode()
    assert not Enquiry.objects.exists()
    del data["with_attachments"]
    assert ds.post(reverse("inbox:turn", args=[email.pk]), data).status_code == 302
    assert not Enquiry.objects.get().attachments.exists()


def test_discarding_needs_a_reason_and_is_audited(ds, org):
    email = waiting()
    page = ds.post(reverse("inbox:discard", args=[email.pk]), {"reason": ""})
    assert "Say why you are discarding the email" in page.content.decode()
    response = ds.post(reverse("inbox:discard", args=[email.pk]), {"reason": "Spam"})
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == Status.DISCARDED and "Spam" in email.reason
    assert AuditEvent.objects.filter(action="inbox.inboundemail.discarded").count() == 1
