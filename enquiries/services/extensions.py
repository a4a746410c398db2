"""ENQ-5: the officer asks senior management for more time; they agree a new date with the
councillor, or refuse (003 §8.2)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.calendar import council_calendar
from protocol_site.cases import lock, notify, record_event, require
from registers.roles import person_for

from ..models import Enquiry, ExtensionRequest
from ..models import EnquiryEvent as Ev
from ..permissions import can_decide_extension, can_work, extension_decider
from .common import require_open
from .deadlines import move_target, require_future_working_day


def enquiry_request_extension(
    *, actor, enquiry: Enquiry, reason: str, proposed_date: date
) -> ExtensionRequest:
    """ENQ-5: the officer asks senior management for more time (003 §8.2)."""
    if not reason.strip():
        raise ValidationError({"reason": "Explain why more time is needed"})
    calendar = council_calendar()
    require_future_working_day(calendar, proposed_date, "proposed_date")
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        require_open(enquiry)
        if proposed_date <= enquiry.target_date:
            raise ValidationError({"proposed_date": "Propose a date after the current deadline"})
        if enquiry.extensions.filter(outcome=ExtensionRequest.Outcome.PENDING).exists():
            raise ValidationError("A request for more time is already awaiting a decision")
        decider = extension_decider(enquiry)
        request = ExtensionRequest.objects.create(
            enquiry=enquiry,
            requested_by=person_for(actor).officer,
            decider=decider,
            reason=reason,
            proposed_date=proposed_date,
        )
        record_event(
            enquiry,
            Ev.Kind.EXTENSION_REQUESTED,
            actor=actor,
            detail=reason,
            new_date=proposed_date,
            visible_to_councillor=False,
        )
        deciders = [decider.user] if decider else []
        context = {"enquiry": enquiry, "actor": actor, "request": request}
        notify(deciders, "enquiry_extension_requested", context)
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
        enquiry = lock(request.enquiry)
        require(can_decide_extension, actor, enquiry)
        if request.outcome != ExtensionRequest.Outcome.PENDING:
            raise ValidationError("This request has already been decided")
        require_open(enquiry)
        request.decided_by = person_for(actor).officer
        request.decided_at = timezone.now()
        request.decision_note = note
        context = {"enquiry": enquiry, "actor": actor, "request": request}
        if agree:
            new_date = agreed_date or request.proposed_date
            require_future_working_day(calendar, new_date, "agreed_date")
            request.outcome = ExtensionRequest.Outcome.AGREED
            request.agreed_date = new_date
            enquiry.save(update_fields=move_target(enquiry, new_date, calendar, timezone.now()))
            record_event(
                enquiry, Ev.Kind.EXTENSION_AGREED, actor=actor, detail=note, new_date=new_date
            )
            told = [enquiry.councillor.user, request.requested_by.user]
            notify(told, "enquiry_extension_agreed", context)
        else:
            if not note.strip():
                raise ValidationError({"note": "Say why more time is refused"})
            request.outcome = ExtensionRequest.Outcome.REFUSED
            record_event(
                enquiry,
                Ev.Kind.EXTENSION_REFUSED,
                actor=actor,
                detail=note,
                visible_to_councillor=False,
            )
            notify([request.requested_by.user], "enquiry_extension_refused", context)
        request.save()
    return request
