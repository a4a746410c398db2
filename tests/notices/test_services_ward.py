"""WARD-1: recording and correcting ward notices: checks, permissions, audit, history, and
exactly one email per member in office (004 §10, 000 §6.6, 002 §7.ii)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from notices.models import WardNotice
from notices.services import ward_notice_publish, ward_notice_update
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import NOW, TODAY, Kind, consultation, edit_values, matter, meeting

pytestmark = pytest.mark.django_db


def emailed(**filters) -> list[str]:
    return sorted(OutboxEmail.objects.filter(**filters).values_list("to_address", flat=True))


def riverside_addresses(org) -> list[str]:
    return sorted(
        c.user.email
        for c in (
            org.councillors.councillor,
            org.councillors.group_leader,
            org.councillors.other_group_councillor,
        )
    )


def test_an_officer_records_a_public_meeting_and_every_ward_member_is_emailed_once(
    org, officer, hillside
):
    notice = meeting(officer, [org.ward, hillside])
    assert notice.kind == Kind.PUBLIC_MEETING
    assert set(notice.wards.all()) == {org.ward, hillside}
    # Riverside's three members and Hillside's one member in office; not the former member.
    expected = sorted([*riverside_addresses(org), "hill.member@example.gov.uk"])
    assert emailed() == expected
    email = OutboxEmail.objects.get(to_address="hill.member@example.gov.uk")
    assert email.subject.startswith("A public meeting affecting your ward")
    assert "Mill Lane traffic scheme" not in email.subject + email.body_text  # on the notice
    assert "Riverside Community Centre" in email.body_text
    assert "invited to attend" in email.body_text
    assert f"/notices/{notice.pk}/" in email.body_html
    event = AuditEvent.objects.get(action="notices.ward_notice.published")
    assert event.actor == officer and event.after["wards"] == sorted([org.ward.pk, hillside.pk])


def test_a_consultation_and_a_matter(org, officer):
    closing = consultation(officer, [org.ward])
    assert closing.consultation_closes_on == TODAY + timedelta(days=28)
    assert closing.meeting_at is None and closing.place == ""
    email = OutboxEmail.objects.filter(subject__startswith="A consultation").first()
    assert "closes on" in email.body_text
    plain = matter(officer, [org.ward], meeting_at=NOW + timedelta(days=3), place="Ignored")
    assert plain.meeting_at is None and plain.place == ""  # only a meeting has a time and place


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"details": ""}, "details"),
        ({"wards": []}, "wards"),
        ({"kind": "rumour"}, "kind"),
        ({"meeting_at": None}, "meeting_at"),
        ({"meeting_at": NOW - timedelta(hours=1)}, "meeting_at"),
        ({"place": ""}, "place"),
    ],
)
def test_a_meeting_needs_its_details(org, officer, changes, field):
    values = {"wards": [org.ward], **changes}
    with pytest.raises(ValidationError) as raised:
        meeting(officer, **values)
    assert field in raised.value.message_dict
    assert not WardNotice.objects.exists() and not OutboxEmail.objects.exists()


@pytest.mark.parametrize("closes", [None, TODAY - timedelta(days=1)])
def test_a_consultation_needs_a_closing_date_not_in_the_past(org, officer, closes):
    with pytest.raises(ValidationError) as raised:
        consultation(officer, [org.ward], consultation_closes_on=closes)
    assert "consultation_closes_on" in raised.value.message_dict


def test_a_consultation_may_close_today(org, officer):
    assert consultation(officer, [org.ward], consultation_closes_on=TODAY).pk


@pytest.mark.parametrize("who", ["councillor", "group_leader", "outsider"])
def test_only_officers_record_notices(request, org, who):
    with pytest.raises(PermissionDenied):
        meeting(request.getfixturevalue(who), [org.ward])
    assert not WardNotice.objects.exists()


@pytest.mark.parametrize(
    "who", ["officer", "director", "monitoring_officer", "democratic_services"]
)
def test_any_officer_or_democratic_services_records_one(request, org, who):
    assert matter(request.getfixturevalue(who), [org.ward]).pk


def test_a_new_date_and_place_is_emailed_once_to_each_member(org, officer):
    notice = meeting(officer, [org.ward])
    OutboxEmail.objects.all().delete()
    new_time = notice.meeting_at + timedelta(days=7)
    values = edit_values(notice, meeting_at=new_time, place="Town Hall")
    updated = ward_notice_update(actor=officer, notice=notice, **values)
    assert updated.revision == 1 and updated.place == "Town Hall"
    assert emailed() == riverside_addresses(org)
    email = OutboxEmail.objects.first()
    assert email.subject.startswith("A notice for your ward has changed")
    assert "What changed: date and time, place." in email.body_text
    # The same change saved again changes nothing and sends nothing.
    ward_notice_update(actor=officer, notice=updated, **values)
    assert OutboxEmail.objects.count() == 3
    event = AuditEvent.objects.get(action="notices.ward_notice.changed")
    assert set(event.after) == {"meeting_at", "place"}
    assert event.before["place"] == "Riverside Community Centre"


def test_a_typo_correction_is_not_emailed_unless_asked(org, officer):
    notice = meeting(officer, [org.ward])
    OutboxEmail.objects.all().delete()
    ward_notice_update(actor=officer, notice=notice, **edit_values(notice, details="Typo fixed."))
    assert not OutboxEmail.objects.exists()
    notice.refresh_from_db()
    ward_notice_update(
        actor=officer,
        notice=notice,
        tell_members=True,
        **edit_values(notice, details="Now with the agenda."),
    )
    assert emailed() == riverside_addresses(org)
    assert "What changed: details." in OutboxEmail.objects.first().body_text


def test_members_of_an_added_ward_are_sent_the_notice_itself(org, officer, hillside):
    notice = matter(officer, [org.ward])
    OutboxEmail.objects.all().delete()
    ward_notice_update(
        actor=officer, notice=notice, **edit_values(notice, wards=[org.ward, hillside])
    )
    assert emailed() == ["hill.member@example.gov.uk"]
    assert "affecting your ward" in OutboxEmail.objects.get().subject
    # Taken off (they are told it no longer concerns them) and put back: they are not sent
    # the same notice twice.
    ward_notice_update(actor=officer, notice=notice, **edit_values(notice, wards=[org.ward]))
    ward_notice_update(
        actor=officer, notice=notice, **edit_values(notice, wards=[org.ward, hillside])
    )
    assert OutboxEmail.objects.count() == 2
    assert OutboxEmail.objects.filter(subject__contains="affecting your ward").count() == 1


def test_an_unchanged_past_meeting_can_still_be_corrected(org, officer, frozen_clock):
    notice = meeting(officer, [org.ward])
    frozen_clock.move_to(notice.meeting_at + timedelta(days=1))
    updated = ward_notice_update(
        actor=officer, notice=notice, **edit_values(notice, details="Minutes attached.")
    )
    assert updated.details == "Minutes attached."
    with pytest.raises(ValidationError):
        ward_notice_update(
            actor=officer,
            notice=notice,
            **edit_values(notice, meeting_at=notice.meeting_at - timedelta(days=1)),
        )


def test_only_the_recorder_or_democratic_services_correct_a_notice(
    org, officer, line_manager, councillor, democratic_services
):
    notice = matter(officer, [org.ward])
    for someone in (line_manager, councillor):
        with pytest.raises(PermissionDenied):
            ward_notice_update(actor=someone, notice=notice, **edit_values(notice, title="X"))
    fixed = ward_notice_update(
        actor=democratic_services, notice=notice, **edit_values(notice, title="Depot homes")
    )
    assert fixed.title == "Depot homes"


def test_corrections_are_kept_in_the_notices_history(org, officer, democratic_services):
    notice = meeting(officer, [org.ward])
    ward_notice_update(
        actor=democratic_services, notice=notice, **edit_values(notice, place="Town Hall")
    )
    latest = notice.history.first()
    assert latest.place == "Town Hall" and latest.history_user == democratic_services
    assert notice.history.earliest().place == "Riverside Community Centre"


def test_the_database_refuses_a_meeting_without_a_time(org, officer):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        WardNotice.objects.create(
            kind=Kind.PUBLIC_MEETING, title="T", details="D", recorded_by=officer, place="X"
        )


def test_publish_rejects_an_empty_ward_list_from_any_caller(officer):
    with pytest.raises(ValidationError):
        ward_notice_publish(actor=officer, kind=Kind.MATTER, title="T", details="D", wards=[])


def test_each_save_is_one_change_in_the_history(org, officer, hillside):
    from notices.selectors import ward_notice_changes

    notice = meeting(officer, [org.ward])
    assert notice.history.count() == 1 and ward_notice_changes(notice) == []
    assert list(notice.history.get().wards.values_list("ward", flat=True)) == [org.ward.pk]
    ward_notice_update(
        actor=officer, notice=notice, **edit_values(notice, title="New", wards=[hillside])
    )
    changes = ward_notice_changes(notice)
    assert len(changes) == 1 and changes[0]["by"] == officer
    assert sorted(changes[0]["fields"]) == ["Title", "Wards"]
