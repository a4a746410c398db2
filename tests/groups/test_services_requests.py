"""GRP-2, GRP-5, GRP-9: asking for a briefing; the Chief Executive clears, nominates or
declines; the written exception for non-council attendees; notice of attendance."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groups.models import BriefingEvent, BriefingRequest, Status
from groups.services import (
    briefing_clear,
    briefing_decline,
    briefing_nominate,
    briefing_withdraw,
)
from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import CouncillorRole
from tests.registers.factories import CouncillorRoleFactory

from .helpers import ask, cleared, emails_to

pytestmark = pytest.mark.django_db
Ev = BriefingEvent.Kind


def test_a_group_leader_asks_and_the_chief_executive_and_director_are_told(
    org, group_leader, chief_executive, director
):
    briefing = ask(org)
    assert briefing.reference.startswith("BRF-2026-")
    assert briefing.status == Status.REQUESTED
    assert briefing.group == org.group_a and briefing.requested_by == group_leader
    assert [e.kind for e in briefing.events.all()] == [Ev.REQUESTED]
    assert AuditEvent.objects.filter(action="groups.briefing.requested").count() == 1
    for user in (chief_executive, director):
        (email,) = emails_to(user)
        assert briefing.reference in email.subject
        assert f"/groups/{briefing.pk}/" in email.body_text


@pytest.mark.parametrize("who", ["councillor", "officer", "other_group_councillor"])
def test_only_a_group_leader_asks_for_the_group(request, org, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        ask(org, actor=user)


def test_the_request_goes_to_the_chief_executive_or_a_director(org):
    with pytest.raises(ValidationError) as error:
        ask(org, addressed_to=org.officers.head_of_service)
    assert "addressed_to" in error.value.message_dict
    assert ask(org, addressed_to=org.officers.chief_executive).addressed_to_id


def test_it_checks_the_dates_and_the_non_council_names(org):
    with pytest.raises(ValidationError) as error:
        ask(
            org,
            meeting_date=date(2026, 10, 30),
            non_council_attendees=True,
            non_council_names="",
            decision_meeting="",
        )
    assert {"meeting_date", "non_council_names", "decision_meeting"} <= set(
        error.value.message_dict
    )


def test_a_lead_member_may_ask_only_for_a_confidential_briefing(org):
    member = org.councillors.councillor
    CouncillorRoleFactory(councillor=member, kind=CouncillorRole.Kind.CABINET_MEMBER)
    with pytest.raises(PermissionDenied):
        ask(org, actor=member.user)
    briefing = ask(org, actor=member.user, confidential=True)
    assert briefing.confidential and briefing.group == org.group_a
    with pytest.raises(ValidationError) as error:
        ask(org, actor=member.user, confidential=True, kind=BriefingRequest.Kind.ATTENDANCE)
    assert "confidential" in error.value.message_dict


def test_clearing_assigns_the_officer_asked_and_tells_them(org, chief_executive, director):
    briefing = cleared(org)
    assert briefing.status == Status.CLEARED
    assert briefing.officer == org.officers.director and not briefing.nominated
    assert briefing.decided_by == chief_executive
    subjects = [e.subject for e in emails_to(director)]
    assert any("You are to write the note" in s for s in subjects)
    assert any("cleared" in e.subject for e in emails_to(org.councillors.group_leader.user))


def test_only_the_chief_executive_clears(org, director, monitoring_officer):
    briefing = ask(org)
    for user in (director, monitoring_officer):
        with pytest.raises(PermissionDenied):
            briefing_clear(actor=user, briefing=briefing)


def test_the_chief_executive_nominates_a_representative(org, chief_executive):
    briefing = ask(org, kind=BriefingRequest.Kind.ATTENDANCE)
    briefing = briefing_nominate(
        actor=chief_executive, briefing=briefing, nominee=org.officers.assistant_director
    )
    assert briefing.officer == org.officers.assistant_director and briefing.nominated
    assert briefing.events.filter(kind=Ev.NOMINATED).exists()
    with pytest.raises(ValidationError):
        briefing_nominate(actor=chief_executive, briefing=ask(org), nominee=org.officers.director)


def test_declining_needs_reasons_and_tells_the_group_leader(org, chief_executive, group_leader):
    briefing = ask(org)
    with pytest.raises(ValidationError) as error:
        briefing_decline(actor=chief_executive, briefing=briefing, reason=" ")
    assert "reason" in error.value.message_dict
    briefing = briefing_decline(
        actor=chief_executive, briefing=briefing, reason="Too political: a manifesto matter."
    )
    assert briefing.status == Status.DECLINED and briefing.closed_at
    (declined,) = [e for e in emails_to(group_leader) if "declined" in e.subject]
    assert "Too political" not in declined.body_text  # the reasons are on the request's page
    assert f"/groups/{briefing.pk}/" in declined.body_text
    with pytest.raises(ValidationError):
        briefing_clear(actor=chief_executive, briefing=briefing)


def test_two_decisions_at_once_do_not_both_win(org, chief_executive):
    briefing = ask(org)
    stale = BriefingRequest.objects.get(pk=briefing.pk)
    briefing_clear(actor=chief_executive, briefing=briefing)
    with pytest.raises(ValidationError):
        briefing_decline(actor=chief_executive, briefing=stale, reason="Too political.")
    assert BriefingRequest.objects.get(pk=briefing.pk).status == Status.CLEARED


def test_non_council_attendees_need_the_written_exception_copied_to_every_group_leader(
    org, chief_executive, group_leader, group_b_leader, group_c
):
    briefing = ask(
        org,
        kind=BriefingRequest.Kind.ATTENDANCE,
        non_council_attendees=True,
        non_council_names="Jane Doe MP",
    )
    with pytest.raises(ValidationError) as error:
        briefing_clear(actor=chief_executive, briefing=briefing)
    assert "exception_text" in error.value.message_dict
    briefing = briefing_clear(
        actor=chief_executive,
        briefing=briefing,
        exception_text="The MP chairs the regional waste board; factual only.",
    )
    assert briefing.exception_text.startswith("The MP chairs")
    assert briefing.events.filter(kind=Ev.EXCEPTION).exists()
    for leader in (group_leader, group_b_leader, group_c.leader.user):
        exception = [e for e in emails_to(leader) if "written exception" in e.subject]
        assert len(exception) == 1
        assert "Jane Doe MP" in exception[0].body_text
        assert "regional waste board" in exception[0].body_text


def test_no_exception_without_non_council_attendees(org, chief_executive):
    with pytest.raises(ValidationError):
        briefing_clear(actor=chief_executive, briefing=ask(org), exception_text="Allowed.")


def test_notice_of_attendance_goes_to_the_proper_officer_and_other_leaders_with_the_subject_only(
    org, group_leader, group_b_leader, monitoring_officer
):
    briefing = cleared(
        org, kind=BriefingRequest.Kind.ATTENDANCE, details="SECRET-DETAIL about the bids"
    )
    assert briefing.events.filter(kind=Ev.NOTICE).exists()
    (notice,) = [e for e in emails_to(group_b_leader) if "Notice" in e.subject]
    assert "Options for the waste contract" in notice.body_text
    assert "Group A" in notice.body_text
    assert "SECRET-DETAIL" not in notice.body_text + notice.body_html
    assert "Group members only" not in notice.body_text
    assert f"/groups/{briefing.pk}/" not in notice.body_text  # no link they cannot open
    assert any("Notice" in e.subject for e in emails_to(monitoring_officer))
    assert not any("Notice" in e.subject for e in emails_to(group_leader))


def test_a_note_request_gives_no_notice_of_attendance(org, group_b_leader):
    briefing = cleared(org)
    assert not briefing.events.filter(kind=Ev.NOTICE).exists()
    assert emails_to(group_b_leader) == []


def test_the_group_leader_withdraws(org, group_leader, councillor):
    briefing = cleared(org)
    with pytest.raises(PermissionDenied):
        briefing_withdraw(actor=councillor, briefing=briefing)
    briefing = briefing_withdraw(actor=group_leader, briefing=briefing, reason="Not needed.")
    assert briefing.status == Status.WITHDRAWN
    assert OutboxEmail.objects.filter(subject__contains="withdrawn").exists()


def test_a_minority_partys_alternative_budget_request_is_logged_like_any_other(org, group_c):
    briefing = ask(
        org,
        actor=group_c.leader.user,
        subject="Costing an alternative budget",
        topic="2027/28 budget",
        alternative_budget=True,
    )
    assert briefing.group == group_c and briefing.alternative_budget
    assert briefing.events.filter(kind=Ev.REQUESTED).exists()


def test_without_equal_access_other_leaders_are_not_told_of_an_attendance(
    settings, org, group_b_leader, monitoring_officer
):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    briefing = cleared(org, kind=BriefingRequest.Kind.ATTENDANCE)
    assert briefing.events.filter(kind=Ev.NOTICE).exists()
    assert any("Notice" in e.subject for e in emails_to(monitoring_officer))
    assert emails_to(group_b_leader) == []
