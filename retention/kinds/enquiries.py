"""Members' enquiries: closed (answered, declined, withdrawn, or closed with no reply) is
when the period starts. The constituent's details, every message, response and note, and
every file go, and the text of the emails it came from; the councillor, the officers and the
service stay, for the counts."""

from __future__ import annotations

from django.db.models import Q

from enquiries.models import (
    CLOSED_STATUSES,
    ConstituentDetails,
    Enquiry,
    EnquiryAttachment,
    EnquiryEvent,
    ExtensionRequest,
)
from enquiries.search import search_index
from inbox.models import InboundEmail

from ..models import RecordKind
from . import CaseKind, file_names, stamp
from .inbox import emails_blank

TEXT_FIELDS = (
    "details",
    "response",
    "decline_explanation",
    "withdraw_reason",
    "urgent_reason",
    "routing_reason",
)


def _party_to(user) -> Q:
    return (
        Q(councillor__user=user)
        | Q(logged_by=user)
        | Q(assigned_to__user=user)
        | Q(director__user=user)
        | Q(approached_officer__user=user)
        | Q(escalated_to__user=user)
        | Q(events__actor=user)
        | Q(shares__councillor__user=user)
        | Q(advised__councillor__user=user)
    )


def _roles(enquiry: Enquiry) -> dict[int, str]:
    roles = {}
    for officer, words in (
        (enquiry.escalated_to, "a senior officer it was escalated to"),
        (enquiry.director, "the Director"),
        (enquiry.approached_officer, "the officer first approached"),
        (enquiry.assigned_to, "the handling officer"),
    ):
        if officer is not None and officer.user_id:
            roles[officer.user_id] = words
    roles[enquiry.logged_by_id] = roles.get(enquiry.logged_by_id, "the officer who logged it")
    roles[enquiry.councillor.user_id] = "the councillor"
    return roles


def _wipe(enquiry: Enquiry) -> list[str]:
    files = file_names(
        EnquiryAttachment.objects.filter(enquiry=enquiry).values_list("file", flat=True)
    )
    if enquiry.attachment:
        files.append(enquiry.attachment.name)
    EnquiryAttachment.objects.filter(enquiry=enquiry).delete()
    ConstituentDetails.objects.filter(enquiry=enquiry).delete()
    Enquiry.objects.filter(pk=enquiry.pk).update(
        subject=f"Enquiry {enquiry.reference}", attachment="", **dict.fromkeys(TEXT_FIELDS, "")
    )
    EnquiryEvent.objects.filter(enquiry=enquiry).update(detail="", actor=None)
    ExtensionRequest.objects.filter(enquiry=enquiry).update(reason="", decision_note="")
    # Its search vector is worked out again from what is left: the erased words leave it too.
    search_index(enquiry)
    # The emails it came from or that were added to it.
    emails_blank(InboundEmail.objects.filter(enquiry=enquiry), f"Email about {enquiry.reference}")
    return files


def _export(enquiry: Enquiry) -> dict:
    constituent = ConstituentDetails.objects.filter(enquiry=enquiry).first()
    return {
        "reference": enquiry.reference,
        "councillor": str(enquiry.councillor),
        "service": str(enquiry.service),
        "handling_officer": str(enquiry.assigned_to),
        "kind": enquiry.get_kind_display(),
        "status": enquiry.get_status_display(),
        "received_at": stamp(enquiry.received_at),
        "closed_at": stamp(enquiry.closed_at),
        "subject": enquiry.subject,
        "details": enquiry.details,
        "response": enquiry.response,
        "emails_received": [
            {"at": stamp(email.received_at), "from": email.from_address, "text": email.text}
            for email in InboundEmail.objects.filter(enquiry=enquiry)
        ],
        "constituent": (
            {
                "name": constituent.name,
                "address": constituent.address,
                "phone": constituent.phone,
                "email": constituent.email,
            }
            if constituent
            else None
        ),
    }


ENQUIRIES = CaseKind(
    kind=RecordKind.ENQUIRY,
    model=Enquiry,
    ended_before=lambda cutoff: Q(status__in=CLOSED_STATUSES, closed_at__lt=cutoff),
    party_to=_party_to,
    roles=_roles,
    wipe=_wipe,
    export=_export,
    timeline="events",
    url_name="enquiries:detail",
    of_constituent=lambda records, addresses: Q(pk__in=records.values("enquiry_id")),
)
