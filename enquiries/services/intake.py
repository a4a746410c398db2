"""An enquiry comes in: logged by its councillor or recorded by an officer, routed, and each
view of confidential casework audited."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from notices.selectors import period_on
from protocol_site.audit import audit_record
from protocol_site.audit_words import audit_words
from protocol_site.calendar import council_calendar, records_start
from protocol_site.cases import create_with_reference, long_date, notify, record_event, require
from protocol_site.uploads import check_attachments
from registers.models import NOT_COVERED, Councillor, Officer, Service, Ward
from registers.roles import person_for

from ..models import Enquiry
from ..models import EnquiryEvent as Ev
from ..permissions import can_log
from ..policy import clock_working_days
from ..routing import route
from ..search import search_index
from .clock import reschedule
from .constituent import clean_constituent, write_constituent
from .team import allocators

Kind = Enquiry.Kind
Channel = Enquiry.Channel
# `ward` left out: the councillor's own ward. `ward=None`: not about a particular ward.
OWN_WARD = "own ward"


def _check_receipt(received_at: datetime, now: datetime) -> None:
    """A recorded time of receipt is in the past, and no earlier than the council's records
    start: an enquiry dated decades back would be overdue at once, every rung of its ladder
    due together."""
    if received_at > now:
        raise ValidationError({"received_at": "The date and time received must be in the past"})
    earliest = records_start(timezone.localdate(now))
    if timezone.localtime(received_at).date() < earliest:
        raise ValidationError(
            {
                "received_at": f"The date received must be on or after {long_date(earliest)}, "
                "when the council's records start"
            }
        )


def enquiry_log(
    *,
    actor,
    councillor: Councillor,
    subject: str,
    details: str,
    kind: str,
    service: Service,
    ward: Ward | None | str = OWN_WARD,
    approached_officer: Officer | None = None,
    attachment=None,
    channel: str = Channel.ONLINE,
    received_at: datetime | None = None,
    constituent: dict | None = None,
    urgent_reason: str = "",
    files=(),
) -> Enquiry:
    """ENQ-1: a councillor logs an enquiry, or an officer records one received another way.
    `constituent`: the constituent's details the councillor gives with their casework. With
    `urgent_reason`, it is urgent from the start: due on the shorter clock. A councillor's own
    email (the inbox app) is theirs, received when it arrived; `files` (checked here) go with
    it on its first step."""
    require(can_log, actor, councillor)
    about = clean_constituent(constituent or {})
    files = check_attachments(files, field="files")
    person = person_for(actor)
    now = timezone.now()
    own = person.councillor is not None and person.councillor.pk == councillor.pk
    if own and channel == Channel.EMAIL and received_at is not None:
        _check_receipt(received_at, now)
    elif own:
        channel, received_at = Channel.ONLINE, now  # a councillor's own: received now
    else:
        if channel == Channel.ONLINE:
            raise ValidationError({"channel": "Say how the enquiry was received"})
        if received_at is None:
            raise ValidationError({"received_at": "Enter when the enquiry was received"})
        _check_receipt(received_at, now)
    if about is not None and not (person.councillor and person.councillor.pk == councillor.pk):
        raise ValidationError("Only the councillor can give the constituent's details.")
    if not service.is_active:
        raise ValidationError({"service": "Select a current service"})
    if approached_officer is not None and not approached_officer.is_covered:
        raise ValidationError({"approached_officer": NOT_COVERED})
    calendar = council_calendar()
    urgent_reason = (urgent_reason or "").strip()
    explanation = calendar.explain(received_at, clock_working_days(bool(urgent_reason)))
    routed = route(service=service, kind=kind, approached=approached_officer, councillor=councillor)
    with transaction.atomic():
        enquiry = create_with_reference(
            Enquiry,
            prefix="ENQ",
            on=received_at,
            councillor=councillor,
            ward=councillor.ward if ward == OWN_WARD else ward,
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
            due_explanation=f"{explanation}{', as it is urgent' if urgent_reason else ''}",
            target_date=explanation.due,
            assigned_to=routed.assigned_to,
            director=routed.director,
            routing_reason=routed.reason,
            policy_flagged=routed.policy_flagged,
            in_team_queue=routed.team_queue,
            in_pre_election_period=period_on(received_at) is not None,
            urgent=bool(urgent_reason),
            urgent_reason=urgent_reason,
            **({"attachment": attachment} if attachment is not None else {}),
        )
        write_constituent(enquiry, actor, about)
        reschedule(enquiry, calendar, now=now)
        enquiry.save(update_fields=["next_action_at", "reminded_cycle"])
        how = enquiry.get_channel_display().lower()
        logged = record_event(
            enquiry,
            Ev.Kind.LOGGED,
            actor=actor,
            detail=f"Logged ({how}): {enquiry.due_explanation}.",
        )
        if files:
            from .attachments import attach_files  # it reads this module

            attach_files(logged, files, actor=actor)
        record_event(
            enquiry, Ev.Kind.ROUTED, actor=actor, detail=routed.reason, officer=routed.assigned_to
        )
        if urgent_reason:
            record_event(enquiry, Ev.Kind.URGENT, actor=actor, detail=urgent_reason)
        search_index(enquiry)
        routing = {"enquiry": enquiry, "officer": routed.assigned_to, "reason": routed.reason}
        notify([councillor.user], "enquiry_logged", routing)
        if routed.team_queue:
            notify(allocators(service), "enquiry_in_team_queue", {"enquiry": enquiry})
        else:
            notify([routed.assigned_to.user], "enquiry_assigned", {"enquiry": enquiry})
        if routed.director and routed.director.pk != routed.assigned_to.pk:
            notify([routed.director.user], "enquiry_copied_to_director", {"enquiry": enquiry})
    return enquiry


def enquiry_record_view(
    *, actor, enquiry: Enquiry, action: str = "enquiries.enquiry.viewed", detail: str = ""
) -> None:
    """A view of confidential casework by anyone but its councillor is audited (SPEC, Audit)."""
    if enquiry.kind != Kind.CASEWORK:
        return
    person = person_for(actor)
    if person.councillor is not None and person.councillor.pk == enquiry.councillor_id:
        return
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=action,
            obj=enquiry,
            summary=f"{audit_words(action)} by {actor}. {detail}".strip(),
        )
