"""CMP-5 confidentiality (404 outside) and CMP-6 patterns."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from complaints.selectors import (
    complaint_for,
    complaints_handled_by,
    complaints_visible_to,
    mo_patterns,
    mo_queue,
)
from complaints.services import complaint_escalate, complaint_notify_subject
from registers.roles import person_for
from tests.protocol_site.factories import UserFactory

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

OUTSIDE_A_COMPLAINT_ABOUT_THE_OFFICER = [
    "other_group_councillor",
    "group_leader",
    "officer",  # the subject, not yet told
    "chief_executive",  # above everyone, but neither handling it nor copied
    "democratic_services",
    "outsider",
]


@pytest.mark.parametrize("who", OUTSIDE_A_COMPLAINT_ABOUT_THE_OFFICER)
def test_everyone_outside_the_complaint_gets_404(org, who, request):
    complaint = about_officer(org)
    user = request.getfixturevalue(who)
    assert not complaints_visible_to(user).filter(pk=complaint.pk).exists()
    with pytest.raises(Http404):
        complaint_for(user, complaint.pk)


def test_a_superuser_is_outside_too(org):
    complaint = about_officer(org)
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    with pytest.raises(Http404):
        complaint_for(admin, complaint.pk)


@pytest.mark.parametrize("who", ["councillor", "line_manager", "monitoring_officer"])
def test_the_complainant_handler_and_monitoring_officer_see_it(org, who, request):
    complaint = about_officer(org)
    assert complaint_for(request.getfixturevalue(who), complaint.pk) == complaint


def test_past_handlers_keep_seeing_it_and_the_next_handler_sees_it(
    org, line_manager, assistant_director
):
    complaint = about_officer(org)
    assert list(complaints_handled_by(assistant_director)) == []
    complaint_escalate(actor=line_manager, complaint=complaint, reason="Serious.")
    assert complaint_for(line_manager, complaint.pk) == complaint
    assert complaint_for(assistant_director, complaint.pk) == complaint
    assert list(complaints_handled_by(assistant_director)) == [complaint]
    assert list(complaints_handled_by(line_manager)) == []


def test_the_subject_sees_it_only_once_told(org, officer, line_manager):
    complaint = about_officer(org)
    with pytest.raises(Http404):
        complaint_for(officer, complaint.pk)
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    assert complaint_for(officer, complaint.pk) == complaint


def test_a_councillor_subject_sees_it_only_once_told(org, councillor, line_manager):
    complaint = about_member(org)
    with pytest.raises(Http404):
        complaint_for(councillor, complaint.pk)
    complaint_notify_subject(actor=line_manager, complaint=complaint)
    assert complaint_for(councillor, complaint.pk) == complaint


def test_the_monitoring_officer_does_not_see_a_complaint_about_them_before_being_told(
    org, monitoring_officer, chief_executive
):
    complaint = about_officer(org, "monitoring_officer")
    with pytest.raises(Http404):
        complaint_for(monitoring_officer, complaint.pk)
    assert complaint_for(chief_executive, complaint.pk) == complaint  # their line manager


def test_the_monitoring_officer_queue_has_everything_copied_or_escalated(
    org, monitoring_officer, settings, line_manager
):
    copied = about_officer(org)
    settings.COMPLAINT_COPY_MONITORING_OFFICER = False
    not_copied = about_member(org)
    assert set(mo_queue(monitoring_officer)) == {copied}
    assert set(complaints_visible_to(monitoring_officer)) == {copied, not_copied}
    with pytest.raises(PermissionDenied):
        mo_queue(line_manager)


def test_patterns_per_complainant_and_subject(
    org, monitoring_officer, director, django_assert_max_num_queries
):
    for _ in range(3):
        about_officer(org)
    about_officer(org, actor=org.councillors.other_group_councillor.user)
    about_member(org)
    person_for(monitoring_officer)  # who is asking: once per request
    with django_assert_max_num_queries(3):
        patterns = mo_patterns(monitoring_officer)
    top = patterns.by_complainant[0]
    assert (top["complainant"], top["total"], top["open"]) == (
        org.councillors.councillor.user_id,
        3,
        3,
    )
    assert patterns.by_subject_officer[0]["total"] == 4
    assert patterns.by_subject_councillor[0]["total"] == 1
    assert len(mo_patterns(monitoring_officer, minimum=2).by_complainant) == 1
    with pytest.raises(PermissionDenied):
        mo_patterns(director)
