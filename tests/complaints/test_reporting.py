"""003 §14: an officer's complaint about a member is reported to the Chief Executive and copied
to the officer's Director (§14.1, a setting); the Monitoring Officer reports the outcome to the
Chief Executive, the member, the officer and the Director, and may tell the group leader (§14.2).
Those it is reported or copied to read its public side only."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.urls import reverse

from complaints.models import ComplaintCopy, ComplaintEvent, Outcome, Status
from complaints.selectors import complaint_for, complaints_visible_to, shape
from complaints.services import (
    complaint_escalate,
    complaint_report_outcome,
    complaint_stage_resolve,
    complaints_sweep,
)
from complaints.views.common import actions_for
from protocol_site.models import OutboxEmail

from .helpers import RAISED, about_member, about_officer

pytestmark = pytest.mark.django_db

SECRET = "Formal words were had with the officer."
Ev = ComplaintEvent.Kind


def copied(complaint) -> dict[int, str]:
    return dict(complaint.copies.values_list("user_id", "reason"))


def test_a_complaint_about_a_member_is_reported_to_the_chief_executive_and_the_director(
    org, chief_executive, director, line_manager, outsider
):
    complaint = about_member(org)
    assert copied(complaint) == {
        chief_executive.pk: ComplaintCopy.Reason.REPORTED,
        director.pk: ComplaintCopy.Reason.COPIED,
    }
    event = complaint.events.get(kind=Ev.COPIED)
    assert "Chief Executive" in event.detail and "Director" in event.detail
    for user in (chief_executive, director):
        assert complaints_visible_to(user).filter(pk=complaint.pk).exists()
        assert OutboxEmail.objects.filter(
            recipient=user, subject__contains="an officer's complaint about a member"
        ).exists()
    assert not complaints_visible_to(outsider).filter(pk=complaint.pk).exists()


def test_a_complaint_about_an_officer_is_not_reported_under_14_1(org):
    assert copied(about_officer(org)) == {}


def test_the_setting_can_report_to_no_one_or_only_the_chief_executive(
    org, settings, chief_executive
):
    settings.COMPLAINT_ABOUT_MEMBER_REPORTED_TO = ["none"]
    assert copied(about_member(org)) == {}
    settings.COMPLAINT_ABOUT_MEMBER_REPORTED_TO = ["chief_executive"]
    assert list(copied(about_member(org, summary="Again"))) == [chief_executive.pk]


def test_a_bad_setting_is_refused(org, settings):
    settings.COMPLAINT_ABOUT_MEMBER_REPORTED_TO = ["line_manager"]
    with pytest.raises(ImproperlyConfigured):
        about_member(org)


def test_those_copied_read_the_public_side_only(org, chief_executive, line_manager):
    complaint = about_member(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome="resolved_informally",
        note="An apology was given.",
        management_note=SECRET,
    )
    seen = shape(chief_executive, complaint_for(chief_executive, complaint.pk, with_history=True))
    assert not seen.internal
    assert [stage.management_note for stage in seen.stages] == [""]
    assert all(event.visible_to_complainant for event in seen.timeline)
    handler = shape(line_manager, complaint_for(line_manager, complaint.pk, with_history=True))
    assert handler.internal and handler.stages[0].management_note == SECRET


def test_the_monitoring_officer_reports_the_outcome_and_tells_the_group_leader(
    org, monitoring_officer, chief_executive, director, councillor, officer, group_leader
):
    complaint = about_member(org)
    complaint_report_outcome(
        actor=monitoring_officer,
        complaint=complaint,
        report="The remarks were unfair; the member will apologise in writing.",
        tell_group_leader=True,
    )
    complaint.refresh_from_db()
    assert complaint.subject_notified_at is not None  # the member may now see it
    assert complaints_visible_to(councillor).filter(pk=complaint.pk).exists()
    assert complaints_visible_to(group_leader).filter(pk=complaint.pk).exists()
    assert copied(complaint)[group_leader.pk] == ComplaintCopy.Reason.GROUP_LEADER
    report = complaint.events.get(kind=Ev.REPORTED)
    assert report.visible_to_complainant and "apologise in writing" in report.detail
    assert complaint.events.filter(kind=Ev.GROUP_LEADER_NOTIFIED).count() == 1
    subject = "The Monitoring Officer's report on a complaint"
    for user in (councillor, officer, chief_executive, director):
        assert OutboxEmail.objects.filter(recipient=user, subject__contains=subject).count() == 1
    assert OutboxEmail.objects.filter(
        recipient=group_leader, subject__contains="a member of your group"
    ).exists()


def test_the_report_is_the_monitoring_officers_and_about_members_only(
    org, monitoring_officer, line_manager
):
    complaint = about_member(org)
    with pytest.raises(PermissionDenied):
        complaint_report_outcome(actor=line_manager, complaint=complaint, report="Findings")
    with pytest.raises(ValidationError) as error:
        complaint_report_outcome(actor=monitoring_officer, complaint=complaint, report="  ")
    assert "report" in error.value.message_dict
    with pytest.raises(ValidationError):
        complaint_report_outcome(
            actor=monitoring_officer, complaint=about_officer(org), report="Findings"
        )


def test_a_group_leader_is_not_told_of_a_complaint_about_themselves(
    org, monitoring_officer, group_leader
):
    complaint = about_member(org, about_councillor=org.councillors.group_leader)
    with pytest.raises(ValidationError) as error:
        complaint_report_outcome(
            actor=monitoring_officer, complaint=complaint, report="Findings", tell_group_leader=True
        )
    assert "tell_group_leader" in error.value.message_dict
    assert not complaint.events.filter(kind=Ev.REPORTED).exists()  # nothing half-saved


def test_the_report_page(client_for, org, monitoring_officer, line_manager, councillor):
    complaint = about_member(org)
    url = reverse("complaints:report", args=[complaint.pk])
    mo = client_for(monitoring_officer)
    detail = mo.get(reverse("complaints:detail", args=[complaint.pk])).content.decode()
    assert "Report the outcome" in detail
    page = mo.post(url, {"report": ""})
    assert page.status_code == 200
    assert "Write the findings and any recommended action" in page.content.decode()
    response = mo.post(url, {"report": "Resolved by an apology.", "tell_group_leader": "on"})
    assert response.status_code == 302
    assert complaint.events.filter(kind=Ev.REPORTED).exists()
    assert client_for(line_manager).get(url).status_code == 403
    assert client_for(councillor).get(url).status_code == 403  # the member now sees it: 403


def test_the_report_page_is_404_to_someone_who_cannot_see_the_complaint(
    client_for, org, other_group_councillor
):
    complaint = about_member(org)
    url = reverse("complaints:report", args=[complaint.pk])
    assert client_for(other_group_councillor).get(url).status_code == 404


def test_the_detail_page_lists_who_it_was_reported_to(client_for, org, chief_executive):
    complaint = about_member(org)
    html = client_for(chief_executive).get(reverse("complaints:detail", args=[complaint.pk]))
    text = html.content.decode()
    assert "Also reported to" in text and "Reported to them" in text
    assert "Management note" not in text


def test_the_api_gives_those_copied_the_public_side(org, chief_executive, line_manager):
    from rest_framework.test import APIClient

    complaint = about_member(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome="resolved_informally",
        note="An apology was given.",
        management_note=SECRET,
    )
    client = APIClient()
    client.force_authenticate(chief_executive)
    listed = client.get("/api/v1/complaints/").json()["results"]
    assert [row["id"] for row in listed] == [complaint.pk]
    one = client.get(f"/api/v1/complaints/{complaint.pk}/").json()
    for body in (listed[0], one):
        assert [(s["handler"], s["management_note"]) for s in body["stages"]] == [(None, None)]
        assert SECRET not in str(body)


def sweep_hourly_for_a_month(start) -> int:
    return sum(complaints_sweep(now=start + timedelta(hours=hour)) for hour in range(24 * 31))


def test_the_report_decides_an_open_complaint_and_no_sweep_moves_it_afterwards(
    org, monitoring_officer, officer, line_manager
):
    complaint = about_member(org)
    complaint_report_outcome(actor=monitoring_officer, complaint=complaint, report="Findings")
    complaint.refresh_from_db()
    assert complaint.status == Status.RESOLVED and complaint.outcome == Outcome.REPORTED
    assert complaint.next_action_at is None and complaint.reported_at is not None
    stage = complaint.stages.get()
    assert not stage.is_open and stage.outcome == Outcome.REPORTED
    assert "The complaint is closed." in complaint.events.get(kind=Ev.REPORTED).detail
    assert OutboxEmail.objects.filter(
        recipient=line_manager, subject__contains="The Monitoring Officer's report"
    ).exists()
    assert sweep_hourly_for_a_month(RAISED) == 0
    assert complaint.stages.count() == 1
    # Nor does the officer who raised it move it up by asking.
    assert not actions_for(officer, complaint).escalate
    with pytest.raises(ValidationError):
        complaint_escalate(actor=officer, complaint=complaint, reason="I disagree.")
    assert complaint.stages.count() == 1


def test_a_report_after_the_stage_was_decided_keeps_it_closed_with_its_outcome(
    org, monitoring_officer, officer, line_manager
):
    complaint = about_member(org)
    complaint_stage_resolve(
        actor=line_manager, complaint=complaint, outcome=Outcome.NOT_UPHELD, note="Fair comment."
    )
    complaint_report_outcome(actor=monitoring_officer, complaint=complaint, report="Findings")
    complaint.refresh_from_db()
    assert complaint.status == Status.RESOLVED and complaint.outcome == Outcome.NOT_UPHELD
    assert "closed" not in complaint.events.get(kind=Ev.REPORTED).detail
    with pytest.raises(ValidationError):
        complaint_escalate(actor=officer, complaint=complaint, reason="I disagree.")
    assert sweep_hourly_for_a_month(RAISED) == 0
    assert complaint.stages.count() == 1


def test_the_outcome_is_reported_once(org, monitoring_officer):
    complaint = about_member(org)
    complaint_report_outcome(actor=monitoring_officer, complaint=complaint, report="Findings")
    complaint.refresh_from_db()
    assert not actions_for(monitoring_officer, complaint).report
    with pytest.raises(ValidationError):
        complaint_report_outcome(actor=monitoring_officer, complaint=complaint, report="Again")
    assert complaint.events.filter(kind=Ev.REPORTED).count() == 1
