"""The browser suite runs under the site's Content-Security-Policy: pages need no exception to
it, and the fixtures' check (conftest.watch_csp) does catch what it blocks."""

import pytest
from playwright.sync_api import expect

from .conftest import watch_csp

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sign_in_page_runs_its_scripts_under_the_policy(page):
    response = page.goto("/login/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # The js-enabled class, set by a script file at the top of the body, not an inline script.
    expect(page.locator("body")).to_have_class(
        "govuk-template__body js-enabled govuk-frontend-supported"
    )
    # The page's own violations, if any, fail this test in the fixture's teardown.


def test_an_inline_script_is_blocked_and_reported(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    violations = watch_csp(context)
    page = context.new_page()
    page.goto("/login/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.ranInline = true;";
          document.body.appendChild(script);
        }"""
    )
    page.wait_for_timeout(200)  # the violation event is queued
    assert page.evaluate("window.ranInline === undefined")
    assert any("script-src" in violation for violation in violations), violations
    context.close()
