"""Every read of ward notices and pre-election periods that depends on who is asking, or when.

Ward notices are not confidential among council users, but lists stay scoped: a councillor
sees the notices for their own ward, officers and democratic services see them all. Someone
else's ward notice is 404 to a councillor, the same as one that does not exist. Pre-election
periods and their guidance are for everyone signed in.
"""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from protocol_site.access import visible_or_404
from registers.models import Councillor, Officer, Tier, Ward
from registers.roles import Person, Role, person_for

from .models import ElectionPeriod, ProtocolReading, ProtocolVersion, WardNotice
from .permissions import can_publish

# The banner's period is cached this long per process; the services clear it on a change.
PERIOD_CACHE_SECONDS = 60
_MISSING = object()


# --- Who may do what ---------------------------------------------------------------------


def uses_ward_notices(person: Person) -> bool:
    return (
        person.councillor is not None
        or person.officer is not None
        or person.has(Role.DEMOCRATIC_SERVICES)
    )


def sees_all_notices(person: Person) -> bool:
    """Those who record notices see every notice."""
    return can_publish(person.user)


# --- Ward notices ------------------------------------------------------------------------


def ward_notices_visible_to(user) -> QuerySet[WardNotice]:
    if not getattr(user, "is_authenticated", False):
        return WardNotice.objects.none()
    person = person_for(user)
    if sees_all_notices(person):
        return WardNotice.objects.all()
    if person.councillor is not None and person.councillor.ward_id:
        return WardNotice.objects.filter(wards=person.councillor.ward_id)
    return WardNotice.objects.none()


def ward_notice_for(user, pk) -> WardNotice:
    return visible_or_404(
        ward_notices_visible_to(user)
        .select_related("recorded_by", "withdrawn_by")
        .prefetch_related("wards"),
        pk=pk,
    )


def recent_ward_notices(person: Person, limit: int = 3) -> list[WardNotice]:
    """The latest notices still standing for a councillor's own ward, for their home page."""
    councillor = person.councillor
    if councillor is None or not councillor.ward_id:
        return []
    return list(
        WardNotice.objects.filter(wards=councillor.ward_id, withdrawn_at__isnull=True).order_by(
            "-recorded_at", "-pk"
        )[:limit]
    )


def ward_notices_listed(qs: QuerySet[WardNotice]) -> QuerySet[WardNotice]:
    """What a list row shows, in a fixed number of queries whatever the page holds."""
    return (
        qs.select_related("recorded_by").prefetch_related("wards").order_by("-recorded_at", "-pk")
    )


def history_changes(instance, *, hidden=(), labels=None, limit: int = 20) -> list[dict]:
    """A record's field history (django-simple-history), newest first: when, by whom, and
    which fields changed. The first version (its creation) is not a change."""
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    names = {f.name: f.verbose_name for f in type(instance)._meta.get_fields() if f.concrete}
    names.update(labels or {})
    found = []
    for newer, older in zip(records, records[1:], strict=False):
        delta = newer.diff_against(older, foreign_keys_are_objs=False)
        fields = [c.field for c in delta.changes if c.field not in hidden]
        if fields:
            found.append(
                {
                    "at": newer.history_date,
                    "by": newer.history_user,
                    "fields": [str(names.get(name, name)).capitalize() for name in fields],
                }
            )
    return found


def ward_notice_changes(notice: WardNotice) -> list[dict]:
    return history_changes(
        notice,
        hidden={"revision", "changed_at"},
        labels={"meeting_at": "date and time", "consultation_closes_on": "closing date"},
    )


def period_changes(period: ElectionPeriod) -> list[dict]:
    return history_changes(
        period,
        hidden={"revision", "last_day", "ended_by"},
        labels={"ended_at": "ended early", "end_reason": "reason for ending early"},
    )


def current_ward_councillors(wards, on: date | None = None) -> QuerySet[Councillor]:
    """The members in office today for any of `wards`, with an account that can sign in."""
    return Councillor.objects.serving(on).filter(ward__in=wards).select_related("user", "ward")


def wards_for_choice() -> QuerySet[Ward]:
    return Ward.objects.order_by("name")


# --- Pre-election periods ----------------------------------------------------------------


def periods_on(moment: datetime) -> QuerySet[ElectionPeriod]:
    day = timezone.localdate(moment)
    return ElectionPeriod.objects.filter(starts_on__lte=day, last_day__gte=day).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=moment)
    )


def period_on(moment: datetime | None = None) -> ElectionPeriod | None:
    """The pre-election period in force at `moment` (default now), or None. The one rule the
    banner, the enquiry mark and briefings all use."""
    return periods_on(moment or timezone.now()).order_by("starts_on").first()


def _period_cache_key(day: date) -> str:
    return f"notices:election-period:{day.isoformat()}"


def current_period() -> ElectionPeriod | None:
    """period_on(now), cached briefly: the banner on every page costs at most one query."""
    key = _period_cache_key(timezone.localdate())
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = period_on()
        cache.set(key, found, PERIOD_CACHE_SECONDS)
    if found is not None and not found.is_on():
        return None  # ended within the cache's lifetime in another process
    return found


def forget_current_period() -> None:
    cache.delete(_period_cache_key(timezone.localdate()))


def overlapping_periods(
    starts_on: date, last_day: date, exclude_pk: int | None = None
) -> QuerySet[ElectionPeriod]:
    qs = ElectionPeriod.objects.filter(starts_on__lte=last_day, last_day__gte=starts_on)
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def periods_visible_to(user) -> QuerySet[ElectionPeriod]:
    if not getattr(user, "is_authenticated", False):
        return ElectionPeriod.objects.none()
    return ElectionPeriod.objects.all()


def period_for(user, pk) -> ElectionPeriod:
    return visible_or_404(periods_visible_to(user).select_related("declared_by", "ended_by"), pk=pk)


def guidance_recipients(*, all_officers: bool, on: date | None = None) -> list:
    """Members in office and officers (senior officers only, 003 §11.3, unless all_officers):
    the users a declared period's guidance is emailed to."""
    on = on or timezone.localdate()
    members = Councillor.objects.serving(on)
    officers = Officer.objects.active()
    if not all_officers:
        acting = Q(acting_posts__acting_until__isnull=True) | Q(acting_posts__acting_until__gte=on)
        senior = Q(post__tier__lte=Tier.HEAD_OF_SERVICE, post__is_active=True) | (
            Q(acting_posts__tier__lte=Tier.HEAD_OF_SERVICE, acting_posts__is_active=True) & acting
        )
        officers = officers.filter(senior).distinct()
    users = [c.user for c in members.select_related("user")]
    users += [o.user for o in officers.select_related("user")]
    return users


# --- The council's protocol: versions and who has read them -----------------------------------


def reads_the_protocol(person: Person) -> bool:
    """Members in office and officers are asked to read each version and confirm it."""
    return person.councillor is not None or person.officer is not None


def current_protocol() -> ProtocolVersion | None:
    return ProtocolVersion.objects.order_by("-published_at", "-pk").first()


def protocol_version_for(pk: int) -> ProtocolVersion:
    """Any version, for anyone signed in: the protocol is not confidential."""
    return visible_or_404(ProtocolVersion.objects.select_related("published_by"), pk=pk)


def protocol_readers(*, kind: str = "") -> QuerySet:
    """The people asked to read the protocol: members in office and officers who can sign in
    ("members" or "officers" for one side only)."""
    people = get_user_model().objects.filter(is_active=True)
    members = Q(councillor__in=Councillor.objects.serving())
    officers = Q(officer__in=Officer.objects.active())
    who = {"members": members, "officers": officers}.get(kind, members | officers)
    return people.filter(who).order_by("last_name", "first_name", "pk")


def protocol_not_read(version: ProtocolVersion, *, kind: str = "") -> QuerySet:
    return protocol_readers(kind=kind).exclude(protocol_readings__version=version)


def protocol_reading(user, version: ProtocolVersion) -> ProtocolReading | None:
    return ProtocolReading.objects.filter(user=user, version=version).first()


def protocol_unread_for(user) -> QuerySet[ProtocolVersion]:
    """The current version, if `user` has not confirmed reading it (for a count on the home
    page, asked with its other counts)."""
    latest = ProtocolVersion.objects.order_by("-published_at", "-pk").values("pk")[:1]
    return ProtocolVersion.objects.filter(pk__in=latest).exclude(readings__user=user)
