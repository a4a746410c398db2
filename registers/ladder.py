"""The escalation ladder: for an officer, who is their line manager, Assistant Director,
Director, Chief Executive, Monitoring Officer and Leader.

Vacant rungs are skipped, an acting holder fills a post, a rung held by someone already
on the ladder (or by the officer) is skipped, and callers may exclude conflicted people
(the hook REG-2's relationship declarations plug into).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from protocol_site.request_memo import memo_prime, memoised

from .models import DIRECTOR_TIERS, CouncillorRole, Officer, Post, Service, StatutoryRole, Tier


class Rung(StrEnum):
    LINE_MANAGER = "line_manager"
    ASSISTANT_DIRECTOR = "assistant_director"
    DIRECTOR = "director"
    CHIEF_EXECUTIVE = "chief_executive"
    MONITORING_OFFICER = "monitoring_officer"
    LEADER = "leader"


RUNG_LABELS = {
    Rung.LINE_MANAGER: "Line manager",
    Rung.ASSISTANT_DIRECTOR: "Assistant Director",
    Rung.DIRECTOR: "Director",
    Rung.CHIEF_EXECUTIVE: "Chief Executive",
    Rung.MONITORING_OFFICER: "Monitoring Officer",
    Rung.LEADER: "Leader of the Council",
}

DEFAULT_LADDER = (
    Rung.LINE_MANAGER,
    Rung.ASSISTANT_DIRECTOR,
    Rung.DIRECTOR,
    Rung.MONITORING_OFFICER,
)


@dataclass(frozen=True)
class Step:
    rung: Rung
    user_id: int
    person: object  # an Officer, or a Councillor for the Leader
    # A stand-in for the rung's holder, who cannot act: the Deputy Monitoring Officer.
    stands_in: bool = False

    @property
    def label(self) -> str:
        if self.stands_in and self.rung == Rung.MONITORING_OFFICER:
            return "Deputy Monitoring Officer"
        return RUNG_LABELS[self.rung]


def posts_above(post: Post | None) -> list[Post]:
    """The chain of posts above `post`, nearest first, with their holders: one query however
    deep the structure, and once per page view."""
    if post is None or not post.reports_to_id:
        return []
    return memoised(("posts_above", post.pk, post.reports_to_id), lambda: _chain_above(post))


_ABOVE_SQL = """
    WITH RECURSIVE above(id) AS (
        SELECT CAST(%s AS bigint)
        UNION
        SELECT p.reports_to_id FROM {table} p JOIN above ON p.id = above.id
        WHERE p.reports_to_id IS NOT NULL
    )
    SELECT id FROM above
"""


_BELOW_SQL = """
    WITH RECURSIVE below(id) AS (
        SELECT id FROM {table} WHERE reports_to_id = %s
        UNION
        SELECT p.id FROM {table} p JOIN below ON p.reports_to_id = below.id
    )
    SELECT id FROM below
"""


# On PostgreSQL the walk goes a level at a time, each level one index read of the posts that
# report to any post of the level above (a Director's part of a large council, some two thousand
# posts, in a few milliseconds, where joining a level at a time read every post at each level).
# A structure is a tree; the depth limit only stops a loop saved by mistake.
_BELOW_BY_LEVEL_SQL = """
    WITH RECURSIVE below(ids, depth) AS (
        SELECT ARRAY(SELECT id FROM {table} WHERE reports_to_id = %s), 1
        UNION ALL
        SELECT ARRAY(SELECT p.id FROM {table} p WHERE p.reports_to_id = ANY(below.ids)), depth + 1
        FROM below WHERE cardinality(below.ids) > 0 AND depth < 64
    )
    SELECT unnest(ids) FROM below
"""


def posts_below(post: Post) -> RawSQL:
    """The ids of every post under `post` in the structure, as a subquery for `__in` (no query
    of its own, however deep the structure)."""
    sql = _BELOW_BY_LEVEL_SQL if connection.vendor == "postgresql" else _BELOW_SQL
    return RawSQL(sql.format(table=Post._meta.db_table), [post.pk])


def officers_below(post: Post) -> QuerySet[Officer]:
    """The officers in the part of the council under `post`: holding a post anywhere below it,
    or acting up into one today. A subquery (no query of its own), which the database reads
    once and hashes: a Director's part of a large council holds thousands."""
    today = timezone.localdate()
    acting = Post.objects.filter(
        Q(acting_until__isnull=True) | Q(acting_until__gte=today),
        acting_holder__isnull=False,
        pk__in=posts_below(post),
    ).values("acting_holder_id")
    return Officer.objects.filter(Q(post_id__in=posts_below(post)) | Q(pk__in=acting))


def _chain_above(post: Post) -> list[Post]:
    ids = RawSQL(_ABOVE_SQL.format(table=Post._meta.db_table), [post.reports_to_id])
    return _walk_up(post, _posts_with_holders(ids))


def _posts_with_holders(ids) -> dict[int, Post]:
    return {
        p.pk: p
        for p in Post.objects.select_related("holder__user", "acting_holder__user").filter(
            pk__in=ids
        )
    }


_ABOVE_MANY_SQL = """
    WITH RECURSIVE above(id) AS (
        SELECT id FROM {table} WHERE id IN ({starts})
        UNION
        SELECT p.reports_to_id FROM {table} p JOIN above ON p.id = above.id
        WHERE p.reports_to_id IS NOT NULL
    )
    SELECT id FROM above
"""


def prime_posts_above(posts: Iterable[Post | None]) -> None:
    """Read the chains above many posts at once (one query) into the memo, so `posts_above`
    asks nothing more for any of them in a batch of work (see request_memo.memo_scope)."""
    posts = {post.pk: post for post in posts if post is not None and post.reports_to_id}
    starts = sorted({post.reports_to_id for post in posts.values()})
    if not starts:
        return
    sql = _ABOVE_MANY_SQL.format(table=Post._meta.db_table, starts=", ".join(["%s"] * len(starts)))
    found = _posts_with_holders(RawSQL(sql, starts))
    for post in posts.values():
        memo_prime(("posts_above", post.pk, post.reports_to_id), _walk_up(post, found))


def _walk_up(post: Post, found: dict[int, Post]) -> list[Post]:
    chain, seen = [], set()
    current = post.reports_to_id
    while current and current not in seen and current in found:
        seen.add(current)
        chain.append(found[current])
        current = found[current].reports_to_id
    return chain


def _occupant(post: Post) -> Officer | None:
    """The acting holder if active, else the substantive holder if active."""
    for occupant in (post.acting_holder_now(), getattr(post, "holder", None)):
        if occupant is not None and occupant.is_active:
            return occupant
    return None


def statutory_officers() -> dict[str, Officer]:
    """The officers in post in each statutory role, by kind (one query, once per page view)."""
    return memoised("statutory_officers", _statutory_officers)


def _statutory_officers() -> dict[str, Officer]:
    roles = StatutoryRole.objects.in_post().select_related("officer__user")
    return {role.kind: role.officer for role in roles}


def _statutory_officer(kind: str) -> Officer | None:
    return statutory_officers().get(kind)


def chief_executive() -> Officer | None:
    officer = _statutory_officer(StatutoryRole.Kind.HEAD_OF_PAID_SERVICE)
    if officer is not None:
        return officer
    for post in (
        Post.objects.active()
        .select_related("holder__user", "acting_holder__user")
        .filter(tier=Tier.CHIEF_EXECUTIVE)
    ):
        occupant = _occupant(post)
        if occupant is not None:
            return occupant
    return None


def monitoring_officers() -> Iterator[Officer | None]:
    """The Monitoring Officer, then the Deputy, who acts when the MO cannot (absent, already
    on the ladder, the subject of the matter, or conflicted). Both come from one query."""
    officers = statutory_officers()
    yield officers.get(StatutoryRole.Kind.MONITORING_OFFICER)
    yield officers.get(StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER)


@dataclass(frozen=True)
class MonitoringOfficers:
    """The Monitoring Officer and the Deputy in post (either may be None): who of them holds
    the Monitoring Officer's powers, in general or on one case.

    The Monitoring Officer holds them. The Deputy holds them while the Monitoring Officer is
    absent (recorded as away for those days, or their officer record or account switched
    off) or the post is vacant, and, on one case only, when the Monitoring Officer is a party
    to it. Nobody acts as Monitoring Officer on a case they are a party to."""

    holder: Officer | None
    deputy: Officer | None

    def acting(self, parties: Iterable[int] = ()) -> Officer | None:
        """Who acts as Monitoring Officer on a case with these parties (user ids)."""
        parties = set(parties)
        for officer in (self.holder, self.deputy):
            if officer is not None and officer.user_id not in parties:
                return officer
        return None

    def deputy_acts_everywhere(self) -> bool:
        return self.holder is None and self.deputy is not None


def monitoring_officers_now() -> MonitoringOfficers:
    """The Monitoring Officer and the Deputy in post (one query, once per page view)."""
    officers = statutory_officers()
    return MonitoringOfficers(
        holder=officers.get(StatutoryRole.Kind.MONITORING_OFFICER),
        deputy=officers.get(StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER),
    )


def case_parties(case) -> tuple[int, ...]:
    """The user ids of a case's parties (whoever raised it, whoever it is about): a case says
    so with `party_user_ids`; no case, no parties."""
    return tuple(getattr(case, "party_user_ids", ())) if case is not None else ()


def acting_monitoring_officer(case=None) -> Officer | None:
    """Who holds the Monitoring Officer's powers: in general, or on `case` (a Monitoring
    Officer who raised it or is its subject does not, and the Deputy does)."""
    return monitoring_officers_now().acting(case_parties(case))


def monitoring_officer_user(case=None):
    """The user of whoever acts as Monitoring Officer, in general or on `case`."""
    officer = acting_monitoring_officer(case)
    return officer.user if officer is not None else None


def _councillor_in_role(kind: str):
    role = (
        CouncillorRole.objects.current()
        .select_related("councillor__user")
        .filter(kind=kind)
        .order_by("starts_on", "pk")
        .first()
    )
    return role.councillor if role else None


def _leader():
    return _councillor_in_role(CouncillorRole.Kind.LEADER)


def leader_of_council():
    """The Leader of the Council (a Councillor), or None."""
    return _leader()


def standards_chair():
    """The chair of the Standards Committee (a Councillor), or None."""
    return _councillor_in_role(CouncillorRole.Kind.STANDARDS_CHAIR)


def senior_hr_manager() -> Officer | None:
    """The Senior Human Resources Manager named in the registers, if in post."""
    return _statutory_officer(StatutoryRole.Kind.SENIOR_HR_MANAGER)


def ladder_for(
    officer: Officer,
    rungs: Iterable[Rung] = DEFAULT_LADDER,
    *,
    exclude_user_ids: Iterable[int] = (),
    is_conflicted: Callable[[int], bool] | None = None,
) -> list[Step]:
    """The people, in order, a matter about `officer`'s work escalates to.

    `exclude_user_ids`: people who must not handle it (e.g. earlier handlers);
    `is_conflicted(user_id)`: the declarations register's check, skipped when it says yes.
    """
    chain = posts_above(officer.working_post)
    occupied = [(post, occ) for post in chain if (occ := _occupant(post)) is not None]
    excluded = {officer.user_id, *exclude_user_ids}
    steps: list[Step] = []

    def candidates(rung: Rung) -> Iterable[Officer | None]:
        """Who may take the rung, first choice first; the rest stand in for the first."""
        if rung == Rung.LINE_MANAGER:
            return [next((occ for _, occ in occupied if occ.pk != officer.pk), None)]
        if rung == Rung.ASSISTANT_DIRECTOR:
            return [next((o for p, o in occupied if p.tier == Tier.ASSISTANT_DIRECTOR), None)]
        if rung == Rung.DIRECTOR:
            return [next((o for p, o in occupied if p.tier in DIRECTOR_TIERS), None)]
        if rung == Rung.CHIEF_EXECUTIVE:
            return [chief_executive()]
        if rung == Rung.MONITORING_OFFICER:
            return monitoring_officers()
        if rung == Rung.LEADER:
            return [_leader()]
        raise ValueError(f"Unknown rung {rung!r}")

    for rung in rungs:
        for choice, person in enumerate(candidates(Rung(rung))):
            if person is None or person.user_id in excluded:
                continue
            if is_conflicted is not None and is_conflicted(person.user_id):
                continue
            excluded.add(person.user_id)
            steps.append(
                Step(rung=Rung(rung), user_id=person.user_id, person=person, stands_in=choice > 0)
            )
            break
    return steps


def line_manager_of(officer: Officer) -> Officer | None:
    steps = ladder_for(officer, (Rung.LINE_MANAGER,))
    return steps[0].person if steps else None


def director_of(officer: Officer) -> Officer | None:
    steps = ladder_for(officer, (Rung.DIRECTOR,))
    return steps[0].person if steps else None


def director_for_service(service: Service) -> Officer | None:
    """The Director (or Executive/Strategic Director) over the service's directorate: the
    acting holder where there is one. A Director's post is preferred to an Executive one."""
    return first_occupant(
        Post.objects.active()
        .filter(directorate_id=service.directorate_id, tier__in=DIRECTOR_TIERS)
        .order_by("-tier", "pk")
    )


def head_of_service_for(service: Service) -> Officer | None:
    """The most senior occupied post of Head of Service tier or above within the service."""
    return first_occupant(
        Post.objects.active()
        .filter(service=service, tier__lte=Tier.HEAD_OF_SERVICE)
        .order_by("-tier", "pk")
    )


def first_occupant(posts) -> Officer | None:
    """The occupant (acting holder first) of the first of `posts` that has an active one."""
    for post in posts.select_related("holder__user", "acting_holder__user"):
        occupant = _occupant(post)
        if occupant is not None:
            return occupant
    return None
