"""Complaints at the top of the council: a complaint about the Chief Executive taken by the
Monitoring Officer and the Senior Human Resources Manager together; the Chief Executive's
decision on an upheld complaint about a member; an officer going straight to the Standards
Committee."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from complaints.models import ChiefExecutiveDecision, Complaint, ComplaintCopy, Outcome, Status
from complaints.selectors import complaints_visible_to
from complaints.services import (
    complaint_chief_executive_decide,
    complaint_stage_acknowledge,
    complaint_stage_resolve,
    complaint_to_standards_committee,
)
from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import CouncillorRole, StatutoryRole
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorRoleFactory,
    OfficerFactory,
    PostFactory,
    StatutoryRoleFactory,
)

from .helpers import RAISED, about_member, about_officer


def emails(kind: str, user=None) -> int:
    rows = OutboxEmail.objects.filter(kind=kind)
    return rows.filter(recipient=user).count() if user is not None else rows.count()


@pytest.fixture
def hr_manager(org):
    post = PostFactory(
        title="Head of Human Resources",
        service=org.legal_service,
        reports_to=org.posts.chief_executive,
    )
    user = UserFactory(username="hr.manager", first_name="Hana", last_name="Rees")
    officer = OfficerFactory(user=user, post=post)
    StatutoryRoleFactory(kind=StatutoryRole.Kind.SENIOR_HR_MANAGER, officer=officer)
    return user


@pytest.fixture
def together(settings):
    settings.COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = "monitoring_officer_and_hr"


def test_about_the_chief_executive_mo_and_hr_handle_it_together(
    org, together, hr_manager, monitoring_officer, leader
):
    complaint = about_officer(org, "chief_executive")
    stage = complaint.stages.get()
    assert (stage.handler, stage.co_handler) == (monitoring_officer, hr_manager)
    assert complaint.handler_ids == (monitoring_officer.pk, hr_manager.pk)
    assert stage.handler_roles == "Monitoring Officer and Senior Human Resources Manager"
    for user in (monitoring_officer, hr_manager):
        assert complaints_visible_to(user).filter(pk=complaint.pk).exists()
        assert emails("complaint_stage_opened_handler", user) == 1
    # Either may act: the HR manager acknowledges, and the stage is acknowledged once.
    complaint_stage_acknowledge(actor=hr_manager, complaint=complaint)
    with pytest.raises(ValidationError):
        complaint_stage_acknowledge(actor=monitoring_officer, complaint=complaint)


def test_without_the_rule_hr_does_not_handle_it(org, hr_manager, monitoring_officer):
    complaint = about_officer(org, "chief_executive")
    assert complaint.stages.get().co_handler is None
    assert not complaints_visible_to(hr_manager).filter(pk=complaint.pk).exists()


def test_with_no_hr_manager_named_the_monitoring_officer_takes_it_alone(
    org, together, monitoring_officer
):
    complaint = about_officer(org, "chief_executive")
    assert complaint.handler_ids == (monitoring_officer.pk,)


def test_hr_does_not_handle_a_complaint_about_anyone_else(org, together, hr_manager):
    complaint = about_officer(org, "director")
    assert complaint.stages.get().co_handler is None


def test_moving_up_leaves_hr_behind(org, together, hr_manager, monitoring_officer, leader):
    from complaints.services import complaint_escalate

    complaint = about_officer(org, "chief_executive")
    complaint = complaint_escalate(actor=hr_manager, complaint=complaint, reason="For the Leader.")
    assert complaint.handler_ids == (leader.pk,)
    # HR handled a stage: they still see it.
    assert complaints_visible_to(hr_manager).filter(pk=complaint.pk).exists()


@pytest.fixture
def upheld(org, line_manager, raised_on_a_monday):
    complaint = about_member(org)
    return complaint_stage_resolve(
        actor=line_manager,
        complaint=complaint,
        outcome=Outcome.UPHELD,
        note="The criticism was unfair and public.",
    )


@pytest.fixture
def chair(org):
    CouncillorRoleFactory(
        councillor=org.councillors.other_group_councillor,
        kind=CouncillorRole.Kind.STANDARDS_CHAIR,
        starts_on=RAISED.date().replace(month=5),
    )
    return org.councillors.other_group_councillor


def test_upheld_about_a_member_goes_to_the_chief_executive(upheld, chief_executive):
    decision = ChiefExecutiveDecision.objects.get(complaint=upheld)
    assert decision.status == ChiefExecutiveDecision.Status.PENDING
    assert ComplaintCopy.objects.filter(complaint=upheld, user=chief_executive).exists()
    assert emails("complaint_upheld_to_chief_executive", chief_executive) == 1


def test_not_upheld_does_not_go_to_the_chief_executive(org, line_manager):
    complaint = complaint_stage_resolve(
        actor=line_manager,
        complaint=about_member(org),
        outcome=Outcome.NOT_UPHELD,
        note="No.",
    )
    assert not ChiefExecutiveDecision.objects.filter(complaint=complaint).exists()


def test_the_decision_is_refused_naming_what_is_missing(upheld, chief_executive, leader, chair):
    with pytest.raises(ValidationError) as refused:
        complaint_chief_executive_decide(
            actor=chief_executive,
            complaint=upheld,
            decision="",
            leader_told=False,
            group_leader_told=True,
            standards_chair_consulted=False,
        )
    errors = refused.value.message_dict
    assert set(errors) == {"leader_told", "standards_chair_consulted", "decision"}
    assert "Grace Lambert" in errors["leader_told"][0]
    assert "Owen Price" in errors["standards_chair_consulted"][0]
    assert ChiefExecutiveDecision.objects.get().status == "pending"


def test_the_chief_executive_decides_once_told_and_consulted(
    upheld, chief_executive, monitoring_officer, officer, leader, chair
):
    audits = AuditEvent.objects.count()
    decision = complaint_chief_executive_decide(
        actor=chief_executive,
        complaint=upheld,
        decision="A written apology to the officer.",
        leader_told=True,
        group_leader_told=True,
        standards_chair_consulted=True,
    )
    assert decision.status == ChiefExecutiveDecision.Status.DECIDED
    assert decision.standards_chair == chair
    assert decision.leader.user == leader
    assert AuditEvent.objects.count() == audits + 1
    assert emails("complaint_chief_executive_decision", officer) == 1
    assert emails("complaint_chief_executive_decision", monitoring_officer) == 1
    with pytest.raises(ValidationError):
        complaint_chief_executive_decide(
            actor=chief_executive,
            complaint=upheld,
            decision="Again.",
            leader_told=True,
            group_leader_told=True,
            standards_chair_consulted=True,
        )
    assert emails("complaint_chief_executive_decision") == 2


def test_only_the_chief_executive_decides(upheld, monitoring_officer):
    with pytest.raises(PermissionDenied):
        complaint_chief_executive_decide(
            actor=monitoring_officer,
            complaint=upheld,
            decision="x",
            leader_told=True,
            group_leader_told=True,
            standards_chair_consulted=True,
        )


def test_the_decision_page(client_for, upheld, chief_executive, leader, chair):
    client = client_for(chief_executive)
    url = f"/complaints/{upheld.pk}/chief-executive-decision/"
    page = client.get(url)
    assert page.status_code == 200
    assert "I told the Leader of the Council, Cllr Grace Lambert" in page.content.decode()
    refused = client.post(url, {"decision": "Apology.", "leader_told": "on"})
    html = refused.content.decode()
    assert "govuk-error-summary" in html
    assert "Confirm you consulted the chair of the Standards Committee" in html
    done = client.post(
        url,
        {"decision": "Apology.", "leader_told": "on", "standards_chair_consulted": "on"},
    )
    assert done.status_code == 302
    detail = client.get(f"/complaints/{upheld.pk}/").content.decode()
    assert "The Chief Executive&#x27;s decision" in detail and "Apology." in detail


def test_an_officer_takes_it_straight_to_the_standards_committee(
    org, officer, line_manager, monitoring_officer
):
    complaint = about_member(org)
    complaint = complaint_to_standards_committee(
        actor=officer, complaint=complaint, reason="A Code of Conduct matter."
    )
    assert complaint.status == Status.REFERRED
    stage = complaint.stages.get()
    assert (stage.outcome, stage.referral) == ("referred", "standards_committee")
    for user in (monitoring_officer, line_manager, officer):
        assert emails("complaint_to_standards_committee", user) == 1
    with pytest.raises(ValidationError):
        complaint_to_standards_committee(actor=officer, complaint=complaint, reason="Again.")


def test_the_council_may_rule_it_out(org, officer, settings):
    settings.COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE = False
    with pytest.raises(ValidationError):
        complaint_to_standards_committee(
            actor=officer, complaint=about_member(org), reason="Code of Conduct."
        )


def test_only_the_officer_who_raised_it(org, line_manager):
    with pytest.raises(PermissionDenied):
        complaint_to_standards_committee(
            actor=line_manager, complaint=about_member(org), reason="x"
        )


def test_not_once_resolved_informally(org, officer, line_manager):
    complaint = complaint_stage_resolve(
        actor=line_manager,
        complaint=about_member(org),
        outcome=Outcome.RESOLVED_INFORMALLY,
        note="Sorted.",
    )
    with pytest.raises(ValidationError):
        complaint_to_standards_committee(actor=officer, complaint=complaint, reason="x")


def test_after_an_unresolved_outcome_the_officer_may_still_go(org, officer, line_manager):
    complaint = complaint_stage_resolve(
        actor=line_manager,
        complaint=about_member(org),
        outcome=Outcome.NOT_UPHELD,
        note="Not upheld.",
    )
    complaint = complaint_to_standards_committee(
        actor=officer, complaint=complaint, reason="I disagree."
    )
    assert Complaint.objects.get(pk=complaint.pk).status == Status.REFERRED


def test_the_standards_committee_page_for_the_officer(client_for, org, officer):
    complaint = about_member(org)
    client = client_for(officer)
    assert (
        "Take it to the Standards Committee"
        in client.get(f"/complaints/{complaint.pk}/").content.decode()
    )
    url = f"/complaints/{complaint.pk}/standards-committee/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": ""}).content.decode()
    assert "Say why you are taking it to the Standards Committee" in refused
    assert client.post(url, {"reason": "Code of Conduct."}).status_code == 302
