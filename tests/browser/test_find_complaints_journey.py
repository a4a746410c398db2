"""Finding complaints in Chromium: the Monitoring Officer filters the list to officers'
complaints about members, searches within them, removes the filter, and downloads the list;
then, on a 390 px phone without JavaScript, the results come first and the search and filters
open from "Show search and filters". axe-core checks every page on the way (WCAG 2.2 AA)."""

import pytest
from playwright.sync_api import expect

from protocol_site.models import AuditEvent
from tests.complaints.helpers import about_member, about_officer

from .pages import Screen, downloaded

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_search_and_download_complaints(page, sign_in, axe, monitoring_officer, org):
    about_officer(org, summary="Dismissive replies to casework")
    about_member(org, summary="Criticised me at a public meeting")
    about_member(org, summary="Shouted at the ward surgery", details="At the library.")
    sign_in(monitoring_officer)
    screen = Screen(page)
    screen.go("/complaints/?tab=all")
    expect(screen.heading("Filter", level=2)).to_be_visible()
    axe(page)

    # A wrong date is an error naming the field; nothing is listed until it is put right.
    page.get_by_label("Raised from").fill("31/02/2026")
    screen.button("Apply filters").first.click()
    expect(screen.error_summary().get_by_role("link", name="Raised from must be a real date"))
    axe(page)

    page.get_by_label("Raised from").fill("")
    page.get_by_label("An officer's complaint about a member").check()
    screen.button("Apply filters").first.click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("Criticised me at a public meeting")
    expect(table).to_contain_text("Shouted at the ward surgery")
    expect(table).not_to_contain_text("Dismissive replies")
    axe(page)

    page.get_by_label("Search").fill("area forum")  # the details of the first only
    screen.button("Apply filters").first.click()
    expect(table).to_contain_text("Criticised me at a public meeting")
    expect(table).not_to_contain_text("Shouted at the ward surgery")
    axe(page)

    body = downloaded(page, "Download this complaint (CSV)")
    assert "Criticised me at a public meeting" in body and "Shouted" not in body
    assert AuditEvent.objects.filter(action="complaints.list.exported").count() == 1

    page.get_by_role(
        "link", name="Remove this filter: An officer's complaint about a member"
    ).click()
    expect(page.get_by_role("table")).to_contain_text("Criticised me at a public meeting")
    expect(page.get_by_label("Search")).to_have_value("area forum")


def test_on_a_phone_the_results_come_first(signed_in, monitoring_officer, org):
    about_officer(org, summary="Dismissive replies to casework")
    page = signed_in(monitoring_officer, javascript=False)
    page.set_viewport_size({"width": 390, "height": 844})
    for path, row in (
        ("/complaints/?tab=all", "Dismissive replies to casework"),
        ("/enquiries/?scope=all", None),
    ):
        page.goto(path)
        show = page.get_by_text("Show search and filters")
        expect(show).to_be_visible()
        expect(page.get_by_label("Search")).to_be_hidden()
        if row is not None:
            expect(page.get_by_role("table")).to_contain_text(row)
            table_top = page.get_by_role("table").bounding_box()["y"]
            assert table_top < 844 * 2  # within two screens, not under a long panel
        # No axe scan here: it runs in the page's own JavaScript, which is off (the same pages
        # are scanned above).
        show.click()
        expect(page.get_by_label("Search")).to_be_visible()
    # A wrong filter opens the panel, so its error can be read.
    page.goto("/complaints/?tab=all&received_from=31/02/2026")
    expect(page.get_by_label("Raised from")).to_be_visible()
