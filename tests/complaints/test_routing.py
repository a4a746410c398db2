"""Who handles each stage (CMP-1 to CMP-3): every kind of subject and every setting."""

from datetime import date

import pytest

from complaints import conflicts
from complaints.models import Complaint
from complaints.services import complaint_escalate
from protocol_site.models import OutboxEmail
from registers.models import StatutoryRole
from tests.registers.factories import StatutoryRoleFactory

from .helpers import about_member, about_officer, handlers

pytestmark = pytest.mark.django_db


def test_a_members_complaint_about_an_officer_goes_to_their_line_manager(org, line_manager):
    complaint = about_officer(org)
    assert complaint.reference == f"CMP-2026-{complaint.pk:06d}"
    assert complaint.direction == Complaint.Direction.MEMBER_ABOUT_OFFICER
    stage = complaint.stages.get()
    assert (stage.number, stage.rung, stage.handler, stage.handler_role) == (
        1,
        "line_manager",
        line_manager,
        "Line manager",
    )
    assert stage.acknowledge_by == date(2026, 11, 9)
    assert stage.resolve_by == date(2026, 11, 16)
    assert complaint.current_handler == line_manager
    assert complaint.stage_number == 1


def test_the_subject_is_never_their_own_handler(org, head_of_service):
    complaint = about_officer(org, "line_manager")
    assert handlers(complaint) == [head_of_service.pk]


def test_a_complaint_about_a_director_goes_to_the_chief_executive(org, chief_executive):
    complaint = about_officer(org, "director")
    stage = complaint.stages.get()
    assert (stage.handler, stage.handler_role) == (chief_executive, "Chief Executive")


def test_about_the_chief_executive_it_goes_to_the_monitoring_officer_by_default(
    org, monitoring_officer, leader
):
    complaint = about_officer(org, "chief_executive")
    assert handlers(complaint) == [monitoring_officer.pk]


def test_about_the_chief_executive_it_can_go_to_the_leader(
    org, settings, leader, monitoring_officer
):
    settings.COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = "leader"
    complaint = about_officer(org, "chief_executive")
    stage = complaint.stages.get()
    assert (stage.handler, stage.rung, stage.handler_role) == (
        leader,
        "leader",
        "Leader of the Council",
    )
    complaint_escalate(actor=leader, complaint=complaint, reason="A matter for the MO.")
    assert handlers(complaint) == [leader.pk, monitoring_officer.pk]


def test_with_no_leader_in_office_it_goes_to_the_monitoring_officer(
    org, settings, monitoring_officer
):
    settings.COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = "leader"
    complaint = about_officer(org, "chief_executive")
    assert handlers(complaint) == [monitoring_officer.pk]


def test_the_leader_complaining_about_the_chief_executive_is_not_the_handler(
    org, settings, leader, monitoring_officer
):
    settings.COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = "leader"
    complaint = about_officer(org, "chief_executive", actor=leader)
    assert handlers(complaint) == [monitoring_officer.pk]


def test_an_officers_complaint_about_a_member_climbs_their_own_ladder(
    org, officer, line_manager, assistant_director, monitoring_officer
):
    complaint = about_member(org)
    assert complaint.direction == Complaint.Direction.OFFICER_ABOUT_MEMBER
    assert complaint.subject_councillor == org.councillors.councillor
    complaint_escalate(actor=line_manager, complaint=complaint, reason="Serious.")
    complaint_escalate(actor=assistant_director, complaint=complaint, reason="For the MO.")
    assert handlers(complaint) == [line_manager.pk, assistant_director.pk, monitoring_officer.pk]
    stage_rungs = list(complaint.stages.values_list("rung", flat=True))
    assert stage_rungs == ["line_manager", "assistant_director", "monitoring_officer"]


def test_the_monitoring_officer_is_copied_by_default(org, monitoring_officer):
    complaint = about_officer(org)
    assert complaint.mo_copied
    assert OutboxEmail.objects.filter(
        recipient=monitoring_officer, subject__startswith="Copy"
    ).exists()


def test_copying_the_monitoring_officer_is_a_setting(org, settings, monitoring_officer):
    settings.COMPLAINT_COPY_MONITORING_OFFICER = False
    complaint = about_officer(org)
    assert not complaint.mo_copied
    assert not OutboxEmail.objects.filter(recipient=monitoring_officer).exists()


def test_a_vacant_rung_is_skipped(org, line_manager, director):
    org.officers.assistant_director.is_active = False
    org.officers.assistant_director.save(update_fields=["is_active"])
    complaint = about_officer(org)
    complaint_escalate(actor=line_manager, complaint=complaint, reason="Not resolved.")
    assert handlers(complaint) == [line_manager.pk, director.pk]


def test_the_ladder_is_a_setting(org, settings, line_manager, director):
    settings.COMPLAINT_ESCALATION_LADDER = ["line_manager", "director"]
    complaint = about_officer(org)
    complaint_escalate(actor=line_manager, complaint=complaint, reason="Not resolved.")
    assert handlers(complaint) == [line_manager.pk, director.pk]


def test_a_conflicted_handler_is_skipped(org, monkeypatch, line_manager, assistant_director):
    seen = []

    def conflicted(user_id, *, parties):
        seen.append(parties)
        return user_id == line_manager.pk

    monkeypatch.setattr(conflicts, "is_conflicted", conflicted)
    complaint = about_officer(org)
    assert handlers(complaint) == [assistant_director.pk]
    assert seen[0] == conflicts.Parties(
        complainant_user_id=org.councillors.councillor.user_id,
        subject_user_id=org.officers.officer.user_id,
    )


def test_nobody_is_conflicted_without_a_declaration(org):
    parties = conflicts.Parties(complainant_user_id=1, subject_user_id=2)
    assert conflicts.is_conflicted(3, parties=parties) is False


def test_a_handler_of_an_earlier_stage_never_handles_a_later_one(
    org, line_manager, assistant_director, director, democratic_services
):
    """The Director is also the Monitoring Officer: the Deputy takes the MO's rung."""
    StatutoryRole.objects.filter(kind=StatutoryRole.Kind.MONITORING_OFFICER).update(
        officer=org.officers.director
    )
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=org.officers.democratic_services
    )
    complaint = about_officer(org)
    complaint_escalate(actor=line_manager, complaint=complaint, reason="1")
    complaint_escalate(actor=assistant_director, complaint=complaint, reason="2")
    complaint_escalate(actor=director, complaint=complaint, reason="3")
    assert handlers(complaint) == [
        line_manager.pk,
        assistant_director.pk,
        director.pk,
        democratic_services.pk,
    ]
