"""The conversation in Chromium: the officer asks the councillor a question (the clock stops),
the councillor answers three working days later (the clock restarts), and the due date moves on
by the working days it waited, with the pause explained on the page. axe-core checks each page
on the way (WCAG 2.2 AA)."""

import pytest
from playwright.sync_api import expect

from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .pages import EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_question_stops_the_clock_and_the_answer_moves_the_due_date(
    page, sign_in, axe, councillor, officer, org
):
    # The clock ticks from Monday 7 December 2026, so the browser's session stays current.
    with clock_at(at(2026, 12, 7, 9, 0), tick=True) as clock:
        logged = casework(org, subject="Missed bins on Elm Road")  # due Monday 21 December
        enquiry = EnquiryPage(page)

        # The officer asks the councillor a question.
        sign_in(officer)
        enquiry.open(logged.pk)
        expect(enquiry.page.get_by_text("Monday 21 December 2026")).to_be_visible()
        ask = enquiry.start("Ask the councillor a question")
        axe(page)
        ask.send_empty("Ask the councillor", has="Enter your question for the councillor")
        page.get_by_label("Your question for the councillor").fill("Which bins were missed?")
        ask.send("Ask the councillor", then="The clock has stopped until they answer.")
        enquiry.sees("Waiting for the councillor's answer")
        axe(page)
        enquiry.sign_out()

        # Three working days later the councillor answers.
        clock.move_to(at(2026, 12, 10, 10, 0))
        sign_in(councillor)
        enquiry.open(logged.pk)
        enquiry.sees("A question for you")
        enquiry.sees("Which bins were missed?")
        axe(page)
        answer = enquiry.start("Answer the question", heading="Answer the officer's question")
        axe(page)
        page.get_by_label("Your answer").fill("The green recycling bins.")
        answer.send("Send answer", then="The clock has restarted")
        enquiry.sees("Paused 3 working days, 8 to 10 December, waiting for your answer")
        expect(
            page.get_by_role("definition").filter(has_text="Thursday 24 December 2026")
        ).to_be_visible()
        enquiry.expect_timeline("Question for the councillor", "The councillor's answer")
        axe(page)
        enquiry.sign_out()

        # The officer sees the moved date and the answer.
        sign_in(officer)
        enquiry.open(logged.pk)
        enquiry.sees("The green recycling bins.")
        enquiry.sees("Paused 3 working days, 8 to 10 December, waiting for the councillor's")
        axe(page)
