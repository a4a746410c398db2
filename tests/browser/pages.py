"""Page objects for the browser tests: what a person does on a page, said in the words on the
screen (role and label locators), and what they see checked with Playwright's auto-waiting
`expect`. A journey reads as steps (`SignIn(page).as_(officer)`, `case.start("Respond")`,
`step.send("Send response", then="It is now closed.")`); the locators live here, once.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin

from playwright.sync_api import Locator, Page, expect

PROBLEM = "There is a problem"


class Screen:
    """Any page of the service: its headings, buttons, error summary, dates and sign-out."""

    def __init__(self, page: Page):
        self.page = page

    def go(self, path: str):
        self.page.goto(path)
        return self

    def heading(self, name: str | None = None, *, level: int | None = None) -> Locator:
        return self.page.get_by_role("heading", name=name, level=level)

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name)

    def link(self, name: str, *, exact: bool | None = None) -> Locator:
        return self.page.get_by_role("link", name=name, exact=exact)

    def sees(self, text: str) -> Locator:
        """`text` is on the page (the first place it shows, if it shows more than once)."""
        shown = self.page.get_by_text(text).first
        expect(shown).to_be_visible()
        return shown

    def error_summary(self, *, has: str = PROBLEM) -> Locator:
        """The GOV.UK error summary, shown, and saying `has`."""
        summary = self.page.get_by_role("alert").filter(has_text=has)
        expect(summary).to_be_visible()
        return summary

    def fill_date(self, day: date, *, group: str | None = None) -> None:
        """A GOV.UK date input's Day, Month and Year boxes; `group` names its fieldset where a
        page has more than one."""
        where = self.page.get_by_role("group", name=group) if group else self.page
        where.get_by_label("Day").fill(str(day.day))
        where.get_by_label("Month").fill(str(day.month))
        where.get_by_label("Year").fill(str(day.year))

    def submit_main_form(self) -> None:
        """The main form's submit button, whatever its words."""
        self.page.locator("#main-form button[type=submit]").click()

    def submit_first_form(self) -> None:
        """The first form in the main content, by its submit button (whatever its words)."""
        self.page.locator("#main-content form button[type=submit]").first.click()

    def sign_out(self) -> SignIn:
        self.button("Sign out").click()
        expect(self.heading("Sign in")).to_be_visible()
        return SignIn(self.page)


class SignIn(Screen):
    PATH = "/sign-in/"

    def open(self) -> SignIn:
        return self.go(self.PATH)

    def fill(self, username: str, password: str) -> SignIn:
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        return self

    def submit(self) -> None:
        self.button("Sign in").click()

    def as_(self, user, password: str = "password") -> Dashboard:
        """Signs `user` in from the sign-in page, and waits for their home page."""
        self.open().fill(user.username, password).submit()
        return Dashboard(self.page).wait()


class Dashboard(Screen):
    """A signed-in person's home page."""

    def wait(self) -> Dashboard:
        expect(self.page.get_by_text("Signed in as")).to_be_visible()
        return self

    def waiting(self) -> Locator:
        """The "Waiting for your decision" panel's list: one link per kind of decision."""
        return self.page.get_by_role("list", name="Waiting for your decision")

    def open_waiting(self, label: str) -> Decisions:
        """Follows the panel's line for `label` ("Requests for more time: 1")."""
        self.waiting().get_by_role("link", name=label).click()
        expect(self.heading("Waiting for your decision", level=1)).to_be_visible()
        return Decisions(self.page)


class Decisions(Screen):
    """The list of everything waiting for the signed-in person's decision."""

    def section(self, label: str) -> Locator:
        """The table of one kind of decision, by its caption."""
        return self.page.get_by_role("table", name=label)


class ActionPage(Screen):
    """A step's form on a case (a holding reply, a response, a decision...)."""

    def send(self, button: str, *, then: str) -> Screen:
        """Presses `button` and waits for the page it leads to, which says `then`."""
        self.button(button).click()
        self.sees(then)
        return Screen(self.page)

    def send_empty(self, button: str, *, has: str = PROBLEM) -> Locator:
        """Presses `button` with something missing: the error summary says `has`."""
        self.button(button).click()
        return self.error_summary(has=has)


class CasePage(Screen):
    """One case (an enquiry, a complaint, a briefing...): its actions are buttons."""

    def start(self, action: str, *, heading: str | None = None) -> ActionPage:
        """Presses the case's `action` button and waits for its page, headed `heading` (the
        action's own words unless told)."""
        self.button(action).click()
        expect(self.heading(heading or action)).to_be_visible()
        return ActionPage(self.page)


class EnquiryPage(CasePage):
    def open(self, pk: int) -> EnquiryPage:
        return self.go(f"/enquiries/{pk}/")

    @property
    def reference(self) -> str:
        return self.page.locator(".govuk-caption-l").inner_text()

    def expect_timeline(self, *steps: str) -> None:
        timeline = self.page.locator(".app-timeline")
        for step in steps:
            expect(timeline.get_by_role("heading", name=step, exact=True)).to_be_visible()


class OfficerPicker:
    """An officer picker at a council's scale: type part of a name, choose from the officers
    the search offers (the autocomplete), each shown with their post."""

    def __init__(self, page: Page, label: str):
        self.page = page
        self.input = page.get_by_role("combobox", name=label)

    def type(self, text: str) -> Locator:
        """Types `text` as a person would; the offered officers."""
        self.input.fill("")
        self.input.press_sequentially(text, delay=40)
        offered = self.page.get_by_role("listbox").get_by_role("option")
        expect(offered.first).to_be_visible()
        return offered

    def choose(self, typed: str, name: str) -> None:
        """Types `typed`, then chooses the officer called `name`."""
        self.type(typed).filter(has_text=name).first.click()
        expect(self.input).to_have_value(name)


class ComplaintPage(CasePage):
    NEW = "/complaints/new/"

    def raise_about_officer(self, officer, summary: str, details: str) -> ComplaintPage:
        """Raises a concern about `officer` (an Officer), on the new-complaint page."""
        self.page.get_by_label("Which officer is it about?").select_option(str(officer.pk))
        self.page.get_by_label("Summarise the concern").fill(summary)
        self.page.get_by_label("Describe the concern").fill(details)
        self.button("Raise").first.click()
        self.sees(summary)
        return self


def downloaded(page: Page, link: str) -> str:
    """The spreadsheet the link named `link` downloads, as text, fetched in the person's
    browser session with a time limit (a download the browser never finishes cannot hang the
    run)."""
    href = page.get_by_role("link", name=link).get_attribute("href")
    response = page.request.get(urljoin(page.url, href), timeout=30_000)
    assert response.ok, response.status
    assert response.headers["content-disposition"].startswith("attachment")
    return response.body().decode("utf-8-sig")
