"""Every read of complaints that depends on who is asking (CMP-5). Out of scope is 404.

A complaint is visible to its complainant, the handlers of its current and past stages, the
Monitoring Officer, its subject once they have been told, and those the protocol has it reported
or copied to (003 §14: the Chief Executive, the officer's Director, the member's group leader);
to nobody else — not other Directors, not democratic services, not superusers.

Handlers and the Monitoring Officer read its internal side (the whole timeline, the management
note); everyone else who may see it reads the public side only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from protocol_site.access import visible_or_404
from registers.roles import Role, person_for

from .models import Complaint, ComplaintCopy, ComplaintEvent, ComplaintStage, Outcome, Status


def _subject_is(user) -> Q:
    return Q(subject_officer__user=user) | Q(subject_councillor__user=user)


def complaints_visible_to(user) -> QuerySet[Complaint]:
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    person = person_for(user)
    handled = ComplaintStage.objects.filter(complaint=OuterRef("pk"), handler=user)
    copied = ComplaintCopy.objects.filter(complaint=OuterRef("pk"), user=user)
    mine = Q(complainant=user) | Q(Exists(handled)) | Q(Exists(copied))
    if person.has(Role.MONITORING_OFFICER):
        # Everything, except a complaint about the Monitoring Officer not yet told to them
        # (and not theirs to see as its complainant, a handler or a copy): that short list is
        # left out, so the database need not test every complaint to count or page them.
        about_me = Q(pk__in=[])
        if person.officer is not None:
            about_me |= Q(subject_officer_id=person.officer.pk)
        if person.councillor is not None:
            about_me |= Q(subject_councillor_id=person.councillor.pk)
        hidden = Complaint.objects.filter(about_me, subject_notified_at__isnull=True)
        return Complaint.objects.exclude(pk__in=hidden.exclude(mine).values("pk"))
    scope = mine | (_subject_is(user) & Q(subject_notified_at__isnull=False))
    return Complaint.objects.filter(scope)


def complaint_for(user, pk, *, with_history: bool = False) -> Complaint:
    """One complaint `user` may see, or 404. `with_history` loads its stages and timeline for
    `shape` in the same few queries as a list."""
    if with_history:
        return visible_or_404(complaints_with_history(user), pk=pk)
    return visible_or_404(
        complaints_visible_to(user).select_related(
            "complainant",
            "current_handler",
            "subject_officer__user",
            "subject_councillor__user",
        ),
        pk=pk,
    )


def is_party(user, complaint: Complaint) -> bool:
    """The complainant or the subject."""
    return user.pk in (complaint.complainant_id, complaint.subject_user_id)


def may_see_management_note(user, complaint: Complaint, *, handler_ids=None) -> bool:
    """The internal side (003 §13.3): handlers and the Monitoring Officer, never the
    complainant or the subject, nor those it is only copied to. `handler_ids` saves a query
    when the stages are already loaded."""
    if is_party(user, complaint):
        return False
    if person_for(user).has(Role.MONITORING_OFFICER):
        return True
    if handler_ids is not None:
        return user.pk in handler_ids
    return complaint.stages.filter(handler=user).exists()


def _public_events(events):
    return [event for event in events if event.visible_to_complainant]


def timeline_for(user, complaint: Complaint) -> QuerySet[ComplaintEvent]:
    events = complaint.events.select_related("actor")
    if not may_see_management_note(user, complaint):
        events = events.filter(visible_to_complainant=True)
    return events


def _blank_notes(stages: list[ComplaintStage]) -> list[ComplaintStage]:
    for stage in stages:
        stage.management_note = ""
    return stages


def stages_for(user, complaint: Complaint) -> list[ComplaintStage]:
    """The stages, oldest first; the management note blanked unless the reader may see it."""
    stages = list(complaint.stages.select_related("handler"))
    if not may_see_management_note(user, complaint, handler_ids={s.handler_id for s in stages}):
        _blank_notes(stages)
    return stages


def copies_for(complaint: Complaint) -> QuerySet[ComplaintCopy]:
    """Who it was reported or copied to (003 §14), shown to everyone who may see it."""
    return complaint.copies.select_related("user")


@dataclass
class Shaped:
    """A complaint as its reader may see it: the rules above applied to loaded rows."""

    complaint: Complaint
    internal: bool
    stages: list[ComplaintStage]
    timeline: list[ComplaintEvent]


def shape(user, complaint: Complaint, *, is_mo: bool | None = None) -> Shaped:
    """Apply the reader's view to a complaint loaded by `complaints_with_history` (no queries)."""
    stages = complaint.all_stages
    if is_party(user, complaint):
        internal = False
    elif is_mo if is_mo is not None else person_for(user).has(Role.MONITORING_OFFICER):
        internal = True
    else:
        internal = any(stage.handler_id == user.pk for stage in stages)
    if not internal:
        stages = _blank_notes(list(stages))
    events = complaint.all_events if internal else _public_events(complaint.all_events)
    return Shaped(complaint=complaint, internal=internal, stages=stages, timeline=events)


def complaints_with_history(user) -> QuerySet[Complaint]:
    """The complaints `user` may see with their stages and timelines, for any number of them
    in three queries; pass each through `shape` before showing it."""
    return (
        complaints_visible_to(user)
        .select_related(
            "complainant",
            "current_handler",
            "subject_officer__user",
            "subject_councillor__user",
        )
        .prefetch_related(
            Prefetch(
                "stages",
                queryset=ComplaintStage.objects.select_related("handler").order_by("number"),
                to_attr="all_stages",
            ),
            Prefetch(
                "events",
                queryset=ComplaintEvent.objects.select_related("actor"),
                to_attr="all_events",
            ),
        )
    )


def complaints_handled_by(user) -> QuerySet[Complaint]:
    """The handler's dashboard: open complaints whose current stage is theirs."""
    return (
        Complaint.objects.open()
        .filter(current_handler=user)
        .select_related("subject_officer__user", "subject_councillor__user", "complainant")
    )


def mo_queue(user) -> QuerySet[Complaint]:
    """The Monitoring Officer's queue: everything escalated or copied to them."""
    if not person_for(user).has(Role.MONITORING_OFFICER):
        raise PermissionDenied("Only the Monitoring Officer has this queue.")
    at_mo = ComplaintStage.objects.filter(complaint=OuterRef("pk"), handler=user)
    return complaints_visible_to(user).filter(Q(mo_copied=True) | Q(Exists(at_mo)))


def complaints_copied_to(user) -> QuerySet[Complaint]:
    """The complaints reported or copied to this person (003 §14), as they may see them."""
    copied = ComplaintCopy.objects.filter(complaint=OuterRef("pk"), user=user)
    return complaints_visible_to(user).filter(Exists(copied))


@dataclass(frozen=True)
class Patterns:
    by_complainant: list[dict]
    by_subject_officer: list[dict]
    by_subject_councillor: list[dict]


def _counts(qs: QuerySet, minimum: int, *group: str) -> list[dict]:
    return list(
        qs.values(*group)
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status=Status.OPEN)),
            not_upheld=Count("pk", filter=Q(outcome=Outcome.NOT_UPHELD)),
            withdrawn=Count("pk", filter=Q(status=Status.WITHDRAWN)),
        )
        .filter(total__gte=minimum)
        .order_by("-total", *group)
    )


def mo_patterns(user, *, minimum: int = 1) -> Patterns:
    """CMP-6: repeat patterns per complainant and per subject, counted in the database."""
    if not person_for(user).has(Role.MONITORING_OFFICER):
        raise PermissionDenied("Only the Monitoring Officer sees complaint patterns.")
    qs = Complaint.objects.all()
    return Patterns(
        by_complainant=_counts(
            qs, minimum, "complainant", "complainant__first_name", "complainant__last_name"
        ),
        by_subject_officer=_counts(
            qs.filter(subject_officer__isnull=False),
            minimum,
            "subject_officer",
            "subject_officer__user__first_name",
            "subject_officer__user__last_name",
        ),
        by_subject_councillor=_counts(
            qs.filter(subject_councillor__isnull=False),
            minimum,
            "subject_councillor",
            "subject_councillor__user__first_name",
            "subject_councillor__user__last_name",
        ),
    )
