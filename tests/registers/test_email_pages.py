"""The email preferences page (everyone signed in) and the list of emails not delivered
(democratic services)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from protocol_site.models import AuditEvent, EmailPreference, OutboxEmail

pytestmark = pytest.mark.django_db
PREFERENCES = reverse("email_preferences")
FAILED = reverse("failed_emails")


def test_a_councillor_sees_their_choice_and_changes_it(client_for, councillor):
    client = client_for(councillor)
    page = client.get(PREFERENCES).content.decode()
    assert "Your email preferences" in page
    assert 'type="radio"' in page and 'value="immediately" checked' in page.replace("\n", " ")
    answer = client.post(PREFERENCES, {"for_information": "daily"})
    assert answer.status_code == 302 and answer.url == PREFERENCES
    assert EmailPreference.objects.get(user=councillor).for_information == "daily"
    page = client.get(PREFERENCES).content.decode()
    assert "Your email preferences are saved" in page
    assert AuditEvent.objects.filter(
        action="protocol_site.email_preference.changed", actor=councillor
    ).exists()


def test_choosing_nothing_or_nonsense_is_an_error_naming_the_question(client_for, officer):
    client = client_for(officer)
    for posted in ({}, {"for_information": "hourly"}):
        page = client.post(PREFERENCES, posted)
        assert page.status_code == 200
        html = page.content.decode()
        assert "There is a problem" in html
        assert "Select how you want emails that are only for your information" in html
    assert not EmailPreference.objects.filter(user=officer).exists()


def test_every_page_links_to_the_preferences(client_for, officer):
    assert f'href="{PREFERENCES}"' in client_for(officer).get(reverse("home")).content.decode()


def failed_row(**fields):
    values = {
        "to_address": "left@example.gov.uk",
        "kind": "enquiry_assigned",
        "subject": "A member's enquiry has been assigned to you: ENQ-2026-000001",
        "body_text": "…",
        "status": OutboxEmail.Status.FAILED,
        "attempts": 1,
        "failed_at": timezone.now(),
        "last_error": "The mail server refused the address: 550 5.1.1 No such user here",
    }
    return OutboxEmail.objects.create(**{**values, **fields})


def test_democratic_services_see_each_email_not_delivered_and_why(
    client_for, democratic_services, officer, django_assert_max_num_queries
):
    failed_row(recipient=officer)
    failed_row(to_address="old@example.gov.uk", last_error="GOV.UK Notify could not deliver it")
    OutboxEmail.objects.create(to_address="fine@example.gov.uk", subject="Sent", body_text=".")
    client = client_for(democratic_services)
    with django_assert_max_num_queries(12):
        page = client.get(FAILED).content.decode()
    assert "Emails not delivered" in page
    assert officer.display_name in page and "left@example.gov.uk" in page
    assert "550 5.1.1 No such user here" in page
    assert "GOV.UK Notify could not deliver it" in page
    assert "fine@example.gov.uk" not in page
    assert f'href="{FAILED}"' in client.get(reverse("manage:index")).content.decode()


def test_an_empty_list_says_so(client_for, democratic_services):
    assert (
        "Every email has been delivered"
        in client_for(democratic_services).get(FAILED).content.decode()
    )


def test_no_one_else_sees_the_list(client_for, officer, monitoring_officer):
    failed_row()
    for person in (officer, monitoring_officer):
        assert client_for(person).get(FAILED).status_code == 403


def test_an_email_is_sent_again_to_the_address_put_right(client_for, democratic_services, officer):
    row = failed_row(recipient=officer, attempts=8)
    client = client_for(democratic_services)
    answer = client.post(FAILED, {"email": row.pk})
    assert answer.status_code == 302 and answer.url == FAILED
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.PENDING and row.attempts == 0
    assert row.to_address == officer.email and not row.failed_at and not row.last_error
    event = AuditEvent.objects.get(action="registers.failed_email.sent_again")
    assert (
        event.actor == democratic_services and event.before["to_address"] == "left@example.gov.uk"
    )
    page = client.get(FAILED).content.decode()
    assert f"The email will be sent again to {officer.email}" in page
    again = client.post(FAILED, {"email": row.pk}).content.decode()  # a second click
    assert "This email has already been sent again" in again
    assert AuditEvent.objects.filter(action="registers.failed_email.sent_again").count() == 1


def test_only_democratic_services_send_again(client_for, monitoring_officer):
    row = failed_row()
    assert client_for(monitoring_officer).post(FAILED, {"email": row.pk}).status_code == 403
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.FAILED
