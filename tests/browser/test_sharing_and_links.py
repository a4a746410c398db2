"""Sharing and linking in Chromium: a councillor shares an enquiry with a ward colleague, who
finds it marked in their list and writes on it; the officer links it with a colleague's
enquiry about the same matter and answers both at once. axe-core checks each page (WCAG 2.2
AA)."""

import pytest
from playwright.sync_api import expect

from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .pages import EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_sharing_with_a_colleague_then_one_response_to_both(
    page, sign_in, axe, councillor, group_leader, officer, org
):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        mine = casework(org, subject="Flooding on Mill Lane")
        theirs = casework(org, councillor=org.councillors.group_leader, subject="Mill Lane drains")
        enquiry = EnquiryPage(page)

        # The councillor shares their enquiry with a ward colleague.
        sign_in(councillor)
        enquiry.open(mine.pk)
        share = enquiry.start("Share with ward colleagues")
        axe(page)
        page.get_by_label("Grace Lambert").check()
        share.send("Save sharing", then="is shared with Cllr Grace Lambert")
        enquiry.sees("Cllr Grace Lambert")
        axe(page)
        enquiry.sign_out()

        # The colleague finds it in their list, marked, and writes on it.
        sign_in(group_leader)
        enquiry.go("/enquiries/")
        expect(page.get_by_text("Shared with you")).to_be_visible()
        axe(page)
        enquiry.open(mine.pk)
        enquiry.sees("has shared this enquiry with you")
        expect(enquiry.button("Chase")).to_have_count(0)
        axe(page)
        message = enquiry.start("Send a message")
        page.get_by_label("Your message").fill("Number 11 is flooded too.")
        message.send("Send message", then="Message sent")
        enquiry.sign_out()

        # The officer links the two and answers both at once.
        sign_in(officer)
        enquiry.open(mine.pk)
        link = enquiry.start("Link enquiries about the same matter")
        axe(page)
        page.get_by_label("References of the enquiries about the same matter").fill(
            theirs.reference
        )
        link.send("Link enquiries", then=f"is linked with {theirs.reference}")
        enquiry.sees("Linked enquiries about the same matter")
        axe(page)
        respond = enquiry.start("Respond to all the linked enquiries")
        axe(page)
        page.get_by_label("Response to the councillor").fill("The drains are cleared.")
        respond.send("Send the response to all", then="Each councillor has been told")
        enquiry.expect_timeline("Responded")
        axe(page)
