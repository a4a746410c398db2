"""Linked enquiries: an officer links enquiries about the same matter from several members, and
may send one response to all of them at once. Each enquiry keeps its own clock, record,
timeline row and email to its councillor; the link only groups them, and the councillors never
see each other's enquiries through it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from protocol_site.cases import lock, record_event, require

from ..models import Enquiry, EnquiryLink, EnquiryMatter
from ..models import EnquiryEvent as Ev
from ..permissions import can_link, can_work
from .attachments import checked_files
from .replies import enquiry_respond


def linked_with(enquiry: Enquiry):
    """The other enquiries in the same matter as `enquiry`, oldest first (none if unlinked)."""
    return (
        Enquiry.objects.filter(link__matter__links__enquiry=enquiry)
        .exclude(pk=enquiry.pk)
        .order_by("pk")
    )


def _internal(enquiry: Enquiry, kind: str, actor, detail: str) -> None:
    """A step the councillor does not see: the link names other members' enquiries."""
    record_event(enquiry, kind, actor=actor, detail=detail, visible_to_councillor=False)


def enquiry_link(*, actor, enquiry: Enquiry, others: Iterable[Enquiry]) -> list[Enquiry]:
    """Link `others` with `enquiry` as one matter. The officer must be able to act on every one
    of them, and none may already be linked elsewhere. Returns the other enquiries linked with
    `enquiry` afterwards."""
    others = [other for other in others if other.pk != enquiry.pk]
    if not others:
        raise ValidationError({"enquiries": "Enter the references of the enquiries to link"})
    with transaction.atomic():
        enquiry = lock(enquiry, "assigned_to__user")
        require(can_link, actor, enquiry)
        for other in others:
            if not can_work(actor, other):
                raise ValidationError(
                    {"enquiries": f"You cannot act on {other.reference}, so you cannot link it"}
                )
        link = EnquiryLink.objects.filter(enquiry=enquiry).select_related("matter").first()
        matter = link.matter if link else EnquiryMatter.objects.create(created_by=actor)
        elsewhere = (
            EnquiryLink.objects.filter(enquiry__in=others)
            .exclude(matter=matter)
            .select_related("enquiry")
            .first()
        )
        if elsewhere is not None:
            raise ValidationError(
                {
                    "enquiries": f"{elsewhere.enquiry.reference} is already linked with other "
                    "enquiries: unlink it there first"
                }
            )
        already = set(matter.links.values_list("enquiry_id", flat=True))
        newcomers = sorted({enquiry.pk, *(other.pk for other in others)} - already)
        EnquiryLink.objects.bulk_create(
            [EnquiryLink(matter=matter, enquiry_id=pk, linked_by=actor) for pk in newcomers]
        )
        members = list(Enquiry.objects.filter(link__matter=matter).order_by("pk"))
        for member in members:
            if member.pk in newcomers:
                names = ", ".join(e.reference for e in members if e.pk != member.pk)
                _internal(member, Ev.Kind.LINKED, actor, f"Linked with {names}.")
    return [member for member in members if member.pk != enquiry.pk]


def enquiry_unlink(*, actor, enquiry: Enquiry) -> None:
    """Take `enquiry` out of its matter; a matter left with one enquiry is no link at all."""
    with transaction.atomic():
        enquiry = lock(enquiry, "assigned_to__user")
        require(can_link, actor, enquiry)
        link = EnquiryLink.objects.filter(enquiry=enquiry).select_related("matter").first()
        if link is None:
            raise ValidationError(f"{enquiry.reference} is not linked with another enquiry.")
        matter = link.matter
        link.delete()
        _internal(enquiry, Ev.Kind.UNLINKED, actor, "No longer linked with other enquiries.")
        rest = list(matter.links.select_related("enquiry"))
        if len(rest) == 1:
            last = rest[0].enquiry
            matter.delete()
            _internal(last, Ev.Kind.UNLINKED, actor, f"{enquiry.reference} was unlinked from it.")


@dataclass
class LinkedResponse:
    """What one response to linked enquiries did: who got it, and who was left out and why."""

    responded: list[Enquiry] = field(default_factory=list)
    left_out: list[tuple[Enquiry, str]] = field(default_factory=list)


def response_plan(actor, enquiry: Enquiry) -> LinkedResponse:
    """Who a response to `enquiry` and its linked enquiries would go to now, and who not."""
    plan = LinkedResponse()
    for member in [enquiry, *linked_with(enquiry).select_related("councillor__user")]:
        if not member.is_open:
            plan.left_out.append((member, f"already closed ({member.get_status_display()})"))
        elif not can_work(actor, member):
            plan.left_out.append((member, "not one you may respond to"))
        else:
            plan.responded.append(member)
    return plan


def enquiry_respond_linked(
    *, actor, enquiry: Enquiry, response: str, minor: bool = False, files=()
) -> LinkedResponse:
    """One response to `enquiry` and every enquiry linked with it: each open one the officer
    may act on is responded to as if on its own page (its own record, timeline row, copy of
    any files and one email to its councillor); a closed one, or one the officer may not
    respond to, is left out and said so. Sent twice, the second finds them closed and sends
    nothing."""
    if not (response or "").strip():
        raise ValidationError({"response": "Enter the response"})
    files = checked_files(files)  # before anything is written: a refused file sends nothing
    with transaction.atomic():
        require(can_link, actor, enquiry)
        if not EnquiryLink.objects.filter(enquiry=enquiry).exists():
            raise ValidationError(f"{enquiry.reference} is not linked with another enquiry.")
        plan = response_plan(actor, enquiry)
        done = LinkedResponse(left_out=plan.left_out)
        for member in plan.responded:
            try:
                with transaction.atomic():
                    enquiry_respond(
                        actor=actor, enquiry=member, response=response, minor=minor, files=files
                    )
            except ValidationError:  # closed meanwhile, by another hand or a repeat
                done.left_out.append((member, "already closed"))
            except PermissionDenied:
                done.left_out.append((member, "not one you may respond to"))
            else:
                done.responded.append(member)
        if not done.responded:
            raise ValidationError(
                "None of the linked enquiries is open for you to respond to: nothing was sent."
            )
    return done
