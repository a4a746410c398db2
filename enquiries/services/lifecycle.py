"""Every change to an enquiry: one function each, audited, notified through the outbox."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from notices.selectors import period_on
from protocol_site.audit import audit_record
from protocol_site.calendar import council_calendar
from registers.models import Councillor, Officer, Service, Ward
from registers.roles import Role, person_for

from ..models import Enquiry, ExtensionRequest, Status
from ..models import EnquiryEvent as Ev
from ..permissions import can_decide_extension, can_decline
from ..routing import conflict_check, require_not_conflicted, route, senior_for
from .clock import reschedule
from .common import locked, notify, record, require_open, require_worker

Kind = Enquiry.Kind
Channel = Enquiry.Channel


def _date_text(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def enquiry_log(
    *,
    actor,
    councillor: Councillor,
    subject: str,
    details: str,
    kind: str,
    service: Service,
    ward: Ward | None = None,
    approached_officer: Officer | None = None,
    attachment=None,
    channel: str = Channel.ONLINE,
    received_at: datetime | None = None,
) -> Enquiry:
    """ENQ-1: a councillor logs an enquiry, or an officer records one received another way."""
    person = person_for(actor)
    now = timezone.now()
    if person.councillor is not None and person.councillor.pk == councillor.pk:
        channel, received_at = Channel.ONLINE, now  # a councillor's own: received now
    elif person.officer is not None or person.has(Role.DEMOCRATIC_SERVICES):
        if channel == Channel.ONLINE:
            raise ValidationError({"channel": "Say how the enquiry was received."})
        if received_at is None:
            raise ValidationError({"received_at": "Enter when the enquiry was received."})
        if received_at > now:
            raise ValidationError({"received_at": "The time of receipt cannot be in the future."})
    else:
        raise PermissionDenied("Only the councillor, an officer or democratic services can log it.")
    if not service.is_active:
        raise ValidationError({"service": "Choose a current service."})
    calendar = council_calendar()
    from django.conf import settings

    explanation = calendar.explain(received_at, settings.ENQUIRY_WORKING_DAYS)
    routed = route(service=service, kind=kind, approached=approached_officer, councillor=councillor)
    with transaction.atomic():
        enquiry = Enquiry(
            reference=f"new-{uuid.uuid4().hex[:12]}",
            councillor=councillor,
            ward=ward or councillor.ward,
            kind=kind,
            service=service,
            approached_officer=approached_officer,
            subject=subject,
            details=details,
            channel=channel,
            logged_by=actor,
            received_at=received_at,
            day_of_receipt=explanation.day_of_receipt,
            due_date=explanation.due,
            due_explanation=str(explanation),
            target_date=explanation.due,
            assigned_to=routed.assigned_to,
            director=routed.director,
            routing_reason=routed.reason,
            policy_flagged=routed.policy_flagged,
            in_pre_election_period=period_on(received_at) is not None,
        )
        if attachment is not None:
            enquiry.attachment = attachment
        enquiry.save()
        enquiry.reference = f"ENQ-{received_at:%Y}-{enquiry.pk:06d}"
        reschedule(enquiry, calendar, now=now)
        enquiry.save(update_fields=["reference", "next_action_at", "reminded_cycle"])
        how = enquiry.get_channel_display().lower()
        record(
            enquiry,
            Ev.Kind.LOGGED,
            actor=actor,
            detail=f"Logged ({how}): {enquiry.due_explanation}.",
        )
        record(
            enquiry, Ev.Kind.ROUTED, actor=actor, detail=routed.reason, officer=routed.assigned_to
        )
        due = _date_text(enquiry.due_date)
        notify(
            [councillor.user],
            enquiry,
            "Your enquiry has been logged",
            [f"It is with {routed.assigned_to}. {routed.reason}", f"A reply is due by {due}."],
        )
        notify(
            [routed.assigned_to.user],
            enquiry,
            "A member's enquiry has been assigned to you",
            [f"From {councillor}. A full response or holding reply is due by {due}."],
        )
        if routed.director and routed.director.pk != routed.assigned_to.pk:
            notify(
                [routed.director.user],
                enquiry,
                "Copy: a member's enquiry in your directorate",
                [f"From {councillor}, assigned to {routed.assigned_to}. Due by {due}."],
            )
    return enquiry


def enquiry_acknowledge(*, actor, enquiry: Enquiry) -> Enquiry:
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        if enquiry.status != Status.LOGGED:
            raise ValidationError("This enquiry has already been acknowledged.")
        enquiry.acknowledge()
        enquiry.acknowledged_at = timezone.now()
        enquiry.save(update_fields=["status", "acknowledged_at"])
        record(enquiry, Ev.Kind.ACKNOWLEDGED, actor=actor, detail=f"Acknowledged by {actor}.")
        notify(
            [enquiry.councillor.user],
            enquiry,
            "Your enquiry has been acknowledged",
            [f"{actor} is dealing with it. A reply is due by {_date_text(enquiry.target_date)}."],
        )
    return enquiry


def _first_reply(enquiry: Enquiry, now: datetime, calendar) -> list[str]:
    if enquiry.first_reply_at is not None:
        return []
    enquiry.first_reply_at = now
    enquiry.first_reply_working_days = calendar.working_days_between(
        enquiry.day_of_receipt, timezone.localtime(now).date()
    )
    return ["first_reply_at", "first_reply_working_days"]


def _move_target(enquiry: Enquiry, new_date: date, calendar, now) -> list[str]:
    enquiry.target_date = new_date
    enquiry.target_cycle += 1
    enquiry.escalation_rung = 0
    reschedule(enquiry, calendar, now=now)
    return ["target_date", "target_cycle", "escalation_rung", "next_action_at", "reminded_cycle"]


def _require_future_working_day(calendar, day: date, field: str) -> None:
    if day <= timezone.localdate():
        raise ValidationError({field: "The date must be in the future."})
    if not calendar.is_working_day(day):
        raise ValidationError({field: "Choose a working day."})


def enquiry_send_holding_reply(
    *, actor, enquiry: Enquiry, explanation: str, expected_date: date
) -> Enquiry:
    """ENQ-4: explains the delay; the expected date then carries its own reminders."""
    if not explanation.strip():
        raise ValidationError({"explanation": "Explain what is happening and why."})
    calendar = council_calendar()
    _require_future_working_day(calendar, expected_date, "expected_date")
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        require_open(enquiry)
        now = timezone.now()
        enquiry.send_holding_reply()
        fields = ["status", *_first_reply(enquiry, now, calendar)]
        fields += _move_target(enquiry, expected_date, calendar, now)
        enquiry.save(update_fields=fields)
        record(
            enquiry,
            Ev.Kind.HOLDING_REPLY,
            actor=actor,
            detail=explanation,
            new_date=expected_date,
        )
        notify(
            [enquiry.councillor.user],
            enquiry,
            "Holding reply on your enquiry",
            [explanation, f"A full response is now expected by {_date_text(expected_date)}."],
        )
    return enquiry


def enquiry_request_extension(
    *, actor, enquiry: Enquiry, reason: str, proposed_date: date
) -> ExtensionRequest:
    """ENQ-5: the officer asks senior management for more time (003 §8.2)."""
    if not reason.strip():
        raise ValidationError({"reason": "Explain why more time is needed."})
    calendar = council_calendar()
    _require_future_working_day(calendar, proposed_date, "proposed_date")
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        require_open(enquiry)
        if proposed_date <= enquiry.target_date:
            raise ValidationError({"proposed_date": "Propose a date after the current deadline."})
        if enquiry.extensions.filter(outcome=ExtensionRequest.Outcome.PENDING).exists():
            raise ValidationError("A request for more time is already awaiting a decision.")
        request = ExtensionRequest.objects.create(
            enquiry=enquiry,
            requested_by=person_for(actor).officer,
            reason=reason,
            proposed_date=proposed_date,
        )
        record(
            enquiry,
            Ev.Kind.EXTENSION_REQUESTED,
            actor=actor,
            detail=reason,
            new_date=proposed_date,
            visible_to_councillor=False,
        )
        deciders = [enquiry.director.user] if enquiry.director else []
        notify(
            deciders,
            enquiry,
            "More time asked for on a member's enquiry",
            [f"{actor} asks to reply by {_date_text(proposed_date)}: {reason}"],
        )
    return request


def enquiry_decide_extension(
    *,
    actor,
    request: ExtensionRequest,
    agree: bool,
    note: str = "",
    agreed_date: date | None = None,
) -> ExtensionRequest:
    calendar = council_calendar()
    with transaction.atomic():
        request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
        enquiry = locked(request.enquiry)
        if not can_decide_extension(actor, enquiry):
            raise PermissionDenied("Only senior management above the officer can decide.")
        if request.outcome != ExtensionRequest.Outcome.PENDING:
            raise ValidationError("This request has already been decided.")
        require_open(enquiry)
        request.decided_by = person_for(actor).officer
        request.decided_at = timezone.now()
        request.decision_note = note
        if agree:
            new_date = agreed_date or request.proposed_date
            _require_future_working_day(calendar, new_date, "agreed_date")
            request.outcome = ExtensionRequest.Outcome.AGREED
            request.agreed_date = new_date
            enquiry.save(update_fields=_move_target(enquiry, new_date, calendar, timezone.now()))
            record(enquiry, Ev.Kind.EXTENSION_AGREED, actor=actor, detail=note, new_date=new_date)
            notify(
                [enquiry.councillor.user, request.requested_by.user],
                enquiry,
                "More time agreed on the enquiry",
                [
                    f"Senior management ({actor}) agreed a new deadline: {_date_text(new_date)}.",
                    *([note] if note else []),
                ],
            )
        else:
            if not note.strip():
                raise ValidationError({"note": "Say why more time is refused."})
            request.outcome = ExtensionRequest.Outcome.REFUSED
            record(
                enquiry,
                Ev.Kind.EXTENSION_REFUSED,
                actor=actor,
                detail=note,
                visible_to_councillor=False,
            )
            notify(
                [request.requested_by.user],
                enquiry,
                "More time refused on the enquiry",
                [note, f"The deadline stays {_date_text(enquiry.target_date)}."],
            )
        request.save()
    return request


def enquiry_seek_guidance(
    *, actor, enquiry: Enquiry, note: str, refer_to_chief_executive: bool = False
) -> Enquiry:
    """003 §9.3, 004 §7.4: guidance from the Director, who may refer to the Chief Executive."""
    from registers.ladder import Rung, ladder_for

    if not note.strip():
        raise ValidationError({"note": "Say what guidance is needed."})
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        require_open(enquiry)
        if refer_to_chief_executive:
            steps = ladder_for(enquiry.assigned_to, (Rung.CHIEF_EXECUTIVE,))
            to = steps[0].person if steps else None
        else:
            to = enquiry.director
        if to is None:
            raise ValidationError("There is nobody to seek guidance from.")
        record(
            enquiry,
            Ev.Kind.GUIDANCE_SOUGHT,
            actor=actor,
            detail=note,
            officer=to,
            visible_to_councillor=False,
        )
        notify([to.user], enquiry, "Guidance sought on a member's enquiry", [f"{actor}: {note}"])
    return enquiry


def enquiry_reassign(
    *, actor, enquiry: Enquiry, to: Officer, note: str, service: Service | None = None
) -> Enquiry:
    """To the right officer or service; the clock keeps running (ENQ-3)."""
    if not note.strip():
        raise ValidationError({"note": "Say why it is being reassigned."})
    if not to.is_active:
        raise ValidationError({"to": "Choose a current officer."})
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        require_open(enquiry)
        if to.pk == enquiry.assigned_to_id and (service is None or service == enquiry.service):
            raise ValidationError({"to": "It is already with this officer."})
        is_conflicted = conflict_check(enquiry.councillor)
        require_not_conflicted(to, enquiry.councillor, is_conflicted=is_conflicted)
        previous = enquiry.assigned_to
        enquiry.assigned_to = to
        fields = ["assigned_to"]
        if service is not None and service.pk != enquiry.service_id:
            enquiry.service = service
            enquiry.director = senior_for(service, is_conflicted).officer
            fields += ["service", "director"]
        enquiry.save(update_fields=fields)
        record(enquiry, Ev.Kind.REASSIGNED, actor=actor, detail=note, officer=to)
        due = _date_text(enquiry.target_date)
        notify(
            [enquiry.councillor.user],
            enquiry,
            "Your enquiry has been passed to another officer",
            [f"It is now with {to} ({enquiry.service}). {note}", f"It is still due by {due}."],
        )
        notify(
            [to.user, previous.user],
            enquiry,
            "A member's enquiry has been reassigned",
            [f"From {previous} to {to}: {note}", f"Due by {due}; the clock keeps running."],
        )
    return enquiry


def enquiry_respond(*, actor, enquiry: Enquiry, response: str, minor: bool = False) -> Enquiry:
    """The full response closes the enquiry; ENQ-8 advises the chair and lead member."""
    from django.conf import settings

    if not response.strip():
        raise ValidationError({"response": "Enter the response."})
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = locked(enquiry)
        require_worker(actor, enquiry)
        require_open(enquiry)
        now = timezone.now()
        enquiry.respond()
        enquiry.response = response
        enquiry.closed_at = now
        enquiry.next_action_at = None
        fields = ["status", "response", "closed_at", "next_action_at"]
        enquiry.save(update_fields=fields + _first_reply(enquiry, now, calendar))
        record(enquiry, Ev.Kind.RESPONDED, actor=actor, detail=response)
        notify(
            [enquiry.councillor.user],
            enquiry,
            "Response to your enquiry",
            [
                response,
                "Use this information only for the purpose for which it was provided (004 §7.6).",
            ],
        )
        if settings.ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER and not minor:
            _advise_chair_and_lead_member(enquiry, actor)
    return enquiry


def _advise_chair_and_lead_member(enquiry: Enquiry, actor) -> None:
    """004 §7.3: factual information given to one member is made known to the chair and lead."""
    service = enquiry.service
    advised = [
        c
        for c in (service.lead_member, service.committee_chair)
        if c is not None and c.pk != enquiry.councillor_id
    ]
    if not advised:
        return
    names = ", ".join(str(c) for c in advised)
    record(enquiry, Ev.Kind.ADVISED, actor=actor, detail=f"Advised: {names}.")
    notify(
        [c.user for c in advised],
        enquiry,
        "Information given to a member",
        [
            f"{enquiry.councillor} has been given factual information about {service} "
            f"({enquiry.subject}). You may ask for a copy (004 §7.3)."
        ],
    )


def enquiry_decline(
    *, actor, enquiry: Enquiry, reason: str, explanation: str, point_to_foi: bool = False
) -> Enquiry:
    """ENQ-6: a senior officer declines an inappropriate enquiry, giving reasons."""
    if reason not in Enquiry.DeclineReason.values:
        raise ValidationError({"reason": "Choose a reason."})
    if not explanation.strip():
        raise ValidationError({"explanation": "Explain the reasons to the councillor."})
    with transaction.atomic():
        enquiry = locked(enquiry)
        if not can_decline(actor, enquiry):
            raise PermissionDenied("Only a senior officer can decline an enquiry.")
        require_open(enquiry)
        enquiry.decline()
        enquiry.decline_reason = reason
        enquiry.decline_explanation = explanation
        enquiry.pointed_to_foi = point_to_foi
        enquiry.closed_at = timezone.now()
        enquiry.next_action_at = None
        enquiry.save(
            update_fields=[
                "status",
                "decline_reason",
                "decline_explanation",
                "pointed_to_foi",
                "closed_at",
                "next_action_at",
            ]
        )
        lines = [f"Reason: {enquiry.get_decline_reason_display()}.", explanation]
        if point_to_foi:
            lines.append(
                "You may be able to have this information under the Freedom of Information Act "
                "2000: the council's FOI officer can advise (000 §6.7)."
            )
        record(enquiry, Ev.Kind.DECLINED, actor=actor, detail=" ".join(lines))
        notify([enquiry.councillor.user], enquiry, "Your enquiry has been declined", lines)
    return enquiry


def enquiry_record_view(*, actor, enquiry: Enquiry, what: str = "viewed") -> None:
    """A view of confidential casework by anyone but its councillor is audited (SPEC, Audit)."""
    if enquiry.kind != Kind.CASEWORK:
        return
    person = person_for(actor)
    if person.councillor is not None and person.councillor.pk == enquiry.councillor_id:
        return
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=f"enquiries.enquiry.{what}",
            obj=enquiry,
            summary=f"Confidential casework {what} by {actor}.",
        )
