"""The second factor in Chromium: the Monitoring Officer signs in with a password, sets up an
authenticator app from the QR code's key, keeps the recovery codes, reaches the page they
asked for; next time they give a recovery code. Nobody else is asked."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from .pages import Dashboard, Screen, SignIn

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def code_for(key_text: str) -> str:
    return f"{totp(b32decode(key_text.replace(' ', ''))):06d}"


def test_the_monitoring_officer_sets_up_an_app_then_signs_in_with_a_recovery_code(
    page, monitoring_officer, axe
):
    page.goto("/decisions/")
    SignIn(page).fill(monitoring_officer.username, "password").submit()

    screen = Screen(page)
    expect(screen.heading("Set up your authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for the key")).to_be_visible()
    axe(page)
    screen.button("Continue").click()
    screen.error_summary(has="Enter the code from your authenticator app")
    key = page.locator("#totp-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill(code_for(key))
    screen.button("Continue").click()

    expect(screen.heading("Your authenticator app is set up")).to_be_visible()
    axe(page)
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    recovery = codes.first.inner_text()
    screen.button("Continue").click()
    expect(screen.heading("Waiting for your decision", level=1)).to_be_visible()

    screen.sign_out()
    SignIn(page).fill(monitoring_officer.username, "password").submit()
    expect(screen.heading("Enter the code from your authenticator app")).to_be_visible()
    axe(page)
    page.get_by_label("Code from your authenticator app").fill("000000")
    screen.button("Continue").click()
    screen.error_summary(has="The code is not right")
    page.goto("/")  # no page opens before the code is given
    expect(screen.heading("Enter the code from your authenticator app")).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill(recovery)
    page.wait_for_timeout(1100)  # django-otp makes the try after a wrong code wait a second
    screen.button("Continue").click()
    Dashboard(page).wait()
    expect(screen.heading("Enter the code from your authenticator app")).to_have_count(0)


def test_an_officer_is_not_asked(sign_in, officer):
    page = sign_in(officer)
    expect(page.get_by_text("Signed in as")).to_be_visible()
    assert "/account/second-factor/" not in page.url
