"""ENQ-2: to whom a new enquiry goes, and why, in neutral words that read the same to the
councillor, the officer who has it and anyone else who may see it (no "you").

REG-2: an officer with a declared relationship with the councillor never handles their
enquiries. A conflicted approached officer is passed over as if nobody had been approached; a
conflicted head of service gives way to the Director; a conflicted Director to the Chief
Executive. The declarations register is read once for the whole route (`conflict_check`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError

from declarations.conflicts import related_user_ids
from protocol_site.cases import long_date
from protocol_site.protocol_refs import protocol_ref
from registers.cover.rules import absence_on
from registers.ladder import Rung, director_for_service, head_of_service_for, ladder_for
from registers.models import Councillor, Officer, Service, Tier

from .models import Enquiry

JUNIOR_TIERS = (Tier.MANAGER, Tier.OFFICER)
# Said of an officer the councillor has a declared relationship with, without saying so to
# readers who may not see the declaration.
DECLARED = "may not handle their enquiries"


@dataclass(frozen=True)
class Route:
    assigned_to: Officer
    director: Officer | None
    reason: str
    policy_flagged: bool = False
    team_queue: bool = False  # waits unallocated in the service's team queue


@dataclass(frozen=True)
class Senior:
    """The senior officer copied on an enquiry: its service's Director, or a stand-in."""

    officer: Officer | None
    role: str = "Director"
    note: str = ""  # why it is not the Director, for the councillor


def conflict_check(councillor: Councillor) -> Callable[[int], bool]:
    """`is_conflicted(user_id)` for this councillor: True for anyone with a declared relationship
    with them in effect (registers.ladder.ladder_for takes it). One query, on the first call."""
    related: set[int] | None = None

    def is_conflicted(user_id: int) -> bool:
        nonlocal related
        if related is None:
            related = related_user_ids(councillor.user_id)
        return user_id in related

    return is_conflicted


def require_not_conflicted(
    officer: Officer,
    councillor: Councillor,
    *,
    is_conflicted: Callable[[int], bool] | None = None,
    field: str = "to",
) -> None:
    """A manager passing the enquiry on cannot pass it to someone the councillor is related to."""
    is_conflicted = is_conflicted or conflict_check(councillor)
    if is_conflicted(officer.user_id):
        raise ValidationError(
            {
                field: f"{officer} has a declared relationship with {councillor}, so cannot "
                "deal with their enquiries. Select another officer."
            }
        )


def senior_for(service: Service, is_conflicted: Callable[[int], bool]) -> Senior:
    """The service's Director; if they are conflicted, the Chief Executive in their place."""
    director = director_for_service(service)
    if director is None or not is_conflicted(director.user_id):
        return Senior(director)
    steps = ladder_for(director, (Rung.CHIEF_EXECUTIVE,), is_conflicted=is_conflicted)
    stand_in = steps[0].person if steps else None
    if stand_in is None:
        raise ValidationError(
            {
                "service": "The Director of this service cannot take enquiries from you, and there "
                "is nobody above them to route to"
            }
        )
    return Senior(
        stand_in,
        role="Chief Executive",
        note=f" The Director, {director}, {DECLARED}, so {stand_in} (Chief Executive) takes "
        "their place.",
    )


def route(
    *,
    service: Service,
    kind: str,
    approached: Officer | None,
    councillor: Councillor,
) -> Route:
    """Who a new enquiry goes to, and why: the protocol's route, then the service's team
    queue where it keeps one, then cover for an officer who is away today."""
    routed = _protocol_route(
        service=service, kind=kind, approached=approached, councillor=councillor
    )
    return with_cover(with_team_queue(routed, service, kind, approached), service)


def with_team_queue(routed: Route, service: Service, kind: str, approached) -> Route:
    """Casework with no named officer, for a service that keeps a team queue, waits there
    (held for the clock by its head of service) until allocated or picked up."""
    head = head_of_service_for(service)
    if (
        service.team_queue
        and kind == Enquiry.Kind.CASEWORK
        and approached is None
        and head is not None
        and routed.assigned_to.pk == head.pk
    ):
        return replace(
            routed,
            team_queue=True,
            reason=f"{routed.reason} {service} keeps a team queue, so it waits there for "
            f"{head} to allocate or an officer of the service to pick up.",
        )
    return routed


def with_cover(routed: Route, service: Service) -> Route:
    """An officer away today: their cover takes it; with nobody covering, it waits in the
    service's team queue, held by the head of service (or the Director, without one)."""
    absence = absence_on(routed.assigned_to)
    if absence is None:
        return routed
    away = routed.assigned_to
    until = long_date(absence.ends_on)
    cover = absence.cover
    if cover is not None and cover.is_active:
        return replace(
            routed,
            assigned_to=cover,
            reason=f"{routed.reason} {away} is away until {until}, so it went to {cover}, "
            "who is covering.",
        )
    holder = head_of_service_for(service) or routed.director
    if holder is None or holder.pk == away.pk:
        return routed
    return replace(
        routed,
        assigned_to=holder,
        team_queue=True,
        reason=f"{routed.reason} {away} is away until {until} with nobody covering, so it "
        f"waits in the {service} team queue for {holder} to allocate.",
    )


def _protocol_route(
    *,
    service: Service,
    kind: str,
    approached: Officer | None,
    councillor: Councillor,
) -> Route:
    is_conflicted = conflict_check(councillor)
    senior = senior_for(service, is_conflicted)
    director = senior.officer
    copied = (
        f" {director} ({senior.role}) is copied, as the protocol asks"
        f"{protocol_ref('enquiry_director_copied')}."
        if director
        else ""
    ) + senior.note
    passed_over = ""
    if approached is not None and is_conflicted(approached.user_id):
        passed_over = (
            f"{councillor} approached {approached}, who {DECLARED}, so it was routed as if "
            "nobody had been approached. "
        )
        approached = None
    if approached is not None:
        tier = approached.working_post.tier if approached.working_post else Tier.OFFICER
        junior = tier in JUNIOR_TIERS
        if kind == Enquiry.Kind.GENERAL and junior:
            if director is None:
                raise ValidationError({"service": "This service has no Director to route to"})
            return Route(
                assigned_to=director,
                director=director,
                policy_flagged=True,
                reason=(
                    f"{councillor} approached {approached} directly, but general or policy "
                    "questions go through the Director rather than junior staff"
                    f"{protocol_ref('enquiry_routing')}, so it went to "
                    f"{director}.{senior.note}"
                ),
            )
        return Route(
            assigned_to=approached,
            director=director,
            reason=(
                f"{councillor} approached {approached} directly"
                + (
                    f" about casework, which is proper{protocol_ref('enquiry_routing')}."
                    if junior
                    else "."
                )
                + copied
            ),
        )
    if kind == Enquiry.Kind.CASEWORK:
        head = head_of_service_for(service)
        if head is not None and not is_conflicted(head.user_id):
            return Route(
                assigned_to=head,
                director=director,
                reason=(
                    f"{passed_over}Casework for {service} goes to its head of service, "
                    f"{head}.{copied}"
                ),
            )
        if head is not None:
            passed_over += (
                f"Casework for {service} goes to its head of service, but {head} {DECLARED}. "
            )
    if director is None:
        raise ValidationError({"service": "This service has no Director to route to"})
    return Route(
        assigned_to=director,
        director=director,
        reason=(
            f"{passed_over}General enquiries go through the Director of the service"
            f"{protocol_ref('enquiry_routing')}: {director}.{senior.note}"
            if kind == Enquiry.Kind.GENERAL or not passed_over
            else f"{passed_over}It went to {director}.{senior.note}"
        ),
    )
