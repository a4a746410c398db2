"""Every change to a request for advice: one function each, audited, emailed via the outbox."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.calendar import council_calendar
from protocol_site.cases import (
    audit_case,
    create_with_reference,
    lock,
    notify,
    record_event,
    require,
)
from protocol_site.council_rules import rule
from registers.roles import person_for

from .. import permissions
from ..models import AdviceRequest, AdviceStep, Topic
from ..routing import advisers, asker_side
from .clock import due_on_for, next_moment

Kind = AdviceStep.Kind
QUESTION_MAX = 10000


def _text(value: str, field: str, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: missing})
    if len(value) > QUESTION_MAX:
        raise ValidationError({field: f"Keep it to {QUESTION_MAX} characters or fewer"})
    return value


def advice_ask(*, actor, topic: str, question: str) -> AdviceRequest:
    """A councillor or an officer asks for advice. The advisers are told by email (no words of
    the question in it); the clock starts from the working day it is received."""
    side = asker_side(person_for(actor))
    if side is None:
        raise PermissionDenied("Only councillors and officers ask for advice here.")
    if topic not in Topic.values:
        raise ValidationError({"topic": "Select what the advice is about"})
    question = _text(question, "question", "Enter your question")
    now = timezone.now()
    due_on = due_on_for(council_calendar(), now, rule("ADVICE_WORKING_DAYS"))
    with transaction.atomic():
        case = create_with_reference(
            AdviceRequest,
            prefix="ADV",
            on=now,
            history_user=actor,
            asker=actor,
            asker_side=side,
            topic=topic,
            question=question,
            created_at=now,
            due_on=due_on,
            next_action_at=next_moment(due_on, set()),
        )
        told = advisers(case)
        names = " and ".join(u.display_name for u in told) or "nobody (no adviser in post)"
        record_event(case, Kind.ASKED, actor=actor, detail=f"Asked; {names} told.", row={"at": now})
        notify(told, "advice_asked", {"case": case}, key=f"advice:{case.pk}:asked")
    return case


def advice_give(*, actor, case: AdviceRequest, advice: str) -> AdviceRequest:
    """The Monitoring Officer (or the Chief Finance Officer, on a financial matter) records the
    advice; the asker is told by email and reads it here."""
    advice = _text(advice, "advice", "Enter your advice")
    with transaction.atomic():
        case = lock(case, "asker")
        require(permissions.can_advise, actor, case)
        now = timezone.now()
        case.give_advice()
        case.advice = advice
        case.advised_by = actor
        case.advised_at = now
        case.next_action_at = None
        case._history_user = actor
        case.save(update_fields=["status", "advice", "advised_by", "advised_at", "next_action_at"])
        record_event(case, Kind.ADVISED, actor=actor, detail="Advice given.", row={"at": now})
        notify([case.asker], "advice_given", {"case": case}, key=f"advice:{case.pk}:advised")
    return case


def advice_withdraw(*, actor, case: AdviceRequest, reason: str = "") -> AdviceRequest:
    """The asker no longer needs the advice; the advisers are told."""
    reason = (reason or "").strip()[:500]
    with transaction.atomic():
        case = lock(case, "asker")
        require(permissions.can_withdraw, actor, case)
        case.withdraw()
        case.next_action_at = None
        case._history_user = actor
        case.save(update_fields=["status", "next_action_at"])
        record_event(
            case,
            Kind.WITHDRAWN,
            actor=actor,
            detail=f"Withdrawn: {reason}" if reason else "Withdrawn.",
        )
        notify(
            advisers(case), "advice_withdrawn", {"case": case}, key=f"advice:{case.pk}:withdrawn"
        )
    return case


def advice_record_view(*, actor, case: AdviceRequest) -> None:
    """Every view of a request by someone other than its asker is audited."""
    if actor.pk != case.asker_id:
        audit_case(case, "viewed", actor=actor, summary=f"Viewed by {actor}.")
