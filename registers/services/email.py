"""Democratic services send again an email that was not delivered, once the person's address
is put right in the register."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from protocol_site.audit import audit_record
from protocol_site.models import OutboxEmail
from protocol_site.outbox import outbox_send_again

from ..roles import person_for


def failed_email_send_again(*, actor, email: OutboxEmail) -> OutboxEmail:
    """Send it again, to the person's address as the register has it now."""
    if not person_for(actor).can_manage_organisation:
        raise PermissionDenied("Only democratic services can send an email again.")
    with transaction.atomic():
        address = (email.recipient.email if email.recipient_id else "") or email.to_address
        before = {"to_address": email.to_address, "last_error": email.last_error}
        row = outbox_send_again(email.pk, to_address=address)
        if row is None:
            raise ValidationError({"email": "This email has already been sent again"})
        audit_record(
            actor=actor,
            action="registers.failed_email.sent_again",
            obj=row,
            summary=f"Email not delivered sent again to {address}",
            before=before,
            after={"to_address": address},
        )
    return row
