"""Sharing an enquiry with ward colleagues: the councillor chooses which of the other members
serving their ward may read it and write messages on it, and may take any of them off again.
Each colleague added is told once by email; each change is a step on the timeline."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.cases import lock, notify, record_event, require

from ..models import Enquiry, EnquiryShare
from ..models import EnquiryEvent as Ev
from ..models.sharing import ward_colleagues
from ..permissions import can_share


def enquiry_share(*, actor, enquiry: Enquiry, councillors: Iterable) -> list[EnquiryShare]:
    """Share the enquiry with exactly `councillors` (ward colleagues): those newly chosen are
    added and told, those no longer chosen lose it. Returns the shares that stand after."""
    chosen = {getattr(c, "pk", c) for c in councillors}
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user")
        require(can_share, actor, enquiry)
        colleagues = {c.pk: c for c in ward_colleagues(enquiry)}
        if chosen - colleagues.keys():
            raise ValidationError(
                {"councillors": "Choose from the other councillors serving your ward"}
            )
        current = {s.councillor_id: s for s in enquiry.shares.select_related("councillor__user")}
        for councillor_id in sorted(current.keys() - chosen):
            share = current.pop(councillor_id)
            share.delete()
            record_event(
                enquiry,
                Ev.Kind.UNSHARED,
                actor=actor,
                detail=f"No longer shared with {share.councillor}.",
                audit={"councillor": councillor_id},
            )
        for councillor_id in sorted(chosen - current.keys()):
            colleague = colleagues[councillor_id]
            share = EnquiryShare.objects.create(
                enquiry=enquiry, councillor=colleague, shared_by=actor
            )
            current[councillor_id] = share
            record_event(
                enquiry,
                Ev.Kind.SHARED,
                actor=actor,
                detail=f"Shared with {colleague}.",
                audit={"councillor": councillor_id},
            )
            notify(
                [colleague.user],
                "enquiry_shared",
                {"enquiry": enquiry, "actor": actor},
                key=f"enquiry:{enquiry.pk}:shared:{share.pk}",
            )
    return list(current.values())
