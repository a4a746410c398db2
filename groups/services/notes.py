"""GRP-3, GRP-6, GRP-7: the officer's briefing note, its offer to the other groups (equal
access, 003 §7.1(b)), and a confidential briefing's permission to share (004 §7.1)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.cases import lock, notify, record_event, require
from protocol_site.council_rules import rule
from protocol_site.protocol_refs import protocol_ref
from registers.models import PoliticalGroup

from .. import permissions
from ..models import BriefingNote, BriefingOffer, BriefingRequest, BriefingShare, Status
from .common import (
    LOCK_RELATED,
    Ev,
)

CONFIRM_ERROR = (
    "Confirm that the note contains no political implications and no recommendation "
    "before you issue it"
)


def may_write_note(briefing: BriefingRequest) -> bool:
    """A note answers a cleared request; after attending, the officer may note the
    information given, so it can be offered to the other groups too (003 §7.1(b))."""
    if briefing.status == Status.CLEARED:
        return True
    return briefing.status == Status.COMPLETED and briefing.kind == BriefingRequest.Kind.ATTENDANCE


def _draft(actor, briefing: BriefingRequest, facts: str, options: str) -> BriefingNote:
    require(permissions.can_write_note, actor, briefing)
    if not may_write_note(briefing):
        raise ValidationError(f"{briefing.reference} is {briefing.get_status_display().lower()}")
    errors = {}
    if not facts.strip():
        errors["facts"] = "Enter the material facts"
    if not options.strip():
        errors["options"] = "Enter the options and their merits for the council"
    if errors:
        raise ValidationError(errors)
    note = BriefingNote.objects.select_for_update().filter(request=briefing).first()
    if note is not None and note.is_issued:
        raise ValidationError("The note has been issued: it cannot be changed")
    if note is None:
        note = BriefingNote(request=briefing, author=actor)
    note.facts, note.options = facts.strip(), options.strip()
    note.author = actor
    note.updated_at = timezone.now()
    note.save()
    return note


def briefing_note_save(*, actor, briefing: BriefingRequest, facts: str, options: str):
    """Save the draft; nobody but the author and the officers over the request sees it."""
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        note = _draft(actor, briefing, facts, options)
        record_event(briefing, Ev.NOTE_SAVED, actor=actor, detail="Draft saved.")
    return note


def briefing_note_issue(
    *, actor, briefing: BriefingRequest, facts: str, options: str, confirmed: bool
) -> BriefingNote:
    """Issue the note once its author confirms it is limited to facts, options and their
    merits (002 §9.a.ii); then offer it to the other groups where the council shares advice."""
    if not confirmed:
        raise ValidationError({"confirmed_no_politics": CONFIRM_ERROR})
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        note = _draft(actor, briefing, facts, options)
        note.confirmed_no_politics = True
        note.issue()
        note.issued_at = timezone.now()
        note.save(update_fields=["confirmed_no_politics", "status", "issued_at"])
        if briefing.status == Status.CLEARED and briefing.kind == BriefingRequest.Kind.NOTE:
            briefing.complete()
            briefing.closed_at = note.issued_at
            briefing.save(update_fields=["status", "closed_at"])
        record_event(
            briefing,
            Ev.NOTE_ISSUED,
            actor=actor,
            detail="Issued. The author confirmed it contains no political implications and "
            "no recommendation.",
        )
        notify(
            [briefing.requested_by],
            "briefing_note_issued",
            {"briefing": briefing},
            key=f"briefing:{briefing.pk}:issued",
        )
        if not briefing.confidential and rule("GROUP_BRIEFING_EQUAL_ACCESS"):
            _offer_to_other_groups(actor, briefing, note)
    return note


def _offer_to_other_groups(actor, briefing: BriefingRequest, note: BriefingNote) -> None:
    """003 §7.1(b): advice given to one group is made available to the others before the
    formal decision meeting. Each other active group is offered it once."""
    groups = list(PoliticalGroup.objects.active().exclude(pk=briefing.group_id))
    if not groups:
        return
    BriefingOffer.objects.bulk_create(
        [BriefingOffer(note=note, group=group, offered_at=note.issued_at) for group in groups],
        ignore_conflicts=True,
    )
    names = ", ".join(group.name for group in groups)
    record_event(
        briefing,
        Ev.OFFERED,
        actor=actor,
        detail=f"Offered to {names}{protocol_ref('briefing_equal_access')}.",
    )
    leaders = PoliticalGroup.objects.filter(pk__in=[g.pk for g in groups], leader__isnull=False)
    for group in leaders.select_related("leader__user"):
        offer = note.offers.get(group=group)
        notify(
            [group.leader.user],
            "briefing_offered",
            {"briefing": briefing, "group": group, "offer": offer},
            key=f"briefing:offer:{offer.pk}",
        )


def briefing_offer_receive(*, actor, offer: BriefingOffer) -> BriefingOffer:
    """The Group Leader takes up the offer: from then, the group's members may read the note."""
    require(permissions.can_receive, actor, offer)
    if not rule("GROUP_BRIEFING_EQUAL_ACCESS"):
        raise PermissionDenied("This council does not share briefings between groups.")
    with transaction.atomic():
        now = timezone.now()
        taken = BriefingOffer.objects.filter(pk=offer.pk, received_at__isnull=True).update(
            received_at=now, received_by=actor
        )
        offer.refresh_from_db()
        if taken:
            briefing = offer.note.request
            record_event(
                briefing,
                Ev.RECEIVED,
                actor=actor,
                show_actor=False,
                detail=f"{offer.group} received the note.",
                audit={"group_id": offer.group_id},
            )
    return offer


def _require_confidential_owner(actor, briefing: BriefingRequest) -> None:
    if not briefing.confidential:
        raise ValidationError("Only a confidential briefing is shared by permission")
    require(permissions.can_share, actor, briefing)


def briefing_share(*, actor, briefing: BriefingRequest, user) -> BriefingShare:
    """004 §7.1: the member records permission to share a confidential briefing with someone."""
    _require_confidential_owner(actor, briefing)
    if user.pk == actor.pk:
        raise ValidationError({"user": "Select someone other than yourself"})
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        share, created = BriefingShare.objects.get_or_create(request=briefing, user=user)
        if not created:
            raise ValidationError({"user": f"You have already shared it with {user}"})
        record_event(
            briefing,
            Ev.SHARED,
            actor=actor,
            detail=f"Shared with {user}.",
            audit={"user_id": user.pk},
        )
        issued = BriefingNote.objects.filter(request=briefing, status="issued").exists()
        notify(
            [user],
            "briefing_shared",
            {"briefing": briefing, "share": share, "issued": issued},
            key=f"briefing:share:{share.pk}",
        )
    return share


def briefing_unshare(*, actor, share: BriefingShare) -> None:
    """The member withdraws the permission: the person can no longer read it."""
    briefing = share.request
    _require_confidential_owner(actor, briefing)
    with transaction.atomic():
        briefing = lock(briefing, *LOCK_RELATED)
        user = share.user
        deleted, _ = BriefingShare.objects.filter(pk=share.pk).delete()
        if deleted:
            record_event(
                briefing,
                Ev.UNSHARED,
                actor=actor,
                detail=f"No longer shared with {user}.",
                audit={"user_id": user.pk},
            )
