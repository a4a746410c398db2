"""The whole casework conversation in Chromium, as the issue's "done" describes it.

A councillor logs an enquiry; the officer asks a question (the clock stops); three working
days later the councillor answers with a file (the clock restarts, the due date moves on and the
page explains the pause); the officer responds using the service's standard wording, inserted
with JavaScript turned off; the councillor follows up within five working days (the enquiry
reopens with a clock of its own); the officer responds again. Every email is written to the
outbox exactly once: one per step per person, checked after each step, and each is sent once
however often the outbox is sent. The clock is the frozen one the tests use, moved on between
steps (never a sleep). axe-core checks each page on the way (WCAG 2.2 AA); with
SCREENSHOTS_DIR set, each page is kept at 1280 and 390 pixels wide.
"""

import os
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from enquiries.models import Enquiry, EnquiryAttachment, EnquiryEvent, Status
from enquiries.services import wording_add
from protocol_site.calendar import council_calendar
from protocol_site.models import OutboxEmail
from protocol_site.outbox import outbox_send_pending
from tests.clock import at, clock_at

from .pages import ActionPage, EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECT = "Missed bins on Elm Road"
WORDING = "The crew will return within two working days to collect what was missed."
PHOTO = b"%PDF-1.4\n" + b"%" * 3000
SHOTS = os.environ.get("SCREENSHOTS_DIR")
Ev = EnquiryEvent.Kind


def shoot(page, name: str) -> None:
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/journey-{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


class Outbox:
    """The emails each step wrote: exactly the ones expected, one each."""

    def __init__(self):
        self.last = 0

    def wrote(self, *expected: tuple) -> None:
        """Since the last step: one email for each (person, headline), and nothing else."""
        rows = list(OutboxEmail.objects.filter(pk__gt=self.last).order_by("pk"))
        self.last = max([self.last, *(row.pk for row in rows)])
        got = Counter((row.recipient_id, row.subject.rsplit(": ENQ-", 1)[0]) for row in rows)
        assert got == Counter((user.pk, headline) for user, headline in expected), [
            (row.to_address, row.subject) for row in rows
        ]


def test_ask_answer_with_a_file_respond_with_wording_follow_up_and_respond_again(
    page, sign_in, signed_in, axe, councillor, officer, democratic_services, org
):
    director = org.officers.director.user
    outbox = Outbox()
    enquiry = EnquiryPage(page)
    with clock_at(at(2026, 12, 7, 9, 0), tick=True) as clock:  # Monday 7 December
        wording_add(
            actor=democratic_services, service=org.service, title="Missed bin", text=WORDING
        )

        # The councillor logs an enquiry.
        sign_in(councillor)
        form = ActionPage(page)
        form.button("Log an enquiry").click()
        expect(form.heading("Log an enquiry", level=1)).to_be_visible()
        page.get_by_label("Subject").fill(SUBJECT)
        page.get_by_label("Details").fill("Residents at 1-9 Elm Road report missed bins.")
        page.get_by_label("Constituent casework").check()
        page.get_by_label("Which service is it about?").select_option(
            label="Place and Environment: Waste and Recycling"
        )
        page.get_by_label("Officer you approached (optional)").select_option(
            label="Oliver Hughes (Waste Services Officer, Waste and Recycling)"
        )
        form.button("Send enquiry").click()
        expect(enquiry.heading(SUBJECT)).to_be_visible()
        logged = Enquiry.objects.get(subject=SUBJECT)
        assert logged.due_date == logged.target_date
        enquiry.sees("Monday 21 December 2026")
        axe(page)
        enquiry.sign_out()
        outbox.wrote(
            (councillor, "Your enquiry has been logged"),
            (officer, "A member's enquiry has been assigned to you"),
            (director, "Copy: a member's enquiry in your directorate"),
        )

        # The officer asks the councillor a question: the clock stops.
        clock.move_to(at(2026, 12, 7, 10, 0))
        sign_in(officer)
        enquiry.open(logged.pk)
        ask = enquiry.start("Ask the councillor a question")
        page.get_by_label("Your question for the councillor").fill("Which bins were missed?")
        ask.send("Ask the councillor", then="The clock has stopped until they answer.")
        enquiry.sees("Waiting for the councillor's answer")
        axe(page)
        shoot(page, "1-asked")
        enquiry.sign_out()
        outbox.wrote((councillor, "A question about your enquiry"))

        # Three working days later the councillor answers, with a photo: the clock restarts.
        clock.move_to(at(2026, 12, 10, 10, 0))  # Thursday
        sign_in(councillor)
        enquiry.open(logged.pk)
        enquiry.sees("Which bins were missed?")
        answer = enquiry.start("Answer the question", heading="Answer the officer's question")
        page.get_by_label("Your answer").fill("The green recycling bins; a photo is attached.")
        page.get_by_label("Attach files (optional)").set_input_files(
            [{"name": "elm-road.pdf", "mimeType": "application/pdf", "buffer": PHOTO}]
        )
        axe(page)
        shoot(page, "2-answer")
        answer.send("Send answer", then="The clock has restarted")
        enquiry.sees("Paused 3 working days, 8 to 10 December, waiting for your answer")
        due = page.get_by_role("definition").filter(has_text="Thursday 24 December 2026")
        expect(due.first).to_be_visible()
        files = page.get_by_role("list", name="Files attached")
        expect(files).to_contain_text("elm-road.pdf (2.9 KB)")
        axe(page)
        shoot(page, "3-answered")
        enquiry.sign_out()
        outbox.wrote((officer, "The councillor has answered your question"))

        # The officer responds with the service's standard wording, with JavaScript off: the
        # Insert button draws the page again with the wording in the box, to edit.
        clock.move_to(at(2026, 12, 11, 11, 0))  # Friday
        plain = signed_in(officer, javascript=False)
        plain.goto(f"/enquiries/{logged.pk}/")
        expect(plain.get_by_text("Paused 3 working days, 8 to 10 December").first).to_be_visible()
        with plain.expect_download() as download:
            plain.get_by_role("list", name="Files attached").get_by_role(
                "link", name="elm-road.pdf"
            ).click()
        with open(download.value.path(), "rb") as handle:
            assert handle.read() == PHOTO
        plain.get_by_role("button", name="Respond").click()
        box = plain.get_by_label("Response to the councillor")
        box.fill("Dear Councillor,")
        plain.get_by_label("Use standard wording (optional)").select_option(label="Missed bin")
        plain.get_by_role("button", name="Insert").click()
        expect(box).to_have_value(f"Dear Councillor,\n\n{WORDING}")
        assert Enquiry.objects.get(pk=logged.pk).status != Status.RESPONDED
        box.fill(f"Dear Councillor,\n\n{WORDING} Sorry for the trouble.")
        plain.get_by_label("This is minor information").check()
        plain.get_by_role("button", name="Send response").click()
        expect(plain.get_by_text("It is now closed.")).to_be_visible()
        # The same page on the JavaScript-enabled browser, for axe.
        sign_in(officer)
        enquiry.open(logged.pk)
        enquiry.sees("Sorry for the trouble.")
        axe(page)
        enquiry.sign_out()
        outbox.wrote((councillor, "Response to your enquiry"))
        responded = Enquiry.objects.get(pk=logged.pk)
        assert responded.response.endswith(f"{WORDING} Sorry for the trouble.")

        # The councillor follows up within five working days: reopened, with a new clock.
        clock.move_to(at(2026, 12, 16, 9, 30))  # Wednesday, the third working day after
        sign_in(councillor)
        enquiry.open(logged.pk)
        enquiry.sees("can follow it up until the end of Friday 18 December 2026")
        shoot(page, "4-responded")
        follow = enquiry.start("Follow up the response")
        page.get_by_label("Your follow-up").fill("The bins at number 7 were missed again.")
        axe(page)
        follow.send("Send follow-up", then="is open again with your follow-up")
        new_due = council_calendar().add_working_days(timezone.localdate(), 10)
        enquiry.sees("Round 2: reopened by the councillor's follow-up")
        expect(
            page.get_by_role("definition").filter(has_text=f"{new_due:%A} {new_due.day} ").first
        ).to_be_visible()
        enquiry.expect_timeline("Follow-up from the councillor: reopened, round 2")
        # The first round's pause stays on the page, but does not move the new round's date.
        enquiry.sees("Before the follow-up, so not moving this round's date: paused 3 working")
        expect(page.get_by_text("Then moved on")).to_have_count(0)
        axe(page)
        shoot(page, "5-followed-up")
        enquiry.sign_out()
        outbox.wrote((officer, "The councillor has followed up your response"))
        reopened = Enquiry.objects.get(pk=logged.pk)
        assert reopened.is_open and reopened.follow_ups == 1
        assert reopened.due_date == reopened.target_date == new_due
        assert reopened.due_explanation.startswith("followed up: ")

        # The officer responds again.
        clock.move_to(at(2026, 12, 17, 14, 0))
        sign_in(officer)
        enquiry.open(logged.pk)
        enquiry.sees("The bins at number 7 were missed again.")
        again = enquiry.start("Respond", heading="Respond to the councillor")
        page.get_by_label("Response to the councillor").fill("Number 7 was collected today.")
        page.get_by_label("This is minor information").check()
        again.send("Send response", then="It is now closed.")
        axe(page)
        shoot(page, "6-responded-again")
        enquiry.sign_out()
        outbox.wrote((councillor, "Response to your enquiry"))

        # The councillor reads the whole conversation.
        sign_in(councillor)
        enquiry.open(logged.pk)
        enquiry.sees("Number 7 was collected today.")
        enquiry.expect_timeline(
            "Question for the councillor",
            "The councillor's answer",
            "Follow-up from the councillor: reopened, round 2",
        )
        axe(page)
        shoot(page, "7-councillor-reads")

    final = Enquiry.objects.get(pk=logged.pk)
    assert final.status == Status.RESPONDED
    assert final.events.filter(kind=Ev.RESPONDED).count() == 2
    assert EnquiryAttachment.objects.filter(enquiry=final).count() == 1
    # Each email is sent once, however often the outbox is sent.
    written = OutboxEmail.objects.count()
    assert written == 8
    mail.outbox.clear()
    with clock_at(at(2026, 12, 17, 15, 0)):
        assert outbox_send_pending() == written
        assert outbox_send_pending() == 0
    assert len(mail.outbox) == written
    assert not OutboxEmail.objects.exclude(status=OutboxEmail.Status.SENT).exists()
    assert len({(m.to[0], m.subject) for m in mail.outbox}) == written - 1  # two responses
