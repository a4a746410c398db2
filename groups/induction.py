"""Group Leaders see their members' induction and training attendance: the council's protocol
asks them to make sure every new member of the group attends induction. The records are the
training register democratic services keep (registers.TrainingAttendance); this page only
reads them, for the group's own leader (and democratic services). Anyone else: 404."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Max, Min, Q, QuerySet
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from protocol_site.access import visible_or_404
from registers.models import Councillor, PoliticalGroup, TrainingSession
from registers.roles import Role, person_for

# A member elected (or co-opted) within this many days counts as new: induction is for them.
NEW_MEMBER_DAYS = 365


def induction_groups_for(user) -> QuerySet[PoliticalGroup]:
    """The group a Group Leader leads; every group for democratic services; else none."""
    if not getattr(user, "is_authenticated", False):
        return PoliticalGroup.objects.none()
    person = person_for(user)
    if person.has(Role.DEMOCRATIC_SERVICES):
        return PoliticalGroup.objects.all()
    if person.has(Role.GROUP_LEADER):
        return PoliticalGroup.objects.filter(leader_id=person.councillor.pk)
    return PoliticalGroup.objects.none()


def induction_rows(group: PoliticalGroup) -> list[Councillor]:
    """The group's serving members, each with the date they first attended induction, how
    many training sessions they attended and missed, and when they last attended one. One
    query, however many members and sessions."""
    attended = Q(training__attended=True)
    induction = Q(training__session__kind=TrainingSession.Kind.INDUCTION)
    new_since = timezone.localdate() - timedelta(days=NEW_MEMBER_DAYS)
    rows = list(
        Councillor.objects.serving()
        .filter(group=group)
        .select_related("user", "ward")
        .annotate(
            inducted_on=Min("training__session__held_on", filter=attended & induction),
            sessions_attended=Count("training", filter=attended & ~induction),
            places_missed=Count("training", filter=Q(training__attended=False)),
            last_attended_on=Max("training__session__held_on", filter=attended),
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    for row in rows:
        row.is_new = row.term_start >= new_since
        row.needs_induction = row.is_new and row.inducted_on is None
    return rows


@require_GET
def group_induction(request, pk: int):
    group = visible_or_404(induction_groups_for(request.user).select_related("leader__user"), pk=pk)
    rows = induction_rows(group)
    return render(
        request,
        "groups/induction.html",
        {
            "group": group,
            "rows": rows,
            "waiting": sum(1 for row in rows if row.needs_induction),
            "new_member_days": NEW_MEMBER_DAYS,
        },
    )
