"""Files in the API: uploaded with a message or note in a multipart body, listed with download
links scoped like the pages, a refused file a 400 naming `files`, and in the schema."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enquiries.models import EnquiryAttachment, EnquiryEvent
from enquiries.services import enquiry_add_note
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def on(enquiry, what: str) -> str:
    return f"/api/v1/enquiries/{enquiry.pk}/{what}/"


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org)


def test_a_message_with_files_in_a_multipart_body(api, councillor, officer, enquiry):
    body = {
        "message": "Photos attached.",
        "files": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.txt", b"notes")],
    }
    sent = api(councillor).post(on(enquiry, "messages"), body, format="multipart")
    assert sent.status_code == 201, sent.content
    files = sent.json()["files"]
    assert [(f["name"], f["size"]) for f in files] == [("a.pdf", len(PDF)), ("b.txt", 5)]
    download = api(officer).get(files[0]["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == 'attachment; filename="a.pdf"'
    assert download["Cache-Control"] == "no-store"
    listed = api(officer).get(on(enquiry, "attachments")).json()
    assert [(f["name"], f["kind"]) for f in listed] == [
        ("a.pdf", "councillor_message"),
        ("b.txt", "councillor_message"),
    ]
    messages = api(councillor).get(on(enquiry, "messages")).json()
    assert [f["name"] for f in messages[0]["files"]] == ["a.pdf", "b.txt"]


def test_a_note_with_a_file_is_never_listed_for_the_councillor(api, councillor, officer, enquiry):
    body = {"note": "Internal.", "files": [SimpleUploadedFile("memo.pdf", PDF)]}
    sent = api(officer).post(on(enquiry, "notes"), body, format="multipart")
    assert sent.status_code == 201, sent.content
    file_id = sent.json()["files"][0]["id"]
    assert api(councillor).get(on(enquiry, "attachments")).json() == []
    assert api(councillor).get(on(enquiry, f"attachments/{file_id}")).status_code == 404
    assert api(officer).get(on(enquiry, f"attachments/{file_id}")).status_code == 200


def test_a_hostile_file_is_400_on_files_and_nothing_saved(api, councillor, enquiry):
    body = {
        "message": "Hi",
        "files": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", b"MZ\x90")],
    }
    sent = api(councillor).post(on(enquiry, "messages"), body, format="multipart")
    assert sent.status_code == 400
    assert list(sent.json()) == ["files"]
    assert "not a real .pdf file" in sent.json()["files"][0]
    assert not EnquiryAttachment.objects.exists()
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.COUNCILLOR_MESSAGE).exists()


def test_another_persons_files_are_404(api, org, officer, outsider, enquiry):
    event = enquiry_add_note(
        actor=officer, enquiry=enquiry, note="x", files=[SimpleUploadedFile("a.pdf", PDF)]
    )
    file_id = event.attachments.get().pk
    for who in (outsider, org.councillors.other_group_councillor.user):
        assert api(who).get(on(enquiry, "attachments")).status_code == 404
        assert api(who).get(on(enquiry, f"attachments/{file_id}")).status_code == 404


def test_the_schema_describes_files(api, officer):
    schema = api(officer).get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    assert "/api/v1/enquiries/{id}/attachments/" in paths
    assert "/api/v1/enquiries/{id}/attachments/{file_pk}/" in paths
    message = paths["/api/v1/enquiries/{id}/messages/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in message and "application/json" in message
