"""In Chromium: the councillor adds the constituent's details (marked as personal data), and
the officer responds using standard wording, inserted with the Insert button and edited before
sending. axe-core checks each page (WCAG 2.2 AA), at desktop and phone widths."""

import os

import pytest
from playwright.sync_api import expect

from enquiries.models import Enquiry, Status
from enquiries.services import wording_add
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "The crew will return within two working days."
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def _shot(page, name: str) -> None:
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_constituent_details_then_a_response_with_standard_wording(
    page, sign_in, axe, councillor, officer, democratic_services, org, live_server
):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        logged = casework(org, subject="Missed bins on Elm Road")
        wording_add(actor=democratic_services, service=org.service, title="Missed bin", text=TEXT)

        sign_in(councillor)
        page.goto(f"{live_server.url}/enquiries/{logged.pk}/")
        page.get_by_role("link", name="Add the constituent's details").click()
        axe(page)
        page.get_by_label("Constituent's name (optional)").fill("Alex Resident")
        page.get_by_role("button", name="Save details").click()
        expect(page.get_by_text("Select whether the constituent consented")).to_have_count(2)
        page.get_by_label("Yes").check()
        page.get_by_role("button", name="Save details").click()
        expect(page.get_by_text("Alex Resident")).to_be_visible()
        expect(page.get_by_text("Personal data").first).to_be_visible()
        axe(page)
        _shot(page, "constituent")
        page.get_by_role("button", name="Sign out").click()

        sign_in(officer)
        page.goto(f"{live_server.url}/enquiries/{logged.pk}/respond/")
        page.get_by_label("Response to the councillor").fill("Dear Councillor,")
        page.get_by_label("Use standard wording (optional)").select_option(label="Missed bin")
        page.get_by_role("button", name="Insert").click()
        box = page.get_by_label("Response to the councillor")
        expect(box).to_have_value(f"Dear Councillor,\n\n{TEXT}")
        axe(page)
        _shot(page, "wording")
        assert Enquiry.objects.get(pk=logged.pk).status != Status.RESPONDED
        box.fill(f"Dear Councillor,\n\n{TEXT} Thank you.")
        page.get_by_role("button", name="Send response").click()
        expect(page.get_by_text("It is now closed.")).to_be_visible()
        assert Enquiry.objects.get(pk=logged.pk).response.endswith("Thank you.")
