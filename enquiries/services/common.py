"""What every enquiry service shares: locking, the timeline, audit and notification."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from protocol_site.cases import record_event
from protocol_site.outbox import email_users

from ..models import Enquiry, EnquiryEvent
from ..permissions import can_work

NOTIFY_TEMPLATE = "enquiry_update"


def locked(enquiry: Enquiry) -> Enquiry:
    """Re-read the enquiry under a row lock: two officers acting at once never both win."""
    return Enquiry.objects.select_for_update().get(pk=enquiry.pk)


def require_open(enquiry: Enquiry) -> None:
    if not enquiry.is_open:
        raise ValidationError(f"{enquiry.reference} is closed ({enquiry.get_status_display()}).")


def require_worker(actor, enquiry: Enquiry) -> None:
    if not can_work(actor, enquiry):
        raise PermissionDenied("You cannot work on this enquiry.")


def record(enquiry: Enquiry, kind: str, *, actor=None, detail: str = "", **extra) -> EnquiryEvent:
    return record_event(enquiry, kind, actor=actor, detail=detail, **extra)


def notify(users, enquiry: Enquiry, headline: str, lines: list[str], *, key: str | None = None):
    """Queue one email per distinct person (skipping nobody and duplicates)."""
    email_users(
        users,
        template=NOTIFY_TEMPLATE,
        context={"enquiry": enquiry, "headline": headline, "lines": lines},
        dedupe_key=key,
    )
