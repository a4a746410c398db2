"""Working a complaint: permissions, outcomes, referrals, the complainant's requests."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from complaints.models import ComplaintEvent, ComplaintStage, Outcome, Referral, Status
from complaints.selectors import stages_for, timeline_for
from complaints.services import (
    complaint_escalate,
    complaint_notify_subject,
    complaint_raise,
    complaint_stage_acknowledge,
    complaint_stage_refer,
    complaint_stage_resolve,
    complaint_withdraw,
)
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import about_member, about_officer, handlers

pytestmark = pytest.mark.django_db

SECRET = "Formal warning issued; capability process started"


def _mail_to(user):
    rows = OutboxEmail.objects.filter(recipient=user)
    return " ".join(f"{r.subject} {r.body_text} {r.body_html}" for r in rows)


def test_raising_tells_the_complainant_and_the_handler_and_is_audited(
    org, councillor, line_manager
):
    complaint = about_officer(org)
    assert "stage 1" in _mail_to(councillor)
    assert "Line manager" in _mail_to(councillor)
    assert "Monday 16 November 2026" in _mail_to(councillor)
    assert "A complaint has come to you" in _mail_to(line_manager)
    # Private (CMP-1): the summary is not in any subject line.
    assert not OutboxEmail.objects.filter(subject__contains=complaint.summary).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"complaints.complaint.raised", "complaints.complaint.stage_opened"} <= actions


@pytest.mark.parametrize("who", ["officer", "democratic_services", "outsider"])
def test_only_a_councillor_complains_about_an_officer(org, who, request):
    with pytest.raises(PermissionDenied):
        about_officer(org, actor=request.getfixturevalue(who))


def test_only_an_officer_complains_about_a_member(org, other_group_councillor, outsider):
    for actor in (other_group_councillor, outsider):
        with pytest.raises(PermissionDenied):
            about_member(org, actor=actor)


def test_a_complaint_has_exactly_one_subject_and_text(org, councillor):
    with pytest.raises(ValidationError):
        complaint_raise(actor=councillor, summary="x", details="y")
    with pytest.raises(ValidationError):
        about_officer(org, summary="  ")


@pytest.mark.parametrize(
    "who", ["councillor", "officer", "director", "monitoring_officer", "democratic_services"]
)
def test_only_the_current_handler_acknowledges_resolves_or_moves_it_up(org, who, request):
    complaint = about_officer(org)
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        complaint_stage_acknowledge(actor=actor, complaint=complaint)
    with pytest.raises(PermissionDenied):
        complaint_stage_resolve(
            actor=actor, complaint=complaint, outcome=Outcome.UPHELD, note="Upheld."
        )
    if who != "councillor":  # the complainant may ask for the next stage
        with pytest.raises(PermissionDenied):
            complaint_escalate(actor=actor, complaint=complaint, reason="Move it.")


def test_the_handler_acknowledges_once(org, line_manager):
    complaint = about_officer(org)
    complaint_stage_acknowledge(actor=line_manager, complaint=complaint)
    stage = complaint.stages.get()
    assert stage.status == ComplaintStage.Status.ACKNOWLEDGED
    with pytest.raises(ValidationError):
        complaint_stage_acknowledge(actor=line_manager, complaint=complaint)


def test_informal_resolution_closes_the_stage_and_the_complaint(org, line_manager, councillor):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome=Outcome.RESOLVED_INFORMALLY,
        note="We met and agreed how replies will be handled.",
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.RESOLVED
    assert complaint.outcome == Outcome.RESOLVED_INFORMALLY
    assert complaint.next_action_at is None
    stage = complaint.stages.get()
    assert (stage.status, stage.outcome) == ("closed", "resolved_informally")
    assert "Resolved informally" in _mail_to(councillor)


def test_an_outcome_must_be_a_decision_with_a_note(org, line_manager):
    complaint = about_officer(org)
    with pytest.raises(ValidationError):
        complaint_stage_resolve(
            actor=line_manager, complaint=complaint, outcome=Outcome.ESCALATED, note="x"
        )
    with pytest.raises(ValidationError):
        complaint_stage_resolve(
            actor=line_manager, complaint=complaint, outcome=Outcome.UPHELD, note=" "
        )


def test_the_management_note_is_hidden_from_a_member_complainant(
    org, line_manager, councillor, monitoring_officer
):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome=Outcome.UPHELD,
        note="Your complaint is upheld and management action is being taken.",
        management_note=SECRET,
    )
    assert SECRET not in _mail_to(councillor)
    assert not OutboxEmail.objects.filter(body_text__contains=SECRET).exists()
    assert not any(SECRET in e.detail for e in timeline_for(councillor, complaint))
    assert [s.management_note for s in stages_for(councillor, complaint)] == [""]
    assert [s.management_note for s in stages_for(line_manager, complaint)] == [SECRET]
    assert [s.management_note for s in stages_for(monitoring_officer, complaint)] == [SECRET]
    assert not AuditEvent.objects.filter(summary__contains=SECRET).exists()


def test_a_disciplinary_referral_is_confidential_from_the_member(org, line_manager, councillor):
    complaint = about_officer(org)
    complaint_stage_refer(
        actor=line_manager,
        complaint=complaint,
        referral=Referral.DISCIPLINARY,
        note="Referred to HR.",
        management_note=SECRET,
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.REFERRED
    assert complaint.stages.get().referral == Referral.DISCIPLINARY
    seen = " ".join(e.detail for e in timeline_for(councillor, complaint))
    assert "disciplinary" not in seen.lower() and SECRET not in seen
    assert "disciplinary" not in _mail_to(councillor).lower()
    internal = " ".join(e.detail for e in timeline_for(line_manager, complaint))
    assert "disciplinary" in internal.lower()


def test_only_the_monitoring_officer_refers_to_the_standards_committee(
    org, line_manager, monitoring_officer
):
    complaint = about_member(org)
    with pytest.raises(PermissionDenied):
        complaint_stage_refer(
            actor=line_manager,
            complaint=complaint,
            referral=Referral.STANDARDS_COMMITTEE,
            note="Code breach.",
        )
    complaint_stage_refer(
        actor=monitoring_officer,
        complaint=complaint,
        referral=Referral.STANDARDS_COMMITTEE,
        note="A possible breach of the Code of Conduct (003 §14.4).",
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.REFERRED


def test_the_standards_committee_hears_complaints_about_members_only(org, monitoring_officer):
    complaint = about_officer(org)
    with pytest.raises(ValidationError):
        complaint_stage_refer(
            actor=monitoring_officer,
            complaint=complaint,
            referral=Referral.STANDARDS_COMMITTEE,
            note="x",
        )


def test_the_complainant_asks_for_the_next_stage_after_an_outcome(
    org, councillor, line_manager, assistant_director
):
    complaint = about_officer(org)
    complaint_stage_resolve(
        actor=line_manager, complaint=complaint, outcome=Outcome.NOT_UPHELD, note="Not upheld."
    )
    complaint_escalate(actor=councillor, complaint=complaint, reason="The replies continue.")
    complaint.refresh_from_db()
    assert complaint.status == Status.OPEN
    assert complaint.outcome == ""
    assert complaint.current_handler == assistant_director
    assert handlers(complaint) == [line_manager.pk, assistant_director.pk]
    first = complaint.stages.get(number=1)
    assert first.outcome == Outcome.NOT_UPHELD  # kept: the record shows how each stage ended
    assert complaint.events.filter(kind=ComplaintEvent.Kind.NEXT_STAGE_REQUESTED).exists()


def test_the_complainant_may_take_an_open_stage_further(org, councillor, line_manager):
    complaint = about_officer(org)
    complaint_escalate(actor=councillor, complaint=complaint, reason="No progress.")
    assert complaint.stages.get(number=1).outcome == Outcome.COMPLAINANT_REQUEST


def test_moving_up_needs_reasons_and_a_next_rung(org, monitoring_officer, settings):
    settings.COMPLAINT_ESCALATION_LADDER = ["monitoring_officer"]
    complaint = about_officer(org)
    with pytest.raises(ValidationError):
        complaint_escalate(actor=monitoring_officer, complaint=complaint, reason=" ")
    with pytest.raises(ValidationError, match="last stage"):
        complaint_escalate(actor=monitoring_officer, complaint=complaint, reason="Further.")
    assert complaint.stages.count() == 1


def test_only_the_complainant_withdraws(org, councillor, line_manager):
    complaint = about_officer(org)
    with pytest.raises(PermissionDenied):
        complaint_withdraw(actor=line_manager, complaint=complaint)
    complaint_withdraw(actor=councillor, complaint=complaint, reason="Sorted out between us.")
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.WITHDRAWN, Outcome.WITHDRAWN)
    with pytest.raises(ValidationError):
        complaint_stage_resolve(
            actor=line_manager, complaint=complaint, outcome=Outcome.UPHELD, note="x"
        )


def test_the_handler_or_monitoring_officer_tells_the_subject(
    org, officer, line_manager, director, monitoring_officer
):
    complaint = about_officer(org)
    with pytest.raises(PermissionDenied):
        complaint_notify_subject(actor=director, complaint=complaint)
    complaint_notify_subject(actor=monitoring_officer, complaint=complaint)
    complaint.refresh_from_db()
    assert complaint.subject_notified_at is not None
    assert "A complaint has been made about you" in _mail_to(officer)
    with pytest.raises(ValidationError):
        complaint_notify_subject(actor=line_manager, complaint=complaint)
