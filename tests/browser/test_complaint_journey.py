"""A councillor raises a concern about an officer; the line manager resolves it; axe on all."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_concern_about_an_officer_is_raised_and_resolved(
    browser, live_server, axe, councillor, line_manager, monitoring_officer, org
):
    def signed_in(user):
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.goto("/sign-in/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("password")
        page.get_by_role("button", name="Sign in").click()
        page.get_by_text("Signed in as").wait_for()
        return page

    page = signed_in(councillor)
    page.goto("/complaints/new/")
    axe(page)
    page.get_by_role("button", name="Raise").first.click()  # nothing filled in
    assert page.get_by_role("alert").filter(has_text="There is a problem").is_visible()
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
