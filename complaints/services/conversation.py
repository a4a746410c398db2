"""The conversation at each stage of a complaint: the complainant and the stage's handler write
to each other while the stage is open. Each message is a step on the timeline for its stage
(and in the audit trail) and goes by email, once, to the other side.

The person the complaint is about reads none of it, unless the handler shares a message of
their own with them, once they have been told of the complaint; the management note stays
with management (selectors)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.cases import lock, notify, record_event, require

from ..models import Complaint, ComplaintEvent
from ..permissions import can_message, can_share_with_subject, is_complainant
from ..search import search_index
from .common import PEOPLE, Ev, current_stage, require_open


def complaint_message(
    *, actor, complaint: Complaint, message: str, share_with_subject: bool = False
) -> ComplaintEvent:
    """A message from the complainant to the handler of the open stage, or from the handler to
    the complainant (and, if they choose, to the person the complaint is about)."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Enter your message"})
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require(can_message, actor, complaint)
        require_open(complaint)
        stage = current_stage(complaint)
        if stage is None or not stage.is_open:
            raise ValidationError(f"Stage {complaint.stage_number} is closed.")
        if share_with_subject:
            require(can_share_with_subject, actor, complaint)
            if complaint.subject_notified_at is None:
                raise ValidationError(
                    {
                        "share_with_subject": f"Tell {complaint.subject} of the complaint "
                        "before you share a message with them"
                    }
                )
        from_complainant = is_complainant(actor, complaint)
        event = record_event(
            complaint,
            Ev.COMPLAINANT_MESSAGE if from_complainant else Ev.HANDLER_MESSAGE,
            actor=actor,
            detail=message,
            stage_number=stage.number,
            shared_with_subject=share_with_subject,
        )
        search_index(complaint)
        context = {"complaint": complaint, "stage": stage, "actor": actor}
        key = f"complaint:{complaint.pk}:message:{event.pk}"
        if from_complainant:
            notify(stage.handlers, "complaint_message_to_handler", context, key=key)
        else:
            notify([complaint.complainant], "complaint_message_to_complainant", context, key=key)
        if share_with_subject:
            notify(
                [complaint.subject.user],
                "complaint_message_to_subject",
                context,
                key=f"{key}:subject",
            )
    return event
