"""Acting on several enquiries at once: each goes through the same service as one at a time
(its own permission checks, transition, audit event and emails), so a bulk step is exactly the
sum of single steps. One that is refused is listed with the reason; the rest go ahead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError

from registers.models import NOT_COVERED, Officer

from ..models import Enquiry
from .reassign import enquiry_reassign
from .replies import enquiry_acknowledge

# The most enquiries one bulk step takes: each is its own locked transaction and emails.
BULK_MAX = 50


@dataclass
class BulkResult:
    done: list[Enquiry] = field(default_factory=list)
    refused: list[tuple[Enquiry, str]] = field(default_factory=list)


def _refusal(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "You cannot work on this enquiry."


def _each(enquiries: Sequence[Enquiry], act: Callable[[Enquiry], object]) -> BulkResult:
    if not enquiries:
        raise ValidationError({"enquiries": "Select at least one enquiry"})
    if len(enquiries) > BULK_MAX:
        raise ValidationError(
            {"enquiries": f"Select {BULK_MAX} enquiries or fewer ({len(enquiries)} selected)"}
        )
    result = BulkResult()
    for enquiry in enquiries:
        try:
            act(enquiry)  # atomic on its own: a refusal leaves the others as they are
        except (ValidationError, PermissionDenied) as error:
            result.refused.append((enquiry, _refusal(error)))
        else:
            result.done.append(enquiry)
    return result


def enquiries_acknowledge(*, actor, enquiries: Sequence[Enquiry]) -> BulkResult:
    """Acknowledge each, as enquiry_acknowledge does one."""
    return _each(enquiries, lambda enquiry: enquiry_acknowledge(actor=actor, enquiry=enquiry))


def enquiries_reassign(
    *, actor, enquiries: Sequence[Enquiry], to: Officer, note: str
) -> BulkResult:
    """Reassign each to `to`, as enquiry_reassign does one (the clock keeps running)."""
    if not note.strip():
        raise ValidationError({"note": "Say why they are being reassigned"})
    if not to.is_active:
        raise ValidationError({"to": "Select a current officer"})
    if not to.is_covered:
        raise ValidationError({"to": NOT_COVERED})
    return _each(
        enquiries,
        lambda enquiry: enquiry_reassign(actor=actor, enquiry=enquiry, to=to, note=note),
    )
