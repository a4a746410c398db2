"""Passing an enquiry on: to the right officer or service (the clock keeps running), or up to
the Director or the Chief Executive for guidance."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.cases import lock, notify, record_event, require
from registers.ladder import Rung, ladder_for
from registers.models import NOT_COVERED, Officer, Service

from ..models import Enquiry
from ..models import EnquiryEvent as Ev
from ..permissions import can_work
from ..routing import conflict_check, require_not_conflicted, senior_for
from .common import require_open


def enquiry_seek_guidance(
    *, actor, enquiry: Enquiry, note: str, refer_to_chief_executive: bool = False
) -> Enquiry:
    """003 §9.3, 004 §7.4: guidance from the Director, who may refer to the Chief Executive."""
    if not note.strip():
        raise ValidationError({"note": "Say what guidance is needed"})
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        require_open(enquiry)
        to = None if refer_to_chief_executive else enquiry.director
        if to is None or to.user_id == actor.pk:
            # The Director asking about their own enquiry asks the Chief Executive.
            steps = ladder_for(enquiry.assigned_to, (Rung.CHIEF_EXECUTIVE,))
            to = steps[0].person if steps else None
        if to is None:
            raise ValidationError("There is nobody to seek guidance from")
        record_event(
            enquiry,
            Ev.Kind.GUIDANCE_SOUGHT,
            actor=actor,
            detail=note,
            officer=to,
            visible_to_councillor=False,
        )
        context = {"enquiry": enquiry, "actor": actor, "note": note}
        notify([to.user], "enquiry_guidance_sought", context)
    return enquiry


def enquiry_reassign(
    *, actor, enquiry: Enquiry, to: Officer, note: str, service: Service | None = None
) -> Enquiry:
    """To the right officer or service; the clock keeps running (ENQ-3)."""
    if not note.strip():
        raise ValidationError({"note": "Say why it is being reassigned"})
    if not to.is_active:
        raise ValidationError({"to": "Select a current officer"})
    if not to.is_covered:
        raise ValidationError({"to": NOT_COVERED})
    with transaction.atomic():
        enquiry = lock(enquiry)
        require(can_work, actor, enquiry)
        require_open(enquiry)
        if to.pk == enquiry.assigned_to_id and (service is None or service == enquiry.service):
            raise ValidationError({"to": "It is already with this officer"})
        is_conflicted = conflict_check(enquiry.councillor)
        require_not_conflicted(to, enquiry.councillor, is_conflicted=is_conflicted)
        director = None
        if service is not None and service.pk != enquiry.service_id:
            director = senior_for(service, is_conflicted).officer
        hand_over(enquiry, to, actor=actor, note=note, service=service, director=director)
    return enquiry


def hand_over(
    enquiry: Enquiry,
    to: Officer,
    *,
    actor,
    note: str,
    service: Service | None = None,
    director: Officer | None = None,
    show_actor: bool = True,
    kind: str = Ev.Kind.REASSIGNED,
) -> None:
    """The enquiry (locked, open) is now with `to`; the clock keeps running. The councillor,
    the new officer and the previous one are told why, in `note`."""
    previous = enquiry.assigned_to
    enquiry.assigned_to = to
    fields = ["assigned_to"]
    if enquiry.in_team_queue:  # passed on by name: no longer waiting to be allocated
        enquiry.in_team_queue = False
        fields.append("in_team_queue")
    if service is not None and service.pk != enquiry.service_id:
        enquiry.service = service
        fields.append("service")
    if director is not None and director.pk != enquiry.director_id:
        enquiry.director = director
        fields.append("director")
    enquiry.save(update_fields=fields)
    record_event(enquiry, kind, actor=actor, detail=note, officer=to, show_actor=show_actor)
    context = {"enquiry": enquiry, "previous": previous, "note": note}
    notify([enquiry.councillor.user], "enquiry_passed_on", context)
    notify([to.user, previous.user], "enquiry_reassigned", context)
