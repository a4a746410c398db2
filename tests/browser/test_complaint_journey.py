"""A councillor raises a concern about an officer; the line manager resolves it; axe on all."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_concern_about_an_officer_is_raised_and_resolved(
    signed_in, axe, councillor, line_manager, monitoring_officer, org
):

    page = signed_in(councillor)
    page.goto("/complaints/new/")
    axe(page)
    page.get_by_role("button", name="Raise").first.click()  # nothing filled in
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    axe(page)
    page.get_by_label("Which officer is it about?").select_option(str(org.officers.officer.pk))
    page.get_by_label("Summarise the concern").fill("Rude reply at a ward surgery")
    page.get_by_label("Describe the concern").fill("The officer was dismissive on 3 November.")
    page.get_by_role("button", name="Raise").first.click()
    page.get_by_text("Rude reply at a ward surgery").first.wait_for()
    axe(page)
    url = page.url

    handler = signed_in(line_manager)
    handler.goto(url)
    axe(handler)
    handler.goto(url + "resolve/")
    axe(handler)
    handler.get_by_label("Resolved informally").check()
    handler.get_by_label("What was decided").fill("Spoke with the officer; apology sent.")
    handler.locator("#main-content form button[type=submit]").first.click()
    handler.get_by_text("Spoke with the officer").first.wait_for()
    axe(handler)

    mo = signed_in(monitoring_officer)
    mo.goto("/complaints/?tab=queue")
    axe(mo)
    mo.goto("/complaints/patterns/")
    axe(mo)


def test_the_monitoring_officer_reports_on_an_officers_complaint_about_a_member(
    signed_in, axe, monitoring_officer, chief_executive, org
):
    from tests.complaints.helpers import about_member

    complaint = about_member(org)

    mo = signed_in(monitoring_officer)
    mo.goto(f"/complaints/{complaint.pk}/")
    mo.get_by_role("button", name="Report the outcome").click()
    axe(mo)
    mo.get_by_role("button", name="Send the report").click()  # nothing written
    expect(mo.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    axe(mo)
    mo.get_by_label("Findings, and the resolution or recommended action").fill(
        "The remarks were unfair; the member has apologised."
    )
    mo.get_by_label("Also tell the member's group leader").check()
    mo.get_by_role("button", name="Send the report").click()
    mo.get_by_text("has apologised").first.wait_for()
    axe(mo)

    chief = signed_in(chief_executive)
    chief.goto("/complaints/?tab=all")
    axe(chief)
    chief.get_by_role("link", name=complaint.reference).click()
    chief.get_by_text("Also reported to").wait_for()
    axe(chief)
