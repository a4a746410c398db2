"""Journeys 1, 3 and 4 in Chromium: a councillor logs an enquiry with the keyboard, an officer
sends a holding reply and then responds, and the councillor reads the response. axe-core
checks every page on the way (WCAG 2.2 AA)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from protocol_site.calendar import council_calendar
from tests.enquiries.factories import casework

from .pages import ActionPage, EnquiryPage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_log_hold_respond_and_read(page, sign_in, axe, councillor, officer, org):
    # 1. The councillor logs an enquiry, by label and keyboard.
    sign_in(councillor)
    axe(page)
    form = ActionPage(page)
    form.button("Log an enquiry").focus()
    page.keyboard.press("Enter")
    expect(form.heading("Log an enquiry", level=1)).to_be_visible()
    axe(page)

    summary = form.send_empty("Send enquiry")  # nothing filled in
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
        label="Oliver Hughes (Waste Services Officer, Waste and Recycling)"
    )
    form.button("Send enquiry").focus()
    page.keyboard.press("Enter")
    enquiry = EnquiryPage(page)
    expect(enquiry.heading("Missed bin collections on Elm Road")).to_be_visible()
    expect(page.get_by_text("It is with Oliver Hughes")).to_be_visible()  # the success banner
    enquiry.sees("casework, which is proper.")
    reference = enquiry.reference
    axe(page)
    enquiry.sign_out()

    # 3. The officer finds it in their queue, sends a holding reply, then responds.
    sign_in(officer)
    enquiry.link("1 open").click()
    expect(enquiry.heading("Enquiries", level=1)).to_be_visible()
    axe(page)
    enquiry.link(reference).click()
    expect(enquiry.heading("Missed bin collections on Elm Road")).to_be_visible()
    axe(page)

    holding = enquiry.start("Send a holding reply")
    axe(page)
    expected = council_calendar().add_working_days(timezone.localdate(), 12)
    page.get_by_label("Explain what is happening").fill("We are checking the crew's records.")
    holding.fill_date(expected)
    holding.send("Send holding reply", then="Holding reply sent on")
    expect(page.get_by_role("definition").filter(has_text="Now expected by")).to_be_visible()
    axe(page)

    response = enquiry.start("Respond", heading="Respond to the councillor")
    axe(page)
    page.get_by_label("Response to the councillor").fill(
        "The crew missed Elm Road while the lorry was repaired. Collections resume Monday."
    )
    response.send("Send response", then="It is now closed.")
    axe(page)
    enquiry.sign_out()

    # 4. The councillor sees every step and reads the response.
    sign_in(councillor)
    enquiry.link(reference).click()
    expect(enquiry.heading("Response")).to_be_visible()
    enquiry.sees("Collections resume Monday.")
    enquiry.expect_timeline("Logged", "Routed", "Holding reply", "Responded")
    axe(page)


def test_the_other_enquiry_pages_pass_axe(page, sign_in, axe, director, democratic_services, org):
    from enquiries.services import enquiry_request_extension

    enquiry = casework(
        org,
        subject="Fly-tipping behind the library",
        details="A pile of mattresses has been there for a week.",
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
    ActionPage(page).send_empty("Decline enquiry", has="Select a reason")  # no reason given
    axe(page)
    Screen(page).sign_out()

    sign_in(democratic_services)
    record = ActionPage(page).go("/enquiries/record/")
    axe(page)
    record.send_empty("Record enquiry", has="Enter the time")
    axe(page)
    EnquiryPage(page).open(enquiry.pk)
    expect(page.get_by_text("Withheld: this is confidential constituent casework.")).to_be_visible()
    axe(page)
