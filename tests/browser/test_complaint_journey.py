"""A councillor raises a concern about an officer; the line manager resolves it; axe on all."""

import pytest
from playwright.sync_api import expect

from .pages import ActionPage, ComplaintPage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_concern_about_an_officer_is_raised_and_resolved(
    signed_in, axe, councillor, line_manager, monitoring_officer, org
):

    page = signed_in(councillor)
    concern = ComplaintPage(page).go(ComplaintPage.NEW)
    axe(page)
    concern.button("Raise").first.click()  # nothing filled in
    concern.error_summary()
    axe(page)
    concern.raise_about_officer(
        org.officers.officer,
        "Rude reply at a ward surgery",
        "The officer was dismissive on 3 November.",
    )
    axe(page)
    url = page.url

    handler = signed_in(line_manager)
    handler.goto(url)
    axe(handler)
    handler.goto(url + "resolve/")
    axe(handler)
    handler.get_by_label("Resolved informally").check()
    handler.get_by_label("What was decided").fill("Spoke with the officer; apology sent.")
    resolving = Screen(handler)
    resolving.submit_first_form()
    resolving.sees("Spoke with the officer")
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
    case = ComplaintPage(mo).go(f"/complaints/{complaint.pk}/")
    case.button("Report the outcome").click()
    report = ActionPage(mo)
    axe(mo)
    report.send_empty("Send the report")  # nothing written
    axe(mo)
    mo.get_by_label("Findings, and the resolution or recommended action").fill(
        "The remarks were unfair; the member has apologised."
    )
    mo.get_by_label("Also tell the member's group leader").check()
    report.send("Send the report", then="has apologised")
    axe(mo)

    chief = signed_in(chief_executive)
    chief.goto("/complaints/?tab=all")
    axe(chief)
    Screen(chief).link(complaint.reference).click()
    expect(chief.get_by_text("Also reported to")).to_be_visible()
    axe(chief)
