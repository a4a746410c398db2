"""Officers as constituents: casework for a constituent who is a council officer is marked so;
the councillor is prompted to seek the Monitoring Officer's advice first, and the request is
linked to the enquiry and shown on both pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from advice.models import AdviceRequest, Topic
from enquiries.services import constituent_details_save, enquiry_seek_advice
from protocol_site.models import AuditEvent
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

OFFICER_CONSTITUENT = {"name": "Sam Clerk", "consented": True, "council_officer": True}


@pytest.fixture
def enquiry(org, monitoring_officer):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org, constituent=OFFICER_CONSTITUENT)


def test_the_mark_is_kept_with_the_constituent(enquiry):
    assert enquiry.constituent.council_officer


def test_the_mark_alone_is_kept_without_other_details(org, councillor):
    enquiry = casework(org)
    details = constituent_details_save(actor=councillor, enquiry=enquiry, council_officer=True)
    assert details.council_officer and details.name == "" and not details.consented


def test_the_councillor_is_prompted_then_asks_and_both_pages_link(
    enquiry, client_for, councillor, monitoring_officer
):
    client = client_for(councillor)
    page = client.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    assert "The constituent is a council officer" in page
    assert reverse("enquiries:seek_advice", args=[enquiry.pk]) in page
    with clock_at(at(2026, 12, 1, 10, 0)):
        response = client.post(
            reverse("enquiries:seek_advice", args=[enquiry.pk]),
            {"question": "How should I handle this?"},
            follow=True,
        )
    case = AdviceRequest.objects.get()
    assert case.topic == Topic.PROTOCOL
    enquiry.refresh_from_db()
    assert enquiry.advice_request == case
    html = response.content.decode()
    assert case.reference in html
    assert reverse("enquiries:seek_advice", args=[enquiry.pk]) not in html  # asked once
    advice_page = client_for(monitoring_officer).get(reverse("advice:detail", args=[case.pk]))
    assert enquiry.reference in advice_page.content.decode()
    assert AuditEvent.objects.filter(action="enquiries.enquiry.advice_sought").count() == 1


def test_only_the_councillor_asks_and_only_once(enquiry, councillor, officer):
    with pytest.raises(PermissionDenied):
        enquiry_seek_advice(actor=officer, enquiry=enquiry, question="Me?")
    enquiry_seek_advice(actor=councillor, enquiry=enquiry, question="First.")
    enquiry.refresh_from_db()
    with pytest.raises(PermissionDenied):
        enquiry_seek_advice(actor=councillor, enquiry=enquiry, question="Again.")


def test_no_prompt_for_a_resident_who_is_not_an_officer(org, councillor):
    enquiry = casework(org, constituent={"name": "Pat", "consented": True})
    with pytest.raises(PermissionDenied):
        enquiry_seek_advice(actor=councillor, enquiry=enquiry, question="Why?")
