"""Report and list tables fit a 1,280 px window and a 390 px phone: a wide table scrolls inside
its own labelled, focusable region, never the page; a chart's labels are whole."""

import pytest
from playwright.sync_api import expect

from tests.enquiries.factories import received_days_ago

from .conftest import assert_no_csp_violations, watch_csp
from .pages import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 390)


def _page(browser, live_server, user, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    context.csp_violations = watch_csp(context)
    page = context.new_page()
    SignIn(page).as_(user, "password")
    return context, page


def _close(context):
    assert_no_csp_violations(context.csp_violations)
    context.close()


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_annual_report_and_the_enquiry_list_fit_the_window(
    browser, live_server, monitoring_officer, councillor, org, width
):
    for days in (20, 3):
        received_days_ago(org, days)
    context, page = _page(browser, live_server, monitoring_officer, width)
    page.goto("/reports/annual/?start_0=1&start_1=1&start_2=2000&last_0=1&last_1=1&last_2=2100")
    _fits(page, width)
    region = page.get_by_role("region", name="Members' enquiries by directorate and service")
    expect(region).to_have_attribute("tabindex", "0")
    label = page.locator("figure svg text").first.text_content()
    assert "…" not in label and "..." not in label
    _close(context)
    context, page = _page(browser, live_server, councillor, width)
    page.goto("/enquiries/")
    expect(page.locator("table")).to_have_count(1)
    _fits(page, width)
    _close(context)
