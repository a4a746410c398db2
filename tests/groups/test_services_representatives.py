"""GRP-8: an officer's meeting with an MP or another council's councillor: the Chief
Executive's prior authorisation, Group Leaders informed, the local councillor present."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from groups.models import RepresentativeMeeting
from groups.services import (
    representative_meeting_authorise,
    representative_meeting_record,
    representative_meeting_refuse,
    representative_meeting_request,
)
from protocol_site.models import AuditEvent

from .helpers import MEETING, emails_to

pytestmark = pytest.mark.django_db
Status = RepresentativeMeeting.Status


def meeting_request(org, **kwargs) -> RepresentativeMeeting:
    values = {
        "actor": org.officers.director.user,
        "kind": RepresentativeMeeting.Kind.MP,
        "representative": "Jane Doe",
        "representative_role": "MP for Riverside",
        "subject": "Flooding on the Riverside estate",
        "meeting_date": MEETING,
        "ward": org.ward,
        "local_councillor": org.councillors.councillor,
    }
    values.update(kwargs)
    return representative_meeting_request(**values)


def test_the_officer_asks_the_chief_executive_first(org, chief_executive):
    meeting = meeting_request(org)
    assert meeting.reference.startswith("REP-2026-") and meeting.status == Status.REQUESTED
    (email,) = emails_to(chief_executive)
    assert "prior authorisation" in email.body_text
    assert AuditEvent.objects.filter(action="groups.representative_meeting.requested").exists()


def test_only_an_officer_asks_and_the_local_councillor_is_from_the_ward(org, councillor):
    with pytest.raises(PermissionDenied):
        meeting_request(org, actor=councillor)
    other = org.councillors.councillor
    other.ward = None
    other.save(update_fields=["ward"])
    with pytest.raises(ValidationError) as error:
        meeting_request(org, meeting_date=date(2026, 10, 1))
    assert {"local_councillor", "meeting_date"} <= set(error.value.message_dict)


def test_authorising_informs_every_group_leader(
    org, chief_executive, group_leader, group_b_leader, councillor, director
):
    meeting = meeting_request(org)
    with pytest.raises(PermissionDenied):
        representative_meeting_authorise(actor=director, meeting=meeting)
    meeting = representative_meeting_authorise(actor=chief_executive, meeting=meeting)
    assert meeting.status == Status.AUTHORISED
    for leader in (group_leader, group_b_leader):
        (email,) = emails_to(leader)
        assert "Jane Doe" in email.body_text and "Chris Baker" in email.body_text
    assert any("authorised" in e.subject for e in emails_to(councillor))


def test_the_meeting_is_held_with_the_local_councillor_present(
    org, chief_executive, director, frozen_clock
):
    meeting = representative_meeting_authorise(actor=chief_executive, meeting=meeting_request(org))
    frozen_clock.move_to("2026-11-11 10:00")
    with pytest.raises(ValidationError) as error:
        representative_meeting_record(
            actor=director, meeting=meeting, held_on=MEETING, local_councillor_present=False
        )
    assert "local_councillor_present" in error.value.message_dict
    meeting = representative_meeting_record(
        actor=director, meeting=meeting, held_on=MEETING, local_councillor_present=True
    )
    assert meeting.status == Status.HELD and meeting.local_councillor_present


def test_a_refused_meeting_cannot_be_recorded(org, chief_executive, director):
    meeting = meeting_request(org)
    with pytest.raises(ValidationError):
        representative_meeting_refuse(actor=chief_executive, meeting=meeting, reason="")
    meeting = representative_meeting_refuse(
        actor=chief_executive, meeting=meeting, reason="Should be cross-party."
    )
    assert meeting.status == Status.REFUSED
    with pytest.raises(ValidationError):
        representative_meeting_record(
            actor=director,
            meeting=meeting,
            held_on=date(2026, 11, 2),
            local_councillor_present=True,
        )


def test_the_meeting_timeline_reads_in_words(org, client_for, director):
    meeting = meeting_request(org)
    url = reverse("groups:representative", args=[meeting.pk])
    page = client_for(director).get(url).content.decode()
    assert "Meeting with another representative requested" in page
    assert "groups.representative_meeting" not in page
