"""Files through the pages: the step pages take several files in one GOV.UK file upload (no
JavaScript needed), a refused file is an error on that field with nothing saved, and the
enquiry's page lists each step's files with their names and sizes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enquiries.models import EnquiryAttachment, EnquiryEvent
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"%" * 2000


def url(name, enquiry):
    return reverse(f"enquiries:{name}", args=[enquiry.pk])


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org)


@pytest.mark.parametrize("step", ["message", "note", "ask", "respond"])
def test_the_officers_step_pages_take_several_files(client_for, officer, enquiry, step):
    page = client_for(officer).get(url(step, enquiry)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file" multiple' in page
    assert "Attach files (optional)" in page
    assert "up to 10MB each and 5 files at most" in page


def test_the_councillors_answer_page_takes_files(client_for, officer, councillor, enquiry):
    client_for(officer).post(url("ask", enquiry), {"question": "Which bins?"})
    page = client_for(councillor).get(url("answer", enquiry)).content.decode()
    assert 'type="file" multiple' in page


def test_a_message_with_files_shows_them_on_the_enquiry(client_for, councillor, officer, enquiry):
    files = [SimpleUploadedFile("Elm Road.pdf", PDF), SimpleUploadedFile("list.txt", b"a, b")]
    sent = client_for(councillor).post(
        url("message", enquiry), {"message": "Photos attached.", "files": files}
    )
    assert sent.status_code == 302
    assert EnquiryAttachment.objects.count() == 2
    page = client_for(officer).get(url("detail", enquiry)).content.decode()
    for attachment in EnquiryAttachment.objects.all():
        link = reverse("enquiries:file", args=[enquiry.pk, attachment.pk])
        assert f'href="{link}"' in page
    assert 'Elm Road.pdf</a> <span class="govuk-body-s">(2.0\xa0KB)' in page
    assert 'list.txt</a> <span class="govuk-body-s">(4\xa0bytes)' in page


def test_a_refused_file_is_an_error_on_the_field_and_nothing_is_saved(
    client_for, councillor, enquiry
):
    files = [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", b"MZ\x90\x00")]
    page = client_for(councillor).post(
        url("message", enquiry), {"message": "Photos attached.", "files": files}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_files"' in html
    assert "The selected file ‘b.pdf’ is not a real .pdf file" in html
    assert "govuk-file-upload--error" in html
    assert not EnquiryAttachment.objects.exists()
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE).exists()


def test_too_many_files_on_a_note_is_an_error_on_the_field(client_for, officer, enquiry, settings):
    settings.ENQUIRY_ATTACHMENTS_MAX_FILES = 1
    files = [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)]
    page = client_for(officer).post(url("note", enquiry), {"note": "Scans.", "files": files})
    assert "Select up to 1 files" in page.content.decode()
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.NOTE).exists()


def test_a_response_with_a_file(client_for, officer, councillor, enquiry):
    sent = client_for(officer).post(
        url("respond", enquiry),
        {"response": "Collections resume Monday.", "files": [SimpleUploadedFile("r.pdf", PDF)]},
    )
    assert sent.status_code == 302
    page = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert ">r.pdf</a>" in page
