"""Who a signed-in person is in the council, worked out from the registers (ORG-3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.utils import timezone

from protocol_site.register_cache import kept

from .ladder import case_parties, monitoring_officers_now
from .models import DIRECTOR_TIERS, Councillor, Officer, Post, StatutoryRole, Tier

DEMOCRATIC_SERVICES_GROUP = "Democratic services"


class Role(StrEnum):
    COUNCILLOR = "councillor"
    GROUP_LEADER = "group_leader"
    OFFICER = "officer"
    LINE_MANAGER = "line_manager"
    ASSISTANT_DIRECTOR = "assistant_director"
    DIRECTOR = "director"
    CHIEF_EXECUTIVE = "chief_executive"
    MONITORING_OFFICER = "monitoring_officer"
    DEMOCRATIC_SERVICES = "democratic_services"


ROLE_LABELS = {
    Role.COUNCILLOR: "Councillor",
    Role.GROUP_LEADER: "Group Leader",
    Role.OFFICER: "Officer",
    Role.LINE_MANAGER: "Line manager",
    Role.ASSISTANT_DIRECTOR: "Assistant Director",
    Role.DIRECTOR: "Director",
    Role.CHIEF_EXECUTIVE: "Chief Executive",
    Role.MONITORING_OFFICER: "Monitoring Officer",
    Role.DEMOCRATIC_SERVICES: "Democratic services",
}


@dataclass
class Person:
    """The signed-in person's place in the council; built once per request."""

    user: object
    officer: Officer | None = None
    councillor: Councillor | None = None
    roles: frozenset[Role] = field(default_factory=frozenset)
    # The statutory roles the person holds (StatutoryRole.Kind values).
    statutory_kinds: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_deputy_monitoring_officer(self) -> bool:
        return StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER in self.statutory_kinds

    @property
    def role_labels(self) -> list[str]:
        labels = [ROLE_LABELS[r] for r in Role if r in self.roles]
        if self.is_deputy_monitoring_officer:
            if self.has(Role.MONITORING_OFFICER):
                acting = ROLE_LABELS[Role.MONITORING_OFFICER]
                labels[labels.index(acting)] = f"Deputy {acting}, acting as {acting}"
            else:
                labels.append(f"Deputy {ROLE_LABELS[Role.MONITORING_OFFICER]}")
        return labels

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def directed_directorate_ids(self) -> frozenset[int]:
        """The directorates whose Director (or Executive/Strategic Director) post this person
        holds, or acts up into today."""
        if self.officer is None:
            return frozenset()
        today = timezone.localdate()
        posts = [self.officer.post] if self.officer.post is not None else []
        posts += [post for post in self.officer.acting_posts.all() if post.acting_in_force(today)]
        return frozenset(
            post.directorate_id
            for post in posts
            if post.is_active and post.tier in DIRECTOR_TIERS and post.directorate_id
        )

    @property
    def sees_all_visits(self) -> bool:
        """Democratic services and the Monitoring Officer see every member's visit (REG-3)."""
        return self.can_manage_organisation or self.has(Role.MONITORING_OFFICER)

    @property
    def uses_visits(self) -> bool:
        """Councillors ask for visits, Directors arrange them, the rest above see them all."""
        return (
            self.councillor is not None
            or bool(self.directed_directorate_ids)
            or self.sees_all_visits
        )

    @property
    def can_manage_organisation(self) -> bool:
        return Role.DEMOCRATIC_SERVICES in self.roles or bool(
            getattr(self.user, "is_superuser", False)
        )


def _with_profiles(user):
    """The user again, with their officer and councillor records and what their roles hang on,
    in one query: the extra lookups below run only for the few who act up or hold a
    statutory role."""
    officer_post = OuterRef("officer__post_id")
    rows = (
        get_user_model()
        ._default_manager.select_related(
            "officer__post__service",
            "officer__post__directorate",
            "councillor__ward",
            "councillor__group__protocol_contact__user",
            "councillor__leads_group",
        )
        .annotate(
            _democratic_services=Exists(
                Group.objects.filter(user=OuterRef("pk"), name=DEMOCRATIC_SERVICES_GROUP)
            ),
            _acts_up=Exists(Post.objects.filter(acting_holder_id=OuterRef("officer__id"))),
            _statutory=Exists(StatutoryRole.objects.filter(officer_id=OuterRef("officer__id"))),
            _manages=Exists(Post.objects.active().filter(reports_to_id=officer_post)),
        )
        .filter(pk=user.pk)
        .order_by()[:1]  # one row: no sort to compile or run
    )
    return next(iter(rows), None)


def _empty_prefetch(instance, name: str, model) -> None:
    """Mark a relation as prefetched and empty, so reading it costs no query."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = model.objects.none()


def person_for(user) -> Person:
    """Who `user` is in the council today: worked out once a request, and kept between
    requests until the registers change (protocol_site.register_cache)."""
    if not getattr(user, "is_authenticated", False):
        return Person(user=user)
    cached = getattr(user, "_person_cache", None)
    if cached is not None:
        return cached
    today = timezone.localdate().isoformat()
    person = kept(f"person:{user.pk}:{today}", lambda: _person(user))
    person.user = user
    for profile in (person.officer, person.councillor):
        if profile is not None:
            profile.user = user
    user._person_cache = person
    return person


def _person(user) -> Person:
    roles: set[Role] = set()
    kinds: frozenset[str] = frozenset()
    row = _with_profiles(user)
    officer = getattr(row, "officer", None) if row is not None else None
    councillor = getattr(row, "councillor", None) if row is not None else None
    if officer is not None and not officer.is_active:
        officer = None
    if officer is not None:
        officer.user = user
        if row._acts_up:
            acting = Post.objects.select_related("service", "directorate")
            prefetch_related_objects([officer], Prefetch("acting_posts", queryset=acting))
        else:
            _empty_prefetch(officer, "acting_posts", Post)
        if row._statutory:
            prefetch_related_objects([officer], "statutory_roles")
        else:
            _empty_prefetch(officer, "statutory_roles", StatutoryRole)
        roles.add(Role.OFFICER)
        post = officer.working_post
        if post is not None:
            manages = (
                row._manages
                if post.pk == officer.post_id
                else post.direct_reports.active().exists()
            )
            if manages:
                roles.add(Role.LINE_MANAGER)
            if post.tier == Tier.ASSISTANT_DIRECTOR:
                roles.add(Role.ASSISTANT_DIRECTOR)
            elif post.tier in DIRECTOR_TIERS:
                roles.add(Role.DIRECTOR)
            elif post.tier == Tier.CHIEF_EXECUTIVE:
                roles.add(Role.CHIEF_EXECUTIVE)
        kinds = frozenset(
            statutory.kind for statutory in officer.statutory_roles.all() if not statutory.is_away()
        )
        if StatutoryRole.Kind.HEAD_OF_PAID_SERVICE in kinds:
            roles.add(Role.CHIEF_EXECUTIVE)
        if _holds_monitoring_officers_powers(kinds):
            roles.add(Role.MONITORING_OFFICER)
    if councillor is not None:
        councillor.user = user
        roles.add(Role.COUNCILLOR)
        if getattr(councillor, "leads_group", None) is not None:
            roles.add(Role.GROUP_LEADER)
    if row is not None and row._democratic_services:
        roles.add(Role.DEMOCRATIC_SERVICES)
    return Person(
        user=user,
        officer=officer,
        councillor=councillor,
        roles=frozenset(roles),
        statutory_kinds=kinds,
    )


def _holds_monitoring_officers_powers(kinds: frozenset[str]) -> bool:
    """The Monitoring Officer in post does; the Deputy does while the Monitoring Officer is
    absent (recorded as away, or not in post) or the post vacant
    (registers.ladder.MonitoringOfficers says who)."""
    if StatutoryRole.Kind.MONITORING_OFFICER in kinds:
        return True
    if StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER in kinds:
        return monitoring_officers_now().deputy_acts_everywhere()
    return False


def may_act_as_monitoring_officer(user, case=None) -> bool:
    """The one rule for the Monitoring Officer's powers (the complaint queue, referral to the
    Standards Committee, the outcome report, patterns, pre-election periods, the annual
    report). Without `case`: whoever holds them in general, the Monitoring Officer or, while
    they are absent or the post is vacant, the Deputy. On `case` (anything with
    `party_user_ids`): whoever acts on it, never one of its parties, so the Deputy when the
    Monitoring Officer raised it or is its subject. Costs no query unless `user` is the Deputy."""
    person = person_for(user)
    if case is None:
        return person.has(Role.MONITORING_OFFICER)
    kinds = person.statutory_kinds
    parties = case_parties(case)
    if user.pk in parties:
        return False
    if StatutoryRole.Kind.MONITORING_OFFICER in kinds:
        return True
    if StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER not in kinds:
        return False
    acting = monitoring_officers_now().acting(parties)
    return acting is not None and acting.user_id == user.pk


def democratic_services_group() -> Group:
    group, _ = Group.objects.get_or_create(name=DEMOCRATIC_SERVICES_GROUP)
    return group


def require_person(request, predicate: Callable[[Person], bool]) -> Person:
    """The signed-in person, or 403 when their role does not reach the page."""
    person = person_for(request.user)
    if not predicate(person):
        raise PermissionDenied
    return person
