"""Every read of complaints that depends on who is asking (CMP-5). Out of scope is 404.

A complaint is visible to its complainant, the handlers of its current and past stages, the
Monitoring Officer, its subject once they have been told, and those the protocol has it reported
or copied to (003 §14: the Chief Executive, the officer's Director, the member's group leader).
The managers above a stage's handler (line manager, Head of Service, Assistant Director, Director)
see it too, as the next stages of the same chain: complaint stages handled in their part of the
council, acting arrangements included, unless they have a declared relationship with either
party. Nobody else — not other Directors, not democratic services, not superusers.

Handlers and the Monitoring Officer read its internal side (the whole timeline, the management
note); everyone else who may see it, managers above the handler included, reads the public side
only. The messages between the complainant and the handler are the complainant's and the
internal side's alone: the subject reads only those the handler shared with them, and those it
is reported or copied to and the managers above the handler read none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from declarations.conflicts import in_effect
from protocol_site.access import visible_or_404
from protocol_site.request_memo import memoised
from registers.ladder import monitoring_officers_now, officers_below
from registers.models import Post, Tier
from registers.roles import Person, Role, may_act_as_monitoring_officer, person_for

from .models import Complaint, ComplaintCopy, ComplaintEvent, ComplaintStage, Outcome, Status

# The member's group and its contact for the protocol, read with the complaint (no extra query).
GROUP_CONTACTS = (
    "complainant__councillor__group__protocol_contact__user",
    "subject_councillor__group__protocol_contact__user",
)


def _subject_is(user) -> Q:
    return Q(subject_officer__user=user) | Q(subject_councillor__user=user)


def _related_to_a_party(user) -> Exists:
    """A declared relationship in effect between `user` and the complainant or the subject
    (REG-2), as a subquery."""
    parties = ("complainant_id", "subject_officer__user_id", "subject_councillor__user_id")
    either_way = Q(pk__in=[])
    for party in parties:
        either_way |= Q(declarer_id=user.pk, other_party_id=OuterRef(party))
        either_way |= Q(declarer_id=OuterRef(party), other_party_id=user.pk)
    return Exists(in_effect().filter(either_way))


def _handled_below(post: Post) -> Q:
    """A stage, current or past, handled by an officer whose post, or a post they act up into
    today, is anywhere under `post`. The stages are found once, from the handlers, not looked
    for complaint by complaint."""
    handlers = officers_below(post).values("user_id")
    return Q(pk__in=ComplaintStage.objects.filter(handler_id__in=handlers).values("complaint_id"))


def managed_post(person: Person) -> Post | None:
    """The post whose part of the council the person manages, for complaints: a line manager's,
    a Head of Service's, an Assistant Director's or a Director's. The Chief Executive, over
    everyone, reaches complaints only as their handler or a copy."""
    post = person.officer.working_post if person.officer is not None else None
    manages = person.has(Role.LINE_MANAGER) or person.has(Role.ASSISTANT_DIRECTOR)
    if post is None or not manages or post.tier == Tier.CHIEF_EXECUTIVE:
        return None
    return post


def _management_reach(person: Person) -> Q:
    """The complaint stages handled in the part of the council under the person's post."""
    post = managed_post(person)
    if post is None:
        return Q(pk__in=[])
    user = person.user
    not_yet_told = _subject_is(user) & Q(subject_notified_at__isnull=True)
    return _handled_below(post) & ~not_yet_told & ~Q(_related_to_a_party(user))


def _about(person) -> Q:
    about = Q(pk__in=[])
    if person.officer is not None:
        about |= Q(subject_officer_id=person.officer.pk)
    if person.councillor is not None:
        about |= Q(subject_councillor_id=person.councillor.pk)
    return about


def _monitoring_officer_is_party() -> Q | None:
    """The complaints the Monitoring Officer in post raised or is the subject of: the
    Deputy's to act on (None when there is no Monitoring Officer in post)."""
    holder = monitoring_officers_now().holder
    if holder is None:
        return None
    return Q(complainant_id=holder.user_id) | Q(subject_officer_id=holder.pk)


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """Built once a page view (the home page's panels and the lists each narrow it)."""
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    return memoised(("complaints_visible_to", user.pk), lambda: _visible_to(user))


def _visible_to(user) -> QuerySet[Complaint]:
    person = person_for(user)
    handled = ComplaintStage.objects.filter(complaint=OuterRef("pk")).filter(
        Q(handler=user) | Q(co_handler=user)
    )
    copied = ComplaintCopy.objects.filter(complaint=OuterRef("pk"), user=user)
    mine = Q(complainant=user) | Q(Exists(handled)) | Q(Exists(copied))
    # Never a complaint about the reader not yet told to them (unless theirs to see as its
    # complainant, a handler or a copy).
    hidden = Complaint.objects.filter(_about(person), subject_notified_at__isnull=True)
    if person.has(Role.MONITORING_OFFICER):
        # Everything but that short list, left out so the database need not test every
        # complaint to count or page them.
        return Complaint.objects.exclude(pk__in=hidden.exclude(mine).values("pk"))
    scope = mine | (_subject_is(user) & Q(subject_notified_at__isnull=False))
    scope |= _management_reach(person)
    if person.is_deputy_monitoring_officer:
        # The Deputy acts on the complaints the Monitoring Officer is a party to.
        party = _monitoring_officer_is_party()
        if party is not None:
            scope |= party & ~Q(pk__in=hidden.values("pk"))
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
            *GROUP_CONTACTS,
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
    if may_act_as_monitoring_officer(user, complaint):
        return True
    if handler_ids is not None:
        return user.pk in handler_ids
    return complaint.stages.filter(Q(handler=user) | Q(co_handler=user)).exists()


@dataclass(frozen=True)
class Reader:
    """Who is reading a complaint's timeline: its internal side, its complainant, its subject
    (once told), or someone else who may see it (a copy, a manager above the handler)."""

    internal: bool = False
    complainant: bool = False
    subject: bool = False

    def reads(self, event: ComplaintEvent) -> bool:
        if self.internal:
            return True
        if not event.visible_to_complainant:
            return False
        if event.kind in ComplaintEvent.MESSAGE_KINDS:
            return self.complainant or (self.subject and event.shared_with_subject)
        return True


def reader_of(user, complaint: Complaint, *, internal: bool) -> Reader:
    return Reader(
        internal=internal,
        complainant=complaint.complainant_id == user.pk,
        subject=complaint.subject_user_id == user.pk,
    )


def timeline_for(user, complaint: Complaint) -> list[ComplaintEvent]:
    """The steps on the complaint the reader may read, oldest first."""
    reader = reader_of(user, complaint, internal=may_see_management_note(user, complaint))
    return [event for event in complaint.events.select_related("actor") if reader.reads(event)]


def messages_for(user, complaint: Complaint) -> list[ComplaintEvent]:
    """The messages on the complaint the reader may read, oldest first."""
    reader = reader_of(user, complaint, internal=may_see_management_note(user, complaint))
    messages = complaint.events.filter(kind__in=ComplaintEvent.MESSAGE_KINDS)
    return [event for event in messages.select_related("actor") if reader.reads(event)]


def _blank_notes(stages: list[ComplaintStage]) -> list[ComplaintStage]:
    for stage in stages:
        stage.management_note = ""
    return stages


def stages_for(user, complaint: Complaint) -> list[ComplaintStage]:
    """The stages, oldest first; the management note blanked unless the reader may see it."""
    stages = list(complaint.stages.select_related("handler"))
    ids = {i for s in stages for i in (s.handler_id, s.co_handler_id) if i}
    if not may_see_management_note(user, complaint, handler_ids=ids):
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
    reader: Reader


def shape(user, complaint: Complaint) -> Shaped:
    """Apply the reader's view to a complaint loaded by `complaints_with_history` (no queries
    but, for the Deputy Monitoring Officer, the statutory officers once a page)."""
    stages = complaint.all_stages
    if is_party(user, complaint):
        internal = False
    elif may_act_as_monitoring_officer(user, complaint):
        internal = True
    else:
        internal = any(user.pk in (stage.handler_id, stage.co_handler_id) for stage in stages)
    if not internal:
        stages = _blank_notes(list(stages))
    reader = reader_of(user, complaint, internal=internal)
    events = [event for event in complaint.all_events if reader.reads(event)]
    return Shaped(
        complaint=complaint, internal=internal, stages=stages, timeline=events, reader=reader
    )


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
            *GROUP_CONTACTS,
        )
        .prefetch_related(
            Prefetch(
                "stages",
                queryset=ComplaintStage.objects.select_related("handler", "co_handler").order_by(
                    "number"
                ),
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
        .filter(Q(current_handler=user) | Q(current_co_handler=user))
        .select_related("subject_officer__user", "subject_councillor__user", "complainant")
    )


def mo_queue(user) -> QuerySet[Complaint]:
    """The Monitoring Officer's queue: everything escalated or copied to them, but those they
    are a party to (the Deputy's); held by the Deputy while the Monitoring Officer is away or
    the post vacant."""
    if not may_act_as_monitoring_officer(user):
        raise PermissionDenied("Only the Monitoring Officer has this queue.")
    at_mo = ComplaintStage.objects.filter(complaint=OuterRef("pk"), handler=user)
    return (
        complaints_visible_to(user)
        .filter(Q(mo_copied=True) | Q(Exists(at_mo)))
        .exclude(_about(person_for(user)) | Q(complainant=user))
    )


def standing_in_for_monitoring_officer(user) -> QuerySet[Complaint]:
    """The Deputy's complaints while the Monitoring Officer is in post: those the Monitoring
    Officer raised or is the subject of (none for anybody else)."""
    party = _monitoring_officer_is_party()
    if party is None or not person_for(user).is_deputy_monitoring_officer:
        return Complaint.objects.none()
    return complaints_visible_to(user).filter(party)


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
    if not may_act_as_monitoring_officer(user):
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
