"""Cover while an officer is away: recording an absence (who may, overlaps refused, audited),
and what it changes for members' enquiries: new routing, reminders, the queue, who may act,
and what the councillor sees."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import EnquiryEvent
from enquiries.permissions import can_work
from enquiries.selectors import enquiries_visible_to, officer_queue
from enquiries.services import enquiries_sweep, enquiry_message
from protocol_site.models import AuditEvent, OutboxEmail
from registers.cover.rules import absence_on, stand_in
from registers.models import Absence
from registers.services import absence_end, absence_record
from tests.clock import at, clock_at
from tests.enquiries.factories import casework, date_fields

pytestmark = pytest.mark.django_db

MONDAY = at(2026, 11, 2, 9, 0)


def away(org, actor=None, *, starts=date(2026, 11, 2), ends=date(2026, 11, 20), cover="line"):
    o = org.officers
    return absence_record(
        actor=actor or o.officer.user,
        officer=o.officer,
        starts_on=starts,
        ends_on=ends,
        cover=o.line_manager if cover == "line" else cover,
    )


@clock_at(MONDAY)
def test_an_officer_records_their_own_absence_and_the_cover_is_told(org):
    absence = away(org)
    assert absence_on(org.officers.officer) == absence
    assert stand_in(org.officers.officer) == org.officers.line_manager
    assert stand_in(org.officers.officer, date(2026, 11, 21)) == org.officers.officer
    audit = AuditEvent.objects.get(action="registers.absence.recorded")
    assert "covered by Maya Patel" in audit.summary
    told = OutboxEmail.objects.filter(recipient=org.officers.line_manager.user)
    assert [e.subject for e in told] == [
        "You are covering for Oliver Hughes, Monday 2 November 2026 to Friday 20 November 2026"
    ]


@clock_at(MONDAY)
def test_overlapping_absences_are_refused_with_a_field_error(org):
    away(org)
    with pytest.raises(ValidationError) as refused:
        away(org, starts=date(2026, 11, 20), ends=date(2026, 11, 27))
    assert "starts_on" in refused.value.message_dict
    assert "already recorded as away" in refused.value.message_dict["starts_on"][0]
    away(org, starts=date(2026, 11, 23), ends=date(2026, 11, 27))  # the day after is fine
    assert Absence.objects.count() == 2


@clock_at(MONDAY)
def test_dates_and_cover_are_checked(org):
    o = org.officers
    with pytest.raises(ValidationError) as refused:
        away(org, starts=date(2026, 10, 30), ends=date(2026, 10, 29), cover=o.officer)
    assert set(refused.value.message_dict) == {"starts_on", "ends_on", "cover"}
    assert not Absence.objects.exists()


@clock_at(MONDAY)
def test_only_the_officer_their_managers_and_democratic_services_record_it(org):
    o = org.officers
    away(org, actor=o.head_of_service.user, ends=date(2026, 11, 3))  # two levels up
    away(org, actor=o.democratic_services.user, starts=date(2026, 11, 4), ends=date(2026, 11, 4))
    with pytest.raises(PermissionDenied):
        absence_record(
            actor=o.officer.user,
            officer=o.line_manager,
            starts_on=date(2026, 11, 10),
            ends_on=date(2026, 11, 11),
            cover=None,
        )
    # Recorded by a manager: the officer is told too.
    assert OutboxEmail.objects.filter(
        recipient=o.officer.user, subject__startswith="Your absence is recorded"
    ).exists()


def test_ending_an_absence_early_gives_the_work_back_from_today(org):
    with clock_at(MONDAY):
        absence = away(org)
    with clock_at(at(2026, 11, 5, 9, 0)):
        assert stand_in(org.officers.officer) == org.officers.line_manager
        ended = absence_end(actor=org.officers.officer.user, absence=absence)
        assert ended.ends_on == date(2026, 11, 4)
        assert stand_in(org.officers.officer) == org.officers.officer
    assert AuditEvent.objects.filter(action="registers.absence.ended").exists()


@clock_at(MONDAY)
def test_new_enquiries_for_an_absent_officer_go_to_the_cover(org, councillor):
    away(org)
    enquiry = casework(org, actor=councillor)
    assert enquiry.assigned_to == org.officers.line_manager
    assert "Oliver Hughes is away until Friday 20 November 2026" in enquiry.routing_reason
    assert "Maya Patel, who is covering" in enquiry.routing_reason


@clock_at(MONDAY)
def test_with_nobody_covering_new_enquiries_wait_in_the_team_queue(org, councillor):
    away(org, cover=None)
    enquiry = casework(org, actor=councillor)
    assert enquiry.in_team_queue
    assert enquiry.assigned_to == org.officers.head_of_service
    assert "team queue" in enquiry.routing_reason


def test_the_cover_has_the_queue_and_may_act_while_the_absence_lasts(org, councillor):
    o = org.officers
    with clock_at(MONDAY):
        enquiry = casework(org, actor=councillor)  # with the officer, before the absence
        away(org)
        cover = o.line_manager.user
        assert enquiry in officer_queue(cover)
        assert can_work(cover, enquiry)
        assert enquiries_visible_to(cover).filter(pk=enquiry.pk).exists()
        # The councillor's message goes to whoever is dealing with it.
        enquiry_message(actor=councillor, enquiry=enquiry, message="Any news?")
        assert OutboxEmail.objects.filter(recipient=cover, subject__icontains="message").exists()
    with clock_at(at(2026, 11, 23, 9, 0)):
        assert enquiry not in officer_queue(cover)


def test_the_reminder_goes_to_the_cover_once_and_not_to_the_holder(org, councillor):
    o = org.officers
    with clock_at(MONDAY):
        enquiry = casework(org, actor=councillor, approached_officer=o.officer)
        away(org, starts=date(2026, 11, 10), ends=date(2026, 11, 13), cover=o.head_of_service)
    # Due 16 November: reminded on Thursday 12 November at 08:00, while the officer is away.
    assert enquiries_sweep(now=at(2026, 11, 12, 8, 0)) == 1
    assert enquiries_sweep(now=at(2026, 11, 12, 8, 0)) == 0
    reminders = OutboxEmail.objects.filter(subject__icontains="reminder")
    assert [e.recipient for e in reminders] == [o.head_of_service.user]
    event = enquiry.events.get(kind=EnquiryEvent.Kind.REMINDER)
    assert event.officer == o.head_of_service
    assert "covering for Oliver Hughes" in event.detail


def test_the_councillor_sees_who_is_covering(org, councillor, client_for):
    with clock_at(MONDAY):
        enquiry = casework(org, actor=councillor)
        away(org)
        page = client_for(councillor).get(reverse("enquiries:detail", args=[enquiry.pk]))
    text = page.content.decode()
    assert "Oliver Hughes is away until Friday 20 November 2026" in text
    assert "Maya Patel is covering" in text


@clock_at(MONDAY)
def test_the_pages_record_and_end_an_absence(org, officer, client_for):
    client = client_for(officer)
    assert client.get(reverse("cover:list")).status_code == 200
    assert client.get(reverse("cover:new")).status_code == 200
    response = client.post(
        reverse("cover:new"),
        {
            **date_fields("starts_on", date(2026, 11, 9)),
            **date_fields("ends_on", date(2026, 11, 13)),
            "cover": str(org.officers.line_manager.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    absence = Absence.objects.get()
    assert absence.officer == org.officers.officer
    page = client.get(reverse("cover:list")).content.decode()
    assert "Your absences" in page and "Maya Patel" in page
    # An overlap comes back on the page, on its field.
    again = client.post(
        reverse("cover:new"),
        {
            **date_fields("starts_on", date(2026, 11, 12)),
            **date_fields("ends_on", date(2026, 11, 16)),
        },
    )
    assert again.status_code == 200
    assert "already recorded as away" in again.content.decode()
    assert client.post(reverse("cover:end", args=[absence.pk])).status_code == 302
    assert not Absence.objects.exists()


@clock_at(MONDAY)
def test_an_officer_cannot_record_or_end_someone_elses_absence(org, officer, client_for):
    o = org.officers
    theirs = absence_record(
        actor=o.line_manager.user,
        officer=o.line_manager,
        starts_on=date(2026, 11, 9),
        ends_on=date(2026, 11, 9),
        cover=None,
    )
    client = client_for(officer)
    response = client.post(
        reverse("cover:new"),
        {
            "officer": str(o.line_manager.pk),
            **date_fields("starts_on", date(2026, 11, 16)),
            **date_fields("ends_on", date(2026, 11, 16)),
        },
    )
    assert response.status_code == 200
    assert "only for yourself and the officers you manage" in response.content.decode()
    assert client.post(reverse("cover:end", args=[theirs.pk])).status_code == 404
