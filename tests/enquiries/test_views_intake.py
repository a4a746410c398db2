"""ENQ-1 in the browser: a councillor logs an enquiry; an officer or democratic services
records one received another way, with the real time of receipt."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry, EnquiryEvent
from registers.models import Tier
from tests.clock import at, clock_at
from tests.registers.factories import DirectorateFactory, PostFactory, ServiceFactory

from .factories import date_fields

pytestmark = pytest.mark.django_db

NEW = reverse("enquiries:new")
RECORD = reverse("enquiries:record")
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def form_data(org, **overrides):
    data = {
        "subject": "Missed bin collection on Elm Road",
        "details": "Residents at 1-9 Elm Road report three missed collections.",
        "kind": Enquiry.Kind.CASEWORK,
        "service": org.service.pk,
        "ward": org.ward.pk,
        "approached_officer": org.officers.officer.pk,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_log_page_has_labelled_fields_and_the_councillors_ward_chosen(
    client_for, councillor, org
):
    response = client_for(councillor).get(NEW)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Subject", "Details", "What kind of enquiry is it?", "Which service"):
        assert label in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">What kind' in html
    assert "Place and Environment: Waste and Recycling" in html  # labelled by directorate
    assert f'<option value="{org.ward.pk}" selected>' in html
    assert 'enctype="multipart/form-data"' in html


@clock_at(at(2026, 12, 23, 10, 0))
def test_a_councillor_logs_an_enquiry_and_sees_who_has_it_why_and_when_it_is_due(
    client_for, councillor, org
):
    client = client_for(councillor)
    response = client.post(NEW, form_data(org))
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("enquiries:detail", args=[enquiry.pk])
    html = client.get(response["Location"]).content.decode()
    assert f"Enquiry {enquiry.reference} logged" in html  # the success banner
    assert "govuk-notification-banner--success" in html
    assert enquiry.reference in html
    assert str(org.officers.officer) in html
    assert "casework, which is proper." in html
    assert (
        "Received Wed 23 Dec 2026; day 1 is Thu 24 Dec; 10 working days excluding "
        "25 and 28 Dec and 1 Jan → due by Mon 11 Jan 2027" in html
    )
    assert "Monday 11 January 2027" in html
    assert enquiry.councillor == org.councillors.councillor
    assert enquiry.channel == Enquiry.Channel.ONLINE


def test_a_policy_question_to_a_junior_officer_goes_to_the_director_and_says_why(
    client_for, councillor, org
):
    client = client_for(councillor)
    response = client.post(NEW, form_data(org, kind=Enquiry.Kind.GENERAL))
    html = client.get(response["Location"]).content.decode()
    assert Enquiry.objects.get().assigned_to == org.officers.director
    assert "Policy question" in html
    assert "go through the Director rather than junior staff" in html


def test_missing_answers_show_the_error_summary_and_save_nothing(client_for, councillor, org):
    response = client_for(councillor).post(
        NEW, form_data(org, subject="", details="", kind=None, service="")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    for message in (
        "Enter a subject",
        "Enter the details of your enquiry",
        "Select what kind of enquiry it is",
        "Select the service the enquiry is about",
    ):
        assert message in html
    assert 'href="#id_subject"' in html
    assert "<title>Log an enquiry - Error" in html
    assert not Enquiry.objects.exists()
    assert not EnquiryEvent.objects.exists()


def test_an_attachment_of_an_allowed_type_is_kept_and_downloads(client_for, councillor, org):
    client = client_for(councillor)
    upload = SimpleUploadedFile("photo evidence.pdf", PDF, content_type="application/pdf")
    client.post(NEW, {**form_data(org), "attachment": upload})
    enquiry = Enquiry.objects.get()
    assert enquiry.attachment
    html = client.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    assert reverse("enquiries:attachment", args=[enquiry.pk]) in html
    response = client.get(reverse("enquiries:attachment", args=[enquiry.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment;" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "must be a PDF, Word"),
        ("report.pdf", b"MZ\x90\x00 not really a pdf", "its contents do not match"),
        ("notes.txt", b"\x00\x01\x02binary", "must be plain text"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_an_attachment_of_the_wrong_type_is_refused(
    client_for, councillor, org, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    response = client_for(councillor).post(NEW, {**form_data(org), "attachment": upload})
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert not Enquiry.objects.exists()


@override_settings(ENQUIRY_ATTACHMENT_MAX_MB=1)
def test_an_attachment_over_the_size_limit_is_refused(client_for, councillor, org):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    response = client_for(councillor).post(NEW, {**form_data(org), "attachment": big})
    assert "The selected file must be smaller than 1MB" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("who", ["officer", "democratic_services", "outsider", "director"])
def test_only_councillors_log_enquiries_online(request, client_for, who, org):
    user = request.getfixturevalue(who)
    assert client_for(user).get(NEW).status_code == 403
    assert client_for(user).post(NEW, form_data(org)).status_code == 403
    assert not Enquiry.objects.exists()


def record_data(org, received, **overrides):
    data = {
        **form_data(org),
        "councillor": org.councillors.other_group_councillor.pk,
        "channel": Enquiry.Channel.PHONE,
        **date_fields("received_on", received.date()),
        "received_time": received.strftime("%H:%M"),
        "ward": "own ward",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["officer", "democratic_services", "director"])
def test_an_officer_or_democratic_services_records_one_with_the_real_time_of_receipt(
    request, client_for, who, org
):
    user = request.getfixturevalue(who)
    client = client_for(user)
    html = client.get(RECORD).content.decode()
    assert "Record an enquiry" in html
    assert "Logged online by the councillor" not in html  # that channel is the councillor's
    with clock_at(at(2026, 3, 10, 12, 0)):
        response = client.post(RECORD, record_data(org, at(2026, 3, 7, 9, 30)))
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302
    assert enquiry.councillor == org.councillors.other_group_councillor
    assert enquiry.ward == org.ward  # the councillor's own
    assert enquiry.channel == Enquiry.Channel.PHONE
    assert enquiry.received_at == at(2026, 3, 7, 9, 30)
    assert enquiry.logged_by == user
    assert str(enquiry.due_date) == "2026-03-23"  # received on a Saturday (ORG-4)


def test_the_officer_who_records_an_enquiry_for_another_service_can_open_it(
    client_for, officer, org
):
    past = timezone.localtime() - timedelta(hours=2)
    data = record_data(org, past, service=org.legal_service.pk, approached_officer="")
    client = client_for(officer)
    response = client.post(RECORD, data)
    enquiry = Enquiry.objects.get()
    assert enquiry.assigned_to != org.officers.officer
    assert response["Location"] == reverse("enquiries:detail", args=[enquiry.pk])
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"received_time": ""}, "Enter the time the enquiry was received"),
        (
            {"received_time": "25:00"},
            "Enter the time the enquiry was received as hours and minutes",
        ),
        ({"received_on_2": ""}, "Date received must include a year"),
        ({"received_on_0": "", "received_on_1": "", "received_on_2": ""}, "Enter the date"),
        ({"channel": ""}, "Select how the enquiry was received"),
        ({"councillor": ""}, "Select the councillor who made the enquiry"),
    ],
)
def test_recording_with_bad_input_saves_nothing(client_for, officer, org, overrides, message):
    past = timezone.localtime() - timedelta(days=1)
    response = client_for(officer).post(RECORD, record_data(org, past, **overrides))
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert not Enquiry.objects.exists()


def test_a_time_of_receipt_in_the_future_is_refused(client_for, officer, org):
    future = timezone.localtime() + timedelta(days=2)
    response = client_for(officer).post(RECORD, record_data(org, future))
    assert "must be in the past" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_a_service_error_lands_on_the_field_it_names(client_for, officer, org):
    """The router's ValidationError({"service": ...}) shows against the service field."""
    orphan = ServiceFactory(directorate=DirectorateFactory(name="Orphaned"), name="Lost Property")
    PostFactory(title="Clerk", tier=Tier.OFFICER, service=orphan, directorate=orphan.directorate)
    past = timezone.localtime() - timedelta(hours=3)
    data = record_data(
        org, past, service=orphan.pk, kind=Enquiry.Kind.GENERAL, approached_officer=""
    )
    response = client_for(officer).post(RECORD, data)
    html = response.content.decode()
    assert "This service has no Director to route to" in html
    assert 'href="#id_service"' in html
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("who", ["councillor", "outsider"])
def test_councillors_and_outsiders_cannot_record(request, client_for, who):
    user = request.getfixturevalue(who)
    assert client_for(user).get(RECORD).status_code == 403


def test_not_about_a_particular_ward_stays_so(client_for, councillor, org):
    client = client_for(councillor)
    client.post(NEW, form_data(org, ward=""))
    enquiry = Enquiry.objects.get()
    assert enquiry.ward is None
    html = client.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    assert "Not about a particular ward" in html


@pytest.mark.parametrize(
    ("ward", "expected"), [("own ward", "own"), ("", None), ("other", "other")]
)
def test_a_recorder_chooses_the_councillors_ward_no_ward_or_another(
    client_for, officer, org, ward, expected
):
    from tests.registers.factories import WardFactory

    other = WardFactory(name="Riverside")
    chosen = {"own ward": "own ward", "": "", "other": str(other.pk)}[ward]
    html = client_for(officer).get(RECORD).content.decode()
    assert '<option value="own ward" selected>The councillor&#x27;s own ward</option>' in html
    assert '<option value="">Not about a particular ward</option>' in html
    past = timezone.localtime() - timedelta(hours=2)
    response = client_for(officer).post(RECORD, record_data(org, past, ward=chosen))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.ward == {"own": org.ward, None: None, "other": other}[expected]
