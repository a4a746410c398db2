"""WARD-1 and ELE-1 in a real browser: an officer records a ward notice, a councillor reads it,
the Monitoring Officer declares a pre-election period and its banner shows; axe on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from notices.services import election_period_declare, ward_notice_publish

from .pages import ActionPage, CasePage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_tells_ward_members_of_a_public_meeting(
    signed_in, axe, officer, councillor, org
):
    page = signed_in(officer)
    page.get_by_role("link", name="Ward notices", exact=True).click()
    axe(page)
    page.get_by_role("button", name="Record a notice").click()
    recording = ActionPage(page)
    axe(page)
    recording.send_empty("Record and email members")  # nothing filled in
    axe(page)
    day = timezone.localdate() + timedelta(days=10)
    page.get_by_label("A public meeting").check()
    page.get_by_label("Title").fill("Drop-in on the Riverside flood scheme")
    page.get_by_label("Details").fill("Engineers will show the plans and take questions.")
    page.get_by_label("Riverside").check()
    recording.fill_date(day, group="Date of the meeting")
    page.get_by_label("Time of the meeting").fill("18:30")
    page.get_by_label("Place of the meeting").fill("St Mary's Hall")
    recording.send("Record and email members", then="Notice recorded")
    axe(page)
    url = page.url

    member = signed_in(councillor)
    member.get_by_role("link", name="Drop-in on the Riverside flood scheme").first.click()
    expect(member).to_have_url(url)
    axe(member)
    member.goto("/notices/")
    axe(member)


def test_the_pre_election_banner_and_guidance(signed_in, axe, monitoring_officer, councillor):
    page = signed_in(monitoring_officer)
    ActionPage(page).go("/notices/elections/new/")
    axe(page)
    ActionPage(page).send_empty("Declare the period")
    axe(page)
    today = timezone.localdate()
    election_period_declare(
        actor=monitoring_officer,
        name="Riverside ward by-election",
        starts_on=today - timedelta(days=3),
        polling_day=today + timedelta(days=20),
        guidance="No ward walkabouts with candidates.",
    )
    member = signed_in(councillor)
    banner = member.get_by_role("region", name="Pre-election period")
    expect(banner.get_by_text("Riverside ward by-election")).to_be_visible()
    axe(member)
    banner.get_by_role("link", name="Read the Monitoring Officer's guidance").click()
    Screen(member).sees("No ward walkabouts with candidates.")
    axe(member)
    member.goto("/notices/elections/")
    axe(member)


def test_an_officer_withdraws_a_notice(signed_in, axe, officer, org):
    notice = ward_notice_publish(
        actor=officer,
        kind="matter",
        title="Road closure on Mill Lane",
        details="Mill Lane closes for resurfacing.",
        wards=[org.ward],
    )
    page = signed_in(officer)
    notice_page = CasePage(page).go(f"/notices/{notice.pk}/")
    withdrawing = notice_page.start(
        "Withdraw this notice", heading="Withdraw Road closure on Mill Lane"
    )
    axe(page)
    withdrawing.send_empty("Withdraw the notice")  # no reason
    axe(page)
    page.get_by_label("Why is the notice withdrawn?").fill("The resurfacing is postponed.")
    withdrawing.button("Withdraw the notice").click()
    expect(page.get_by_role("region", name="Withdrawn")).to_contain_text("postponed")
    axe(page)
