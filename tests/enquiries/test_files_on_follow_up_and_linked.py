"""Files on the councillor's follow-up and on one response to linked enquiries: several files
in one upload (no JavaScript needed), checked as everywhere else (a refused file is an error
on the field and nothing is saved or sent), and downloaded only through the enquiry they belong
to: each linked enquiry has its own copy, and one councillor cannot reach another's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enquiries.models import EnquiryAttachment, EnquiryEvent, Status
from enquiries.services import enquiry_link, enquiry_respond
from protocol_site.models import OutboxEmail
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"%" * 2000
Ev = EnquiryEvent.Kind


def url(name, enquiry, *args):
    return reverse(f"enquiries:{name}", args=[enquiry.pk, *args])


def files():
    return [SimpleUploadedFile("photo.pdf", PDF), SimpleUploadedFile("list.txt", b"a, b")]


def hostile():
    return [SimpleUploadedFile("photo.pdf", PDF), SimpleUploadedFile("run.pdf", b"MZ\x90\x00")]


@pytest.fixture
def responded(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    with clock_at(at(2026, 11, 13, 15, 0)):
        enquiry_respond(
            actor=org.officers.officer.user, enquiry=enquiry, response="Fixed.", minor=True
        )
    enquiry.refresh_from_db()
    return enquiry


def test_the_follow_up_page_takes_files(client_for, councillor, officer, outsider, responded):
    client = client_for(councillor)
    with clock_at(at(2026, 11, 16, 9, 0)):
        page = client.get(url("follow_up", responded)).content.decode()
        assert 'enctype="multipart/form-data"' in page and 'type="file" multiple' in page
        refused = client.post(
            url("follow_up", responded), {"message": "Still missed.", "files": hostile()}
        )
        assert "The selected file ‘run.pdf’ is not a real .pdf file" in refused.content.decode()
        responded.refresh_from_db()
        assert responded.status == Status.RESPONDED and not EnquiryAttachment.objects.exists()
        sent = client.post(
            url("follow_up", responded), {"message": "Still missed.", "files": files()}
        )
        assert sent.status_code == 302
    event = responded.events.get(kind=Ev.FOLLOW_UP)
    assert sorted(a.name for a in event.attachments.all()) == ["list.txt", "photo.pdf"]
    photo = event.attachments.get(name="photo.pdf")
    page = client_for(officer).get(url("detail", responded)).content.decode()
    assert f'href="{url("file", responded, photo.pk)}"' in page
    download = client_for(officer).get(url("file", responded, photo.pk))
    assert b"".join(download.streaming_content) == PDF
    assert client_for(outsider).get(url("file", responded, photo.pk)).status_code == 404
    assert OutboxEmail.objects.filter(subject__contains="follow").count() == 1


def test_the_follow_up_api_takes_files(api, councillor, responded):
    with clock_at(at(2026, 11, 16, 9, 0)):
        on = f"/api/v1/enquiries/{responded.pk}/follow-up/"
        body = {"message": "Still missed.", "files": hostile()}
        refused = api(councillor).post(on, body, format="multipart")
        assert refused.status_code == 400 and list(refused.json()) == ["files"]
        body = {"message": "Still missed.", "files": files()}
        sent = api(councillor).post(on, body, format="multipart")
        assert sent.status_code == 200, sent.content
        listed = api(councillor).get(f"/api/v1/enquiries/{responded.pk}/attachments/").json()
    assert sorted((f["name"], f["kind"]) for f in listed) == [
        ("list.txt", "follow_up"),
        ("photo.pdf", "follow_up"),
    ]


@pytest.fixture
def two(org, officer):
    with clock_at(at(2026, 12, 1, 9, 0)):
        a = casework(org)
        b = casework(org, councillor=org.councillors.group_leader)
        enquiry_link(actor=officer, enquiry=a, others=[b])
    return a, b


def test_one_response_with_files_to_linked_enquiries(client_for, org, officer, councillor, two):
    a, b = two
    client = client_for(officer)
    with clock_at(at(2026, 12, 2, 9, 0)):
        page = client.get(url("respond_linked", a)).content.decode()
        assert 'type="file" multiple' in page
        body = {"response": "The crews return tomorrow.", "minor": "on"}
        refused = client.post(url("respond_linked", a), {**body, "files": hostile()})
        assert "is not a real .pdf file" in refused.content.decode()
        assert not EnquiryAttachment.objects.exists()
        assert not OutboxEmail.objects.filter(subject__startswith="Response").exists()
        sent = client.post(url("respond_linked", a), {**body, "files": files()})
        assert sent.status_code == 302
    for enquiry in (a, b):
        enquiry.refresh_from_db()
        assert enquiry.status == Status.RESPONDED
        mine = EnquiryAttachment.objects.filter(enquiry=enquiry)
        assert sorted(f.name for f in mine) == ["list.txt", "photo.pdf"]
        assert {f.event.kind for f in mine} == {Ev.RESPONDED}
    a_photo = EnquiryAttachment.objects.get(enquiry=a, name="photo.pdf")
    b_photo = EnquiryAttachment.objects.get(enquiry=b, name="photo.pdf")
    assert a_photo.file.name != b_photo.file.name  # a copy each
    ok = client_for(councillor).get(url("file", a, a_photo.pk))
    assert b"".join(ok.streaming_content) == PDF
    # The councillor of A cannot reach B's copy, through either enquiry.
    assert client_for(councillor).get(url("file", b, b_photo.pk)).status_code == 404
    assert client_for(councillor).get(url("file", a, b_photo.pk)).status_code == 404
    leader = org.councillors.group_leader.user
    assert b"".join(client_for(leader).get(url("file", b, b_photo.pk)).streaming_content) == PDF
    assert OutboxEmail.objects.filter(subject__startswith="Response").count() == 2


def test_the_linked_response_api_takes_files(api, officer, two):
    a, b = two
    with clock_at(at(2026, 12, 2, 9, 0)):
        on = f"/api/v1/enquiries/{a.pk}/respond-linked/"
        body = {"response": "Done.", "minor": "true", "files": files()}
        sent = api(officer).post(on, body, format="multipart")
    assert sent.status_code == 200, sent.content
    assert EnquiryAttachment.objects.filter(enquiry=b).count() == 2
