"""Cover and bulk actions in Chromium: an officer records that they are away with a colleague
covering, and the colleague finds the officer's enquiry in their own queue and may act on it;
the councillor sees who is covering. axe-core checks each page (WCAG 2.2 AA)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .pages import EnquiryPage, Screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_record_cover_then_the_cover_has_the_enquiry_in_their_queue(
    page, sign_in, axe, officer, line_manager, councillor, org
):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        enquiry = casework(org, subject="Broken bin lid on Oak Street")
        screen = Screen(page)

        # The officer records that they are away this week, their line manager covering.
        sign_in(officer)
        screen.go("/cover/")
        axe(page)
        screen.button("Record an absence").click()
        axe(page)
        screen.fill_date(date(2026, 12, 7), group="First day away")
        screen.fill_date(date(2026, 12, 11), group="Last day away")
        page.get_by_label("Officer covering").select_option(str(org.officers.line_manager.pk))
        screen.button("Record the absence").click()
        screen.sees("You are recorded as away Monday 7 December 2026 to Friday 11 December 2026")
        screen.sees("Maya Patel is covering and has been told.")
        axe(page)
        screen.sign_out()

        # The cover finds the officer's enquiry in their own queue, and may act on it.
        sign_in(line_manager)
        screen.go("/enquiries/?scope=queue")
        expect(screen.link(enquiry.reference)).to_be_visible()
        axe(page)
        case = EnquiryPage(page).open(enquiry.pk)
        case.sees("Oliver Hughes is away until Friday 11 December 2026")
        ack = case.start("Acknowledge", heading="Acknowledge the enquiry")
        ack.send("Acknowledge", then=f"You acknowledged {enquiry.reference}")
        screen.sign_out()

        # The councillor sees who is covering.
        sign_in(councillor)
        EnquiryPage(page).open(enquiry.pk)
        screen.sees("Maya Patel is covering and deals with it meanwhile.")
        axe(page)


def test_choose_several_then_reassign_them_together(page, sign_in, axe, officer, org):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        first = casework(org, subject="Overflowing bins on Elm Road")
        second = casework(org, subject="Overflowing bins on Ash Road")
        kept = casework(org, subject="Overflowing bins on Oak Road")
        screen = Screen(page)

        sign_in(officer)
        screen.go("/enquiries/?scope=queue")
        page.get_by_label(f"Choose {first.reference}").check()
        page.get_by_label(f"Choose {second.reference}").check()
        axe(page)
        screen.button("Reassign the ones chosen").click()
        expect(screen.heading("Reassign enquiries")).to_be_visible()
        screen.sees("2 enquiries chosen")
        axe(page)
        page.get_by_label("Officer to pass them to").select_option(
            str(org.officers.line_manager.pk)
        )
        page.get_by_label("Why are you reassigning them?").fill("Maya covers these roads")
        screen.button("Reassign them").click()
        expect(screen.heading("Reassigned 2 enquiries")).to_be_visible()
        axe(page)

        screen.sees(first.reference)
        screen.sees(second.reference)

    # Each went through the one-at-a-time step: reassigned, on its timeline, once.
    for enquiry in (first, second):
        enquiry.refresh_from_db()
        assert enquiry.assigned_to == org.officers.line_manager
        assert enquiry.events.filter(kind="reassigned").count() == 1
    kept.refresh_from_db()
    assert kept.assigned_to == org.officers.officer
