"""The constituent's details on casework: recorded by the councillor when logging or later,
changed, or removed by clearing them. Personal data: the audit trail says which fields changed,
never their values, and no email ever carries them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.cases import lock, require

from ..models import ConstituentDetails, Enquiry
from ..models.constituent import PERSONAL_FIELDS
from ..permissions import can_keep_constituent
from ..search import search_index

CONSENT_MISSING = "Select whether the constituent consented to you sharing their details"
LIMITS = {"name": 150, "address": 300, "phone": 40, "email": 254}


def clean_constituent(values: dict) -> dict | None:
    """The details as given, stripped and checked; None when none is given (nothing to keep)."""
    details = {name: str(values.get(name) or "").strip() for name in PERSONAL_FIELDS}
    if not any(details.values()):
        return None
    errors = {}
    for name, limit in LIMITS.items():
        if len(details[name]) > limit:
            errors[name] = f"The {name} must be {limit} characters or fewer"
    if details["email"]:
        try:
            validate_email(details["email"])
        except ValidationError:
            errors["email"] = "Enter the email address in the right format, like name@example.com"
    consented = values.get("consented")
    if consented not in (True, False):
        errors["consented"] = CONSENT_MISSING
    if errors:
        raise ValidationError(errors)
    return {**details, "consented": consented}


def write_constituent(enquiry: Enquiry, actor, details: dict | None) -> None:
    """Inside the caller's transaction: create, change or (no details) remove the row, and
    audit which fields changed."""
    if details is not None and enquiry.kind != Enquiry.Kind.CASEWORK:
        raise ValidationError(
            {"kind": "Constituent details are kept only for constituent casework"}
        )
    current = ConstituentDetails.objects.filter(enquiry=enquiry).first()
    if details is None:
        if current is not None:
            current.delete()
            audit_record(
                actor=actor,
                action="enquiries.constituentdetails.removed",
                obj=enquiry,
                summary=f"Constituent details removed from {enquiry.reference}",
            )
            search_index(enquiry)  # their words leave the search with them
        return
    if current is None:
        current = ConstituentDetails(enquiry=enquiry, recorded_by=actor, **details)
        changed = [name for name, value in details.items() if value not in ("", None)]
        verb, created = "recorded", True
    else:
        changed = [name for name, value in details.items() if getattr(current, name) != value]
        if not changed:
            return
        for name, value in details.items():
            setattr(current, name, value)
        current.changed_at = timezone.now()
        verb, created = "changed", False
    current.save()
    labels = [str(ConstituentDetails._meta.get_field(name).verbose_name) for name in changed]
    audit_record(
        actor=actor,
        action=(
            "enquiries.constituentdetails.recorded"
            if created
            else "enquiries.constituentdetails.changed"
        ),
        obj=enquiry,
        summary=f"Constituent details {verb} on {enquiry.reference} ({', '.join(labels)})",
        after={"fields": changed},
    )
    search_index(enquiry)


def constituent_details_save(*, actor, enquiry: Enquiry, **values) -> ConstituentDetails | None:
    """The councillor records or changes the constituent's details on their casework; clearing
    every detail removes them. Returns the details kept, or None."""
    details = clean_constituent(values)
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_keep_constituent, actor, enquiry)
        write_constituent(enquiry, actor, details)
    return ConstituentDetails.objects.filter(enquiry=enquiry).first()
