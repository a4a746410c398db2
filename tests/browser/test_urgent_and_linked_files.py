"""In Chromium, at desktop and phone widths: the councillor marks an enquiry urgent and then says
it is no longer urgent (the due date goes back to the usual clock, and the page says why); the
officer answers two linked enquiries at once with a file, which each councillor downloads from
their own enquiry. axe-core checks each page (WCAG 2.2 AA)."""

import os

import pytest
from playwright.sync_api import expect

from enquiries.services import enquiry_link
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .pages import EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n" + b"%" * 3000
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def axe_both_widths(page, axe, name: str) -> None:
    """axe at 1280 and 390 pixels wide (and screenshots, when SCREENSHOTS_DIR asks)."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        axe(page)
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def test_urgent_then_no_longer_urgent(page, sign_in, axe, councillor, org):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):  # Monday: due Monday 21 December
        logged = casework(org, subject="No heating at Flat 3")
        enquiry = EnquiryPage(page)
        sign_in(councillor)
        enquiry.open(logged.pk)
        urgent = enquiry.start("Mark as urgent", heading="Mark the enquiry urgent")
        page.get_by_label("Why is the enquiry urgent?").fill("An elderly tenant has no heating.")
        urgent.send("Mark urgent", then="is marked urgent")
        enquiry.sees("Wednesday 9 December 2026")
        axe_both_widths(page, axe, "urgent")
        calm = enquiry.start(
            "Say it is no longer urgent", heading="Say the enquiry is no longer urgent"
        )
        axe_both_widths(page, axe, "not-urgent-form")
        page.get_by_label("Why is it no longer urgent? (optional)").fill("The heating is fixed.")
        calm.send("It is no longer urgent", then="is no longer urgent")
        enquiry.sees("as it is no longer urgent")
        expect(
            page.get_by_role("definition").filter(has_text="Monday 21 December 2026").first
        ).to_be_visible()
        enquiry.expect_timeline("Marked urgent by the councillor", "No longer urgent")
        expect(enquiry.button("Mark as urgent")).to_be_visible()
        axe_both_widths(page, axe, "not-urgent-done")


def test_one_response_with_a_file_to_linked_enquiries(
    page, sign_in, axe, councillor, group_leader, officer, org
):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        mine = casework(org, subject="Flooding on Mill Lane")
        theirs = casework(org, councillor=org.councillors.group_leader, subject="Mill Lane drains")
        enquiry_link(actor=officer, enquiry=mine, others=[theirs])
        enquiry = EnquiryPage(page)

        sign_in(officer)
        enquiry.open(mine.pk)
        both = enquiry.start("Respond to all the linked enquiries")
        page.get_by_label("Response to the councillor").fill("The drains are cleared.")
        page.get_by_label("This is minor information").check()
        page.get_by_label("Attach files (optional)").set_input_files(
            [{"name": "survey.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        axe_both_widths(page, axe, "respond-linked")
        both.send("Send the response to all", then="Each councillor has been told.")
        enquiry.sign_out()

        for who, case in ((councillor, mine), (group_leader, theirs)):
            sign_in(who)
            enquiry.open(case.pk)
            files = page.get_by_role("list", name="Files attached")
            expect(files).to_contain_text("survey.pdf (2.9 KB)")
            with page.expect_download() as download:
                files.get_by_role("link", name="survey.pdf").click()
            with open(download.value.path(), "rb") as handle:
                assert handle.read() == PDF
            axe(page)
            enquiry.sign_out()
