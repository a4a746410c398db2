"""An officer declares a relationship with a councillor whose enquiry they hold: the enquiry passes
to the head of service with its clock running, the declaration lists it, the councillor's
timeline says only that the previous officer could not deal with it, and the Monitoring Officer
sees the declaration at the top of the review queue. axe on every page of the journey."""

import pytest
from playwright.sync_api import expect

from tests.enquiries.factories import casework

from .pages import ActionPage, EnquiryPage, Screen

pytestmark = pytest.mark.django_db(transaction=True)

MOVED = "Passed to Gareth Evans: the previous officer could not deal with it."


def test_a_declaration_moves_an_open_enquiry(
    signed_in, axe, org, officer, councillor, head_of_service, monitoring_officer
):
    enquiry = casework(org)

    page = signed_in(officer)
    EnquiryPage(page).open(enquiry.pk)
    axe(page)
    page.goto("/declarations/")
    page.get_by_role("button", name="Declare a relationship").click()
    page.get_by_label("Search for a councillor by name").fill("Baker")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Cllr Chris Baker").check()
    page.get_by_role("button", name="Continue").click()
    declaring = ActionPage(page)
    expect(declaring.heading("Your relationship with Chris Baker")).to_be_visible()
    page.get_by_label("Family (a relative)").check()
    page.get_by_label("Describe the relationship").fill("Chris is my brother-in-law.")
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("9")
    page.get_by_label("Year").first.fill("2021")
    declaring.send("Make the declaration", then="The Monitoring Officer will review it")
    axe(page)
    declaration_url = page.url
    # The officer no longer holds the enquiry, so is not shown it.
    expect(page.locator("#main-content")).not_to_contain_text(enquiry.reference)
    EnquiryPage(page).open(enquiry.pk).sees("Page not found")

    member = signed_in(councillor)
    case = EnquiryPage(member).open(enquiry.pk)
    case.sees(MOVED)
    expect(member.locator("#main-content")).not_to_contain_text("brother-in-law")
    expect(member.locator("#main-content")).not_to_contain_text("relationship")
    axe(member)

    head = signed_in(head_of_service)
    EnquiryPage(head).open(enquiry.pk).sees(MOVED)
    axe(head)

    mo = signed_in(monitoring_officer)
    Screen(mo).go("/declarations/review/")
    first = mo.get_by_role("table").get_by_role("row").nth(1)
    expect(first).to_contain_text("Open cases reached")
    expect(first).to_contain_text("Oliver Hughes")
    axe(mo)

    # The councillor may open the enquiry, so is shown it on the declaration naming him.
    member.goto(declaration_url)
    reached = member.get_by_role("table", name="Open cases this declaration moved or flagged")
    expect(reached).to_contain_text("Passed from Oliver Hughes to Gareth Evans.")
    axe(member)
    reached.get_by_role("link", name=enquiry.reference).click()
    EnquiryPage(member).sees(MOVED)
