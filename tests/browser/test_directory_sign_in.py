"""Signing in through the council's directory in Chromium, end to end, against a real OpenID
provider on the loopback (tests/oidc): the provider's own sign-in and consent pages, back to
the service's home page as the person the directory vouched for; and the people it refuses."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from protocol_site.sso.provider import forget_discovery
from tests.oidc import LocalProvider

from .conftest import assert_no_citations, watch_csp, watch_words
from .pages import Dashboard, Screen

pytestmark = pytest.mark.django_db(transaction=True)

BUTTON = "Sign in with your Test Borough Council account"


@pytest.fixture(scope="module")
def provider(live_server):
    started = LocalProvider(
        redirect_uris=[f"{live_server.url}/sign-in/directory/callback/"],
        post_logout_redirect_uris=[f"{live_server.url}/sign-in/"],
    )
    yield started
    started.stop()


@pytest.fixture
def directory(provider, settings):
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    forget_discovery()
    yield provider
    forget_discovery()


@pytest.fixture
def window(browser, live_server):
    """A browser window whose pages on the service are checked for the policy and words (the
    provider's own pages are its business)."""
    context = browser.new_context(base_url=live_server.url)
    documents = watch_words(context)
    violations = watch_csp(context)
    yield context.new_page()
    ours = [v for v in violations if v.startswith(live_server.url)]
    assert not ours, "The Content-Security-Policy blocked something:\n" + "\n".join(ours)
    assert_no_citations([d for d in documents if d.url.startswith(live_server.url)])
    context.close()


def at_provider(page, login: str) -> None:
    """The provider's sign-in page, then (the first time) its consent page."""
    expect(page.get_by_role("heading", name="Sign-in")).to_be_visible()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    consent = page.get_by_role("button", name="Continue")
    if consent.is_visible(timeout=5000):
        consent.click()


def test_a_person_signs_in_through_the_directory_and_out_again(
    window, directory, monitoring_officer, axe
):
    page = window
    page.goto("/sign-in/")
    axe(page)
    page.get_by_role("button", name=BUTTON).click()

    at_provider(page, "mo")

    Dashboard(page).wait()
    expect(page.get_by_text(monitoring_officer.display_name).first).to_be_visible()
    assert page.url.endswith("/")

    Screen(page).button("Sign out").click()
    # The provider asks whether to end its session too, then sends the person back.
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()


@pytest.mark.parametrize(
    ("login", "heading"),
    [
        ("stranger", "You do not have an account in this service"),
        ("mo-unverified", "Your email address is not confirmed"),
    ],
)
def test_the_directory_cannot_let_in_someone_the_service_does_not_know(
    window, directory, monitoring_officer, axe, login, heading
):
    page = window
    page.goto("/sign-in/")
    page.get_by_role("button", name=BUTTON).click()

    at_provider(page, login)

    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Back to sign in").click()
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()


def test_with_passwords_off_the_page_offers_only_the_directory(window, directory, settings, axe):
    settings.PASSWORD_SIGN_IN = False
    window.goto("/sign-in/")
    expect(window.get_by_role("button", name=BUTTON)).to_be_visible()
    expect(window.get_by_label("Password")).to_have_count(0)
    axe(window)
