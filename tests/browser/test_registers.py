"""REG-3 in a browser, with axe on each page: a councillor asks to visit council premises, the
Director arranges it, and democratic services keep the registers of interests and restricted
posts."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from protocol_site.calendar import LONDON
from tests.registers.factories import OfficerInterestFactory
from tests.registers.helpers import ask_for_visit

from .pages import CasePage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def a_month_ahead() -> datetime:
    return datetime.combine(timezone.localdate() + timedelta(days=30), time(10, 0), tzinfo=LONDON)


def test_a_councillor_asks_to_visit_premises(sign_in, axe, councillor, director, org):
    page = sign_in(councillor)
    form = Screen(page)
    form.link("Ask to visit council premises").click()
    expect(form.heading("Ask to visit council premises")).to_be_visible()
    axe(page)
    form.submit_main_form()  # nothing filled in
    form.error_summary()
    axe(page)
    page.get_by_label("Premises", exact=True).fill("Mill Lane Depot")
    page.get_by_label("Service", exact=True).select_option(str(org.service.pk))
    form.fill_date(a_month_ahead())
    page.get_by_label("Time of the visit").fill("10:30")
    page.get_by_label("Why you want to visit").fill("To see the new recycling line.")
    form.submit_main_form()
    form.sees("Visit asked for.")
    assert form.heading(level=1).inner_text() == "Mill Lane Depot"
    axe(page)


def test_the_director_arranges_a_visit(sign_in, axe, director, org):
    visit = ask_for_visit(org, starts_at=a_month_ahead())
    page = sign_in(director)
    page.goto("/visits/")
    axe(page)
    arranging = CasePage(page).go(f"/visits/{visit.pk}/").start("Arrange the visit")
    axe(page)
    arranging.submit_main_form()  # no officer chosen
    arranging.error_summary()
    axe(page)
    page.get_by_label("Officer who will meet the member").select_option(
        str(org.officers.head_of_service.pk)
    )
    page.get_by_label("Conditions").fill("Sign in at the gate; boots provided.")
    arranging.submit_main_form()
    arranging.sees("Visit arranged.")
    axe(page)


def test_the_new_registers_in_the_registry(sign_in, axe, democratic_services, org):
    OfficerInterestFactory(officer=org.officers.officer, description="Weekend lifeguard")
    post = org.posts.head_of_service
    post.politically_restricted, post.restriction_reason = True, "Advises the Cabinet"
    post.save()
    page = sign_in(democratic_services)
    for register in ("Officers' interests", "Politically restricted posts", "Members' visits"):
        page.goto("/organisation/")
        page.get_by_role("link", name=register, exact=True).click()
        expect(page.get_by_role("heading", name=register)).to_be_visible()
        axe(page)
    form = Screen(page).go("/organisation/officer-interests/add/")
    form.submit_main_form()
    form.error_summary()
    axe(page)
