"""What the enquiry services share beyond the case kit: the one state precondition."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ..models import Enquiry


def require_open(enquiry: Enquiry) -> None:
    if not enquiry.is_open:
        raise ValidationError(f"{enquiry.reference} is closed ({enquiry.get_status_display()})")
