"""Team queues: enquiries waiting unallocated in their service's queue, allocated by the head
of service (or the officer they named) or picked up by an officer of the service.

Taking an enquiry out of the queue is a conditional update (`in_team_queue` still true), so
when two officers pick up the same enquiry at once one wins and the other is told."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.cases import lock, notify, record_event, require
from registers.ladder import head_of_service_for
from registers.models import NOT_COVERED, Officer, Service
from registers.roles import person_for

from ..models import OPEN_STATUSES, Enquiry
from ..models import EnquiryEvent as Ev
from ..permissions import can_allocate, can_pick_up
from ..routing import require_not_conflicted
from .common import require_open
from .reassign import hand_over


def allocators(service: Service) -> list:
    """Who is told an enquiry waits in the queue: the head of service and their delegate."""
    people = [head_of_service_for(service), service.queue_delegate]
    return [officer.user for officer in people if officer is not None]


def _take(enquiry: Enquiry) -> Enquiry:
    """Out of the queue, once: the conditional update decides who got it."""
    taken = Enquiry.objects.filter(
        pk=enquiry.pk, in_team_queue=True, status__in=OPEN_STATUSES
    ).update(in_team_queue=False)
    fresh = lock(enquiry)
    if not taken:
        require_open(fresh)
        raise ValidationError(
            f"{fresh.reference} is no longer in the team queue: it is with "
            f"{fresh.assigned_to}. Choose another enquiry"
        )
    return fresh


def _give(enquiry: Enquiry, to: Officer, *, actor, note: str, kind: str) -> None:
    if to.pk == enquiry.assigned_to_id:  # the head of service keeps it
        record_event(enquiry, kind, actor=actor, detail=note, officer=to)
        notify([enquiry.councillor.user], "enquiry_passed_on", {"enquiry": enquiry, "note": note})
        return
    hand_over(enquiry, to, actor=actor, note=note, kind=kind)


def enquiry_pick_up(*, actor, enquiry: Enquiry) -> Enquiry:
    """An officer of the service takes an enquiry waiting in its team queue."""
    officer = person_for(actor).officer
    with transaction.atomic():
        require(can_pick_up, actor, enquiry)
        require_not_conflicted(officer, enquiry.councillor, field="enquiry")
        enquiry = _take(enquiry)
        _give(
            enquiry,
            officer,
            actor=actor,
            note=f"Picked up from the {enquiry.service} team queue by {officer}.",
            kind=Ev.Kind.PICKED_UP,
        )
    return enquiry


def enquiry_allocate(*, actor, enquiry: Enquiry, to: Officer) -> Enquiry:
    """The head of service (or their delegate) gives a queued enquiry to a named officer."""
    if not to.is_active:
        raise ValidationError({"to": "Select a current officer"})
    if not to.is_covered:
        raise ValidationError({"to": NOT_COVERED})
    with transaction.atomic():
        require(can_allocate, actor, enquiry)
        require_not_conflicted(to, enquiry.councillor)
        enquiry = _take(enquiry)
        _give(
            enquiry,
            to,
            actor=actor,
            note=f"Allocated to {to} from the {enquiry.service} team queue.",
            kind=Ev.Kind.ALLOCATED,
        )
    return enquiry
