"""Every enquiry transition: routing, the clock, permissions, audit and notification."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enquiries.models import Enquiry, EnquiryEvent, ExtensionRequest, Status
from enquiries.services import (
    enquiry_acknowledge,
    enquiry_decide_extension,
    enquiry_decline,
    enquiry_reassign,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_seek_guidance,
    enquiry_send_holding_reply,
)
from protocol_site.models import AuditEvent, OutboxEmail
from registers.services import protocol_apply_preset
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def kinds(enquiry):
    return list(enquiry.events.values_list("kind", flat=True))


def mailed(user):
    return list(OutboxEmail.objects.filter(recipient=user).values_list("subject", flat=True))


@clock_at(at(2026, 12, 23, 10, 0))
def test_a_councillors_casework_goes_to_the_officer_approached(org, councillor):
    enquiry = casework(org, actor=councillor)
    assert enquiry.reference == f"ENQ-2026-{enquiry.pk:06d}"
    assert enquiry.assigned_to == org.officers.officer
    assert enquiry.director == org.officers.director
    assert "casework, which is proper." in enquiry.routing_reason
    assert enquiry.due_date == date(2027, 1, 11)
    assert enquiry.due_explanation == (
        "received Wed 23 Dec 2026; day 1 is Thu 24 Dec; 10 working days excluding "
        "25 and 28 Dec and 1 Jan → due by Mon 11 Jan 2027"
    )
    assert enquiry.status == Status.LOGGED
    assert kinds(enquiry) == [Ev.LOGGED, Ev.ROUTED]
    assert mailed(councillor)[0].startswith("Your enquiry has been logged: ENQ-2026-")
    assert mailed(org.officers.officer.user)
    assert mailed(org.officers.director.user)  # the Director is always copied (002 §7.iii)
    assert AuditEvent.objects.filter(action="enquiries.enquiry.logged").count() == 1


def test_a_policy_question_to_a_junior_officer_is_flagged_and_goes_to_the_director(org, councillor):
    enquiry = casework(org, actor=councillor, kind=Enquiry.Kind.GENERAL)
    assert enquiry.policy_flagged
    assert enquiry.assigned_to == org.officers.director
    assert "go through the Director rather than junior staff, so" in enquiry.routing_reason


def test_a_general_enquiry_with_no_officer_named_goes_through_the_director(org, councillor):
    enquiry = casework(org, actor=councillor, kind=Enquiry.Kind.GENERAL, approached_officer=None)
    assert enquiry.assigned_to == org.officers.director
    assert "go through the Director of the service: " in enquiry.routing_reason


def test_the_routing_reason_cites_the_councils_own_protocol(org, councillor):
    protocol_apply_preset(actor=None, preset="london")
    enquiry = casework(org, actor=councillor, kind=Enquiry.Kind.GENERAL, approached_officer=None)
    assert "of the service (Protocol, paragraph 5.02): " in enquiry.routing_reason
    assert "§" not in enquiry.routing_reason


def test_casework_with_no_officer_named_goes_to_the_head_of_service(org, councillor):
    enquiry = casework(org, actor=councillor, approached_officer=None)
    assert enquiry.assigned_to == org.officers.head_of_service


@clock_at(at(2026, 3, 9, 9, 0))
def test_an_officer_records_an_enquiry_received_by_phone_at_the_weekend(org, officer):
    enquiry = casework(
        org, actor=officer, channel=Enquiry.Channel.PHONE, received_at=at(2026, 3, 7, 10, 0)
    )
    assert enquiry.logged_by == officer
    assert enquiry.day_of_receipt == date(2026, 3, 9)
    assert enquiry.due_date == date(2026, 3, 23)


def test_logging_refuses_people_and_times_it_should(
    org, councillor, other_group_councillor, officer, outsider
):
    with pytest.raises(PermissionDenied):
        casework(org, actor=outsider)
    with pytest.raises(PermissionDenied):
        casework(org, actor=other_group_councillor)  # not their own enquiry
    with pytest.raises(ValidationError) as error:
        casework(org, actor=officer)  # an officer must say how it came in
    assert "channel" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        casework(org, actor=officer, channel="email")
    assert "received_at" in error.value.message_dict
    with pytest.raises(ValidationError):
        casework(org, actor=officer, channel="email", received_at=at(2099, 1, 1, 9, 0))
    assert Enquiry.objects.count() == 0
    assert OutboxEmail.objects.count() == 0


def test_state_cannot_be_assigned(org, councillor):
    enquiry = casework(org, actor=councillor)
    with pytest.raises(AttributeError):
        enquiry.status = Status.RESPONDED


def test_acknowledge_by_the_assigned_officer_only_once(
    org, councillor, officer, other_group_councillor
):
    enquiry = casework(org, actor=councillor)
    with pytest.raises(PermissionDenied):
        enquiry_acknowledge(actor=other_group_councillor, enquiry=enquiry)
    enquiry = enquiry_acknowledge(actor=officer, enquiry=enquiry)
    assert enquiry.status == Status.ACKNOWLEDGED
    with pytest.raises(ValidationError):
        enquiry_acknowledge(actor=officer, enquiry=enquiry)
    assert any("acknowledged" in s for s in mailed(councillor))


def test_an_officer_outside_the_chain_cannot_work_it(org, councillor, democratic_services):
    enquiry = casework(org, actor=councillor)
    with pytest.raises(PermissionDenied):
        enquiry_acknowledge(actor=democratic_services, enquiry=enquiry)


@clock_at(at(2026, 11, 2, 9, 0))
def test_a_holding_reply_moves_the_target_and_counts_as_the_first_reply(org, councillor, officer):
    enquiry = casework(org, actor=councillor)
    assert enquiry.due_date == date(2026, 11, 16)
    with pytest.raises(ValidationError) as error:
        enquiry_send_holding_reply(
            actor=officer, enquiry=enquiry, explanation="", expected_date=date(2026, 11, 30)
        )
    assert "explanation" in error.value.message_dict
    with pytest.raises(ValidationError):  # a Saturday
        enquiry_send_holding_reply(
            actor=officer, enquiry=enquiry, explanation="x", expected_date=date(2026, 11, 28)
        )
    enquiry = enquiry_send_holding_reply(
        actor=officer,
        enquiry=enquiry,
        explanation="Waiting for the contractor's crew records.",
        expected_date=date(2026, 11, 30),
    )
    assert enquiry.status == Status.HOLDING
    assert enquiry.target_date == date(2026, 11, 30)
    assert enquiry.due_date == date(2026, 11, 16)  # the original date is kept
    assert enquiry.target_cycle == 1
    assert enquiry.first_reply_working_days == 0
    event = enquiry.events.get(kind=Ev.HOLDING_REPLY)
    assert event.new_date == date(2026, 11, 30)


@clock_at(at(2026, 11, 2, 9, 0))
def test_more_time_is_agreed_by_senior_management_not_the_officer(
    org, councillor, officer, director, line_manager
):
    enquiry = casework(org, actor=councillor)
    request = enquiry_request_extension(
        actor=officer,
        enquiry=enquiry,
        reason="Needs 200 case files.",
        proposed_date=date(2026, 12, 4),
    )
    with pytest.raises(ValidationError):
        enquiry_request_extension(
            actor=officer, enquiry=enquiry, reason="again", proposed_date=date(2026, 12, 7)
        )
    with pytest.raises(PermissionDenied):
        enquiry_decide_extension(actor=officer, request=request, agree=True)
    with pytest.raises(PermissionDenied):  # a Manager is not senior management
        enquiry_decide_extension(actor=line_manager, request=request, agree=True)
    with pytest.raises(ValidationError):
        enquiry_decide_extension(actor=director, request=request, agree=False, note="")
    request = enquiry_decide_extension(actor=director, request=request, agree=True, note="Agreed.")
    assert request.outcome == ExtensionRequest.Outcome.AGREED
    enquiry.refresh_from_db()
    assert enquiry.target_date == date(2026, 12, 4)
    assert Ev.EXTENSION_AGREED in kinds(enquiry)
    assert any("More time agreed" in s for s in mailed(councillor))


def test_guidance_goes_to_the_director_or_the_chief_executive(org, councillor, officer):
    enquiry = casework(org, actor=councillor)
    enquiry_seek_guidance(actor=officer, enquiry=enquiry, note="Costly to compile.")
    enquiry_seek_guidance(
        actor=officer, enquiry=enquiry, note="Unreasonable?", refer_to_chief_executive=True
    )
    officers = list(
        enquiry.events.filter(kind=Ev.GUIDANCE_SOUGHT).values_list("officer", flat=True)
    )
    assert officers == [org.officers.director.pk, org.officers.chief_executive.pk]


def test_reassignment_keeps_the_clock_running(org, councillor, officer):
    enquiry = casework(org, actor=councillor)
    due = enquiry.target_date
    enquiry = enquiry_reassign(
        actor=officer, enquiry=enquiry, to=org.officers.line_manager, note="Collections team."
    )
    assert enquiry.assigned_to == org.officers.line_manager
    assert enquiry.target_date == due
    with pytest.raises(ValidationError):
        enquiry_reassign(actor=officer, enquiry=enquiry, to=org.officers.line_manager, note="")


def test_responding_closes_it_and_advises_the_chair_and_lead_member(
    org, councillor, officer, group_leader, other_group_councillor, settings
):
    org.service.lead_member = org.councillors.group_leader
    org.service.committee_chair = org.councillors.other_group_councillor
    org.service.save()
    enquiry = casework(org, actor=councillor)
    enquiry = enquiry_respond(actor=officer, enquiry=enquiry, response="Crews retrained.")
    assert enquiry.status == Status.RESPONDED
    assert enquiry.next_action_at is None
    assert Ev.ADVISED in kinds(enquiry)
    assert mailed(group_leader) and mailed(other_group_councillor)
    with pytest.raises(ValidationError):
        enquiry_respond(actor=officer, enquiry=enquiry, response="again")

    minor = enquiry_respond(
        actor=officer, enquiry=casework(org, actor=councillor), response="Yes.", minor=True
    )
    assert Ev.ADVISED not in kinds(minor)
    settings.ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER = False
    off = enquiry_respond(actor=officer, enquiry=casework(org, actor=councillor), response="Yes.")
    assert Ev.ADVISED not in kinds(off)


def test_only_a_senior_officer_declines_and_gives_reasons(org, councillor, officer, director):
    enquiry = casework(org, actor=councillor)
    with pytest.raises(PermissionDenied):
        enquiry_decline(actor=officer, enquiry=enquiry, reason="curiosity", explanation="x")
    with pytest.raises(ValidationError):
        enquiry_decline(actor=director, enquiry=enquiry, reason="curiosity", explanation=" ")
    enquiry = enquiry_decline(
        actor=director,
        enquiry=enquiry,
        reason=Enquiry.DeclineReason.CURIOSITY,
        explanation="No need to know has been shown.",
        point_to_foi=True,
    )
    assert enquiry.status == Status.DECLINED
    assert "Freedom of Information" in enquiry.events.get(kind=Ev.DECLINED).detail


def test_a_failure_inside_a_transition_leaves_nothing_behind(org, councillor, officer, monkeypatch):
    enquiry = casework(org, actor=councillor)
    audits, emails = AuditEvent.objects.count(), OutboxEmail.objects.count()

    def boom(*args, **kwargs):
        raise RuntimeError("mail template failed")

    monkeypatch.setattr("enquiries.services.replies.notify", boom)
    with pytest.raises(RuntimeError):
        enquiry_acknowledge(actor=officer, enquiry=enquiry)
    enquiry.refresh_from_db()
    assert enquiry.status == Status.LOGGED
    assert AuditEvent.objects.count() == audits
    assert OutboxEmail.objects.count() == emails
    assert kinds(enquiry) == [Ev.LOGGED, Ev.ROUTED]


def test_views_of_confidential_casework_are_audited(org, councillor, officer, client_for):
    from django.urls import reverse

    enquiry = casework(org, actor=councillor)
    client_for(councillor).get(reverse("enquiries:detail", args=[enquiry.pk]))
    assert not AuditEvent.objects.filter(action="enquiries.enquiry.viewed").exists()
    client_for(officer).get(reverse("enquiries:detail", args=[enquiry.pk]))
    viewed = AuditEvent.objects.get(action="enquiries.enquiry.viewed")
    assert viewed.actor == officer
    assert viewed.object_id == str(enquiry.pk)
