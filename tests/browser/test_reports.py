"""RPT-1 in a real browser: the Monitoring Officer opens the annual report, chooses a period,
and the page passes axe, with and without a mistake in the period."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.enquiries.factories import received_days_ago

from .pages import ActionPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_monitoring_officer_reads_the_annual_report(signed_in, axe, monitoring_officer, org):
    received_days_ago(org, 20)
    today = timezone.localdate()
    page = signed_in(monitoring_officer)
    page.goto("/reports/annual/")
    expect(page.get_by_role("heading", name="Annual report on the protocol")).to_be_visible()
    axe(page)
    period = page.get_by_role("group", name="From")
    period.get_by_label("Year").fill("")
    ActionPage(page).send_empty("Show the report for this period")
    axe(page)
    page.get_by_role("group", name="From").get_by_label("Year").fill(str(today.year - 1))
    page.get_by_role("group", name="To").get_by_label("Year").fill(str(today.year + 1))
    page.get_by_role("button", name="Show the report for this period").click()
    expect(
        page.get_by_role("table", name="Members' enquiries by directorate and service")
    ).to_have_count(1)
    expect(page.locator("table").get_by_text("Waste and Recycling").first).to_be_visible()
    axe(page)


def test_a_director_reads_their_directorate_figures(signed_in, axe, director, org):
    received_days_ago(org, 20)
    page = signed_in(director)
    page.goto("/")
    expect(
        page.get_by_role("heading", name="Enquiries to your directorate this municipal year")
    ).to_be_visible()
    axe(page)
    page.get_by_role("link", name="See your directorate's enquiry figures").click()
    expect(
        page.get_by_role("heading", name="Enquiries to your directorate", exact=True)
    ).to_be_visible()
    expect(
        page.get_by_role("table", name="Members' enquiries by directorate and service")
    ).to_have_count(1)
    axe(page)
