"""What the enquiry services share beyond the case kit: their preconditions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from ..models import Enquiry
from ..permissions import can_work


def require_open(enquiry: Enquiry) -> None:
    if not enquiry.is_open:
        raise ValidationError(f"{enquiry.reference} is closed ({enquiry.get_status_display()}).")


def require_worker(actor, enquiry: Enquiry) -> None:
    if not can_work(actor, enquiry):
        raise PermissionDenied("You cannot work on this enquiry.")
