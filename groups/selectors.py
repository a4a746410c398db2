"""Every read of briefings that depends on who is asking (GRP-7). Out of scope is 404.

A group's requests, notes and attendance are the group's alone (004 §6.8, 002 §9.b.iv): its
members see the group's requests; a confidential briefing (004 §7.1) only the member it is for.
Officers see what their role needs: the Chief Executive (who clears every invitation, 001 §1.11)
and the Monitoring Officer (the proper officer, 004 §6.2) see all; a Director the requests
addressed to them; an officer those they were cleared or nominated for, or attended as the
senior officer. Democratic services, other officers and other groups see none.

Another group reads a note only when it was offered to that group under equal access and the
Group Leader received it (GRP-6), and a person reads a confidential briefing only when its
member shared it with them (GRP-7): through their own pages, never the request's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from protocol_site.access import visible_or_404
from protocol_site.council_rules import rule
from registers.models import PoliticalGroup
from registers.roles import Person, Role, person_for

from .models import (
    Attendance,
    BriefingEvent,
    BriefingNote,
    BriefingOffer,
    BriefingRequest,
    BriefingShare,
    RepresentativeMeeting,
    Status,
)

NOTHING = Q(pk__in=[])


def sees_all_briefings(person: Person) -> bool:
    return person.has(Role.CHIEF_EXECUTIVE) or person.has(Role.MONITORING_OFFICER)


def uses_briefings(person: Person) -> bool:
    """Councillors in a group, and officers (any officer may be nominated to brief)."""
    councillor = person.councillor
    return person.officer is not None or (councillor is not None and bool(councillor.group_id))


def briefings_visible_to(user) -> QuerySet[BriefingRequest]:
    if not getattr(user, "is_authenticated", False):
        return BriefingRequest.objects.none()
    person = person_for(user)
    if sees_all_briefings(person):
        return BriefingRequest.objects.all()
    scope = NOTHING
    councillor = person.councillor
    if councillor is not None:
        scope |= Q(requested_by=user)
        if councillor.group_id:
            scope |= Q(group_id=councillor.group_id, confidential=False)
    if person.officer is not None:
        officer = person.officer
        scope |= (
            Q(addressed_to=officer) | Q(officer=officer) | Q(attendance__senior_officer=officer)
        )
    return BriefingRequest.objects.filter(scope)


BRIEFING_JOINS = (
    "group",
    "requested_by",
    "addressed_to__user",
    "officer__user",
    "decided_by",
)


def briefing_for(user, pk) -> BriefingRequest:
    return visible_or_404(briefings_visible_to(user).select_related(*BRIEFING_JOINS), pk=pk)


def is_briefing_officer(user, briefing: BriefingRequest) -> bool:
    """The officers over a request: they may read a draft note."""
    person = person_for(user)
    if sees_all_briefings(person):
        return True
    officer = person.officer
    return officer is not None and officer.pk in (briefing.addressed_to_id, briefing.officer_id)


def note_for(user, briefing: BriefingRequest) -> BriefingNote | None:
    """The note on a request the user may see: issued, or a draft for the officers over it."""
    note = BriefingNote.objects.filter(request=briefing).select_related("author").first()
    if note is None or note.is_issued or is_briefing_officer(user, briefing):
        return note
    return None


def attendance_for(briefing: BriefingRequest) -> Attendance | None:
    """Who attended and when (never what was said, 004 §6.8)."""
    return (
        Attendance.objects.filter(request=briefing)
        .select_related("officer__user", "senior_officer__user")
        .first()
    )


def timeline_for(briefing: BriefingRequest) -> QuerySet[BriefingEvent]:
    return briefing.events.select_related("actor")


def offers_for(briefing: BriefingRequest) -> QuerySet[BriefingOffer]:
    """Which groups a request's note was offered to, and which received it."""
    return BriefingOffer.objects.filter(note__request=briefing).select_related("group")


# --- What is disclosed to other groups and people (GRP-6, GRP-7) ------------------------------


def offers_visible_to(user) -> QuerySet[BriefingOffer]:
    """The notes offered to the user's group, where the council shares advice (003 §7.1(b))."""
    if not rule("GROUP_BRIEFING_EQUAL_ACCESS") or not getattr(user, "is_authenticated", False):
        return BriefingOffer.objects.none()
    councillor = person_for(user).councillor
    if councillor is None or not councillor.group_id:
        return BriefingOffer.objects.none()
    return BriefingOffer.objects.filter(group_id=councillor.group_id)


OFFER_JOINS = ("note__request", "note__author", "group", "received_by")


def offer_for(user, pk) -> BriefingOffer:
    return visible_or_404(offers_visible_to(user).select_related(*OFFER_JOINS), pk=pk)


def shares_visible_to(user) -> QuerySet[BriefingShare]:
    """The confidential briefings shared with the user by the member they are for (004 §7.1)."""
    if not getattr(user, "is_authenticated", False):
        return BriefingShare.objects.none()
    return BriefingShare.objects.filter(user=user, request__confidential=True)


def share_for(user, pk) -> BriefingShare:
    return visible_or_404(shares_visible_to(user).select_related("request__requested_by"), pk=pk)


def issued_note(briefing: BriefingRequest) -> BriefingNote | None:
    return (
        BriefingNote.objects.filter(request=briefing, status=BriefingNote.Status.ISSUED)
        .select_related("author")
        .first()
    )


# --- The equal-access log and the count by group (GRP-6, GRP-9) ------------------------------


@dataclass
class GroupAccess:
    group: PoliticalGroup
    given: list = field(default_factory=list)  # notes given to the group at its own request
    offers: list = field(default_factory=list)  # (note, offer or None) for the others' notes

    @property
    def missing(self) -> list:
        return [note for note, offer in self.offers if offer is None]


@dataclass
class Topic:
    name: str
    notes: list
    groups: list[GroupAccess]

    @property
    def same_access(self) -> bool:
        return not any(access.missing for access in self.groups)


def equal_access_log(user, *, q: str = "") -> list[Topic]:
    """Per topic: for every active group, the notes it asked for and the other groups' notes
    offered to it and received. Three queries however many topics."""
    person = person_for(user)
    if not sees_all_briefings(person):
        return []
    notes = (
        BriefingNote.objects.filter(status=BriefingNote.Status.ISSUED, request__confidential=False)
        .select_related("request__group")
        .prefetch_related("offers")
        .order_by("request__topic", "issued_at")
    )
    if q:
        notes = notes.filter(request__topic__icontains=q)
    groups = list(PoliticalGroup.objects.active().order_by("name"))
    by_topic: dict[str, list[BriefingNote]] = defaultdict(list)
    names: dict[str, str] = {}
    for note in notes:
        key = note.request.topic.strip().casefold()
        by_topic[key].append(note)
        names.setdefault(key, note.request.topic.strip())
    topics = []
    for key, topic_notes in by_topic.items():
        rows = []
        for group in groups:
            access = GroupAccess(group=group)
            for note in topic_notes:
                if note.request.group_id == group.pk:
                    access.given.append(note)
                else:
                    offer = next((o for o in note.offers.all() if o.group_id == group.pk), None)
                    access.offers.append((note, offer))
            rows.append(access)
        topics.append(Topic(name=names[key], notes=topic_notes, groups=rows))
    return topics


def briefings_by_group(user) -> QuerySet[PoliticalGroup]:
    """GRP-9, 001 §1.13: every group's requests counted alike, minority parties included."""
    if not sees_all_briefings(person_for(user)):
        return PoliticalGroup.objects.none()
    requests = "briefing_requests"
    return (
        PoliticalGroup.objects.annotate(
            asked=Count(requests),
            notes=Count(requests, filter=Q(briefing_requests__note__status="issued")),
            attended=Count(requests, filter=Q(briefing_requests__attendance__isnull=False)),
            declined=Count(requests, filter=Q(briefing_requests__status=Status.DECLINED)),
            alternative_budget=Count(
                requests, filter=Q(briefing_requests__alternative_budget=True)
            ),
        )
        .filter(Q(is_active=True) | Q(asked__gt=0))
        .order_by("name")
    )


# --- Meetings with other elected representatives (GRP-8) -------------------------------------


def representative_meetings_visible_to(user) -> QuerySet[RepresentativeMeeting]:
    """The officer's own, the local councillor's, and all for the Chief Executive and the
    Monitoring Officer."""
    if not getattr(user, "is_authenticated", False):
        return RepresentativeMeeting.objects.none()
    person = person_for(user)
    if sees_all_briefings(person):
        return RepresentativeMeeting.objects.all()
    scope = NOTHING
    if person.officer is not None:
        scope |= Q(officer=person.officer)
    if person.councillor is not None:
        scope |= Q(local_councillor=person.councillor)
    return RepresentativeMeeting.objects.filter(scope)


REPRESENTATIVE_JOINS = ("officer__user", "local_councillor__user", "ward", "decided_by")


def representative_meeting_for(user, pk) -> RepresentativeMeeting:
    return visible_or_404(
        representative_meetings_visible_to(user).select_related(*REPRESENTATIVE_JOINS), pk=pk
    )
