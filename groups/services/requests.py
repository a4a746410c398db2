"""GRP-2, GRP-5, GRP-9: a group asks for a briefing; the Chief Executive clears it, nominates a
representative, or declines it (001 §1.11, 002 §9.b.ii); a meeting with non-council attendees
needs the Chief Executive's written exception, copied to every Group Leader (004 §6.6)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from notices.selectors import period_on
from protocol_site.cases import (
    create_with_reference,
    lock,
    long_date,
    notify,
    record_event,
    require,
)
from protocol_site.council_rules import rule
from registers.models import DIRECTOR_TIERS, Officer, Tier
from registers.roles import Role, person_for

from .. import permissions
from ..models import BriefingRequest, Status
from .common import (
    LOCK_RELATED,
    Ev,
    chief_executive_user,
    group_leaders,
    holds_confidential_role,
    monitoring_officer_user,
    require_status,
)

Kind = BriefingRequest.Kind
ADDRESSEE_TIERS = (Tier.CHIEF_EXECUTIVE, *DIRECTOR_TIERS)


def may_be_addressed(officer: Officer) -> bool:
    """The Chief Executive or an Executive/Strategic Director or Director (002 §9.a.i)."""
    post = officer.working_post
    return officer.is_active and post is not None and post.tier in ADDRESSEE_TIERS


def _requesting_group(actor, confidential: bool):
    person = person_for(actor)
    councillor = person.councillor
    if councillor is None:
        raise PermissionDenied("Only a councillor can ask for a briefing.")
    if person.has(Role.GROUP_LEADER):
        return councillor.leads_group
    if confidential and councillor.group_id and holds_confidential_role(councillor):
        return councillor.group
    if confidential:
        raise PermissionDenied(
            "A confidential briefing is for a Group Leader, lead member or committee chair."
        )
    raise PermissionDenied("Only a Group Leader can ask for a briefing for the group.")


def _check(
    *,
    kind: str,
    addressed_to: Officer,
    subject: str,
    topic: str,
    meeting_date: date,
    non_council_attendees: bool,
    non_council_names: str,
    decision_meeting: str,
    decision_meeting_date: date | None,
    confidential: bool,
) -> None:
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = "Select a briefing note or an officer to attend"
    if not may_be_addressed(addressed_to):
        errors["addressed_to"] = "Select the Chief Executive or a Director"
    if not subject:
        errors["subject"] = "Enter the subject"
    if not topic:
        errors["topic"] = "Enter the Council business it is about"
    if meeting_date < timezone.localdate():
        errors["meeting_date"] = "The meeting date must be today or in the future"
    if non_council_attendees and not non_council_names:
        errors["non_council_names"] = "Name the people who are not members of the council"
    if decision_meeting_date and not decision_meeting:
        errors["decision_meeting"] = "Name the decision meeting"
    if decision_meeting_date and decision_meeting_date < meeting_date:
        errors["decision_meeting_date"] = "The decision meeting must be after the group's"
    if confidential and kind == Kind.ATTENDANCE:
        errors["confidential"] = (
            "A confidential briefing is given to you, not at a group meeting: ask for a "
            "briefing note"
        )
    if errors:
        raise ValidationError(errors)


def briefing_request(
    *,
    actor,
    kind: str,
    addressed_to: Officer,
    subject: str,
    topic: str,
    meeting_date: date,
    details: str = "",
    others_present: str = "",
    non_council_attendees: bool = False,
    non_council_names: str = "",
    decision_meeting: str = "",
    decision_meeting_date: date | None = None,
    alternative_budget: bool = False,
    confidential: bool = False,
) -> BriefingRequest:
    """A Group Leader asks for a note or an officer's attendance (002 §9.a.i, 9.b.i), or a
    Group Leader, lead member or chair for a confidential briefing (004 §7.1)."""
    group = _requesting_group(actor, confidential)
    subject, topic = subject.strip(), topic.strip()
    non_council_names = non_council_names.strip() if non_council_attendees else ""
    decision_meeting = decision_meeting.strip()
    _check(
        kind=kind,
        addressed_to=addressed_to,
        subject=subject,
        topic=topic,
        meeting_date=meeting_date,
        non_council_attendees=non_council_attendees,
        non_council_names=non_council_names,
        decision_meeting=decision_meeting,
        decision_meeting_date=decision_meeting_date,
        confidential=confidential,
    )
    now = timezone.now()
    with transaction.atomic():
        briefing = create_with_reference(
            BriefingRequest,
            prefix="BRF",
            on=now,
            kind=kind,
            group=group,
            requested_by=actor,
            addressed_to=addressed_to,
            subject=subject,
            topic=topic,
            details=details.strip(),
            meeting_date=meeting_date,
            others_present=others_present.strip(),
            non_council_attendees=non_council_attendees,
            non_council_names=non_council_names,
            decision_meeting=decision_meeting,
            decision_meeting_date=decision_meeting_date,
            alternative_budget=alternative_budget,
            confidential=confidential,
            created_at=now,
            in_pre_election_period=period_on(now) is not None,
        )
        what = briefing.get_kind_display().lower()
        record_event(
            briefing,
            Ev.REQUESTED,
            actor=actor,
            detail=f"Asked {addressed_to} for {what} for {long_date(meeting_date)}."
            + (" Confidential to the member." if confidential else ""),
        )
        notify(
            [chief_executive_user(), addressed_to.user],
            "briefing_requested",
            {"briefing": briefing},
            key=f"briefing:{briefing.pk}:requested",
        )
    return briefing


def _clear(actor, briefing: BriefingRequest, officer: Officer, exception_text: str, kind: str):
    require(permissions.can_decide, actor, briefing)
    exception_text = exception_text.strip()
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        require_status(briefing, Status.REQUESTED)
        if not officer.is_active:
            raise ValidationError({"nominee": "Select a current officer"})
        if briefing.non_council_attendees and not exception_text:
            raise ValidationError(
                {
                    "exception_text": "The meeting includes people who are not members of the "
                    "council: write the exception that allows officers to attend, "
                    "or decline the request"
                }
            )
        if not briefing.non_council_attendees and exception_text:
            raise ValidationError(
                {"exception_text": "An exception is only for a meeting with non-council attendees"}
            )
        briefing.clear()
        briefing.officer = officer
        briefing.exception_text = exception_text
        briefing.decided_by = actor
        briefing.decided_at = timezone.now()
        briefing.save(
            update_fields=["status", "officer", "exception_text", "decided_by", "decided_at"]
        )
        detail = (
            f"Cleared: {officer} to {'attend' if briefing.kind == Kind.ATTENDANCE else 'write'}."
            if kind == Ev.CLEARED
            else f"{officer} nominated to attend in {briefing.addressed_to}'s stead."
        )
        record_event(briefing, kind, actor=actor, detail=detail, audit={"officer_id": officer.pk})
        if exception_text:
            _copy_exception(actor, briefing)
        _tell_cleared(briefing)
        if briefing.kind == Kind.ATTENDANCE:
            _give_notice_of_attendance(actor, briefing)
    return briefing


def _copy_exception(actor, briefing: BriefingRequest) -> None:
    """004 §6.6: the Chief Executive's exception, in writing, to every Group Leader."""
    record_event(briefing, Ev.EXCEPTION, actor=actor, detail=briefing.exception_text)
    notify(
        group_leaders(),
        "briefing_exception",
        {"briefing": briefing},
        key=f"briefing:{briefing.pk}:exception",
    )


def _tell_cleared(briefing: BriefingRequest) -> None:
    officer = briefing.officer
    notify(
        [officer.user],
        "briefing_to_officer",
        {"briefing": briefing},
        key=f"briefing:{briefing.pk}:officer",
    )
    notify(
        [briefing.requested_by, briefing.addressed_to.user],
        "briefing_cleared",
        {"briefing": briefing},
        key=f"briefing:{briefing.pk}:cleared",
    )


def _give_notice_of_attendance(actor, briefing: BriefingRequest) -> None:
    """004 §6.2: notice that an officer will attend, with the subject, to the proper officer
    and, where the council shares advice between groups, the other Group Leaders. Only that:
    never the request's details or the meeting's. A council whose protocol struck equal
    access discloses nothing of one group's briefings to another, not even this."""
    notice = (
        f"{briefing.officer} will attend the meeting of {briefing.group} on "
        f"{long_date(briefing.meeting_date)} to give factual information on: {briefing.subject}."
    )
    record_event(briefing, Ev.NOTICE, actor=actor, detail=notice)
    notify(
        [monitoring_officer_user()],
        "briefing_attendance_notice",
        {"briefing": briefing},
        key=f"briefing:{briefing.pk}:notice:mo",
    )
    if not rule("GROUP_BRIEFING_EQUAL_ACCESS"):
        return
    notify(
        group_leaders(exclude_group_id=briefing.group_id),
        "briefing_attendance_notice_leaders",
        {"briefing": briefing},
        key=f"briefing:{briefing.pk}:notice:leaders",
    )


def briefing_clear(*, actor, briefing: BriefingRequest, exception_text: str = ""):
    """The Chief Executive clears it: the officer asked writes or attends (001 §1.11)."""
    return _clear(actor, briefing, briefing.addressed_to, exception_text, Ev.CLEARED)


def briefing_nominate(
    *, actor, briefing: BriefingRequest, nominee: Officer, exception_text: str = ""
):
    """A representative in the addressee's stead (002 §9.b.ii)."""
    if nominee.pk == briefing.addressed_to_id:
        raise ValidationError({"nominee": "Select someone other than the officer asked"})
    return _clear(actor, briefing, nominee, exception_text, Ev.NOMINATED)


def briefing_decline(*, actor, briefing: BriefingRequest, reason: str) -> BriefingRequest:
    """Declined where the issue is too political to attend or advise on (002 §9.b.ii)."""
    require(permissions.can_decide, actor, briefing)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reasons for declining"})
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        require_status(briefing, Status.REQUESTED)
        briefing.decline()
        briefing.decline_reason = reason
        briefing.decided_by = actor
        briefing.decided_at = briefing.closed_at = timezone.now()
        briefing.save(
            update_fields=["status", "decline_reason", "decided_by", "decided_at", "closed_at"]
        )
        record_event(briefing, Ev.DECLINED, actor=actor, detail=reason)
        notify(
            [briefing.requested_by, briefing.addressed_to.user],
            "briefing_declined",
            {"briefing": briefing},
            key=f"briefing:{briefing.pk}:declined",
        )
    return briefing


def briefing_withdraw(*, actor, briefing: BriefingRequest, reason: str = "") -> BriefingRequest:
    """The member who asked no longer needs it."""
    require(permissions.can_withdraw, actor, briefing)
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        require_status(briefing, Status.REQUESTED, Status.CLEARED)
        briefing.withdraw()
        briefing.closed_at = timezone.now()
        briefing.save(update_fields=["status", "closed_at"])
        record_event(briefing, Ev.WITHDRAWN, actor=actor, detail=reason.strip())
        notify(
            [chief_executive_user(), briefing.officer.user if briefing.officer else None],
            "briefing_withdrawn",
            {"briefing": briefing},
            key=f"briefing:{briefing.pk}:withdrawn",
        )
    return briefing
