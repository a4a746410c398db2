"""Every page of the foundation passes axe-core's WCAG 2.2 A and AA rules in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from .pages import ActionPage, Dashboard, SignIn

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = [
    "councillor",
    "group_leader",
    "officer",
    "line_manager",
    "assistant_director",
    "director",
    "chief_executive",
    "monitoring_officer",
    "democratic_services",
]


def test_sign_in_page_and_its_errors(page, axe, officer):
    sign_in = SignIn(page).open()
    axe(page)
    sign_in.fill(officer.username, "wrong").submit()
    sign_in.error_summary()
    axe(page)


@pytest.mark.parametrize("who", ROLES)
def test_home_page_for_each_role(request, sign_in, axe, who):
    user = request.getfixturevalue(who)
    page = sign_in(user)
    assert page.get_by_role("heading", level=1).inner_text() == user.get_full_name()
    axe(page)


def test_keyboard_only_sign_in_and_sign_out(page, officer):
    SignIn(page).open()
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.get_by_label("Username").focus()
    page.keyboard.type(officer.username)
    page.keyboard.press("Tab")
    page.keyboard.type("password")
    page.keyboard.press("Enter")
    home = Dashboard(page).wait()
    home.button("Sign out").focus()
    page.keyboard.press("Enter")
    expect(home.heading("Sign in")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/sign-in/$"))


def test_organisation_screens(sign_in, axe, democratic_services, org):
    page = sign_in(democratic_services)
    page.get_by_role("link", name="Organisation", exact=True).click()
    axe(page)
    for register in ("Officers", "Posts", "Councillors", "Closure days"):
        page.goto("/organisation/")
        page.get_by_role("link", name=register, exact=True).first.click()
        axe(page)
    page.goto("/organisation/posts/add/")
    axe(page)
    ActionPage(page).send_empty("Add post")  # nothing filled in
    axe(page)
    page.goto("/organisation/officers/")
    page.get_by_role("link", name=org.officers.officer.user.get_full_name()).first.click()
    axe(page)


def test_choosing_a_password_pages(page, axe, officer):
    SignIn(page).open().link("Forgotten your password").click()
    asking = ActionPage(page)
    axe(page)
    asking.send_empty("Send the link")  # no address
    axe(page)
    page.get_by_label("Email").fill(officer.email)
    asking.button("Send the link").click()
    expect(asking.heading("Check your email")).to_be_visible()
    axe(page)
