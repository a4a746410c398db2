"""WARD-1: a notice is withdrawn when the matter is dropped or the meeting cancelled. It stays on
the record, marked withdrawn; the ward members are told once; it can no longer be changed.
Members of a ward taken off a notice are told it no longer concerns their ward."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from notices.services import ward_notice_update, ward_notice_withdraw
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import edit_values, matter, meeting

pytestmark = pytest.mark.django_db

REASON = "The meeting is cancelled: the scheme was withdrawn by the applicant."


WITHDRAWN = "A notice for your ward has been withdrawn"


def withdrawn_emails():
    return OutboxEmail.objects.filter(subject__startswith=WITHDRAWN)


def test_withdrawing_tells_each_ward_member_once_and_keeps_the_record(org, officer, hillside):
    notice = meeting(officer, [org.ward, hillside])
    ward_notice_withdraw(actor=officer, notice=notice, reason=f"  {REASON}  ")
    notice.refresh_from_db()
    assert notice.is_withdrawn and notice.withdrawn_by == officer
    assert notice.withdraw_reason == REASON
    emails = list(withdrawn_emails())
    assert len(emails) == 4  # Riverside's three members and Hillside's one in office
    assert len({e.to_address for e in emails}) == 4
    assert REASON not in emails[0].body_text  # the reason is on the notice's page
    assert f"/notices/{notice.pk}/" in emails[0].body_text
    event = AuditEvent.objects.get(action="notices.ward_notice.withdrawn")
    assert event.actor == officer and event.after == {"withdraw_reason": REASON}


def test_a_withdrawn_notice_cannot_be_withdrawn_again_or_corrected(org, officer):
    notice = matter(officer, [org.ward])
    ward_notice_withdraw(actor=officer, notice=notice, reason=REASON)
    with pytest.raises(ValidationError):
        ward_notice_withdraw(actor=officer, notice=notice, reason=REASON)
    with pytest.raises(ValidationError):
        ward_notice_update(actor=officer, notice=notice, **edit_values(notice, title="New"))
    assert withdrawn_emails().count() == 3


def test_a_reason_is_needed_and_nothing_is_saved_without_one(org, officer):
    notice = matter(officer, [org.ward])
    with pytest.raises(ValidationError) as raised:
        ward_notice_withdraw(actor=officer, notice=notice, reason="   ")
    assert "reason" in raised.value.message_dict
    notice.refresh_from_db()
    assert not notice.is_withdrawn and not withdrawn_emails().exists()


def test_only_the_recorder_or_democratic_services_withdraw(
    org, officer, line_manager, councillor, democratic_services
):
    notice = matter(officer, [org.ward])
    for someone in (line_manager, councillor):
        with pytest.raises(PermissionDenied):
            ward_notice_withdraw(actor=someone, notice=notice, reason=REASON)
    ward_notice_withdraw(actor=democratic_services, notice=notice, reason=REASON)
    assert not AuditEvent.objects.filter(
        action="notices.ward_notice.withdrawn", actor=line_manager
    ).exists()


def test_members_of_a_ward_taken_off_are_told_without_a_link_they_cannot_open(
    org, officer, hillside
):
    notice = matter(officer, [org.ward, hillside])
    OutboxEmail.objects.all().delete()
    ward_notice_update(actor=officer, notice=notice, **edit_values(notice, wards=[org.ward]))
    email = OutboxEmail.objects.get()
    assert email.to_address == "hill.member@example.gov.uk"
    assert email.subject.startswith("A notice no longer concerns your ward")
    assert "Hillside" in email.body_text
    assert f"/notices/{notice.pk}/" not in email.body_text
    assert "/notices/" in email.body_text


# Pages


def test_the_recorder_withdraws_a_notice_through_the_page(client_for, officer, org):
    notice = meeting(officer, [org.ward])
    client = client_for(officer)
    url = reverse("notices:withdraw", args=[notice.pk])
    detail = client.get(reverse("notices:detail", args=[notice.pk])).content.decode()
    assert url in detail
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert "There is a problem" in refused.content.decode()
    assert "Enter why the notice is withdrawn" in refused.content.decode()
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "This notice was withdrawn" in html and REASON in html
    assert reverse("notices:change", args=[notice.pk]) not in html
    assert client.get(reverse("notices:change", args=[notice.pk])).status_code == 403
    assert client.get(url).status_code == 403
    listed = client.get(reverse("notices:list")).content.decode()
    assert 'govuk-tag--red">Withdrawn' in listed


def test_others_may_not_open_the_withdraw_page(client_for, officer, line_manager, councillor, org):
    notice = matter(officer, [org.ward])
    url = reverse("notices:withdraw", args=[notice.pk])
    assert client_for(line_manager).post(url, {"reason": REASON}).status_code == 403
    assert client_for(councillor).post(url, {"reason": REASON}).status_code == 403
    notice.refresh_from_db()
    assert not notice.is_withdrawn


def test_a_withdrawn_notice_leaves_the_councillors_home_page(client_for, councillor, officer, org):
    kept = matter(officer, [org.ward], title="Library roof repairs")
    gone = meeting(officer, [org.ward])
    ward_notice_withdraw(actor=officer, notice=gone, reason=REASON)
    html = client_for(councillor).get(reverse("home")).content.decode()
    assert reverse("notices:detail", args=[kept.pk]) in html
    assert reverse("notices:detail", args=[gone.pk]) not in html
