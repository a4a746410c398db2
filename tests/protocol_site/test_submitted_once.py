"""A form sent twice is done once: every form a case page shows carries a one-time token; the
same form sent again (a double click, a resend, the back button) shows what the first did and
changes nothing. A form shown again with its errors keeps its token."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint
from enquiries.models import EnquiryEvent
from protocol_site.cases import submissions_purge
from protocol_site.cases.once import SUBMISSION_KEEP_DAYS
from protocol_site.models import AuditEvent, FormSubmission, OutboxEmail
from protocol_site.tasks import purge_sign_in_records
from protocol_site.views import TOKEN
from tests.enquiries.factories import casework, date_fields, working_days_ahead

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def token_on(response) -> str:
    """The one-time token the page's form carries."""
    found = re.findall(rf'name="{TOKEN}" value="([0-9a-f-]+)"', response.content.decode())
    assert len(found) == 1, "the form carries exactly one token"
    return found[0]


@pytest.fixture
def enquiry(org):
    return casework(org)


def holding(enquiry) -> str:
    return reverse("enquiries:holding", args=[enquiry.pk])


def holding_data(token: str) -> dict:
    return {
        TOKEN: token,
        "explanation": "We are waiting for the contractor's report.",
        **date_fields("expected_date", working_days_ahead(15)),
    }


def test_a_holding_reply_sent_twice_is_sent_once(client_for, officer, enquiry):
    client = client_for(officer)
    data = holding_data(token_on(client.get(holding(enquiry))))
    emails = OutboxEmail.objects.count()
    first = client.post(holding(enquiry), data)
    told = OutboxEmail.objects.count() - emails
    second = client.post(holding(enquiry), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == reverse("enquiries:detail", args=[enquiry.pk])
    assert enquiry.events.filter(kind=Ev.HOLDING_REPLY).count() == 1
    assert told >= 1 and OutboxEmail.objects.count() - emails == told
    html = client.get(second["Location"]).content.decode()
    assert html.count(f"Holding reply sent on {enquiry.reference}") == 2  # both were told


def test_each_showing_of_a_form_has_its_own_token(client_for, officer, enquiry):
    client = client_for(officer)
    first, second = (token_on(client.get(holding(enquiry))) for _ in range(2))
    assert first != second
    client.post(holding(enquiry), holding_data(first))
    client.post(holding(enquiry), holding_data(second))  # a second reply, meant
    assert enquiry.events.filter(kind=Ev.HOLDING_REPLY).count() == 2


def test_a_form_shown_again_with_its_errors_keeps_its_token_and_can_be_sent(
    client_for, officer, enquiry
):
    client = client_for(officer)
    token = token_on(client.get(holding(enquiry)))
    refused = client.post(holding(enquiry), {**holding_data(token), "explanation": ""})
    assert refused.status_code == 200 and b"govuk-error-summary" in refused.content
    assert token_on(refused) == token
    assert not FormSubmission.objects.exists()  # nothing was done, so nothing is kept
    assert client.post(holding(enquiry), holding_data(token)).status_code == 302
    assert enquiry.events.filter(kind=Ev.HOLDING_REPLY).count() == 1


def test_a_repeat_after_the_step_closed_the_case_is_answered_as_the_first(
    client_for, officer, enquiry
):
    """Responding closes the enquiry, so the page itself is no longer open: the repeat still
    goes where the first went, with its message, not to a refusal."""
    client = client_for(officer)
    url = reverse("enquiries:respond", args=[enquiry.pk])
    data = {TOKEN: token_on(client.get(url)), "response": "The bins are collected weekly."}
    first = client.post(url, data)
    assert first.status_code == 302
    audit = AuditEvent.objects.count()
    second = client.post(url, data)
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert AuditEvent.objects.count() == audit
    assert "Response sent to" in client.get(second["Location"]).content.decode()


def test_a_complaint_raised_twice_is_raised_once(client_for, councillor, org):
    client = client_for(councillor)
    new = reverse("complaints:new")
    data = {
        TOKEN: token_on(client.get(new)),
        "about_officer": org.officers.officer.pk,
        "summary": "Rude in the ward surgery",
        "details": "On 1 November the officer shouted at a resident.",
    }
    first = client.post(new, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(new, data)
    assert second["Location"] == first["Location"]
    assert Complaint.objects.count() == 1


def test_another_persons_token_is_refused(client_for, officer, line_manager, enquiry):
    data = holding_data(token_on(client_for(officer).get(holding(enquiry))))
    assert client_for(officer).post(holding(enquiry), data).status_code == 302
    assert client_for(line_manager).post(holding(enquiry), data).status_code == 403


def test_a_form_sent_without_a_token_is_still_taken(client_for, officer, enquiry):
    data = {k: v for k, v in holding_data("").items() if k != TOKEN}
    assert client_for(officer).post(holding(enquiry), data).status_code == 302
    assert not FormSubmission.objects.exists()


def test_the_nightly_housekeeping_forgets_old_tokens(officer):
    now = timezone.now()
    old = FormSubmission.objects.create(
        token=uuid.uuid4(), user=officer, at=now - timedelta(days=SUBMISSION_KEEP_DAYS, hours=1)
    )
    recent = FormSubmission.objects.create(token=uuid.uuid4(), user=officer, at=now)
    assert submissions_purge(now=now) == 1
    assert list(FormSubmission.objects.all()) == [recent]
    FormSubmission.objects.create(token=old.token, user=officer, at=old.at)
    purge_sign_in_records()  # the beat task
    assert list(FormSubmission.objects.all()) == [recent]
