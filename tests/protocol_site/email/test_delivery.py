"""Delivery through GOV.UK Notify and SMTP, against real servers on the loopback: what is sent,
what a refusal does (recorded on the row, never tried again), and what a passing failure does
(tried again, then given up)."""

import pytest
from django.utils import timezone

from protocol_site.models import OutboxEmail
from protocol_site.outbox import (
    MAX_ATTEMPTS,
    email_enqueue,
    outbox_check_notify,
    outbox_send,
    outbox_send_pending,
)
from protocol_site.tasks import check_notify_deliveries, send_pending_email
from tests.enquiries.factories import casework

from .conftest import DEFAULT_TEMPLATE, LOGGED_TEMPLATE

pytestmark = pytest.mark.django_db


def queue(address="cllr@example.gov.uk", template="kernel_test", **context):
    return email_enqueue(
        to_address=address,
        template=template,
        context={"message": "your enquiry has a reply", **context},
    )


def row_of(row):
    row.refresh_from_db()
    return row


def due_again(row):
    OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())


def test_notify_gets_a_signed_request_with_the_template_address_and_personalisation(notify):
    row = queue()
    assert send_pending_email() == 1
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["authorization"].startswith("Bearer ")
    claims = notify.claims(request["authorization"])
    assert claims is not None and claims["iss"] == notify.service_id
    body = request["body"]
    assert body["template_id"] == DEFAULT_TEMPLATE  # no template of its own: the default
    assert body["email_address"] == "cllr@example.gov.uk"
    assert body["personalisation"]["subject"] == "Test notice for you"
    assert "your enquiry has a reply" in body["personalisation"]["body"]
    assert body["reference"] == f"outbox-{row.pk}"
    row = row_of(row)
    assert row.status == OutboxEmail.Status.SENT and row.sent_at
    assert row.provider_id in notify.sent


def test_each_kind_of_email_uses_its_own_template_when_it_has_one(notify, org):
    casework(org)  # the councillor is told it was logged: an email with a template of its own
    outbox_send_pending()
    [request] = [r for r in notify.requests if r["body"]["template_id"] != DEFAULT_TEMPLATE]
    assert request["body"]["template_id"] == LOGGED_TEMPLATE
    assert request["body"]["personalisation"]["link"].endswith("/")
    assert "/enquiries/" in request["body"]["personalisation"]["link"]


def test_notify_refusing_an_address_is_recorded_and_never_tried_again(notify):
    notify.refuse["nobody@invalid"] = (400, "ValidationError", "email_address Not a valid email")
    row = queue(address="nobody@invalid")
    assert outbox_send_pending() == 0
    row = row_of(row)
    assert row.status == OutboxEmail.Status.FAILED and row.failed_at
    assert row.attempts == 1
    assert "Not a valid email" in row.last_error and "400" in row.last_error
    due_again(row)
    outbox_send_pending()
    assert len(notify.requests) == 1  # not asked again


def test_a_wrong_api_key_is_tried_again_then_given_up(notify, settings):
    settings.NOTIFY_API_KEY = (
        f"council_test-{notify.service_id}-{'0' * 8}-0000-0000-0000-{'0' * 12}"
    )
    row = queue()
    assert outbox_send(row.pk) is False
    row = row_of(row)
    assert row.status == OutboxEmail.Status.PENDING and "403" in row.last_error
    for _ in range(MAX_ATTEMPTS - 1):
        due_again(row)
        outbox_send(row.pk)
    row = row_of(row)
    assert row.status == OutboxEmail.Status.FAILED and row.attempts == MAX_ATTEMPTS
    due_again(row)
    outbox_send_pending()
    assert len(notify.requests) == MAX_ATTEMPTS  # a cap: nothing is tried for ever


def test_notify_out_of_reach_is_tried_again(notify, settings):
    settings.NOTIFY_BASE_URL = "http://127.0.0.1:9"  # nothing listens there
    row = queue()
    outbox_send_pending()
    row = row_of(row)
    assert row.status == OutboxEmail.Status.PENDING and row.next_attempt_at > timezone.now()
    assert "could not be reached" in row.last_error


def test_notify_reporting_a_permanent_failure_marks_the_email_not_delivered(notify):
    bounced, delivered = queue(address="gone@example.gov.uk"), queue()
    outbox_send_pending()
    notify.statuses[row_of(bounced).provider_id] = "permanent-failure"
    assert check_notify_deliveries() == 1
    bounced, delivered = row_of(bounced), row_of(delivered)
    assert bounced.status == OutboxEmail.Status.FAILED and bounced.failed_at
    assert "address does not exist" in bounced.last_error
    assert bounced.delivery_status == "permanent-failure"
    assert delivered.status == OutboxEmail.Status.SENT
    assert delivered.delivery_status == "delivered"
    asked = len(notify.requests)
    assert outbox_check_notify() == 0  # settled rows are not asked about again
    assert len(notify.requests) == asked


def test_smtp_stays_the_default_and_delivers(smtp):
    row = queue()
    assert outbox_send_pending() == 1
    [(_, recipients, content)] = smtp.received
    assert recipients == ["cllr@example.gov.uk"]
    assert b"Test notice for you" in content
    assert row_of(row).status == OutboxEmail.Status.SENT


def test_an_smtp_refusal_is_recorded_and_never_tried_again(smtp):
    smtp.refused.add("left@example.gov.uk")
    refused, fine = queue(address="left@example.gov.uk"), queue()
    assert outbox_send_pending() == 1
    refused = row_of(refused)
    assert refused.status == OutboxEmail.Status.FAILED and refused.attempts == 1
    assert "550" in refused.last_error and "No such user" in refused.last_error
    assert row_of(fine).status == OutboxEmail.Status.SENT  # the rest still go
    due_again(refused)
    assert outbox_send_pending() == 0
    assert row_of(refused).attempts == 1


def test_an_smtp_try_later_is_tried_again(smtp):
    smtp.busy.add("busy@example.gov.uk")
    row = queue(address="busy@example.gov.uk")
    outbox_send_pending()
    row = row_of(row)
    assert row.status == OutboxEmail.Status.PENDING and "451" in row.last_error
    smtp.busy.clear()
    due_again(row)
    assert outbox_send_pending() == 1
    assert row_of(row).status == OutboxEmail.Status.SENT
