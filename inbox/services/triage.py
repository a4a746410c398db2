"""Democratic services deal with an email waiting in triage: make it an enquiry on a
councillor's behalf, or discard it, saying why. Each is audited; each happens once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.services import enquiry_log
from protocol_site.audit import audit_record
from protocol_site.cases import require
from registers.models import Councillor, Service

from ..mail import read_mail
from ..models import InboundEmail
from ..permissions import can_triage
from .receive import _files, size_limit

Status = InboundEmail.Status
DEALT_WITH = "This email has already been dealt with"


def _locked_waiting(email: InboundEmail) -> InboundEmail:
    row = InboundEmail.objects.select_for_update().get(pk=email.pk)
    if row.status != Status.TRIAGE:
        raise ValidationError(DEALT_WITH)
    return row


def inbound_turn_into_enquiry(
    *,
    actor,
    email: InboundEmail,
    councillor: Councillor,
    service: Service,
    kind: str,
    subject: str,
    details: str,
    with_attachments: bool = True,
) -> Enquiry:
    """Record the email as an enquiry from `councillor`, received when the email arrived,
    routed and acknowledged as any recorded enquiry is. Its attachments go with it, checked as
    every upload is, unless democratic services leave them out."""
    require(can_triage, actor, email)
    subject, details = (subject or "").strip(), (details or "").strip()
    if not subject:
        raise ValidationError({"subject": "Enter a subject"})
    if not details:
        raise ValidationError({"details": "Enter the details of the enquiry"})
    with transaction.atomic():
        row = _locked_waiting(email)
        files = []
        if with_attachments:
            if row.size > size_limit():
                raise ValidationError(
                    {
                        "with_attachments": "The email was too large to read its attachments: "
                        "leave them out"
                    }
                )
            mail = read_mail(bytes(row.raw))
            if mail.problem:
                raise ValidationError(
                    {"with_attachments": "The email's attachments cannot be read: leave them out"}
                )
            files = _files(mail)
        try:
            enquiry = enquiry_log(
                actor=actor,
                councillor=councillor,
                subject=subject[:200],
                details=details,
                kind=kind,
                service=service,
                channel=Enquiry.Channel.EMAIL,
                received_at=min(row.received_at, timezone.now()),
                files=files,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "files" in error.error_dict:
                raise ValidationError(
                    {
                        "with_attachments": [
                            f"{m}: leave the attachments out, or discard the email"
                            for m in error.error_dict["files"][0].messages
                        ]
                    }
                ) from None
            raise
        row.status, row.enquiry, row.sender = Status.ENQUIRY, enquiry, councillor.user
        row.handled_by, row.handled_at = actor, timezone.now()
        row.reason = f"Recorded as {enquiry.reference} for {councillor} by {actor}."
        row.save(
            update_fields=["status", "enquiry", "sender", "handled_by", "handled_at", "reason"]
        )
        audit_record(
            actor=actor,
            action="inbox.inboundemail.turned_into_enquiry",
            obj=row,
            summary=f"Email from {row.from_address or 'an unknown sender'} recorded as "
            f"{enquiry.reference} for {councillor}.",
        )
    return enquiry


def inbound_discard(*, actor, email: InboundEmail, reason: str) -> InboundEmail:
    """Set the email aside, saying why; it stays in the list, discarded."""
    require(can_triage, actor, email)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why you are discarding the email"})
    with transaction.atomic():
        row = _locked_waiting(email)
        row.status = Status.DISCARDED
        row.handled_by, row.handled_at = actor, timezone.now()
        row.reason = f"Discarded by {actor}: {reason}"
        row.save(update_fields=["status", "handled_by", "handled_at", "reason"])
        audit_record(
            actor=actor,
            action="inbox.inboundemail.discarded",
            obj=row,
            summary=f"Email from {row.from_address or 'an unknown sender'} discarded: {reason}"[
                :500
            ],
        )
    return row


def inbound_viewed(*, actor, email: InboundEmail) -> None:
    """An email from outside may hold casework: each look at one is audited."""
    require(can_triage, actor, email)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="inbox.inboundemail.viewed",
            obj=email,
            summary=f"Email from {email.from_address or 'an unknown sender'} viewed by {actor}.",
        )
