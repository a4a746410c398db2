"""Waiting for your decision, for a Director, an Assistant Director and the Monitoring
Officer: each home page's panel counts what its list opens, and a request for more time on the
Director's own enquiry waits for the Chief Executive, not the Director. axe on every page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from enquiries.services import enquiry_reassign, enquiry_request_extension
from tests.complaints.helpers import about_officer
from tests.declarations.helpers import officer_declares
from tests.enquiries.factories import casework
from tests.registers.helpers import ask_for_visit

from .pages import Dashboard, EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_waiting_for_your_decision_for_a_director_an_ad_and_the_monitoring_officer(
    signed_in, axe, org, councillor, officer, director, assistant_director, monitoring_officer
):
    # The Director: more time asked on an enquiry in the directorate, and a visit to arrange.
    enquiry = casework(org)
    enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Needs files.", proposed_date=date(2027, 3, 1)
    )
    visit = ask_for_visit(org, starts_at=enquiry.received_at.replace(year=2027))
    # The Director's own enquiry: more time on it goes up to the Chief Executive.
    own = enquiry_reassign(
        actor=officer,
        enquiry=casework(org, subject="Street lights"),
        to=org.officers.director,
        note="The Director's own.",
    )
    enquiry_request_extension(
        actor=director, enquiry=own, reason="Needs files.", proposed_date=date(2027, 3, 1)
    )
    # The AD: a complaint about the Head of Service, the AD's to acknowledge.
    complaint = about_officer(org, "head_of_service")
    # The Monitoring Officer: a declaration to review.
    declaration = officer_declares(org)

    home = Dashboard(signed_in(director))
    expect(home.waiting()).to_contain_text("Requests for more time: 1")
    expect(home.waiting()).to_contain_text("Visits to arrange: 1")
    axe(home.page)
    decisions = home.open_waiting("Requests for more time: 1")
    expect(decisions.section("Requests for more time")).to_contain_text(enquiry.reference)
    expect(decisions.section("Requests for more time")).not_to_contain_text(own.reference)
    expect(decisions.section("Visits to arrange")).to_contain_text(visit.premises)
    axe(decisions.page)
    case = EnquiryPage(decisions.page).open(own.pk)
    case.sees("awaiting a decision by Helen Carter")

    home = Dashboard(signed_in(assistant_director))
    expect(home.waiting()).to_contain_text("Complaint stages to acknowledge: 1")
    axe(home.page)
    decisions = home.open_waiting("Complaint stages to acknowledge: 1")
    expect(decisions.section("Complaint stages to acknowledge")).to_contain_text(
        complaint.reference
    )
    axe(decisions.page)

    home = Dashboard(signed_in(monitoring_officer))
    expect(home.waiting()).to_contain_text("Declarations to review: 1")
    axe(home.page)
    decisions = home.open_waiting("Declarations to review: 1")
    expect(decisions.section("Declarations to review")).to_contain_text(declaration.reference)
    axe(decisions.page)
