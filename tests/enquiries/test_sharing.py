"""Sharing an enquiry with ward colleagues: the councillor chooses which members serving their
ward may read it and write messages on it, and takes them off again; each is told once; the
owner's own steps stay the owner's; and the reach ends with the colleague's term or ward."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from enquiries.models import EnquiryEvent, EnquiryShare
from enquiries.selectors import enquiries_visible_to, enquiry_for, timeline_for
from enquiries.services import (
    enquiry_add_note,
    enquiry_ask_councillor,
    enquiry_chase,
    enquiry_message,
    enquiry_share,
    enquiry_withdraw,
)
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.registers.factories import CouncillorFactory, WardFactory

from .factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
SHARED_HEADLINE = "A ward colleague has shared an enquiry with you"


def told(user) -> int:
    return OutboxEmail.objects.filter(recipient=user, subject__startswith=SHARED_HEADLINE).count()


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 12, 1, 9, 0)):
        return casework(org)


@pytest.fixture
def colleague(org):
    return org.councillors.group_leader


def test_sharing_lets_the_colleague_read_and_tells_them_once(org, enquiry, councillor, colleague):
    assert not enquiries_visible_to(colleague.user).filter(pk=enquiry.pk).exists()
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])  # sent twice
    assert told(colleague.user) == 1
    assert told(org.councillors.other_group_councillor.user) == 0
    assert enquiries_visible_to(colleague.user).filter(pk=enquiry.pk).exists()
    assert enquiry_for(colleague.user, enquiry.pk) == enquiry
    assert enquiry.events.filter(kind=Ev.SHARED).count() == 1
    assert AuditEvent.objects.filter(action="enquiries.enquiry.shared").count() == 1
    row = OutboxEmail.objects.get(subject__startswith=SHARED_HEADLINE)
    assert "Residents at 1-9 Elm Road" not in row.body_text


def test_unsharing_ends_the_reach(enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[])
    assert not EnquiryShare.objects.exists()
    with pytest.raises(Http404):
        enquiry_for(colleague.user, enquiry.pk)
    assert enquiry.events.filter(kind=Ev.UNSHARED).count() == 1


def test_only_ward_colleagues_and_only_by_the_owner(org, enquiry, councillor, colleague):
    elsewhere = CouncillorFactory(ward=WardFactory(name="Hillside"))
    with pytest.raises(ValidationError) as refused:
        enquiry_share(actor=councillor, enquiry=enquiry, councillors=[elsewhere])
    assert "councillors" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        enquiry_share(actor=colleague.user, enquiry=enquiry, councillors=[colleague])
    with pytest.raises(PermissionDenied):
        enquiry_share(actor=org.officers.officer.user, enquiry=enquiry, councillors=[])


def test_the_colleague_writes_messages_but_not_the_owners_steps(
    org, enquiry, councillor, colleague
):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    event = enquiry_message(actor=colleague.user, enquiry=enquiry, message="Also at 11 Elm Road.")
    assert event.kind == Ev.COUNCILLOR_MESSAGE
    assert OutboxEmail.objects.filter(recipient=org.officers.officer.user).exists()
    with pytest.raises(PermissionDenied):
        enquiry_chase(actor=colleague.user, enquiry=enquiry)
    with pytest.raises(PermissionDenied):
        enquiry_withdraw(actor=colleague.user, enquiry=enquiry, reason="Done")
    with pytest.raises(PermissionDenied):
        enquiry_share(actor=colleague.user, enquiry=enquiry, councillors=[])


def test_the_colleague_never_sees_internal_notes(org, enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    enquiry_add_note(actor=org.officers.officer.user, enquiry=enquiry, note="Crew short-staffed")
    kinds = set(timeline_for(colleague.user, enquiry).values_list("kind", flat=True))
    assert Ev.NOTE not in kinds and Ev.SHARED in kinds


def test_the_end_of_a_term_ends_the_reach(enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    colleague.term_end = date(2026, 12, 3)
    colleague.save(update_fields=["term_end"])
    with clock_at(at(2026, 12, 3, 9, 0)):
        assert enquiry_for(colleague.user, enquiry.pk) == enquiry
    with clock_at(at(2026, 12, 4, 9, 0)), pytest.raises(Http404):
        enquiry_for(colleague.user, enquiry.pk)


def test_a_change_of_ward_ends_the_reach(enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    colleague.ward = WardFactory(name="Hillside")
    colleague.save(update_fields=["ward"])
    with pytest.raises(Http404):
        enquiry_for(colleague.user, enquiry.pk)
    with pytest.raises(PermissionDenied):
        enquiry_message(actor=colleague.user, enquiry=enquiry, message="Still here?")


# The pages.
def url(name, enquiry):
    return reverse(f"enquiries:{name}", args=[enquiry.pk])


def test_the_owner_shares_on_the_page(client_for, org, enquiry, councillor, colleague):
    client = client_for(councillor)
    page = client.get(url("detail", enquiry)).content.decode()
    assert "Share with ward colleagues" in page
    form = client.get(url("share", enquiry)).content.decode()
    assert "Grace Lambert" in form and "Owen Price" in form
    assert form.count('type="checkbox"') == 2  # not the councillor themself
    response = client.post(url("share", enquiry), {"councillors": [colleague.pk]})
    assert response.status_code == 302
    assert told(colleague.user) == 1
    page = client.get(url("detail", enquiry)).content.decode()
    assert "Cllr Grace Lambert" in page


def test_a_posted_stranger_is_an_error_naming_the_field(client_for, enquiry, councillor):
    elsewhere = CouncillorFactory(ward=WardFactory(name="Hillside"))
    response = client_for(councillor).post(url("share", enquiry), {"councillors": [elsewhere.pk]})
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert not EnquiryShare.objects.exists()


def test_the_colleague_sees_it_marked_and_may_write(client_for, enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    client = client_for(colleague.user)
    listed = client.get(reverse("enquiries:list")).content.decode()
    assert enquiry.reference in listed and "Shared with you" in listed
    page = client.get(url("detail", enquiry)).content.decode()
    assert "has shared this enquiry with you" in page
    assert "Residents at 1-9 Elm Road" in page
    assert "Send a message" in page
    for words in ("Chase", "Withdraw the enquiry", "Share with ward colleagues"):
        assert f">{words}<" not in page.replace("\n", "").replace("  ", "")
    assert client.get(url("chase", enquiry)).status_code == 403
    assert client.get(url("share", enquiry)).status_code == 403
    with clock_at(at(2026, 12, 2, 9, 0)):
        enquiry_ask_councillor(
            actor=enquiry.assigned_to.user, enquiry=enquiry, question="Which bins?"
        )
    assert client.get(url("answer", enquiry)).status_code == 403
    response = client.post(url("message", enquiry), {"message": "Number 11 too."})
    assert response.status_code == 302


def test_the_owners_own_list_has_no_marker(client_for, enquiry, councillor, colleague):
    enquiry_share(actor=councillor, enquiry=enquiry, councillors=[colleague])
    listed = client_for(councillor).get(reverse("enquiries:list")).content.decode()
    assert enquiry.reference in listed and "Shared with you" not in listed


# The API.
def on(enquiry) -> str:
    return f"/api/v1/enquiries/{enquiry.pk}/sharing/"


def test_the_api_shares_and_unshares(api, enquiry, councillor, colleague):
    client = api(councillor)
    answer = client.post(on(enquiry), {"councillors": [colleague.pk]}, format="json")
    assert answer.status_code == 200, answer.content
    assert [s["councillor"]["id"] for s in answer.json()] == [colleague.pk]
    assert client.get(on(enquiry)).json()[0]["in_reach"] is True
    seen = api(colleague.user).get(f"/api/v1/enquiries/{enquiry.pk}/").json()
    assert seen["shared_with_you"] is True and seen["details"]
    assert api(colleague.user).get(on(enquiry)).status_code == 403
    assert client.post(on(enquiry), {"councillors": []}, format="json").json() == []
    assert api(colleague.user).get(f"/api/v1/enquiries/{enquiry.pk}/").status_code == 404
    assert told(colleague.user) == 1


def test_the_api_refuses_bad_input_by_field(api, enquiry, councillor):
    elsewhere = CouncillorFactory(ward=WardFactory(name="Hillside"))
    client = api(councillor)
    for body in ({}, {"councillors": "x"}, {"councillors": [elsewhere.pk]}):
        answer = client.post(on(enquiry), body, format="json")
        assert answer.status_code == 400, body
        assert "councillors" in answer.json()
