"""The constituent's details on casework: given by the councillor when logging or later, with
consent required once any detail is given; seen only by the councillor, the officer dealing
with it and their managers; marked as personal data; never in an email; audited without their
values; in the API only for those who may see them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import ConstituentDetails, Enquiry
from enquiries.services import (
    constituent_details_save,
    enquiry_ask_councillor,
    enquiry_chase,
    enquiry_message,
    enquiry_respond,
)
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at

from .factories import casework

pytestmark = pytest.mark.django_db

DETAILS = {
    "name": "Alex Resident",
    "address": "7 Elm Road, AB1 2CD",
    "phone": "01632 960123",
    "email": "alex.resident@example.org",
    "consented": True,
}
PERSONAL = ("Alex Resident", "7 Elm Road", "AB1 2CD", "01632 960123", "alex.resident@example.org")


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org, constituent=DETAILS)


def url(name, enquiry):
    return reverse(f"enquiries:{name}", args=[enquiry.pk])


def test_logging_keeps_them_in_their_own_row(enquiry, councillor):
    details = ConstituentDetails.objects.get(enquiry=enquiry)
    assert details.name == "Alex Resident" and details.consented is True
    assert details.recorded_by == councillor


def test_consent_is_required_once_any_detail_is_given(org, councillor):
    with pytest.raises(ValidationError) as error:
        casework(org, constituent={"name": "Alex Resident"})
    assert "consented" in error.value.message_dict
    assert not Enquiry.objects.exists()


def test_no_details_no_row(org):
    enquiry = casework(org, constituent={"name": " ", "consented": None})
    assert not ConstituentDetails.objects.filter(enquiry=enquiry).exists()


def test_general_questions_keep_none(org):
    with pytest.raises(ValidationError):
        casework(org, kind=Enquiry.Kind.GENERAL, constituent=DETAILS)


def test_the_councillor_changes_or_removes_them_later(enquiry, councillor, officer):
    constituent_details_save(actor=councillor, enquiry=enquiry, **{**DETAILS, "phone": ""})
    assert ConstituentDetails.objects.get(enquiry=enquiry).phone == ""
    with pytest.raises(PermissionDenied):
        constituent_details_save(actor=officer, enquiry=enquiry, **DETAILS)
    assert constituent_details_save(actor=councillor, enquiry=enquiry, consented=None) is None
    assert not ConstituentDetails.objects.filter(enquiry=enquiry).exists()


def test_the_audit_trail_names_fields_never_values(enquiry, councillor):
    constituent_details_save(actor=councillor, enquiry=enquiry, **{**DETAILS, "phone": "0"})
    events = AuditEvent.objects.filter(action__startswith="enquiries.constituentdetails")
    assert [e.action.rsplit(".", 1)[1] for e in events] == ["recorded", "changed"]
    for event in events:
        text = f"{event.summary} {event.before} {event.after}"
        assert not any(value in text for value in PERSONAL)


def test_no_email_ever_carries_them(org, enquiry, councillor, officer):
    with clock_at(at(2026, 12, 2, 9, 0)):
        enquiry_message(actor=councillor, enquiry=enquiry, message="Any news?")
        enquiry_message(actor=officer, enquiry=enquiry, message="Soon.")
        enquiry_chase(actor=councillor, enquiry=enquiry)
        enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which bins?")
    with clock_at(at(2026, 12, 3, 9, 0)):
        enquiry_respond(actor=officer, enquiry=Enquiry.objects.get(pk=enquiry.pk), response="Done.")
    rows = list(OutboxEmail.objects.all())
    assert len(rows) >= 5
    for row in rows:
        text = " ".join(str(getattr(row, f.name)) for f in row._meta.fields)
        assert not any(value in text for value in PERSONAL), row.subject


# The pages.
def test_the_log_page_has_an_optional_section_marked_personal(client_for, councillor):
    page = client_for(councillor).get(reverse("enquiries:new")).content.decode()
    assert "The constituent (optional)" in page and "Personal data" in page


def test_logging_on_the_page_without_consent_names_the_field(client_for, councillor, org):
    response = client_for(councillor).post(
        reverse("enquiries:new"),
        {
            "subject": "Bins",
            "details": "Missed again.",
            "kind": "casework",
            "service": org.service.pk,
            "ward": org.ward.pk,
            "constituent-name": "Alex Resident",
        },
    )
    assert response.status_code == 200
    assert "Select whether the constituent consented" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_logging_on_the_page_with_details(client_for, councillor, org):
    response = client_for(councillor).post(
        reverse("enquiries:new"),
        {
            "subject": "Bins",
            "details": "Missed again.",
            "kind": "casework",
            "service": org.service.pk,
            "ward": org.ward.pk,
            "constituent-name": "Alex Resident",
            "constituent-consented": "no",
        },
    )
    assert response.status_code == 302
    details = ConstituentDetails.objects.get()
    assert details.name == "Alex Resident" and details.consented is False


@pytest.mark.parametrize(
    "who", ["councillor", "officer", "line_manager", "head_of_service", "director"]
)
def test_the_councillor_handler_and_managers_see_them(request, client_for, who, enquiry):
    page = client_for(request.getfixturevalue(who)).get(url("detail", enquiry)).content.decode()
    assert "Alex Resident" in page and "Personal data" in page


def test_wider_readers_do_not(client_for, democratic_services, enquiry):
    page = client_for(democratic_services).get(url("detail", enquiry)).content.decode()
    assert "The constituent" not in page
    assert not any(value in page for value in PERSONAL)


def test_an_officer_who_recorded_it_for_the_councillor_does_not(org, client_for):
    recorder = org.officers.monitoring_officer.user
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(
            org,
            actor=recorder,
            channel=Enquiry.Channel.PHONE,
            received_at=at(2026, 12, 1, 8, 0),
        )
    constituent_details_save(actor=org.councillors.councillor.user, enquiry=enquiry, **DETAILS)
    page = client_for(recorder).get(url("detail", enquiry)).content.decode()
    assert "Alex Resident" not in page


def test_the_councillor_adds_them_later_on_their_page(client_for, councillor, org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        enquiry = casework(org)
    client = client_for(councillor)
    assert "Add the constituent's details" in client.get(url("detail", enquiry)).content.decode()
    page = client.get(url("constituent", enquiry)).content.decode()
    assert "Personal data" in page
    response = client.post(
        url("constituent", enquiry), {"email": "alex.resident@example.org", "consented": "yes"}
    )
    assert response.status_code == 302
    assert ConstituentDetails.objects.get(enquiry=enquiry).email == "alex.resident@example.org"


# The API.
def test_the_api_shows_them_only_to_those_who_may_see_them(
    api, councillor, officer, democratic_services, outsider, enquiry
):
    path = f"/api/v1/enquiries/{enquiry.pk}/constituent/"
    for who in (councillor, officer):
        body = api(who).get(path).json()
        assert body["name"] == "Alex Resident" and body["consented"] is True
    assert api(democratic_services).get(path).status_code == 403
    assert api(outsider).get(path).status_code == 404
    detail = api(democratic_services).get(f"/api/v1/enquiries/{enquiry.pk}/").content.decode()
    assert "Alex Resident" not in detail


def test_the_api_records_them_for_the_councillor_with_field_errors(
    api, councillor, officer, enquiry
):
    path = f"/api/v1/enquiries/{enquiry.pk}/constituent/"
    bad = api(councillor).post(path, {"name": "Sam"}, format="json")
    assert bad.status_code == 400 and "consented" in bad.json()
    good = api(councillor).post(path, {"name": "Sam", "consented": False}, format="json")
    assert good.status_code == 200 and good.json()["name"] == "Sam"
    assert (
        api(officer).post(path, {"name": "X", "consented": True}, format="json").status_code == 403
    )


def test_a_ward_colleague_it_is_shared_with_does_not_see_them(org, client_for, councillor, enquiry):
    from enquiries.services.sharing import enquiry_share

    colleague = org.councillors.group_leader
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    page = client_for(colleague.user).get(url("detail", enquiry))
    assert page.status_code == 200
    assert not any(value in page.content.decode() for value in PERSONAL)
