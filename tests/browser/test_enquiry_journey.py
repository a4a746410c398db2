"""Journeys 1, 3 and 4 in Chromium: a councillor logs an enquiry with the keyboard, an officer
sends a holding reply and then responds, and the councillor reads the response. axe-core
checks every page on the way (WCAG 2.2 AA)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from protocol_site.calendar import council_calendar

pytestmark = pytest.mark.django_db(transaction=True)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in").wait_for()


def test_log_hold_respond_and_read(page, sign_in, axe, councillor, officer, org):
    # 1. The councillor logs an enquiry, by label and keyboard.
    sign_in(councillor)
    axe(page)
    page.get_by_role("button", name="Log an enquiry").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Log an enquiry", level=1).wait_for()
    axe(page)

    page.get_by_role("button", name="Send enquiry").click()  # nothing filled in
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Enter a subject")).to_be_visible()
    axe(page)

    page.get_by_label("Subject").focus()
    page.keyboard.type("Missed bin collections on Elm Road")
    page.keyboard.press("Tab")  # to the details
    page.keyboard.type("Residents at 1-9 Elm Road report three missed collections.")
    page.get_by_label("Constituent casework").focus()
    page.keyboard.press("Space")
    page.get_by_label("Which service is it about?").select_option(
        label="Place and Environment: Waste and Recycling"
    )
    page.get_by_label("Officer you approached (optional)").select_option(
        label="Oliver Hughes (Waste Services Officer)"
    )
    page.get_by_role("button", name="Send enquiry").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Missed bin collections on Elm Road").wait_for()
    expect(page.get_by_text("It is with Oliver Hughes")).to_be_visible()  # the success banner
    expect(page.get_by_text("casework, which is proper (001 §5.02)").first).to_be_visible()
    reference = page.locator(".govuk-caption-l").inner_text()
    axe(page)
    sign_out(page)

    # 3. The officer finds it in their queue, sends a holding reply, then responds.
    sign_in(officer)
    page.get_by_role("link", name="1 open").click()
    page.get_by_role("heading", name="Enquiries", level=1).wait_for()
    axe(page)
    page.get_by_role("link", name=reference).click()
    page.get_by_role("heading", name="Missed bin collections on Elm Road").wait_for()
    axe(page)

    page.get_by_role("button", name="Send a holding reply").click()
    page.get_by_role("heading", name="Send a holding reply").wait_for()
    axe(page)
    expected = council_calendar().add_working_days(timezone.localdate(), 12)
    page.get_by_label("Explain what is happening").fill("We are checking the crew's records.")
    page.get_by_label("Day").fill(str(expected.day))
    page.get_by_label("Month").fill(str(expected.month))
    page.get_by_label("Year").fill(str(expected.year))
    page.get_by_role("button", name="Send holding reply").click()
    page.get_by_text("Holding reply sent on").wait_for()
    expect(page.get_by_role("definition").filter(has_text="Now expected by")).to_be_visible()
    axe(page)

    page.get_by_role("button", name="Respond").click()
    page.get_by_role("heading", name="Respond to the councillor").wait_for()
    axe(page)
    page.get_by_label("Response to the councillor").fill(
        "The crew missed Elm Road while the lorry was repaired. Collections resume Monday."
    )
    page.get_by_role("button", name="Send response").click()
    page.get_by_text("It is now closed.").wait_for()
    axe(page)
    sign_out(page)

    # 4. The councillor sees every step and reads the response.
    sign_in(councillor)
    page.get_by_role("link", name=reference).click()
    page.get_by_role("heading", name="Response").wait_for()
    expect(page.get_by_text("Collections resume Monday.").first).to_be_visible()
    timeline = page.locator(".app-timeline")
    for step in ("Logged", "Routed", "Holding reply", "Responded"):
        expect(timeline.get_by_role("heading", name=step, exact=True)).to_be_visible()
    axe(page)


def test_the_other_enquiry_pages_pass_axe(page, sign_in, axe, director, democratic_services, org):
    from enquiries.models import Enquiry
    from enquiries.services import enquiry_log, enquiry_request_extension

    enquiry = enquiry_log(
        actor=org.councillors.councillor.user,
        councillor=org.councillors.councillor,
        subject="Fly-tipping behind the library",
        details="A pile of mattresses has been there for a week.",
        kind=Enquiry.Kind.CASEWORK,
        service=org.service,
        approached_officer=org.officers.officer,
    )
    extension = enquiry_request_extension(
        actor=org.officers.officer.user,
        enquiry=enquiry,
        reason="A site survey is needed.",
        proposed_date=council_calendar().add_working_days(timezone.localdate(), 20),
    )
    sign_in(director)
    for path in (
        "/enquiries/performance/",
        "/enquiries/?scope=all&status=any",
        f"/enquiries/{enquiry.pk}/extension/{extension.pk}/",
        f"/enquiries/{enquiry.pk}/guidance/",
        f"/enquiries/{enquiry.pk}/reassign/",
        f"/enquiries/{enquiry.pk}/decline/",
    ):
        page.goto(path)
        axe(page)
    page.get_by_role("button", name="Decline enquiry").click()  # no reason given
    expect(page.get_by_role("alert").filter(has_text="Select a reason")).to_be_visible()
    axe(page)
    sign_out(page)

    sign_in(democratic_services)
    page.goto("/enquiries/record/")
    axe(page)
    page.get_by_role("button", name="Record enquiry").click()
    expect(page.get_by_role("alert").filter(has_text="Enter the time")).to_be_visible()
    axe(page)
    page.goto(f"/enquiries/{enquiry.pk}/")
    expect(page.get_by_text("Withheld: this is confidential constituent casework.")).to_be_visible()
    axe(page)
