"""The email preferences page and the list of emails not delivered, in Chromium, with axe."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from protocol_site.models import EmailPreference, OutboxEmail

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_councillor_chooses_a_daily_summary(sign_in, axe, councillor):
    page = sign_in(councillor)
    page.get_by_role("link", name="Your email preferences").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your email preferences")
    axe(page)
    expect(page.get_by_label("As each one happens")).to_be_checked()
    page.get_by_label("In one summary email each working day").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_text("Your email preferences are saved")).to_be_visible()
    expect(page.get_by_label("In one summary email each working day")).to_be_checked()
    axe(page)
    assert EmailPreference.objects.get(user=councillor).for_information == "daily"


def test_democratic_services_see_the_emails_not_delivered(sign_in, axe, democratic_services):
    OutboxEmail.objects.create(
        to_address="left@example.gov.uk",
        subject="A member's enquiry has been assigned to you: ENQ-2026-000001",
        body_text=".",
        status=OutboxEmail.Status.FAILED,
        attempts=1,
        failed_at=timezone.now(),
        last_error="The mail server refused the address: 550 5.1.1 No such user here",
    )
    page = sign_in(democratic_services)
    page.get_by_role("link", name="Organisation", exact=True).click()
    page.get_by_role("link", name="Emails not delivered").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emails not delivered")
    expect(page.get_by_text("550 5.1.1 No such user here")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Send again").click()
    expect(page.get_by_text("The email will be sent again to left@example.gov.uk")).to_be_visible()
    expect(page.get_by_text("Every email has been delivered")).to_be_visible()
    axe(page)
