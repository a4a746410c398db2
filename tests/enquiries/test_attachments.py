"""Files on the conversation: several on each message, response or note, each checked like an
enquiry's attachment, nothing half-saved when one is refused, and each downloadable only by
those who may read its step: an internal note's files never by the councillor, another
person's file a 404, a download of confidential casework audited."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from enquiries.models import EnquiryAttachment, EnquiryEvent
from enquiries.selectors import attachments_for
from enquiries.services import (
    enquiry_add_note,
    enquiry_answer,
    enquiry_ask_councillor,
    enquiry_message,
    enquiry_respond,
)
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def pdf(name="plan.pdf", body=PDF):
    return SimpleUploadedFile(name, body)


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org)


def file_url(attachment):
    return reverse("enquiries:file", args=[attachment.enquiry_id, attachment.pk])


def test_a_message_carries_several_files(enquiry, councillor):
    event = enquiry_message(
        actor=councillor,
        enquiry=enquiry,
        message="Photos of the road.",
        files=[pdf(), SimpleUploadedFile("road.png", PNG), SimpleUploadedFile("n.txt", b"hi")],
    )
    files = list(event.attachments.order_by("id"))
    assert [(f.name, f.size) for f in files] == [
        ("plan.pdf", len(PDF)),
        ("road.png", 24),
        ("n.txt", 2),
    ]
    assert all(f.uploaded_by == councillor and f.enquiry == enquiry for f in files)
    # Stored under a name of our own, and readable back through the storage.
    assert "plan" not in files[0].file.name
    assert files[0].file.open("rb").read() == PDF


@pytest.mark.parametrize(
    "upload, words",
    [
        (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00"), "not a real .pdf file"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "must be a PDF"),
        (SimpleUploadedFile("empty.pdf", b""), "is empty"),
        (SimpleUploadedFile("bin.txt", b"a\x00b"), "must be plain text"),
    ],
)
def test_a_hostile_file_is_an_error_on_files_and_nothing_is_saved(
    enquiry, councillor, upload, words
):
    emails = OutboxEmail.objects.count()
    with pytest.raises(ValidationError) as refused:
        enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf(), upload])
    assert list(refused.value.message_dict) == ["files"]
    assert words in refused.value.message_dict["files"][0]
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE).exists()
    assert not EnquiryAttachment.objects.exists()
    assert OutboxEmail.objects.count() == emails


@override_settings(ENQUIRY_ATTACHMENT_MAX_MB=1)
def test_a_file_too_big_is_refused(enquiry, officer):
    big = pdf(body=PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        enquiry_add_note(actor=officer, enquiry=enquiry, note="Scan", files=[big])
    assert refused.value.message_dict == {"files": ["The selected file must be smaller than 1MB"]}
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.NOTE).exists()


@override_settings(ENQUIRY_ATTACHMENTS_MAX_FILES=2)
def test_too_many_files_are_refused(enquiry, officer):
    with pytest.raises(ValidationError) as refused:
        enquiry_message(actor=officer, enquiry=enquiry, message="Hi", files=[pdf()] * 3)
    assert refused.value.message_dict == {"files": ["Select up to 2 files"]}
    assert not EnquiryAttachment.objects.exists()


def test_a_file_that_cannot_be_stored_leaves_nothing(enquiry, officer, monkeypatch):
    from django.core.files.storage import storages

    storage = storages["default"]
    saved = []
    original = type(storage)._save

    def flaky(self, name, content):
        if saved:
            raise OSError("disk full")
        saved.append(name)
        return original(self, name, content)

    monkeypatch.setattr(type(storage), "_save", flaky)
    with pytest.raises(OSError):
        enquiry_message(actor=officer, enquiry=enquiry, message="Hi", files=[pdf(), pdf("b.pdf")])
    assert not EnquiryAttachment.objects.exists()
    assert not storage.exists(saved[0])


def test_questions_answers_and_responses_carry_files(enquiry, officer, councillor):
    enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Consent?", files=[pdf()])
    enquiry_answer(actor=councillor, enquiry=enquiry, answer="Yes", files=[pdf("consent.pdf")])
    enquiry_respond(actor=officer, enquiry=enquiry, response="Done.", files=[pdf("letter.pdf")])
    kinds = {a.name: a.event.kind for a in EnquiryAttachment.objects.select_related("event")}
    assert kinds == {"plan.pdf": "question", "consent.pdf": "answer", "letter.pdf": "responded"}


def test_a_notes_files_are_never_the_councillors(client_for, enquiry, officer, councillor):
    event = enquiry_add_note(actor=officer, enquiry=enquiry, note="Internal", files=[pdf()])
    attachment = event.attachments.get()
    assert not attachments_for(councillor, enquiry).exists()
    assert client_for(councillor).get(file_url(attachment)).status_code == 404
    assert client_for(officer).get(file_url(attachment)).status_code == 200
    page = client_for(councillor).get(reverse("enquiries:detail", args=[enquiry.pk]))
    assert "plan.pdf" not in page.content.decode()


def test_download_is_an_audited_attachment_never_cached(client_for, enquiry, officer, councillor):
    event = enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf()])
    attachment = event.attachments.get()
    response = client_for(officer).get(file_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    audited = AuditEvent.objects.filter(action="enquiries.enquiry.attachment_downloaded")
    assert audited.count() == 1 and "plan.pdf" in audited.get().summary
    # The councillor's own download of their own casework is not audited, as today.
    assert client_for(councillor).get(file_url(attachment)).status_code == 200
    assert audited.count() == 1


def test_another_persons_file_is_404(
    client_for, org, enquiry, councillor, outsider, democratic_services
):
    event = enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf()])
    attachment = event.attachments.get()
    for who in (outsider, democratic_services, org.councillors.other_group_councillor.user):
        assert client_for(who).get(file_url(attachment)).status_code == 404, who
    # A file is found only under its own enquiry.
    other = casework(org)
    wrong = reverse("enquiries:file", args=[other.pk, attachment.pk])
    assert client_for(org.officers.officer.user).get(wrong).status_code == 404


def test_a_missing_stored_file_is_404(client_for, enquiry, officer, councillor):
    event = enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf()])
    attachment = event.attachments.get()
    attachment.file.delete(save=False)
    assert client_for(officer).get(file_url(attachment)).status_code == 404


def test_the_local_folder_stores_and_serves_files(
    tmp_path, client_for, enquiry, officer, councillor
):
    local = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=local):
        event = enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf()])
        attachment = event.attachments.get()
        assert (tmp_path / attachment.file.name).read_bytes() == PDF
        response = client_for(officer).get(file_url(attachment))
        assert b"".join(response.streaming_content) == PDF


def test_the_admin_names_the_files_without_serving_them(client_for, outsider, enquiry, councillor):
    enquiry_message(actor=councillor, enquiry=enquiry, message="Hi", files=[pdf("bins.pdf")])
    outsider.is_staff = outsider.is_superuser = True
    outsider.save(update_fields=["is_staff", "is_superuser"])
    page = client_for(outsider).get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "bins.pdf" in html
    assert "enquiries/files/" not in html  # no link to the stored file
