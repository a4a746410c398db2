"""Standard wording: kept per service by democratic services and the service's Head of Service
(with history and audit), offered to the officers writing on the service's enquiries, and
inserted into a response or message without JavaScript, to edit before anything is sent."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import StandardWording, Status
from enquiries.services import wording_add, wording_change, wording_retire
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.registers.factories import ServiceFactory

from .factories import casework

pytestmark = pytest.mark.django_db

TEXT = "Thank you for raising this. The crew will return within two working days."


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org)


@pytest.fixture
def wording(org, democratic_services):
    return wording_add(
        actor=democratic_services, service=org.service, title="Missed bin", text=TEXT
    )


def url(name, *args):
    return reverse(f"enquiries:{name}", args=args)


# The services.
def test_democratic_services_keep_any_services_wording(democratic_services):
    other = ServiceFactory(name="Parks")
    kept = wording_add(actor=democratic_services, service=other, title="Park", text="Open daily.")
    assert kept.service == other and kept.in_use
    event = AuditEvent.objects.get(action="enquiries.standardwording.added")
    assert "Park" in event.summary


def test_a_head_of_service_keeps_only_their_own(org, head_of_service):
    mine = wording_add(actor=head_of_service, service=org.service, title="Mine", text="Ours.")
    assert mine.created_by == head_of_service
    with pytest.raises(PermissionDenied):
        wording_add(actor=head_of_service, service=ServiceFactory(), title="No", text="No.")


@pytest.mark.parametrize("who", ["officer", "line_manager", "director", "councillor"])
def test_no_one_else_keeps_wording(request, org, who):
    with pytest.raises(PermissionDenied):
        wording_add(
            actor=request.getfixturevalue(who), service=org.service, title="T", text="Text."
        )


def test_change_keeps_history_and_is_audited(wording, head_of_service):
    wording_change(actor=head_of_service, wording=wording, title="Missed bin", text="New words.")
    wording.refresh_from_db()
    assert wording.text == "New words."
    assert wording.history.count() == 2
    assert wording.history.first().history_user == head_of_service
    event = AuditEvent.objects.get(action="enquiries.standardwording.changed")
    assert event.after == {"text": "New words."}


def test_a_title_is_used_once_per_service_while_in_use(org, wording, democratic_services):
    with pytest.raises(ValidationError) as error:
        wording_add(actor=democratic_services, service=org.service, title="Missed bin", text="x")
    assert "already has wording with this title" in str(error.value)
    wording_retire(actor=democratic_services, wording=wording)
    again = wording_add(
        actor=democratic_services, service=org.service, title="Missed bin", text="y"
    )
    assert again.in_use


def test_retired_wording_is_no_longer_offered(org, wording, democratic_services, enquiry):
    from enquiries.selectors import wording_offered

    assert list(wording_offered(enquiry)) == [wording]
    wording_retire(actor=democratic_services, wording=wording)
    assert list(wording_offered(enquiry)) == []
    assert AuditEvent.objects.filter(action="enquiries.standardwording.retired").count() == 1
    with pytest.raises(ValidationError):
        wording_change(actor=democratic_services, wording=wording, title="a", text="b")


def test_blank_title_or_text_is_refused_by_field(org, democratic_services):
    with pytest.raises(ValidationError) as error:
        wording_add(actor=democratic_services, service=org.service, title=" ", text="")
    assert set(error.value.message_dict) == {"title", "text"}


# Inserting it: no JavaScript, nothing sent.
def test_insert_places_the_wording_in_the_response_and_sends_nothing(
    client_for, officer, wording, enquiry
):
    client = client_for(officer)
    page = client.get(url("respond", enquiry.pk)).content.decode()
    assert (
        "Use standard wording" in page and "Missed bin" in page and 'name="insert_wording"' in page
    )
    emails = OutboxEmail.objects.count()
    response = client.post(
        url("respond", enquiry.pk),
        {"response": "Dear Cllr Baker,", "wording": str(wording.pk), "insert_wording": "insert"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Dear Cllr Baker,\n\n{TEXT}</textarea>" in page
    assert "There is a problem" not in page
    enquiry.refresh_from_db()
    assert enquiry.status != Status.RESPONDED and OutboxEmail.objects.count() == emails
    # The officer edits it, then sends.
    sent = client.post(url("respond", enquiry.pk), {"response": f"Dear Cllr Baker,\n\n{TEXT} Ok."})
    assert sent.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == Status.RESPONDED and enquiry.response.endswith("Ok.")


def test_insert_with_nothing_chosen_says_so(client_for, officer, wording, enquiry):
    response = client_for(officer).post(
        url("respond", enquiry.pk), {"response": "Typed.", "wording": "", "insert_wording": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Select the standard wording to insert" in page
    assert "Typed.</textarea>" in page and "Enter the response" not in page


def test_another_services_wording_cannot_be_inserted(
    client_for, officer, enquiry, democratic_services
):
    other = wording_add(
        actor=democratic_services, service=ServiceFactory(), title="Parks", text="Secret parks."
    )
    response = client_for(officer).post(
        url("respond", enquiry.pk),
        {"response": "", "wording": str(other.pk), "insert_wording": "1"},
    )
    assert "Secret parks." not in response.content.decode()


def test_an_officers_message_can_take_wording_but_the_councillors_cannot(
    client_for, officer, councillor, wording, enquiry
):
    assert (
        "Use standard wording"
        not in client_for(councillor).get(url("message", enquiry.pk)).content.decode()
    )
    response = client_for(officer).post(
        url("message", enquiry.pk),
        {"message": "", "wording": str(wording.pk), "insert_wording": "1"},
    )
    assert f">{TEXT}</textarea>" in response.content.decode()
    assert not enquiry.events.filter(kind="officer_message").exists()


def test_no_wording_no_select(client_for, officer, enquiry):
    assert (
        "Use standard wording"
        not in client_for(officer).get(url("respond", enquiry.pk)).content.decode()
    )


# The pages that keep it.
def test_democratic_services_add_change_and_retire_on_the_pages(
    client_for, democratic_services, org
):
    client = client_for(democratic_services)
    assert client.get(url("wording_list")).status_code == 200
    added = client.post(
        url("wording_add"), {"service": org.service.pk, "title": "Missed bin", "text": TEXT}
    )
    assert added.status_code == 302
    kept = StandardWording.objects.get()
    page = client.get(url("wording_list")).content.decode()
    assert "Missed bin" in page and "In use" in page
    changed = client.post(url("wording_change", kept.pk), {"title": "Missed bin", "text": "New."})
    assert changed.status_code == 302
    history = client.get(url("wording_change", kept.pk)).content.decode()
    assert "Change history" in history and "Wording" in history
    assert client.post(url("wording_retire", kept.pk)).status_code == 302
    kept.refresh_from_db()
    assert not kept.in_use
    assert "Retired" in client.get(url("wording_list")).content.decode()


def test_the_add_page_names_missing_fields(client_for, head_of_service):
    page = client_for(head_of_service).post(url("wording_add"), {}).content.decode()
    for words in ("Select the service", "Enter a title for the wording", "Enter the wording"):
        assert words in page


def test_a_head_of_service_sees_only_their_services_wording(
    client_for, head_of_service, democratic_services, wording
):
    other = wording_add(
        actor=democratic_services, service=ServiceFactory(), title="Parks", text="Parks."
    )
    client = client_for(head_of_service)
    page = client.get(url("wording_list")).content.decode()
    assert "Missed bin" in page and "Parks" not in page
    assert client.get(url("wording_change", other.pk)).status_code == 404
    assert client.post(url("wording_retire", other.pk)).status_code == 404
    offered = client.get(url("wording_add")).content.decode()
    assert "Parks" not in offered


@pytest.mark.parametrize("who", ["officer", "line_manager", "councillor", "director"])
def test_the_pages_are_refused_to_everyone_else(request, client_for, who, wording):
    client = client_for(request.getfixturevalue(who))
    assert client.get(url("wording_list")).status_code == 403
    assert client.get(url("wording_add")).status_code == 403
    assert client.get(url("wording_change", wording.pk)).status_code == 403


# The API.
def test_the_api_lists_the_services_wording_for_those_working_on_it(
    api, officer, councillor, outsider, wording, enquiry, democratic_services
):
    wording_add(actor=democratic_services, service=ServiceFactory(), title="Other", text="x")
    path = f"/api/v1/enquiries/{enquiry.pk}/wording/"
    listed = api(officer).get(path)
    assert listed.status_code == 200
    assert listed.json() == [
        {"id": wording.pk, "title": "Missed bin", "text": TEXT, "service": wording.service.name}
    ]
    assert api(councillor).get(path).status_code == 403
    assert api(outsider).get(path).status_code == 404


def test_a_ward_colleague_it_is_shared_with_is_not_offered_wording(
    org, client_for, councillor, wording, enquiry
):
    from enquiries.services.sharing import enquiry_share

    colleague = org.councillors.group_leader
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    page = client_for(colleague.user).get(url("message", enquiry.pk))
    assert page.status_code == 200
    assert "Use standard wording" not in page.content.decode()
