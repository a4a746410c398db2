"""Reads of the emails received, for democratic services (out of reach is 404)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import InboundEmail
from .permissions import can_triage

LISTED = (
    "id",
    "received_at",
    "from_address",
    "from_name",
    "subject",
    "status",
    "reason",
    "enquiry__reference",
)


def inbound_emails_visible_to(user) -> QuerySet[InboundEmail]:
    if not can_triage(user):
        return InboundEmail.objects.none()
    return InboundEmail.objects.all()


def inbound_emails_listed(qs: QuerySet[InboundEmail]) -> QuerySet[InboundEmail]:
    """What a list shows, without the raw bytes."""
    return qs.select_related("enquiry").only(*LISTED)


def inbound_email_for(user, pk: int) -> InboundEmail:
    return get_object_or_404(
        inbound_emails_visible_to(user)
        .select_related("enquiry", "sender", "handled_by")
        .defer("raw"),
        pk=pk,
    )


def triage_count(user) -> int:
    return inbound_emails_visible_to(user).filter(status=InboundEmail.Status.TRIAGE).count()
