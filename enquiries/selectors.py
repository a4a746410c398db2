"""Every read of enquiries that depends on who is asking. Out of scope is 404."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from declarations.conflicts import in_effect
from protocol_site.access import visible_or_404
from protocol_site.any_of import AnyOf
from registers.cover.rules import away_annotations, covered_for
from registers.ladder import officers_below
from registers.models import DIRECTOR_TIERS, Councillor, Post, Service
from registers.roles import Person, Role, person_for

from .models import (
    OPEN_STATUSES,
    ConstituentDetails,
    Enquiry,
    EnquiryAttachment,
    EnquiryEvent,
    SavedView,
    StandardWording,
    Status,
    answered_late_q,
    answered_on_time_q,
    overdue_q,
)
from .models.sharing import shared_with_q
from .permissions import (
    can_read_notes,
    team_service_id,
    wording_service_ids,
)

DUE_SOON_DAYS = 3


def _related_to_councillor(user) -> Q:
    """A declared relationship in effect between `user` and the enquiry's councillor (REG-2):
    the councillors on the other side of `user`'s declarations, as an id list read once (no
    extra query, and the enquiries' own indexes still answer the rest of the scope)."""
    declared = in_effect()
    councillors = Councillor.objects.filter(
        Q(user_id__in=declared.filter(declarer_id=user.pk).values("other_party_id"))
        | Q(user_id__in=declared.filter(other_party_id=user.pk).values("declarer_id"))
    ).values("pk")
    return Q(AnyOf("councillor_id", councillors))


def managed_by(post: Post) -> Q:
    """Enquiries held in the part of the council under `post`: assigned to an officer whose
    post, or a post they act up into today, is anywhere below it (ENQ-9)."""
    return Q(assigned_to_id__in=officers_below(post).values("pk"))


def enquiries_visible_to(user) -> QuerySet[Enquiry]:
    """A councillor's own; an officer's, the Director's copy and escalations; and, through
    line management, those of the posts below and a Director's directorate (the Chief
    Executive's reach is every enquiry), except a councillor's with whom the manager has a
    declared relationship (REG-2). Democratic services keep the register of them all."""
    person = person_for(user)
    base = Enquiry.objects.all()
    if person.has(Role.DEMOCRATIC_SERVICES):
        return base
    scope = Q(pk__in=[])
    if person.councillor is not None:
        scope |= Q(councillor=person.councillor) | shared_with_q(person.councillor)
    if person.officer is not None:
        officer = person.officer
        escalated = EnquiryEvent.objects.filter(
            kind=EnquiryEvent.Kind.ESCALATED, officer=officer
        ).values("enquiry_id")
        scope |= (
            Q(assigned_to=officer)
            | Q(logged_by_id=user.pk)  # recorded for a councillor: its officer can open it
            | Q(director=officer)
            | Q(escalated_to=officer)
            | Q(pk__in=escalated)  # hashed: a Director may have had thousands
            | covered_for("assigned_to_id", officer)  # covering while its officer is away
            | team_queue_q(user)
        )
        reach = Q(pk__in=[])
        post = officer.working_post
        if person.has(Role.CHIEF_EXECUTIVE):
            reach = Q(pk__isnull=False)
        elif post is not None:
            if post.tier in DIRECTOR_TIERS and post.directorate_id:
                services = Service.objects.filter(directorate_id=post.directorate_id)
                reach |= Q(AnyOf("service_id", services.values("pk")))
            reach |= managed_by(post)
        scope |= reach & ~_related_to_councillor(user)
    return base.filter(scope)


def enquiry_for(user, pk) -> Enquiry:
    """One enquiry in reach, with its people and whether its officer is away today (and who
    covers), in one query."""
    return visible_or_404(
        enquiries_visible_to(user)
        .annotate(**away_annotations("assigned_to_id"))
        .select_related(
            "councillor__user",
            "ward",
            "service__directorate",
            "assigned_to__user",
            "director__user",
            "escalated_to__user",
            "approached_officer__user",
            "logged_by",
            "constituent",
            "advice_request",
        ),
        pk=pk,
    )


def advised_copy_for(user, pk) -> Enquiry:
    """The response a committee chair or lead member was advised of (004 §7.3): its copy only,
    never the enquiry's timeline or the councillor's own words."""
    councillor = person_for(user).councillor
    if councillor is None:
        raise Http404
    qs = Enquiry.objects.filter(
        status=Status.RESPONDED, advised__councillor=councillor
    ).select_related("councillor__user", "service__directorate")
    return visible_or_404(qs, pk=pk)


def sharing_for(enquiry: Enquiry):
    """Who the enquiry is shared with, for its councillor's page: each share, and whether the
    colleague may reach it today (a term ended or a ward changed ends that)."""
    from .models.sharing import serves_now

    shares = list(enquiry.shares.select_related("councillor__user", "councillor__ward"))
    for share in shares:
        share.in_reach = serves_now(share.councillor) and (
            share.councillor.ward_id == enquiry.councillor.ward_id
        )
    return shares


def linked_for(user, enquiry: Enquiry) -> list[Enquiry]:
    """The enquiries linked with this one, for an officer's page: each marked `in_reach`
    where the viewer may open it (only its reference is shown otherwise)."""
    linked = list(
        Enquiry.objects.filter(link__matter__links__enquiry=enquiry)
        .exclude(pk=enquiry.pk)
        .select_related("councillor__user")
        .order_by("pk")
    )
    if linked:
        reach = set(
            enquiries_visible_to(user)
            .filter(pk__in=[e.pk for e in linked])
            .values_list("pk", flat=True)
        )
        for other in linked:
            other.in_reach = other.pk in reach
    return linked


def may_read_casework(user, enquiry: Enquiry) -> bool:
    """Democratic services see the register, not the confidential casework text."""
    person = person_for(user)
    if enquiry.kind != Enquiry.Kind.CASEWORK:
        return True
    if person.councillor is not None and enquiry.councillor_id == person.councillor.pk:
        return True
    if person.officer is None and person.councillor is not None:
        from .permissions import is_shared_with

        return is_shared_with(user, enquiry)
    return person.officer is not None and not (
        person.has(Role.DEMOCRATIC_SERVICES) and not _works_on(person, enquiry)
    )


def _works_on(person: Person, enquiry: Enquiry) -> bool:
    officer_id = person.officer.pk
    return officer_id in (enquiry.assigned_to_id, enquiry.director_id, enquiry.escalated_to_id)


def timeline_for(user, enquiry: Enquiry) -> QuerySet[EnquiryEvent]:
    events = enquiry.events.select_related("actor", "officer__user")
    person = person_for(user)
    if person.officer is None and person.councillor is not None:
        events = events.filter(visible_to_councillor=True)
    return events


def attachments_for(user, enquiry: Enquiry) -> QuerySet[EnquiryAttachment]:
    """The files on the steps `user` may read: none where the casework text is confidential
    to them, and an internal note's files only for those who may read notes (never the
    councillor)."""
    if not may_read_casework(user, enquiry):
        return EnquiryAttachment.objects.none()
    events = timeline_for(user, enquiry)
    if not can_read_notes(user, enquiry):
        events = events.filter(visible_to_councillor=True)
    return enquiry.attachments.filter(event__in=events.values("pk"))


def attachment_for(user, enquiry: Enquiry, pk) -> EnquiryAttachment:
    """One file on an enquiry already in `user`'s reach (enquiry_for); anyone else's is 404."""
    return visible_or_404(attachments_for(user, enquiry), pk=pk)


def queue_filter(qs: QuerySet[Enquiry], view: str) -> QuerySet[Enquiry]:
    today = timezone.localdate()
    if view == "open":
        return qs.open()
    if view == "due_soon":
        return qs.open().filter(
            target_date__gte=today, target_date__lte=today + timedelta(days=DUE_SOON_DAYS)
        )
    if view == "overdue":
        return qs.overdue(today)
    if view == "closed":
        return qs.closed()
    return qs


def urgent_first() -> Case:
    """An ordering that puts open urgent enquiries before the rest."""
    return Case(
        When(Q(urgent=True, status__in=OPEN_STATUSES), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


def officer_queue(user) -> QuerySet[Enquiry]:
    """Assigned to me, or escalated to me."""
    officer = person_for(user).officer
    if officer is None:
        return Enquiry.objects.none()
    return Enquiry.objects.filter(
        Q(assigned_to=officer)
        | Q(escalated_to=officer)
        | (covered_for("assigned_to_id", officer) & Q(status__in=OPEN_STATUSES))
    )


def team_queue_q(user) -> Q:
    """Enquiries waiting in the team queue of the officer's own service, or of the services
    whose queue they allocate."""
    officer = person_for(user).officer
    if officer is None:
        return Q(pk__in=[])
    mine = team_service_id(user)
    services = Service.objects.filter(Q(queue_delegate=officer) | Q(pk=mine)).values("pk")
    return Q(in_team_queue=True) & Q(AnyOf("service_id", services))


def team_queue_for(user, service_id: int | None = None) -> QuerySet[Enquiry]:
    """The open enquiries waiting unallocated in the queues `user` may see, oldest first."""
    qs = Enquiry.objects.open().filter(team_queue_q(user))
    if service_id is not None:
        qs = qs.filter(service_id=service_id)
    return qs.select_related("councillor__user", "service", "assigned_to__user").order_by(
        urgent_first(), "target_date", "received_at", "pk"
    )


def queue_counts(qs: QuerySet[Enquiry]) -> dict[str, int]:
    today = timezone.localdate()
    open_q = Q(status__in=OPEN_STATUSES)
    return qs.aggregate(
        open=Count("pk", filter=open_q),
        due_soon=Count(
            "pk",
            filter=open_q
            & Q(target_date__gte=today, target_date__lte=today + timedelta(days=DUE_SOON_DAYS)),
        ),
        overdue=Count("pk", filter=overdue_q(today)),
        escalated=Count("pk", filter=open_q & Q(escalated_to__isnull=False)),
    )


def directorate_performance(user, year: int | None = None):
    """ENQ-9: per service, open / due soon / overdue / escalated, and the share answered
    (full response or holding reply) within the working-day limit this year (the urgent
    one for an urgent enquiry)."""
    year = year or timezone.localdate().year
    today = timezone.localdate()
    open_q = Q(status__in=OPEN_STATUSES)
    this_year = Q(received_at__year=year)
    return (
        enquiries_visible_to(user)
        .values("service__name", "service__directorate__name")
        .annotate(
            open=Count("pk", filter=open_q),
            due_soon=Count(
                "pk",
                filter=open_q
                & Q(target_date__gte=today, target_date__lte=today + timedelta(days=3)),
            ),
            overdue=Count("pk", filter=overdue_q(today)),
            escalated=Count("pk", filter=open_q & Q(escalated_to__isnull=False)),
            received=Count("pk", filter=this_year),
            on_time=Count("pk", filter=this_year & answered_on_time_q()),
            late=Count(
                "pk",
                filter=this_year
                & (answered_late_q() | Q(first_reply_at__isnull=True, due_date__lt=today)),
            ),
        )
        .order_by("service__directorate__name", "service__name")
    )


def member_volumes(user, year: int | None = None):
    """ENQ-10: enquiries per member this year, presented neutrally (alphabetically)."""
    year = year or timezone.localdate().year
    # The Monitoring Officer answers for the protocol's operation (002 §1.2) and sees every
    # member's volume (ENQ-10): counts only, no enquiry is opened to them by this.
    if person_for(user).has(Role.MONITORING_OFFICER):
        enquiries = Enquiry.objects.all()
    else:
        enquiries = enquiries_visible_to(user)
    return (
        enquiries.filter(received_at__year=year)
        .values(
            "councillor__user__first_name", "councillor__user__last_name", "councillor__group__name"
        )
        .annotate(total=Count("pk"), casework=Count("pk", filter=Q(kind=Enquiry.Kind.CASEWORK)))
        .order_by("councillor__user__last_name", "councillor__user__first_name")
    )


# Standard wording.
def wording_kept_by(user) -> QuerySet[StandardWording]:
    """The wording `user` keeps (in use and retired): every service's for democratic services,
    their own service's for a Head of Service, none for anyone else."""
    ids = wording_service_ids(user)
    qs = StandardWording.objects.select_related("service", "created_by")
    return qs if ids is None else qs.filter(service_id__in=ids)


def wording_for(user, pk) -> StandardWording:
    return visible_or_404(wording_kept_by(user), pk=pk)


def wording_services(user) -> QuerySet[Service]:
    """The services `user` may add wording for."""
    ids = wording_service_ids(user)
    qs = Service.objects.filter(is_active=True).order_by("name")
    return qs if ids is None else qs.filter(pk__in=ids)


def wording_offered(enquiry: Enquiry) -> QuerySet[StandardWording]:
    """What an officer writing on `enquiry` may insert: its service's wording in use."""
    return StandardWording.objects.in_use().filter(service_id=enquiry.service_id).order_by("title")


def constituent_of(enquiry: Enquiry) -> ConstituentDetails | None:
    """The constituent's details, for a viewer can_see_constituent has let through: read with
    the enquiry (enquiry_for joins them), so no query of their own."""
    try:
        return enquiry.constituent
    except ConstituentDetails.DoesNotExist:
        return None


# Saved views of the list.
def saved_views_of(user) -> QuerySet[SavedView]:
    """A person's own saved views: nobody else's are ever listed, counted or opened."""
    return SavedView.objects.filter(owner_id=user.pk).order_by("name", "pk")


def saved_view_for(user, pk) -> SavedView:
    return visible_or_404(saved_views_of(user), pk=pk)
