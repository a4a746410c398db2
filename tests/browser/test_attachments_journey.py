"""Files in Chromium: the councillor answers the officer's question with two files chosen in
one file upload (no JavaScript needed), a file that is not what it says is refused on that
field, the officer sees the files under the answer with their sizes and downloads one as an
attachment. axe-core checks each page on the way (WCAG 2.2 AA)."""

import os

import pytest
from playwright.sync_api import expect

from enquiries.services import enquiry_ask_councillor
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .pages import EnquiryPage

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n" + b"%" * 3000
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shoot(page, name: str) -> None:
    """Screenshots at 1280 and 390 pixels wide, when SCREENSHOTS_DIR asks for them."""
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_councillor_answers_with_files_and_the_officer_downloads_one(
    page, sign_in, axe, councillor, officer, org
):
    with clock_at(at(2026, 12, 7, 9, 0), tick=True):
        logged = casework(org, subject="Missed bins on Elm Road")
        enquiry_ask_councillor(actor=officer, enquiry=logged, question="Which bins, and where?")
        enquiry = EnquiryPage(page)

        sign_in(councillor)
        enquiry.open(logged.pk)
        answer = enquiry.start("Answer the question", heading="Answer the officer's question")
        upload = page.get_by_label("Attach files (optional)")
        expect(upload).to_have_attribute("multiple", "")
        page.get_by_label("Your answer").fill("The green bins; photos and a list attached.")
        upload.set_input_files(
            [
                {"name": "photos.pdf", "mimeType": "application/pdf", "buffer": PDF},
                {"name": "setup.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00"},
            ]
        )
        answer.send_empty("Send answer", has="The selected file ‘setup.pdf’ is not a real .pdf")
        axe(page)
        shoot(page, "answer-refused")
        page.get_by_label("Attach files (optional)").set_input_files(
            [
                {"name": "photos.pdf", "mimeType": "application/pdf", "buffer": PDF},
                {"name": "bins.txt", "mimeType": "text/plain", "buffer": b"Green bins, 1-9"},
            ]
        )
        answer.send("Send answer", then="The clock has restarted")
        files = page.get_by_role("list", name="Files attached")
        expect(files).to_contain_text("photos.pdf (2.9 KB)")
        expect(files).to_contain_text("bins.txt (15 bytes)")
        axe(page)
        enquiry.sign_out()

        sign_in(officer)
        enquiry.open(logged.pk)
        files = page.get_by_role("list", name="Files attached")
        expect(files).to_contain_text("photos.pdf")
        shoot(page, "enquiry-with-files")
        with page.expect_download() as download:
            files.get_by_role("link", name="photos.pdf").click()
        assert download.value.suggested_filename == "photos.pdf"
        with open(download.value.path(), "rb") as handle:
            assert handle.read() == PDF
