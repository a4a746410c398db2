"""The conversation on an enquiry: messages both ways, internal notes, the councillor's chase
and withdrawal. Each is a step on the timeline (and in the audit trail), and each message goes
by email, once, to the other side; a note goes to no one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import lock, notify, record_event, require
from registers.cover.rules import stand_in

from ..models import Enquiry
from ..models import EnquiryEvent as Ev
from ..permissions import (
    can_chase,
    can_message,
    can_note,
    can_withdraw,
    is_enquirer,
    is_shared_with,
)
from ..search import search_index
from .attachments import attach_files, checked_files
from .common import require_open
from .waiting import end_wait


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _handlers(enquiry: Enquiry) -> list:
    """Who hears from the councillor: the officer it is with, or their cover while away."""
    return [stand_in(enquiry.assigned_to).user]


def enquiry_message(*, actor, enquiry: Enquiry, message: str, files=()) -> Ev:
    """A message from the councillor (or a ward colleague they shared it with) to the officers
    dealing with it, or from one of them to the councillor, on an open enquiry, with any files
    attached."""
    message = _text(message, "message", "Enter your message")
    files = checked_files(files)
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_message, actor, enquiry)
        require_open(enquiry)
        if is_enquirer(actor, enquiry) or is_shared_with(actor, enquiry):
            kind, to, template = Ev.Kind.COUNCILLOR_MESSAGE, _handlers(enquiry), "from_councillor"
        else:
            kind, to, template = Ev.Kind.OFFICER_MESSAGE, [enquiry.councillor.user], "to_councillor"
        event = record_event(enquiry, kind, actor=actor, detail=message)
        search_index(enquiry)
        attach_files(event, files, actor=actor)
        notify(
            to,
            f"enquiry_message_{template}",
            {"enquiry": enquiry, "actor": actor},
            key=f"enquiry:{enquiry.pk}:message:{event.pk}",
        )
    return event


def enquiry_add_note(*, actor, enquiry: Enquiry, note: str, files=()) -> Ev:
    """An internal note: the officers and their managers see it, and its files; the
    councillor never does, and no one is emailed."""
    note = _text(note, "note", "Enter the note")
    files = checked_files(files)
    with transaction.atomic():
        enquiry = lock(enquiry, "assigned_to__user")
        require(can_note, actor, enquiry)
        event = record_event(
            enquiry, Ev.Kind.NOTE, actor=actor, detail=note, visible_to_councillor=False
        )
        attach_files(event, files, actor=actor)
    return event


def enquiry_chase(*, actor, enquiry: Enquiry, message: str = "") -> Ev:
    """The councillor chases: the officer is told, and if it is overdue, whoever it has been
    escalated to as well."""
    message = (message or "").strip()
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user", "escalated_to__user")
        require(can_chase, actor, enquiry)
        require_open(enquiry)
        if enquiry.is_waiting:
            raise ValidationError(
                "The officer is waiting for your answer to their question: answer it instead, "
                "and the clock restarts."
            )
        overdue = enquiry.is_overdue()
        event = record_event(
            enquiry, Ev.Kind.CHASED, actor=actor, detail=message or "Chased without a message."
        )
        search_index(enquiry)
        to = _handlers(enquiry)
        if overdue and enquiry.escalated_to is not None:
            to.append(enquiry.escalated_to.user)
        notify(
            to,
            "enquiry_chased",
            {"enquiry": enquiry, "actor": actor, "overdue": overdue},
            key=f"enquiry:{enquiry.pk}:chased:{event.pk}",
        )
    return event


def enquiry_withdraw(*, actor, enquiry: Enquiry, reason: str) -> Enquiry:
    """The councillor withdraws an open enquiry, saying why; it closes, and the clock with it."""
    reason = _text(reason, "reason", "Say why you are withdrawing the enquiry")
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user", "escalated_to__user")
        require(can_withdraw, actor, enquiry)
        require_open(enquiry)
        now = timezone.now()
        enquiry.withdraw()
        enquiry.withdraw_reason = reason
        enquiry.closed_at = now
        enquiry.next_action_at = None
        fields = ["status", "withdraw_reason", "closed_at", "next_action_at"]
        enquiry.save(update_fields=fields + end_wait(enquiry, now))
        record_event(enquiry, Ev.Kind.WITHDRAWN, actor=actor, detail=reason)
        to = _handlers(enquiry)
        if enquiry.escalated_to is not None:
            to.append(enquiry.escalated_to.user)
        notify(to, "enquiry_withdrawn", {"enquiry": enquiry, "actor": actor})
    return enquiry
