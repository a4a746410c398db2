"""Email the council mailbox received that became no enquiry nor a message on one: kept for
democratic services' triage, then discarded, or set aside on arrival as an automatic reply or
a bounce. The period starts when it was dealt with (discarded, or set aside on arrival); one
still waiting is never anonymised. The message as it came (its attachments with it), its
words, who sent it, its subject and why it was set aside go; the Message-ID stays, so the same
mail is never taken twice, and its status, size and dates stay, for the counts."""

from __future__ import annotations

from django.db.models import Q

from inbox.models import InboundEmail

from ..models import RecordKind
from . import CaseKind, passed, stamp

Status = InboundEmail.Status


def emails_blank(emails, subject: str) -> int:
    """The personal parts of received emails: their text, the message as sent (and its
    attachments) and who sent it. Enquiries' emails go this way too."""
    return emails.update(
        raw=b"",
        text="",
        from_name="",
        from_address="",
        envelope_to="",
        reason="",
        subject=subject,
    )


def _ended_before(cutoff) -> Q:
    discarded = Q(status=Status.DISCARDED) & passed("handled_at", cutoff)
    set_aside_on_arrival = Q(status=Status.AUTOMATIC) & passed("recorded_at", cutoff)
    return discarded | set_aside_on_arrival


def _from_any(addresses) -> Q:
    found = Q(pk__in=[])
    for address in addresses:
        if address.strip():
            found |= Q(from_address__iexact=address.strip())
    return found


def _party_to(user) -> Q:
    return Q(sender=user) | Q(handled_by=user) | _from_any([user.email])


def _roles(email: InboundEmail) -> dict[int, str]:
    roles = {}
    if email.handled_by_id:
        roles[email.handled_by_id] = "democratic services"
    if email.sender_id:
        roles[email.sender_id] = "the sender"
    return roles


def _wipe(email: InboundEmail) -> list[str]:
    emails_blank(InboundEmail.objects.filter(pk=email.pk), f"Email {email.reference}")
    return []


def _export(email: InboundEmail) -> dict:
    return {
        "reference": email.reference,
        "received_at": stamp(email.received_at),
        "from_name": email.from_name,
        "from_address": email.from_address,
        "subject": email.subject,
        "sent_at": stamp(email.sent_at),
        "text": email.text,
        "status": email.get_status_display(),
        "reason": email.reason,
        "dealt_with_at": stamp(email.handled_at),
    }


INBOUND_EMAILS = CaseKind(
    kind=RecordKind.INBOUND_EMAIL,
    model=InboundEmail,
    scope=Q(enquiry__isnull=True),
    prefix="EMAIL",
    ended_before=_ended_before,
    party_to=_party_to,
    roles=_roles,
    wipe=_wipe,
    export=_export,
    url_name="inbox:detail",
    of_constituent=lambda records, addresses: _from_any(addresses),
)
