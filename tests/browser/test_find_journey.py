"""Finding enquiries in Chromium: an officer filters the list to the urgent ones, saves the
view, finds it with its count on the home page, opens it again, removes a filter and downloads
the list as CSV. axe-core checks every page on the way (WCAG 2.2 AA)."""

import pytest
from playwright.sync_api import expect

from protocol_site.models import AuditEvent
from tests.enquiries.factories import casework

from .pages import Screen, downloaded

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_save_the_view_see_it_at_home_and_download(page, sign_in, axe, officer, org):
    casework(org, subject="Flood in the basement", urgent_reason="Water rising in a flat")
    casework(org, subject="Missed bin on Elm Road")
    sign_in(officer)
    screen = Screen(page)
    screen.go("/enquiries/?scope=all")
    expect(screen.heading("Filter", level=2)).to_be_visible()
    axe(page)

    # A wrong date is an error naming the field; nothing is listed until it is put right.
    page.get_by_label("Received from").fill("31/02/2026")
    screen.button("Apply filters").first.click()
    expect(screen.error_summary().get_by_role("link", name="Received from must be a real date"))
    axe(page)

    page.get_by_label("Received from").fill("")
    page.get_by_label("Urgent").check()
    screen.button("Apply filters").first.click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("Flood in the basement")
    expect(table).not_to_contain_text("Missed bin on Elm Road")
    expect(page.get_by_role("link", name="Remove this filter: Urgent")).to_be_visible()
    axe(page)

    page.get_by_label("Save this view").fill("Urgent work")
    screen.button("Save view").click()
    screen.sees("View saved as Urgent work")
    expect(page.get_by_role("table")).to_contain_text("Flood in the basement")

    screen.go("/")
    views = page.get_by_role("table", name="Your saved views")
    expect(views.get_by_role("row", name="Urgent work 1")).to_be_visible()
    axe(page)
    views.get_by_role("link", name="Urgent work").click()
    expect(page.get_by_label("Urgent")).to_be_checked()

    body = downloaded(page, "Download this enquiry (CSV)")
    assert "Flood in the basement" in body and "Missed bin on Elm Road" not in body
    assert AuditEvent.objects.filter(action="enquiries.list.exported").count() == 1

    page.get_by_role("link", name="Remove this filter: Urgent").click()
    expect(page.get_by_role("table")).to_contain_text("Missed bin on Elm Road")
