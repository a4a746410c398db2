"""Browser tests: Playwright for Python driving Debian's Chromium against a live server."""

import os
import shutil

import pytest

from tests.words import citations

from .pages import SignIn

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# around it are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        return  # in CI a missing browser is a failure, not a skip
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}; run `make browsers`")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch_words(context) -> list:
    """Every page the context loads, to read for citations before it closes."""
    documents = []
    context.on(
        "response",
        lambda response: (
            documents.append(response) if response.request.resource_type == "document" else None
        ),
    )
    return documents


def assert_no_citations(documents) -> None:
    found = []
    for response in documents:
        try:
            text = response.text()
        except Exception:  # a redirect has no body
            continue
        found += [f"{response.url}: …{hit}…" for hit in citations(text)]
    assert not found, "A page cites source numbering or a requirement ID:\n" + "\n".join(found)


# Every page runs with the site's Content-Security-Policy. Chromium reports each thing it blocks
# on the console ("Refused to execute inline script…"); the page also reports it through its
# securitypolicyviolation event, which this script (added by the browser, outside the policy)
# writes to the console too.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`);
});
"""


def watch_csp(context) -> list[str]:
    """Every Content-Security-Policy violation on any page of the context."""
    violations = []
    context.add_init_script(REPORT_VIOLATIONS)

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            violations.append(f"{message.page.url if message.page else '?'}: {text}")

    context.on("console", on_console)
    return violations


def assert_no_csp_violations(violations) -> None:
    assert not violations, "The Content-Security-Policy blocked something:\n" + "\n".join(
        violations
    )


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    documents = watch_words(context)
    violations = watch_csp(context)
    page = context.new_page()
    yield page
    assert_no_citations(documents)
    assert_no_csp_violations(violations)
    context.close()


def sign_in_on(page, user, password="password"):
    SignIn(page).as_(user, password)
    return page


@pytest.fixture
def sign_in(page):
    def _sign_in(user, password="password"):
        return sign_in_on(page, user, password)

    return _sign_in


@pytest.fixture
def signed_in(browser, live_server):
    """`signed_in(user)`: a new browser window with `user` signed in, for journeys that pass
    a case between people; `javascript=False` for one with JavaScript turned off."""
    contexts = []

    def _signed_in(user, password="password", *, javascript=True):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
        contexts.append((context, watch_words(context), watch_csp(context)))
        return sign_in_on(context.new_page(), user, password)

    yield _signed_in
    for _, documents, violations in contexts:
        assert_no_citations(documents)
        assert_no_csp_violations(violations)
    for context, _, _ in contexts:
        context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def _check(page):
        page.wait_for_load_state()  # scan the page a click led to, not the one before it
        results = checker.run(
            page,
            options={
                "runOnly": {
                    "type": "tag",
                    "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
                }
            },
        )
        violations = results.response["violations"]
        assert violations == [], results.generate_report()
        if log := os.environ.get("AXE_LOG"):  # for counting the pages scanned
            with open(log, "a", encoding="utf-8") as scanned:
                scanned.write(page.url.split("?")[0].split("//", 1)[-1].split("/", 1)[-1] + "\n")

    return _check
