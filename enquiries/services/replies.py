"""What the officer sends the councillor: the acknowledgement, a holding reply, the full
response (and the chair and lead member advised), or a reasoned decline."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from protocol_site.calendar import council_calendar
from protocol_site.cases import lock, notify, record_event, require
from protocol_site.council_rules import rule

from ..models import AdvisedMember, Enquiry
from ..models import EnquiryEvent as Ev
from ..permissions import can_decline, can_work
from ..search import search_index
from .attachments import attach_files, checked_files
from .common import require_open
from .deadlines import first_reply, move_target, require_future_working_day
from .waiting import end_wait


def enquiry_acknowledge(*, actor, enquiry: Enquiry) -> Enquiry:
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        if not can_proceed(enquiry.acknowledge):
            raise ValidationError("This enquiry has already been acknowledged")
        enquiry.acknowledge()
        enquiry.acknowledged_at = timezone.now()
        enquiry.save(update_fields=["status", "acknowledged_at"])
        record_event(enquiry, Ev.Kind.ACKNOWLEDGED, actor=actor, detail=f"Acknowledged by {actor}.")
        notify(
            [enquiry.councillor.user], "enquiry_acknowledged", {"enquiry": enquiry, "actor": actor}
        )
    return enquiry


def enquiry_send_holding_reply(
    *, actor, enquiry: Enquiry, explanation: str, expected_date: date
) -> Enquiry:
    """ENQ-4: explains the delay; the expected date then carries its own reminders."""
    if not explanation.strip():
        raise ValidationError({"explanation": "Explain what is happening and why"})
    calendar = council_calendar()
    require_future_working_day(calendar, expected_date, "expected_date")
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        require_open(enquiry)
        now = timezone.now()
        enquiry.send_holding_reply()
        fields = ["status", *first_reply(enquiry, now, calendar)]
        fields += move_target(enquiry, expected_date, calendar, now)
        enquiry.save(update_fields=fields)
        record_event(
            enquiry,
            Ev.Kind.HOLDING_REPLY,
            actor=actor,
            detail=explanation,
            new_date=expected_date,
        )
        search_index(enquiry)
        notify(
            [enquiry.councillor.user],
            "enquiry_holding_reply",
            {"enquiry": enquiry, "explanation": explanation},
        )
    return enquiry


def enquiry_respond(
    *, actor, enquiry: Enquiry, response: str, minor: bool = False, files=()
) -> Enquiry:
    """The full response, with any files, closes the enquiry; ENQ-8 advises the chair and lead
    member."""
    if not response.strip():
        raise ValidationError({"response": "Enter the response"})
    files = checked_files(files)
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        require_open(enquiry)
        now = timezone.now()
        enquiry.respond()
        enquiry.response = response
        enquiry.closed_at = now
        enquiry.next_action_at = None
        fields = ["status", "response", "closed_at", "next_action_at", *end_wait(enquiry, now)]
        enquiry.save(update_fields=fields + first_reply(enquiry, now, calendar))
        event = record_event(enquiry, Ev.Kind.RESPONDED, actor=actor, detail=response)
        search_index(enquiry)
        attach_files(event, files, actor=actor)
        notify([enquiry.councillor.user], "enquiry_responded", {"enquiry": enquiry})
        if rule("ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER") and not minor:
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
    record_event(enquiry, Ev.Kind.ADVISED, actor=actor, detail=f"Advised: {names}.")
    AdvisedMember.objects.bulk_create(
        [AdvisedMember(enquiry=enquiry, councillor=c) for c in advised], ignore_conflicts=True
    )
    notify([c.user for c in advised], "enquiry_advised", {"enquiry": enquiry})


FOI_ADVICE = (
    "You may be able to have this information under the Freedom of Information Act 2000: the "
    "council's FOI officer can advise."
)


def enquiry_decline(
    *, actor, enquiry: Enquiry, reason: str, explanation: str, point_to_foi: bool = False
) -> Enquiry:
    """ENQ-6: a senior officer declines an inappropriate enquiry, giving reasons."""
    if reason not in Enquiry.DeclineReason.values:
        raise ValidationError({"reason": "Select a reason"})
    if not explanation.strip():
        raise ValidationError({"explanation": "Explain the reasons to the councillor"})
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_decline, actor, enquiry)
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
                *end_wait(enquiry, enquiry.closed_at),
            ]
        )
        lines = [f"Reason: {enquiry.get_decline_reason_display()}.", explanation]
        if point_to_foi:
            lines.append(FOI_ADVICE)
        record_event(enquiry, Ev.Kind.DECLINED, actor=actor, detail=" ".join(lines))
        notify([enquiry.councillor.user], "enquiry_declined", {"enquiry": enquiry})
    return enquiry
