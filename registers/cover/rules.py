"""Who is covering whom, and who may record it. Enquiries read these to send new work,
reminders and the queue to the cover while an absence lasts."""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from protocol_site.any_of import AnyOf
from protocol_site.cases import denies
from protocol_site.request_memo import memoised

from ..ladder import posts_above, posts_below
from ..models import Absence, Officer
from ..roles import person_for


def absence_on(officer: Officer | None, day: date | None = None) -> Absence | None:
    """The officer's absence that includes `day` (default today), with its cover, or None."""
    if officer is None:
        return None
    return (
        Absence.objects.on(day)
        .filter(officer=officer)
        .select_related("cover__user", "officer__user")
        .first()
    )


def stand_in(officer: Officer, day: date | None = None) -> Officer:
    """Who takes the officer's work on `day`: their cover while they are away (an active
    cover), else the officer themselves."""
    absence = absence_on(officer, day)
    if absence is not None and absence.cover is not None and absence.cover.is_active:
        return absence.cover
    return officer


def stand_ins(officers, day: date | None = None) -> dict[int, Officer]:
    """`stand_in` for many officers at once (one query): by officer id, who takes their work
    on `day`."""
    found = {officer.pk: officer for officer in officers}
    first: dict[int, Absence] = {}
    absences = (
        Absence.objects.on(day).filter(officer_id__in=list(found)).order_by(*Absence._meta.ordering)
    )
    for absence in absences.select_related("cover__user"):
        first.setdefault(absence.officer_id, absence)
    for officer_id, absence in first.items():
        if absence.cover is not None and absence.cover.is_active:
            found[officer_id] = absence.cover
    return found


def covered_for(officer_field: str, officer: Officer, day: date | None = None) -> Q:
    """Records whose `officer_field` (an Officer id) is someone `officer` covers on `day`,
    as a subquery: no extra query, however many records, and the rest of a queue's OR still
    read from its indexes (AnyOf)."""
    covered = Absence.objects.on(day).filter(cover=officer).values("officer_id")
    return Q(AnyOf(officer_field, covered))


def covering_now(officer: Officer, day: date | None = None) -> QuerySet[Absence]:
    """The absences `officer` is covering on `day`, for their queue's heading."""
    return Absence.objects.on(day).filter(cover=officer).select_related("officer__user")


def manages_officer(user, officer: Officer) -> bool:
    """The officer's line management, anyone above their post today."""
    me = person_for(user).officer
    if me is None:
        return False
    for post in posts_above(officer.working_post):
        occupant = post.occupant()
        if occupant is not None and occupant.pk == me.pk:
            return True
    return False


@denies("Only the officer, their managers or democratic services can record their absence.")
def can_record_absence(user, officer: Officer) -> bool:
    """The officer themselves, anyone above them in the structure, or democratic services."""
    person = person_for(user)
    if person.can_manage_organisation:
        return True
    if person.officer is not None and person.officer.pk == officer.pk:
        return True
    return manages_officer(user, officer)


def absences_visible_to(user) -> QuerySet[Absence]:
    """Absences the person may see and end: their own, those they cover, their staff's (any
    depth below them), and every one for democratic services. Current and future only."""
    person = person_for(user)
    qs = Absence.objects.current_or_later().select_related(
        "officer__user", "cover__user", "officer__post"
    )
    if person.can_manage_organisation:
        return qs
    me = person.officer
    if me is None:
        return qs.none()
    scope = Q(officer=me) | Q(cover=me)
    post = me.working_post
    if post is not None:
        scope |= Q(officer__post_id__in=posts_below(post))
    return qs.filter(scope)


def covers(user, officer_id: int | None, day: date | None = None, *, known=None) -> bool:
    """Whether `user` is covering the officer `officer_id` on `day` (default today); asked once
    per page view, or not at all when `known` (a record read with away_annotations) says."""
    if officer_id is None or not getattr(user, "pk", None):
        return False
    if known is not None:  # read with the record (away_annotations): no query
        return known.away_until is not None and known.away_cover_user_id == user.pk
    day = day or timezone.localdate()
    return memoised(
        ("covers", user.pk, officer_id, day),
        lambda: (
            Absence.objects.on(day).filter(officer_id=officer_id, cover__user_id=user.pk).exists()
        ),
    )


def away_annotations(officer_field: str, day: date | None = None) -> dict:
    """Subqueries to annotate records with their officer's absence on `day` (default today):
    `away_until` (None when at work), and the cover's `away_cover_user_id`,
    `away_cover_first_name` and `away_cover_last_name` (None with nobody covering), read with
    the records themselves."""
    away = Absence.objects.on(day).filter(officer_id=OuterRef(officer_field))
    return {
        "away_until": Subquery(away.values("ends_on")[:1]),
        "away_cover_user_id": Subquery(
            away.filter(cover__is_active=True).values("cover__user_id")[:1]
        ),
        "away_cover_first_name": Subquery(
            away.filter(cover__is_active=True).values("cover__user__first_name")[:1]
        ),
        "away_cover_last_name": Subquery(
            away.filter(cover__is_active=True).values("cover__user__last_name")[:1]
        ),
    }
