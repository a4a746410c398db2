"""Journeys across time in Chromium: the beat sweep moves an overdue enquiry to the line
manager's dashboard, and an unresolved concern about an officer up to the Monitoring Officer.
Democratic services add a councillor. axe-core checks every page on the way."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from complaints.models import Complaint
from complaints.services import complaints_sweep
from enquiries.policy import escalation_dates
from enquiries.services import enquiries_sweep
from protocol_site.calendar import council_calendar
from tests.enquiries.factories import casework

from .pages import ComplaintPage, Dashboard, Screen, SignIn

pytestmark = pytest.mark.django_db(transaction=True)

MINUTE = timedelta(minutes=1)


def test_an_overdue_enquiry_reaches_the_line_managers_dashboard(
    signed_in, axe, councillor, line_manager, org
):
    enquiry = casework(org, actor=councillor, subject="Fly-tipping behind the library")
    first_rung = escalation_dates(council_calendar(), enquiry.target_date)[0][1]
    assert enquiries_sweep(now=first_rung + MINUTE) >= 1
    enquiry.refresh_from_db()
    assert enquiry.escalated_to == org.officers.line_manager

    page = signed_in(line_manager)
    link = page.get_by_role("link", name="1 escalated to you")
    expect(link).to_be_visible()
    axe(page)
    link.click()
    row = page.get_by_role("row").filter(has_text=enquiry.reference)
    expect(row).to_contain_text(f"Escalated to {org.officers.line_manager}")
    axe(page)
    row.get_by_role("link", name=enquiry.reference).click()
    expect(page.get_by_role("definition").filter(has_text="because it is overdue")).to_be_visible()
    axe(page)


def test_a_concern_about_an_officer_reaches_the_monitoring_officer(
    signed_in, axe, councillor, monitoring_officer, org
):
    page = signed_in(councillor)
    ComplaintPage(page).go(ComplaintPage.NEW).raise_about_officer(
        org.officers.officer,
        "No reply to three emails",
        "Emails of 2, 9 and 16 October went unanswered.",
    )

    complaint = Complaint.objects.get(summary="No reply to three emails")
    for _ in range(6):  # each stage left unresolved past its resolve-by day moves up
        if complaint.current_handler_id == monitoring_officer.pk:
            break
        complaints_sweep(now=complaint.next_action_at + MINUTE)
        complaint.refresh_from_db()
    assert complaint.current_handler_id == monitoring_officer.pk
    assert complaint.stage_number > 1

    page.reload()
    expect(page.get_by_text("Monitoring Officer").first).to_be_visible()
    axe(page)

    mo = signed_in(monitoring_officer)
    mo.goto("/complaints/?tab=queue")
    mo.get_by_role("link", name=complaint.reference).click()
    expect(mo.get_by_role("heading", name="No reply to three emails")).to_be_visible()
    axe(mo)


def test_democratic_services_add_a_councillor(signed_in, axe, democratic_services, org):
    page = signed_in(democratic_services)
    page.goto("/organisation/councillors/")
    form = Screen(page)
    form.button("Add a councillor").first.click()
    expect(form.heading(level=1)).to_be_visible()
    axe(page)
    form.submit_main_form()  # nothing filled in
    form.error_summary()
    axe(page)
    page.get_by_label("Username").fill("cllr.new")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Email address").fill("priya.shah@example.gov.uk")
    page.get_by_label("Ward").select_option(label=str(org.ward))
    form.fill_date(timezone.localdate(), group="Term of office starts")
    form.submit_main_form()
    expect(page.get_by_text("Priya Shah").first).to_be_visible()
    axe(page)


def tab_to(page, locator, *, limit: int = 80):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def choose_by_keyboard(page, select, label: str, *, limit: int = 60):
    """On a focused select, press the down arrow until the option `label` is chosen."""
    wanted = select.locator("option", has_text=label).first.get_attribute("value")
    for _ in range(limit):
        if select.input_value() == wanted:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached {label!r}")


def test_a_councillor_logs_an_enquiry_with_the_keyboard_alone(page, axe, councillor, org):
    SignIn(page).open()
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(councillor.username)
    page.keyboard.press("Tab")
    page.keyboard.type("password")
    page.keyboard.press("Enter")
    home = Dashboard(page).wait()

    tab_to(page, home.button("Log an enquiry"))
    page.keyboard.press("Enter")
    expect(home.heading("Log an enquiry", level=1)).to_be_visible()
    tab_to(page, page.get_by_label("Subject"))
    page.keyboard.type("Broken street light on Mill Lane")
    tab_to(page, page.get_by_label("Details", exact=False).first)
    page.keyboard.type("The light outside 14 Mill Lane has been out for a week.")
    tab_to(page, page.get_by_label("Constituent casework"))
    page.keyboard.press("Space")
    service = page.get_by_label("Which service is it about?")
    tab_to(page, service)
    choose_by_keyboard(page, service, "Place and Environment: Waste and Recycling")
    tab_to(page, home.button("Send enquiry"))
    page.keyboard.press("Enter")
    expect(home.heading("Broken street light on Mill Lane")).to_be_visible()
    axe(page)
