"""An officer declares a relationship with a councillor by name search, without needing
JavaScript; the Monitoring Officer reviews it; axe on every page of the journey."""

import pytest
from playwright.sync_api import expect

from .pages import ActionPage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_relationship_is_declared_and_reviewed(signed_in, axe, officer, monitoring_officer, org):

    page = signed_in(officer)
    page.goto("/declarations/")
    axe(page)
    page.get_by_role("button", name="Declare a relationship").click()
    axe(page)
    page.get_by_label("Search for a councillor by name").fill("Baker")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Cllr Chris Baker").wait_for()
    axe(page)
    page.get_by_label("Cllr Chris Baker").check()
    page.get_by_role("button", name="Continue").click()
    declaring = ActionPage(page)
    expect(declaring.heading("Your relationship with Chris Baker")).to_be_visible()
    declaring.send_empty("Make the declaration")  # nothing filled in
    axe(page)
    page.get_by_label("Close friendship").check()
    page.get_by_label("Describe the relationship").fill("We coach a junior football team.")
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("9")
    page.get_by_label("Year").first.fill("2021")
    declaring.send("Make the declaration", then="The Monitoring Officer will review it")
    axe(page)
    url = page.url

    mo = signed_in(monitoring_officer)
    mo.goto("/declarations/review/")
    axe(mo)
    mo.goto(url)
    axe(mo)
    mo.get_by_role("button", name="Record advice").click()
    axe(mo)
    mo.get_by_label("Your advice").fill("Please do not handle the councillor's casework.")
    advising = Screen(mo)
    advising.submit_first_form()
    advising.sees("Advice recorded on")
    axe(mo)
    mo.goto("/declarations/register/")
    axe(mo)
