"""An emailed enquiry past its retention period loses the text of the emails it came from, as
it loses its own."""

import pytest

from enquiries.services import enquiry_respond
from inbox.models import InboundEmail
from inbox.services import inbound_receive
from retention.anonymise import retention_run
from tests.clock import at
from tests.inbox.mails import message

pytestmark = pytest.mark.django_db


def test_the_emails_of_an_anonymised_enquiry_lose_their_text(
    org, councillor, django_capture_on_commit_callbacks
):
    raw = message(subject="Mary Jones's bins", body="Mary Jones at 4 Elm Road asks.")
    row = inbound_receive(raw, source=InboundEmail.Source.PIPE, arrived_at=at(2026, 11, 2, 8, 0))
    enquiry_respond(
        actor=row.enquiry.assigned_to.user, enquiry=row.enquiry, response="Done.", minor=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert retention_run(now=at(2033, 3, 3, 3, 0)) == 1
    row.refresh_from_db()
    assert bytes(row.raw) == b"" and row.text == ""
    assert "Mary" not in row.subject and row.subject == f"Email about {row.enquiry.reference}"
    assert row.message_id  # still keeps the same message from being taken again
