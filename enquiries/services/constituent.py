"""The constituent's details on casework: recorded by the councillor when logging or later,
changed, or removed by clearing them. Personal data: the audit trail says which fields changed,
never their values, and no email ever carries them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from advice.models import Topic
from advice.services import advice_ask
from protocol_site.audit import audit_record
from protocol_site.cases import lock, require

from ..models import ConstituentDetails, Enquiry
from ..models.constituent import PERSONAL_FIELDS
from ..permissions import can_keep_constituent, can_seek_advice
from ..search import search_index

CONSENT_MISSING = "Select whether the constituent consented to you sharing their details"
LIMITS = {"name": 150, "address": 300, "phone": 40, "email": 254}


def clean_constituent(values: dict) -> dict | None:
    """The details as given, stripped and checked; None when none is given (nothing to keep)."""
    details = {name: str(values.get(name) or "").strip() for name in PERSONAL_FIELDS}
    council_officer = bool(values.get("council_officer"))
    if not any(details.values()):
        if council_officer:  # an officer who gives no details: only that is kept
            return {**details, "consented": False, "council_officer": True}
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
    return {**details, "consented": consented, "council_officer": council_officer}


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
        changed = [name for name, value in details.items() if value not in ("", None, False)]
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


def enquiry_seek_advice(*, actor, enquiry: Enquiry, question: str):
    """On casework for a constituent who is a council officer, the councillor asks the
    Monitoring Officer's advice first: the request (advice.services) is linked to the enquiry,
    and both pages show the link."""
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_seek_advice, actor, enquiry)
        case = advice_ask(actor=actor, topic=Topic.PROTOCOL, question=question)
        enquiry.advice_request = case
        enquiry.save(update_fields=["advice_request"])
        audit_record(
            actor=actor,
            action="enquiries.enquiry.advice_sought",
            obj=enquiry,
            summary=f"Monitoring Officer's advice sought on {enquiry.reference} ({case.reference})",
            after={"advice_request": case.pk},
        )
    return case
